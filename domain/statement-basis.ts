import { BASES } from '../contracts/analysis.ts';
import { foldTurkish } from './turkish-text.ts';

/**
 * Which basis a statement's figures are on. Since 2023 Turkish statements may be restated
 * for inflation (TMS/TFRS 29 for IFRS reporters, the VUK adjustment with accounts 648/658/698
 * for tax books); such figures are already in the purchasing power of the reporting date and
 * must never be deflated again. 'unknown' when nothing says so either way.
 */
export { BASES };
export type Basis = (typeof BASES)[number];

export interface BasisEvidence {
  basis: Exclude<Basis, 'unknown'>;
  /** The sentence, heading or account line as printed. */
  text: string;
}

export interface BasisReading {
  basis: Basis;
  evidence: BasisEvidence[];
}

/**
 * Standard wording of the adjustment, on folded text (foldTurkish: lower-case ASCII, words
 * separated by single spaces): the standards' names and the phrases TMS 29 / IAS 29 and the
 * tax-law adjustment prescribe, Turkish and English.
 */
const ADJUSTED_MARKERS: readonly RegExp[] = [
  /\b(?:tms|tfrs|ias|ums) 29\b/,
  /\benflasyon duzeltmesi (?:sonrasi|oncesi|yapil)/,
  /\benflasyona gore duzeltilmis\b/,
  /\benflasyon duzeltmesine tabi tutul/,
  /\byuksek enflasyonlu ekonomilerde finansal raporlama\b/,
  /\bsatin alma gucu cinsinden\b/,
  /\bhyperinflation/,
  /\brestated for the changes in the general purchasing power\b/,
  /\bin terms of the (?:current )?purchasing power\b/,
  /\binflation adjusted\b|\badjusted for inflation\b/,
];

/**
 * Words that turn a marker around in the same sentence: "Enflasyon Düzeltmesi Öncesi"
 * (before), "uygulanmamıştır" (not applied), "TMS 29'a son verilmiştir" (discontinued), "gerek
 * bulunmadığı" (no need); not "sona eren", which is only "ending" (a period ending). English
 * "not" only after a verb: Turkish "Not 2" is a note reference.
 */
const NEGATIONS =
  /\b(?:oncesi|degil\w*|yapilmami\w*|uygulanmami\w*|tutulmami\w*|edilmemi\w*|son veril\w*|son vermi\w*|gerek (?:bulunmadi|olmadi|yok)\w*|(?:has|have|had|is|are|was|were|does|do|did|been) not|not been|no longer|discontinu\w*|ceased|before)\b/;

/** Adjustment accounts (TDHP): 648/658 its gains and losses, 698 the adjustment account. */
export const ADJUSTMENT_ACCOUNTS = ['648', '658', '698'] as const;

/** Sentences as printed: split at sentence ends and line breaks, not inside "29.". */
function sentences(text: string): string[] {
  return text
    .split(/\r?\n|(?<=[.;!?])\s+(?=[A-ZÇĞİÖŞÜ(])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** One sentence's say, or null when it has none. */
export function basisOfSentence(sentence: string): BasisEvidence | null {
  const folded = foldTurkish(sentence);
  if (!ADJUSTED_MARKERS.some((re) => re.test(folded))) return null;
  return { basis: NEGATIONS.test(folded) ? 'historical' : 'inflation_adjusted', text: sentence };
}

/**
 * The basis of one column or statement: from its texts (column heading, title, notes) and the
 * amounts of the adjustment accounts in that column. An account counts only with a non-zero
 * amount: tax-return forms print every account line, blank or zero. When the texts say both
 * (a document with a historical and an adjusted column under one heading set), the answer is
 * 'unknown' with all evidence: the caller must ask per column.
 */
export function detectBasis(input: { texts: readonly string[]; accounts?: Readonly<Record<string, number | null | undefined>> }): BasisReading {
  const evidence: BasisEvidence[] = [];
  for (const text of input.texts) for (const s of sentences(text)) {
    const e = basisOfSentence(s);
    if (e && !evidence.some((x) => x.text === e.text)) evidence.push(e);
  }
  for (const code of ADJUSTMENT_ACCOUNTS) {
    const amount = input.accounts?.[code];
    if (typeof amount === 'number' && amount !== 0) evidence.push({ basis: 'inflation_adjusted', text: `${code}: ${amount}` });
  }
  return { basis: verdict(evidence), evidence };
}

/** One basis when all evidence agrees; 'unknown' when there is none or it disagrees. */
function verdict(evidence: readonly BasisEvidence[]): Basis {
  const says = new Set(evidence.map((e) => e.basis));
  return says.size === 1 ? [...says][0]! : 'unknown';
}

/**
 * Per period: the headings' reading joined with that period's adjustment accounts; null when
 * no period has any evidence (the contract then leaves `basis` out).
 */
export function basisByPeriod(
  headings: BasisReading | undefined,
  items: Readonly<Record<string, Readonly<Record<string, number>>>>,
  periods: readonly string[],
): Record<string, BasisReading> | null {
  const out: Record<string, BasisReading> = {};
  for (const period of periods) {
    const accounts = Object.fromEntries(ADJUSTMENT_ACCOUNTS.map((code) => [code, items[code]?.[period]]));
    const own = detectBasis({ texts: [], accounts });
    const evidence = [...(headings?.evidence ?? []), ...own.evidence];
    out[period] = { basis: verdict(evidence), evidence };
  }
  return Object.values(out).some((r) => r.evidence.length) ? out : null;
}
