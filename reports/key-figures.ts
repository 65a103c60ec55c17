import type { Analysis } from '../contracts/analysis.ts';
import type { Locale } from '../contracts/locale.ts';
import { inputsInUnits } from '../domain/wording/summary-text.ts';
import { percentChange } from '../domain/comparison.ts';

/** A headline figure of the newest period, with its change against the one before. */
export interface KeyFigure {
  input: 'NS' | 'NP' | 'TA' | 'EQ';
  name: string;
  /** Full currency units. */
  now: number;
  /** Percent change against the previous period; null without one (or from zero). */
  changePct: number | null;
}

const FIGURES = [
  ['NS', { tr: 'Net Satışlar', en: 'Net sales' }],
  ['NP', { tr: 'Net Kar', en: 'Net profit' }],
  ['TA', { tr: 'Aktif Toplamı', en: 'Total assets' }],
  ['EQ', { tr: 'Özkaynaklar', en: 'Equity' }],
] as const;

/** The key figures a report heads with: net sales, net profit, total assets and equity, where the statement has them. */
export function keyFigures(a: Pick<Analysis, 'items'>, latest: string | undefined, previous: string | undefined, locale: Locale): KeyFigure[] {
  if (!latest) return [];
  const now = inputsInUnits(a, latest);
  const before = previous ? inputsInUnits(a, previous) : null;
  return FIGURES.filter(([k]) => now[k] !== null).map(([k, name]) => {
    const b = before?.[k];
    const changePct = b != null ? percentChange(b, now[k]!) : null;
    return { input: k, name: name[locale], now: now[k]!, changePct };
  });
}
