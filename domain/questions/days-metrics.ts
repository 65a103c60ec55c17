import type { RatioId } from '../ratio-definitions.ts';
import { hasPhrase, phrases } from './question-topics.ts';
import type { Phrase } from './ratio-aliases.ts';

/**
 * "How many days" questions: a days cue plus what the days are of. People ask "alacaklar kaç
 * günde tahsil ediliyor", "stoklar kaç günde satılıyor", "how long do we take to pay suppliers"
 * without naming DSO / DIO / DPO, and a turnover named with a days cue ("alacak devir hızı kaç
 * gün") asks for its days view, not the turnover. "Kaç kez / how many times" with a subject
 * asks for the turnover itself.
 */

/** Days cues, on folded tokens. "gün" is matched whole ("güncel" is not a day). */
const DAY_TOKENS = new Set(['gun', 'gunde', 'gunu', 'gunluk', 'gunde', 'gundur', 'day', 'days']);
const DAY_PHRASES = phrases('how long');
// "süre"/"süresi"/"sürede"/"sürüyor" but not "sürekli" (continuously) or "sürdürülebilir";
// "vade"/"vadesi"/"vademiz" (a term in days) but not "vadeli" (short-term, long-term).
const isDurationToken = (t: string) =>
  (/^sur(e|es|ed|uyor|dugu|er)/.test(t) && !/^sure(kli|c)/.test(t)) || /^vade(si|miz|niz|ler|leri|sini)?$/.test(t);

export function hasDaysCue(tokens: readonly string[]): boolean {
  return tokens.some((t) => DAY_TOKENS.has(t) || isDurationToken(t)) || hasPhrase(tokens, DAY_PHRASES);
}

/** What the days are of; checked in order, so "alacakları nakde" is collection, not the cycle. */
const SUBJECTS: readonly (readonly [RatioId, readonly Phrase[]])[] = [
  ['cash_conversion_cycle', phrases('nakit dongu', 'nakit donus', 'nakit cevrim', 'nakde donus', 'cash cycle', 'cash conversion', 'cash to cash', 'operating cycle')],
  ['days_sales_outstanding', phrases('alacak', 'tahsil', 'musteri', 'collect', 'receivable', 'debtor', 'customer')],
  ['days_inventory_outstanding', phrases('stok', 'envanter', 'depo', 'inventory', 'stock', 'warehouse')],
  ['days_payables_outstanding', phrases('borc', 'tedarikci', 'satici', 'odem', 'oduy', 'oder', 'supplier', 'vendor', 'payable', 'creditor', 'pay')],
];

const TURNOVER_DAYS: Partial<Record<RatioId, RatioId>> = {
  receivables_turnover: 'days_sales_outstanding',
  inventory_turnover: 'days_inventory_outstanding',
};

/**
 * The days metric a question asks for, or `named` unchanged: a turnover with a days cue becomes
 * its days view; with no ratio named, a days cue and a subject pick the metric.
 */
export function daysMetric(tokens: readonly string[], named: RatioId | undefined): RatioId | undefined {
  if (!hasDaysCue(tokens)) return named ?? turnoverAsked(tokens);
  if (named) return TURNOVER_DAYS[named] ?? named;
  return SUBJECTS.find(([, words]) => hasPhrase(tokens, words))?.[0];
}

/** "Stoklar yılda kaç kez dönüyor", "how many times do receivables turn": a turnover, by its subject. */
const TIMES = phrases('kac kez', 'kac kere', 'kac defa', 'kac sefer', 'kac tur', 'how many times', 'times a year');
const TURNOVER_SUBJECTS: readonly (readonly [RatioId, readonly Phrase[]])[] = [
  ['receivables_turnover', phrases('alacak', 'tahsil', 'receivable', 'debtor')],
  ['inventory_turnover', phrases('stok', 'envanter', 'inventory', 'stock')],
  ['current_asset_turnover', phrases('donen varlik', 'current asset')],
  ['asset_turnover', phrases('aktif', 'varlik', 'asset')],
];
function turnoverAsked(tokens: readonly string[]): RatioId | undefined {
  if (!hasPhrase(tokens, TIMES)) return undefined;
  return TURNOVER_SUBJECTS.find(([, words]) => hasPhrase(tokens, words))?.[0];
}
