/**
 * "sektör C10", "sector: 51.10", "nace H51": a company's sector as a NACE Rev. 2 code, the way
 * TCMB's sector balance-sheet tables name theirs (section letter + division, `C10`). A class
 * (`51.10`) is kept at its division, the level the quartile tables publish; a division alone
 * gets its section letter; a letter that contradicts the division is refused, not corrected.
 */
export type SectorCommand = { kind: 'set'; code: string } | { kind: 'invalid'; raw: string };
// `invalid`: not a NACE code; a code a loaded quartile table uses verbatim is still accepted (bot/core/sector-service.ts).

// NACE Rev. 2 sections by their first and last division.
const SECTIONS: readonly [string, number, number][] = [
  ['A', 1, 3], ['B', 5, 9], ['C', 10, 33], ['D', 35, 35], ['E', 36, 39], ['F', 41, 43], ['G', 45, 47],
  ['H', 49, 53], ['I', 55, 56], ['J', 58, 63], ['K', 64, 66], ['L', 68, 68], ['M', 69, 75], ['N', 77, 82],
  ['O', 84, 84], ['P', 85, 85], ['Q', 86, 88], ['R', 90, 93], ['S', 94, 96], ['T', 97, 98], ['U', 99, 99],
];

/** The section a NACE division belongs to; null for a number that is no division. */
export function naceSection(division: number): string | null {
  return SECTIONS.find(([, from, to]) => division >= from && division <= to)?.[0] ?? null;
}

/** A typed NACE code in its stored form (`H51`, or a section alone: `H`); null when it is none. */
export function normalizeNace(raw: string): string | null {
  const m = /^([a-u])?\s*(?:(\d{1,2})(?:[.,]\d{1,2}(?:[.,]\d{1,2})?)?)?$/i.exec(raw.trim());
  if (!m || (!m[1] && !m[2])) return null;
  const letter = m[1]?.toUpperCase();
  if (!m[2]) return letter!;
  const division = Number(m[2]);
  const section = naceSection(division);
  if (!section || (letter && letter !== section)) return null;
  return `${section}${String(division).padStart(2, '0')}`;
}

const COMMAND = /^(?:sekt[öo]r(?:ümüz|umuz|ü|u)?|sector|nace)(?:\s+(?:kodu|kodumuz|code))?\s*(?:[:=]|\s)\s*(.+)$/i;

/** The sector command in a message, or null when the message is not one. */
export function parseSectorCommand(text: string): SectorCommand | null {
  const m = COMMAND.exec(text.trim().toLocaleLowerCase('tr'));
  if (!m) return null;
  const raw = m[1]!.trim();
  const code = normalizeNace(raw);
  if (code) return { kind: 'set', code };
  // "sektör ortalaması nedir?" is a question; one word after the command is a code (a loaded
  // table's own code such as `T10`, checked by the caller, or a mistyped one).
  return /^[\p{L}\d._-]{1,20}$/u.test(raw) ? { kind: 'invalid', raw } : null;
}
