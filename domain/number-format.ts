import type { Kurus } from './types.ts';

/**
 * Amount parsing. Statements print `1.234.567,89` (Turkish), `1,234,567.89` (English),
 * `1234567,89` (spreadsheet exports) and integers in thousands (`112.018` in a Bin TL
 * statement). A single token is ambiguous (`112.018`), so the decimal separator is decided
 * once per document from all its tokens, then every token is read with it.
 */
export type DecimalSeparator = ',' | '.';

const AMOUNT = /^\(?[-−–]?\s?[\d.,' ]*\d[\d.,' ]*\)?$/;
const DASH = /^[-−–—]$/;

/** Looks like a printed amount (including a lone dash for zero). */
export function isAmountToken(text: string): boolean {
  const t = text.trim();
  if (DASH.test(t)) return true;
  if (!AMOUNT.test(t)) return false;
  const digits = t.replace(/\D/g, '');
  return digits.length > 0;
}

/** Votes for the decimal separator across a document's amount tokens. */
export function detectDecimalSeparator(tokens: Iterable<string>): DecimalSeparator {
  let comma = 0;
  let dot = 0;
  for (const raw of tokens) {
    const t = raw.replace(/[()\s−–-]/g, '');
    if (/\d,\d{1,2}$/.test(t) || /\d\.\d{3}(\.\d{3})*(,|$)/.test(t)) comma++;
    if (/\d\.\d{1,2}$/.test(t) || /\d,\d{3}(,\d{3})*(\.|$)/.test(t)) dot++;
  }
  return dot > comma ? '.' : ',';
}

export interface ParsedAmount {
  /** Hundredths of the printed unit (kuruş for a TL statement), signed as printed. */
  value: Kurus;
  negative: boolean;
}

export function parseAmount(text: string, decimal: DecimalSeparator): ParsedAmount | null {
  let t = text.trim().replace(/\s+/g, '').replace(/[−–]/g, '-').replace(/'/g, '');
  if (DASH.test(t)) return { value: 0, negative: false };
  let negative = false;
  if (t.startsWith('(') && t.endsWith(')')) {
    negative = true;
    t = t.slice(1, -1);
  } else if (t.startsWith('(') || t.endsWith(')')) {
    // OCR sometimes loses one parenthesis; one is still a sign.
    negative = true;
    t = t.replace(/[()]/g, '');
  }
  if (t.startsWith('-')) {
    negative = true;
    t = t.slice(1);
  }
  if (!/^\d[\d.,]*$/.test(t)) return null;
  const thousands = decimal === ',' ? '.' : ',';
  const lastDec = t.lastIndexOf(decimal);
  let intPart = t;
  let fracPart = '';
  if (lastDec >= 0) {
    intPart = t.slice(0, lastDec);
    fracPart = t.slice(lastDec + 1);
    // "1.234" in a comma-decimal document is an integer with a thousands dot, never 1.234;
    // a three-digit "fraction" after the decimal separator means it was a grouping mark.
    if (fracPart.length > 2 || fracPart.length === 0 || intPart.includes(decimal)) return null;
  }
  const groups = intPart.split(thousands);
  if (groups.length > 1 && groups.slice(1).some((g) => g.length !== 3)) return null;
  const digits = groups.join('');
  if (!/^\d+$/.test(digits)) return null;
  const value = Number(digits) * 100 + Number((fracPart + '00').slice(0, 2));
  return { value: negative ? -value : value, negative };
}

const UNIT_SCALE = { TL: 1, 'Bin TL': 1000, 'Milyon TL': 1_000_000 } as const;
export type Unit = keyof typeof UNIT_SCALE;

export function unitScale(unit: Unit): number {
  return UNIT_SCALE[unit];
}
