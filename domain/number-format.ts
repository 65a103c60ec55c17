import type { Kurus } from './types.ts';

/**
 * Amount parsing. Statements print `1.234.567,89` (Turkish), `1,234,567.89` (English),
 * `1234567,89` (spreadsheet exports) and integers in thousands (`112.018` in a Bin TL
 * statement). A single token is ambiguous (`112.018`), so the decimal separator is decided
 * once per document from all its tokens, then every token is read with it.
 */
export type DecimalSeparator = ',' | '.';

const AMOUNT = /^\(?[-−–]?\s?[\d.,' ]*\d[\d.,' ]*\)?\s?[-−–]?$/;
const DASH = /^[-−–—]$/;

// Currency marks printed on amounts: "₺1.234", "-₺1.234", "1.234 TL", "$ 12", "(€ 5)", and the
// Philippine peso typed as "P" with one or two strokes ("P =17,299,358", "P/ 1,234").
const MARK_BEFORE = /^([(]?\s*[-−–]?\s*)(?:₺|₱|\$|€|£|US\$|TL|TRY|USD|EUR|GBP|PHP|Php|P\s?=|P\s?\/|P)\s*(?=[-−–(]?\s?\d)/;
// A trailing minus may stand before the mark too ("1.234- TL").
const MARK_AFTER = /(\d[\d.,' ]*[-−–]?)\s*(?:₺|TL|TRY|USD|EUR|GBP|PHP)(\s*[)]?\s*[-−–]?)$/;

/** Arabic-Indic and Eastern Arabic-Indic digits as ASCII ("١٢٣" → "123"). */
function toAsciiDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.codePointAt(0)! & 0xf) % 10))
    .replace(/(?<=\d)\u066C(?=\d{3})/g, '')
    .replace(/\u066B/g, ',')
    // No-break and thin spaces group thousands ("1 234 567") like a plain space.
    .replace(/[\u00a0\u2007\u2009\u202f]/g, ' ');
}

/** The amount without a currency mark before or after it. */
export function stripCurrencyMark(text: string): string {
  return toAsciiDigits(text).trim().replace(MARK_BEFORE, '$1').replace(MARK_AFTER, '$1$2').trim();
}

/** Looks like a printed amount (including a lone dash for zero). */
// A trailing minus ("1.234-") is an amount only with a separator or three digits: "1-", "12-"
// number the lines of tax-return forms.
const SHORT_TRAILING_MINUS = /^\d{1,2}\s?[-−–]$/;

const hasCurrencyMark = (text: string) => stripCurrencyMark(text) !== toAsciiDigits(text).trim();

export function isAmountToken(text: string): boolean {
  const t = stripCurrencyMark(text);
  // With a currency mark ("75- TL") it is an amount all the same.
  if (SHORT_TRAILING_MINUS.test(t) && !hasCurrencyMark(text)) return false;
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
    // The mark comes off first: "8388353.98 TL" votes like "8388353.98".
    const t = stripCurrencyMark(raw).replace(/[()\s−–-]/g, '');
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
  let t = stripCurrencyMark(text).replace(/\s+/g, '').replace(/[−–]/g, '-').replace(/'/g, '');
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
  } else if (t.endsWith('-') && t.length > 1 && !(SHORT_TRAILING_MINUS.test(t) && !hasCurrencyMark(text))) {
    // "1.234-": the trailing minus of ledger printouts.
    negative = true;
    t = t.slice(0, -1);
  }
  if (!/^\d[\d.,]*\d$|^\d$/.test(t)) return null;
  const groups = t.split(/[.,]/);
  const seps = t.replace(/\d/g, '');
  let intGroups = groups;
  let fracPart = '';
  const last = groups[groups.length - 1]!;
  if (seps.length && last.length <= 2) {
    // The last separator followed by one or two digits is the decimal mark. A scan may read
    // the decimal comma as a dot ("1.234.567.89"): with thousands groups before it, two
    // digits after a separator can only be decimals.
    const lastSep = seps[seps.length - 1]!;
    if (lastSep !== decimal && !(seps.length >= 2 && last.length === 2)) return null;
    intGroups = groups.slice(0, -1);
    fracPart = last;
  }
  // Otherwise every mark is a thousands mark ("1.234" in a comma-decimal document is 1234).
  if (!intGroups.length || intGroups[0]!.length === 0) return null;
  // Thousands groups: the first one to three digits, the rest exactly three. Either mark is
  // accepted as a thousands mark before the decimals (scans confuse "." and ",").
  if (intGroups.length > 1 && (intGroups[0]!.length > 3 || intGroups.slice(1).some((g) => g.length !== 3))) return null;
  const digits = intGroups.join('');
  if (!/^\d+$/.test(digits)) return null;
  const value = Number(digits) * 100 + Number((fracPart + '00').slice(0, 2));
  return { value: negative ? -value : value, negative };
}

const UNIT_SCALE = { TL: 1, 'Bin TL': 1000, 'Milyon TL': 1_000_000 } as const;
export type Unit = keyof typeof UNIT_SCALE;

export function unitScale(unit: Unit): number {
  return UNIT_SCALE[unit];
}
