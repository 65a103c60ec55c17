/**
 * Text normalisation for statement labels. Turkish casing is not Unicode's default (I↔ı, İ↔i),
 * and PDFs mix precomposed and decomposed (NFD) letters, so every comparison goes through
 * foldTurkish first: lower-case ASCII letters and digits separated by single spaces.
 */

export type LeadingNumberStyle = 'roman' | 'letter' | 'digit';
export interface LeadingNumber {
  value: string;
  style: LeadingNumberStyle;
}

const MINUS_MARKER = /\(\s*[-–—−]\s*\)/;
const SIGN_NOTES = /\(\s*[-–—−+]\s*\/?\s*[-–—−+]?\s*\)/g; // (-), (+), (+/-), (-/+)
const TRAILING_CODE = /\(\s*(\d{1,3})\s*\)\s*[:.]?\s*$/;
const ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;
const LETTERS = 'A-Za-zÇĞİÖŞÜçğıöşü';

// Patterns for a leading position number; separators differ because "K.V.Y.K." must not lose
// its "K." while "I-DÖNEN" (no space) is still numbering.
const LEAD_DIGIT = /^\s*(\d{1,3})(?:\s*[-–.)]\s*|\s+)(?=[^\d\s.,])/;
const LEAD_ROMAN = /^\s*([IVXivx]{1,5})(?:\s*[-–)]\s*|\s*\.\s+|\.(?=[A-ZÇĞİÖŞÜ]{2}))(?=\S)/;
const LEAD_LETTER = new RegExp(`^\\s*([${LETTERS}])(?:\\s*[-–)]\\s+|\\)|\\s*\\.\\s+)(?=\\S)`);
const LEAD_PAREN = new RegExp(`^\\s*\\(\\s*(\\d{1,2}|[ivxIVX]{1,4}|[${LETTERS}])\\s*\\)\\s*(?=\\S)`);

/**
 * The one Turkish fold every comparison starts from: lower case by Turkish rules (İ→i, I→ı),
 * then diacritics dropped (ı→i, ş→s, ğ→g, ü→u, ö→o, ç→c). Punctuation and spacing are left
 * to the caller, which knows what its text needs.
 */
export function foldLetters(s: string): string {
  return s.normalize('NFC').toLocaleLowerCase('tr-TR').normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i');
}

/** Lower-case, ASCII-folded, punctuation-free form for comparisons ("İSTANBUL" → "istanbul"). */
export function foldTurkish(s: string): string {
  return foldLetters(s)
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** True when the label carries the printed deduction marker "(-)" (any dash glyph). */
export function hasMinusMarker(label: string): boolean {
  return MINUS_MARKER.test(label);
}

/**
 * The numbering a label starts with: digits ("1-", "102 ", "3."), a Roman numeral ("II."),
 * or a letter ("A-", "a)"). Single I, V and X are reported as 'roman' although tax forms
 * also use them as letters; the caller knows the document's scheme.
 */
export function extractLeadingNumber(label: string): LeadingNumber | null {
  const paren = LEAD_PAREN.exec(label);
  const digit = paren ? null : LEAD_DIGIT.exec(label);
  const roman = paren || digit ? null : LEAD_ROMAN.exec(label);
  const letter = paren || digit || roman ? null : LEAD_LETTER.exec(label);
  const raw = (paren ?? digit ?? roman ?? letter)?.[1];
  if (raw === undefined) return null;
  if (/^\d+$/.test(raw)) return { value: raw, style: 'digit' };
  const upper = raw.toUpperCase();
  if (ROMAN.test(upper) && /^[IVX]+$/.test(upper)) return { value: upper, style: 'roman' };
  if (raw.length === 1) return { value: raw.toLocaleUpperCase('tr-TR'), style: 'letter' };
  return null;
}

/**
 * A printed TDHP code: 1–3 leading digits ("102 Bankalar", "102 - Bankalar") or a trailing
 * "(102)". Position numbers ("1- Kasa") look the same; callers with no code column ignore it.
 */
export function extractCode(label: string): string | null {
  const trailing = TRAILING_CODE.exec(label);
  if (trailing?.[1]) return trailing[1];
  const lead = extractLeadingNumber(label);
  return lead?.style === 'digit' ? lead.value : null;
}

/** The label without its leading numbering, trailing "(code)" and sign markers, unfolded. */
export function stripLabelDecorations(label: string): string {
  let s = label.replace(TRAILING_CODE, '');
  const m = LEAD_PAREN.exec(s) ?? LEAD_DIGIT.exec(s) ?? LEAD_ROMAN.exec(s) ?? LEAD_LETTER.exec(s);
  if (m && extractLeadingNumber(s)) s = s.slice(m[0].length);
  return s.replace(SIGN_NOTES, ' ').trim();
}

export interface NormalizeOptions {
  /** Keep the words of parenthesised notes ("Dönem Net Karı (Zararı)" keeps "zarari"). */
  keepNotes?: boolean;
}

/**
 * Comparable label: numbering, codes, "(-)" and (unless keepNotes) notes such as "(Net)"
 * removed, then folded. "I- DÖNEN VARLIKLAR" and "Dönen Varlıklar" both give "donen varliklar".
 */
export function normalizeLabel(label: string, options: NormalizeOptions = {}): string {
  let s = stripLabelDecorations(label);
  if (!options.keepNotes) s = s.replace(/\([^()]*\)/g, ' ');
  return foldTurkish(s);
}

/** Levenshtein distance; labels are short, so the two-row version is plenty. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** 1 − distance / longer length: 1 for equal strings, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  return len === 0 ? 1 : 1 - editDistance(a, b) / len;
}
