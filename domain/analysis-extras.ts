import type { Analysis } from '../contracts/analysis.ts';
import { buildAlertsBilingual } from './alerts.ts';
import { benchmarkReport, type BenchmarkReport, type BenchmarkRow } from './benchmarks.ts';
import { newestPair, type ComparisonOptions } from './comparison.ts';
import { overlayItems, periodsOf } from './company-history.ts';
import { allRatioDrivers, type RatioDrivers } from './drivers.ts';
import { itemsToKurus } from './money.ts';
import type { RatioId } from './ratio-definitions.ts';
import { computeRatios, type RatioTable } from './ratios.ts';
import { comparePeriods, computeTrends, type PeriodComparison, type TrendReport } from './trends.ts';
import type { Items } from './types.ts';

/**
 * What an analysis adds beyond analysis.json (whose shape is exact): the company's merged
 * series, the full comparison of the compared pair, trends, ratio drivers, the sector
 * position and English alert wordings. Stored in `analysis_results.extras`.
 */
export interface AnalysisExtras {
  version: 1;
  companyId: number | null;
  /** Every period of the company series the analysis was built on, ascending. */
  periods: string[];
  /** period -> stored documents its figures came from (the analysed document: its own id). */
  sources: Record<string, number[]>;
  comparison: PeriodComparison | null;
  trends: TrendReport | null;
  drivers: Record<RatioId, RatioDrivers | null> | null;
  benchmarks: BenchmarkReport | null;
  /** English wording of each alert, in the order of `analysis.alerts`. */
  alertsEn: string[];
}

const kurusItems = (items: Analysis['items']): Items => itemsToKurus(items);

export function buildAnalysisExtras(args: {
  analysis: Analysis;
  documentId: number | null;
  companyId: number | null;
  /** The company's stored items (kuruş) from other uploads; the document's own periods win. */
  history: Items;
  historySources?: Record<string, number[]>;
  sector: string | null;
  benchmarks: readonly BenchmarkRow[];
  thresholds?: Partial<ComparisonOptions>;
}): AnalysisExtras {
  const { analysis } = args;
  const items = overlayItems(args.history, kurusItems(analysis.items));
  const periods = periodsOf(items);
  const sources: Record<string, number[]> = {};
  for (const p of periods) {
    sources[p] = analysis.periods.includes(p) && args.documentId !== null ? [args.documentId] : [...(args.historySources?.[p] ?? [])];
  }
  // The pair analysis.json compares, else the newest two of the series.
  const first = analysis.comparison[0];
  const pair: [string, string] | null = first ? [first.from, first.to] : newestPair(periods);
  const newest = [...analysis.periods].sort().pop() ?? periods[periods.length - 1] ?? null;
  const ratios = newest ? computeRatios(items, [newest]) : null;
  const alertsEn = buildAlertsBilingual({ items, periods: analysis.periods, ratios: analysis.ratios as RatioTable, comparison: analysis.comparison, checks: analysis.validation.checks });
  return {
    version: 1,
    companyId: args.companyId,
    periods,
    sources,
    comparison: pair ? comparePeriods(items, pair[0], pair[1], args.thresholds) : null,
    trends: computeTrends(items, periods),
    drivers: pair ? allRatioDrivers(items, pair[0], pair[1]) : null,
    benchmarks: newest && ratios ? benchmarkReport({ sector: args.sector, period: newest, ratios, rows: args.benchmarks }) : null,
    alertsEn: analysis.alerts.map((a) => alertsEn.find((b) => b.alert.kind === a.kind && b.alert.id === a.id && b.alert.period === a.period)?.en ?? a.message),
  };
}
