/**
 * Numbers inside answer texts, with every reading their separators allow, so an answer (ours
 * or the LLM's) can be checked against the source values it cites.
 */
export interface NumberToken {
  raw: string;
  /** Readings of the token: "1.234" is 1234 in Turkish and 1.234 in English. */
  candidates: { value: number; decimals: number }[];
}

const DATE_RE = /\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/g;

/** Numbers in a text, each with its possible readings (Turkish and English separators). */
export function numberTokens(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of text.replace(DATE_RE, ' ').matchAll(/\d+(?:[.,]\d+)*/g)) out.push({ raw: m[0], candidates: readings(m[0]) });
  return out;
}

function readings(raw: string): { value: number; decimals: number }[] {
  const dots = (raw.match(/\./g) ?? []).length;
  const commas = (raw.match(/,/g) ?? []).length;
  if (dots === 0 && commas === 0) return [{ value: Number(raw), decimals: 0 }];
  if (dots && commas) {
    const decimalSep = raw.lastIndexOf('.') > raw.lastIndexOf(',') ? '.' : ',';
    const [int = '', frac = ''] = raw.split(decimalSep).length === 2 ? raw.split(decimalSep) : [raw, ''];
    return [{ value: Number(`${int.replace(/[.,]/g, '')}.${frac}`), decimals: frac.length }];
  }
  const sep = dots ? '.' : ',';
  const groups = raw.split(sep);
  const grouped = groups.slice(1).every((g) => g.length === 3) && groups[0]!.length <= 3;
  const out: { value: number; decimals: number }[] = [];
  if (grouped) out.push({ value: Number(groups.join('')), decimals: 0 });
  if (groups.length === 2) out.push({ value: Number(`${groups[0]}.${groups[1]}`), decimals: groups[1]!.length });
  return out;
}

const SCALES = [1, 100, 1e-3, 1e-6, 1e-9];

/** Does a shown number stand for one of the source values (as is, as a percentage, or in thousands/millions)? */
function supports(c: { value: number; decimals: number }, sources: readonly number[]): boolean {
  const half = 0.5 * 10 ** -c.decimals;
  return sources.some((src) =>
    SCALES.some((s) => {
      const v = Math.abs(src * s);
      // Whole numbers under 10 must be exact ("3" is not a rounded 2,6).
      if (c.decimals === 0 && c.value < 10) return Math.abs(v - c.value) < 1e-9;
      return Math.abs(v - c.value) <= half + 1e-9 * Math.max(1, v);
    }),
  );
}

/**
 * The numbers of `text` that no source value supports. Dates and years count as supported
 * when they are one of `periods`; everything else must round-trip to a source value.
 */
export function unsupportedNumbers(text: string, sources: readonly number[], periods: readonly string[]): string[] {
  const bad: string[] = [];
  const years = new Set(periods.map((p) => p.slice(0, 4)));
  for (const m of text.matchAll(DATE_RE)) {
    const iso = m[1] ? `${m[1]}-${m[2]}-${m[3]}` : `${m[6]}-${m[5]!.padStart(2, '0')}-${m[4]!.padStart(2, '0')}`;
    if (!periods.includes(iso)) bad.push(m[0]);
  }
  for (const n of numberTokens(text)) {
    if (/^\d{4}$/.test(n.raw) && years.has(n.raw)) continue;
    if (!n.candidates.some((c) => supports(c, sources))) bad.push(n.raw);
  }
  return bad;
}
