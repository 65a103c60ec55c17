import { RATIO_FORMULAS, type Term } from '../ratio-formulas.ts';
import type { RatioId } from '../ratio-definitions.ts';
import type { InputName } from '../statement-inputs.ts';
import { hasPhrase, linesIn, phrases, type LineTarget } from './question-topics.ts';

/**
 * A ratio asked for by its formula rather than its name: "toplam borç / toplam aktif oranı",
 * "özkaynakların aktif toplamına oranı", "KVYK'nın toplam kaynaklar içindeki payı". The two
 * lines named, in order, are matched against the one formula table (numerator, then
 * denominator), so every ratio the table holds can be asked this way and none is listed twice.
 */
const RATIO_WORDS = phrases('oran', 'oranı', 'payı', 'içindeki', 'ratio', 'share of', 'as a share', 'to');

// Total assets equal total funding: a denominator of STL + LTL + EQ is "toplam kaynaklar" too.
const FUNDING: readonly InputName[] = ['STL', 'LTL', 'EQ'];

function inputsOf(line: LineTarget): readonly InputName[] | null {
  if (line === 'LIAB') return ['STL', 'LTL'];
  if (line === 'TA') return FUNDING;
  return /^\d/.test(line) ? null : [line as InputName];
}

const sameSum = (terms: readonly Term[], inputs: readonly InputName[]): boolean => {
  if (terms.some((t) => t.sign < 0)) return false;
  const named = new Set(terms.flatMap((t) => (t.input === 'TA' ? FUNDING : [t.input])));
  return named.size === inputs.length && inputs.every((i) => named.has(i));
};

export function ratioByFormula(tokens: readonly string[], text: string): RatioId | null {
  if (!text.includes('/') && !hasPhrase(tokens, RATIO_WORDS)) return null;
  const lines = linesIn(tokens);
  if (lines.length !== 2) return null;
  const [top, bottom] = lines.map(inputsOf);
  if (!top || !bottom) return null;
  for (const [id, f] of Object.entries(RATIO_FORMULAS) as [RatioId, (typeof RATIO_FORMULAS)[RatioId]][]) {
    if ('numerator' in f && f.denominator.length && !f.scale && sameSum(f.numerator, top) && sameSum(f.denominator, bottom)) return id;
  }
  return null;
}
