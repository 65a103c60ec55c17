import { indexOf, PRICE_INDEX_NAMES, type PriceIndexId, type PriceIndexSeries } from './price-index.ts';
import { indexMonths, type PeriodKind } from './real-change.ts';
import { cagr, TREND_METRICS, type CagrGap, type TrendMetric, type TrendReport } from './trends.ts';
import type { Basis } from './statement-basis.ts';

/**
 * A trend's amounts in the lira of its newest period: each period's amount × (newest index /
 * that period's index), the stocks (assets, equity) at their period-end month and the flows
 * (sales, profit) at the mean over their months (domain/real-change.ts). The real compound
 * growth is the compound growth of the restated series. A month outside the series, or a
 * period already inflation-adjusted, gives the reason instead of numbers.
 */
export const METRIC_KIND: Record<TrendMetric, PeriodKind> = { net_sales: 'flow', net_profit: 'flow', total_assets: 'stock', equity: 'stock' };

export type RealTrendReport =
  | {
      status: 'ok';
      index: PriceIndexId;
      /** Index level per trend period, per kind (the months of indexMonths). */
      levels: Record<PeriodKind, number[]>;
      metrics: Record<TrendMetric, { values: (number | null)[]; cagr: number | null; cagrGap: CagrGap | null }>;
    }
  | { status: 'index_not_available' | 'already_inflation_adjusted'; index: PriceIndexId; message: { tr: string; en: string } };

function level(series: PriceIndexSeries, kind: PeriodKind, period: string): number | { missing: string } {
  const months = indexMonths(kind, { end: period });
  let sum = 0;
  for (const m of months) {
    const v = indexOf(series, m);
    if (v === null) return { missing: m };
    sum += v;
  }
  return sum / months.length;
}

export function realTrends(report: TrendReport, series: PriceIndexSeries, basis: Readonly<Record<string, { basis: Basis }>> = {}): RealTrendReport {
  const name = PRICE_INDEX_NAMES[series.id];
  if (report.periods.some((p) => basis[p]?.basis === 'inflation_adjusted')) {
    return {
      status: 'already_inflation_adjusted', index: series.id,
      message: { tr: 'Dönemlerden en az biri enflasyona göre düzeltilmiş; seri yeniden reelleştirilmedi.', en: 'At least one period is already inflation-adjusted; the series is not deflated again.' },
    };
  }
  const levels = { stock: [] as number[], flow: [] as number[] };
  for (const kind of ['stock', 'flow'] as const) {
    for (const p of report.periods) {
      const l = level(series, kind, p);
      if (typeof l !== 'number') {
        return {
          status: 'index_not_available', index: series.id,
          message: { tr: `${name.tr} ${l.missing} için yok (seri ${series.first} – ${series.last}); reel seri hesaplanmadı.`, en: `${name.en} is not available for ${l.missing} (series ${series.first} – ${series.last}); no real series computed.` },
        };
      }
      levels[kind].push(l);
    }
  }
  const metrics = {} as Extract<RealTrendReport, { status: 'ok' }>['metrics'];
  for (const m of TREND_METRICS) {
    const ls = levels[METRIC_KIND[m]];
    const newest = ls[ls.length - 1]!;
    const values = report.metrics[m].values.map((v, i) => (v === null ? null : (v * newest) / ls[i]!));
    const growth = cagr(values[0] ?? null, values[values.length - 1] ?? null, report.years);
    metrics[m] = { values, cagr: growth.value, cagrGap: growth.gap };
  }
  return { status: 'ok', index: series.id, levels, metrics };
}
