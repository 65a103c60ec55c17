import type { Locale } from '../../contracts/locale.ts';
import type { AnalysisExtras } from '../analysis-extras.ts';
import { describeBenchmarks } from '../benchmarks.ts';
import { PRICE_INDEX_NAMES } from '../price-index.ts';
import { describeTrends, TREND_METRIC_NAMES, TREND_METRICS } from '../trends.ts';
import { formatPercent } from './format-number.ts';

/**
 * What the stored extras say, in the reader's language, for the summary, the report and the
 * workbook: the direction and compound growth of the key amounts over the company's history,
 * nominal and real, and the sector position (or why there is none).
 */
export function historyLines(extras: Pick<AnalysisExtras, 'trends' | 'realTrends'> | null | undefined, locale: Locale): string[] {
  const trends = extras?.trends;
  if (!trends) return [];
  const lines = describeTrends(trends, locale);
  const real = extras.realTrends;
  if (real?.status === 'ok') {
    const name = PRICE_INDEX_NAMES[real.index][locale];
    const first = trends.periods[0]!.slice(0, 4);
    const last = trends.periods[trends.periods.length - 1]!.slice(0, 4);
    for (const m of TREND_METRICS) {
      const nominal = trends.metrics[m].cagr;
      const r = real.metrics[m].cagr;
      if (nominal == null || r == null) continue;
      const pct = (v: number) => `${v < 0 ? '−' : ''}${formatPercent(Math.abs(v), locale)}`;
      lines.push(locale === 'tr'
        ? `${TREND_METRIC_NAMES[m].tr} ${first}–${last} yıllık bileşik büyüme: nominal ${pct(nominal)}, reel ${pct(r)} (${name}).`
        : `${TREND_METRIC_NAMES[m].en} ${first}–${last} compound annual growth: nominal ${pct(nominal)}, real ${pct(r)} (${name}).`);
    }
  } else if (real) {
    lines.push(real.message[locale]);
  }
  return lines;
}

export const historyTitle = (locale: Locale): string => (locale === 'tr' ? 'Şirket geçmişi' : 'Company history');

/** Every line the extras give: history, then the sector position. */
export function extrasLines(extras: Pick<AnalysisExtras, 'trends' | 'realTrends' | 'benchmarks'> | null | undefined, locale: Locale): string[] {
  return [...historyLines(extras, locale), ...benchmarkLines(extras, locale)];
}

export function benchmarkLines(extras: Pick<AnalysisExtras, 'benchmarks'> | null | undefined, locale: Locale): string[] {
  return extras?.benchmarks ? describeBenchmarks(extras.benchmarks, locale) : [];
}
