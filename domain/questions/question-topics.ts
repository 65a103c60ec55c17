import type { RatioFamily } from '../ratio-definitions.ts';
import type { InputName } from '../statement-inputs.ts';
import { tokenMatches, tokensOf, type Phrase } from './ratio-aliases.ts';

/**
 * What an owner asks about besides ratios: statement lines ("kasada ne kadar para var", "net
 * kar", "total assets"), their growth, and judgements ("şirket iyi mi", "borçlarım çok mu").
 * Phrases are written naturally and folded once; a phrase token of four letters or more is a
 * stem (Turkish suffixes, English -s/-ed), shorter ones take only a case ending.
 */

/** A statement line: a ratio input, total liabilities (STL + LTL), or a TDHP account code. */
export type LineTarget = InputName | 'LIAB' | `${number}`;

const LINE_WORDS: [LineTarget, string[]][] = [
  ['CASH', ['kasa', 'nakit', 'nakd', 'para', 'hazır değerler', 'cash', 'cash position', 'cash and equivalents', 'cash balance']],
  ['102', ['banka', 'bankalar', 'bank', 'bank balance']],
  ['NP', [
    'net kar', 'net kâr', 'kar', 'dönem net karı', 'dönem karı', 'kar ettik', 'kar etmişiz', 'kazandık', 'kazanmışız',
    'net profit', 'net income', 'profit', 'bottom line', 'earnings',
  ]],
  ['TA', ['aktif toplamı', 'aktif toplam', 'toplam aktif', 'toplam varlık', 'varlık toplam', 'varlıkların toplamı', 'varlıklar', 'bilanço büyüklüğü', 'bilanço toplamı', 'total assets', 'big is the balance sheet', 'balance sheet total',
    // The funding side totals the same (pasif toplamı = aktif toplamı).
    'toplam kaynak', 'kaynaklar toplamı', 'pasif toplamı', 'toplam pasif', 'pasif', 'total funding', 'total liabilities and equity']],
  ['NS', ['satış', 'satışlar', 'net satış', 'ciro', 'hasılat', 'gelir', 'revenue', 'revenues', 'sales', 'net sales', 'turnover figure', 'top line']],
  ['EQ', ['özkaynak', 'özsermaye', 'öz sermaye', 'equity', 'total equity', 'net worth']],
  ['INV', ['stok', 'stoklar', 'depoda mal', 'mal', 'inventory', 'inventories', 'stock']],
  ['TR', ['ticari alacak', 'alacak', 'müşterilerden alacak', 'receivables', 'trade receivables', 'owing us', 'customers owe']],
  ['STL', ['kısa vadeli borç', 'kısa vadeli yabancı kaynak', 'kvyk', 'short term liabilities', 'short term debt', 'current liabilities']],
  ['LTL', ['uzun vadeli borç', 'uzun vadeli yabancı kaynak', 'uvyk', 'long term liabilities', 'long term debt']],
  ['LIAB', ['borç', 'borçlar', 'toplam borç', 'yabancı kaynak', 'yabancı kaynaklar toplamı', 'total liabilities', 'liabilities', 'total debt', 'debt', 'do we owe', 'we owe']],
  ['CA', ['dönen varlık', 'current assets']],
  ['NCA', ['duran varlık', 'non current assets', 'fixed assets']],
  ['GP', ['brüt kar', 'brüt satış karı', 'gross profit']],
  ['OP', ['faaliyet karı', 'esas faaliyet karı', 'operating profit', 'ebit']],
  ['COGS', ['satışların maliyeti', 'satılan malın maliyeti', 'smm', 'cost of sales', 'cost of goods sold', 'cogs']],
  ['OPEX', ['faaliyet gider', 'giderler', 'gider', 'operating expenses', 'expenses', 'opex']],
  ['FIN', ['finansman gider', 'faiz gider', 'faiz', 'interest expense', 'finance expense', 'finance costs', 'financial expenses', 'financial expense']],
  ['PBT', ['vergi öncesi kar', 'vergi öncesi kâr', 'vök', 'profit before tax', 'pre tax profit']],
];

const phraseTable = <T>(rows: [T, string[]][]): [T, Phrase][] => rows.flatMap(([v, ps]) => ps.map((p) => [v, tokensOf(p)] as [T, Phrase]));
const LINES = phraseTable(LINE_WORDS);

// Short words take the possessive and case endings owners use ("karımız", "kardaki", "borcum").
const SHORT_ENDINGS = new Set(['', 'i', 'in', 'im', 'imiz', 'iniz', 'a', 'e', 'da', 'de', 'dan', 'den', 'daki', 'deki', 'ta', 'te', 'lar', 'ler', 'lari', 'leri', 's', 'u', 'um', 'umuz', 'imizin']);
const SOFT: Record<string, string> = { k: 'g', t: 'd', p: 'b', c: 'c' };
function wordMatches(stem: string, token: string): boolean {
  if (stem.length > 3) return tokenMatches(stem, token);
  if (token.startsWith(stem) && SHORT_ENDINGS.has(token.slice(stem.length))) return true;
  // "borç" → "borcu", "kâr" stays "kar": a softened last consonant before a vowel ending.
  const soft = SOFT[stem.charAt(stem.length - 1)];
  const softStem = soft ? stem.slice(0, -1) + soft : null;
  return softStem !== null && token.startsWith(softStem) && SHORT_ENDINGS.has(token.slice(softStem.length)) && token.length > stem.length;
}

function matchAt(tokens: readonly string[], phrase: Phrase, at: number): boolean {
  return at + phrase.length <= tokens.length && phrase.every((p, i) => wordMatches(p, tokens[at + i]!));
}

/** Does any phrase occur in the tokens? */
export function hasPhrase(tokens: readonly string[], phrases: readonly Phrase[]): boolean {
  return phrases.some((p) => tokens.some((_, at) => matchAt(tokens, p, at)));
}
export const phrases = (...words: string[]): Phrase[] => words.map((w) => tokensOf(w));

/** The first line named in the tokens (earliest; at the same place the longest phrase), or an account code. */
export function findLine(tokens: readonly string[], text: string): LineTarget | null {
  let best: { value: LineTarget; at: number; len: number } | null = null;
  for (let at = 0; at < tokens.length; at++) {
    for (const [value, phrase] of LINES) {
      if (!matchAt(tokens, phrase, at)) continue;
      if (!best || at < best.at || (at === best.at && phrase.length > best.len)) best = { value, at, len: phrase.length };
    }
    if (best) break;
  }
  // A bare three-digit TDHP account code ("102 hesabı"), never part of an amount or a date.
  const code = /(?<![\d.,])([1-7]\d{2})(?![\d.,:])/.exec(text)?.[1];
  if (code && (!best || /\b(hesa|bakiye|account|balance)/i.test(text))) return code as LineTarget;
  return best?.value ?? null;
}

/** Every line named, in text order (at one place the longest phrase; phrases never overlap). */
export function linesIn(tokens: readonly string[]): LineTarget[] {
  const out: LineTarget[] = [];
  for (let at = 0; at < tokens.length;) {
    let best: { value: LineTarget; len: number } | null = null;
    for (const [value, phrase] of LINES) if (matchAt(tokens, phrase, at) && (!best || phrase.length > best.len)) best = { value, len: phrase.length };
    if (best) out.push(best.value);
    at += best?.len ?? 1;
  }
  return out;
}

/** Words asking how a line moved between periods. */
export const GROWTH = phrases(
  'arttı', 'artmış', 'artış', 'artti', 'azald', 'azalış', 'büyüdü', 'büyüme', 'düştü', 'düşüş', 'düşmüş', 'değiş', 'geriled', 'yüksel', 'geçen yıla göre', 'önceki yıla göre',
  'grow', 'growth', 'grew', 'increase', 'decrease', 'go up', 'went up', 'go down', 'went down', 'drop', 'fell', 'fall', 'rise', 'rose', 'change', 'vs last year', 'compared to last year',
);

export type JudgementTopic = 'overall' | RatioFamily;

// "Kârlı" as a whole word only: as a stem it would swallow "kârlılık" (the family).
const PROFITABLE_WORDS = new Set(tokensOf('karlı karlımı karlımıyız karlıyız karlıyım karlıdır profitable'));
const PROFIT = phrases('kar ediyor', 'kar eder', 'zarar', 'para kazanıyor', 'para kaybed', 'profitable', 'making money', 'make money', 'losing money', 'make a loss', 'making a loss', 'in the red');
const DEBT = phrases('borç', 'borcu', 'debt', 'leverage');
const TOO_MUCH = phrases('çok', 'fazla', 'ağır', 'yüksek', 'too', 'high', 'heavy');
const SOLVENCY = phrases('borçluyuz', 'borç batağı', 'over leveraged', 'overleveraged', 'overindebted', 'indebted', 'too much debt');
const LIQUIDITY = phrases(
  'ödeyebilir', 'ödeyebilecek', 'ödeme sıkıntı', 'nakit sıkıntı', 'nakit sorun', 'likidite sorun', 'likidite sıkıntı',
  'pay our bills', 'pay the bills', 'pay our debts', 'meet short term', 'short term obligations', 'cash crunch', 'run out of cash',
);
const OVERALL = phrases(
  'iyi mi', 'kötü mü', 'iyi durumda', 'kötü durumda', 'nasıl gidiyor', 'sağlıklı', 'sağlam mı', 'değerlendir', 'durumu nasıl', 'durum nasıl', 'durumumuz nasıl', 'batıyor', 'batar mı', 'genel durum',
  'sağlığı', 'genel performans', 'ne söylersin', 'ne dersin', 'iyi miyiz',
  'healthy', 'good shape', 'doing', 'good balance sheet', 'assessment', 'in trouble', 'overall', 'how are we', 'financial health', 'solid',
);

/** A yes/no judgement question and its topic: profitability, debt, paying bills, or the company as a whole. */
export function judgementTopic(tokens: readonly string[]): JudgementTopic | null {
  if (tokens.some((t) => PROFITABLE_WORDS.has(t)) || hasPhrase(tokens, PROFIT)) return 'profitability';
  if (hasPhrase(tokens, SOLVENCY) || (hasPhrase(tokens, DEBT) && hasPhrase(tokens, TOO_MUCH))) return 'solvency';
  if (hasPhrase(tokens, LIQUIDITY)) return 'liquidity';
  return null;
}
/** "Şirket iyi mi?", "how is the company doing": the company as a whole (checked after families). */
export const isOverallJudgement = (tokens: readonly string[]): boolean => hasPhrase(tokens, OVERALL);

/**
 * A yes/no evaluation ("iyi mi", "yeterli mi", "riskli mi", "is it ok?"): with a family or a
 * line it asks for that topic's verdict ("likiditemiz iyi mi", "özkaynaklarımız yeterli mi").
 */
const VERDICT = phrases(
  'yeterli', 'riskli', 'sürdürülebilir', 'karşılıyor mu', 'karşılar mı', 'karşılayabilir', 'ödeyecek kadar', 'likit varlık', 'sağlam', 'iyi miyiz', 'performans',
  'ok', 'okay', 'enough', 'sufficient', 'sustainable', 'risky', 'can we pay', 'cover', 'healthy', 'strong enough',
);
const HOW = new Set(tokensOf('nasıl how'));
export function isVerdict(tokens: readonly string[]): boolean {
  // "likidite durumu nasıl" asks to see the family's ratios, "likiditemiz iyi mi" for a verdict.
  return hasPhrase(tokens, VERDICT) || (hasPhrase(tokens, OVERALL) && !tokens.some((t) => HOW.has(t)));
}

/** The family whose verdict a line's question asks for (cash pays bills; equity carries debt). */
const LINE_FAMILY: Partial<Record<LineTarget, RatioFamily>> = {
  CASH: 'liquidity', 102: 'liquidity', CA: 'liquidity', STL: 'liquidity', TR: 'liquidity', INV: 'liquidity',
  LIAB: 'solvency', LTL: 'solvency', EQ: 'solvency', NCA: 'solvency', FIN: 'solvency', TA: 'solvency',
  NP: 'profitability', GP: 'profitability', OP: 'profitability', NS: 'profitability', PBT: 'profitability', COGS: 'profitability', OPEX: 'profitability',
};
export const lineFamily = (lines: readonly LineTarget[]): RatioFamily | null => lines.map((l) => LINE_FAMILY[l]).find(Boolean) ?? null;

/** Where are the problems: the ratios outside their rules. */
export const WEAK_EXTRA = phrases(
  'sorun', 'sıkıntı', 'problem', 'risk', 'dikkat etmeli', 'kuralın dışında', 'endişelen', 'zayıf yön',
  'wrong', 'worry', 'weak spot', 'concern', 'issues',
);

/** Every folded word of the phrases above. */
export const TOPIC_TOKENS: ReadonlySet<string> = new Set([
  ...LINES.flatMap(([, p]) => p),
  ...[GROWTH, PROFIT, DEBT, TOO_MUCH, SOLVENCY, LIQUIDITY, OVERALL, WEAK_EXTRA, VERDICT].flat(2),
  ...PROFITABLE_WORDS,
]);
