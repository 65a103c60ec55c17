import { z } from 'zod';
import type { Analysis } from '../contracts/analysis.ts';
import { benchmarkReport, type BenchmarkRow } from './benchmarks.ts';
import { overlayItems, periodsOf } from './company-history.ts';
import { itemsToKurus } from './money.ts';
import type { PriceIndexSeries } from './price-index.ts';
import { RATIO_IDS } from './ratio-definitions.ts';
import { computeRatios } from './ratios.ts';
import { realTrends } from './real-trends.ts';
import { computeTrends, TREND_METRICS } from './trends.ts';

/**
 * What an analysis adds beyond analysis.json (whose shape is exact), stored in
 * `analysis_results.extras` and read by the report, the workbook, the chat summary and the
 * answers: the company's merged periods and where they came from, the trends over its history
 * (nominal and in the newest period's lira) and the sector position. Only what an output reads
 * is kept: the pair comparison and the ratio drivers are recomputed where they are shown, and
 * alerts are worded in the reader's language when shown. Parsed on the way out of the
 * database (rows stored before a field existed parse with it empty).
 */
const nullableNumber = z.number().nullable();
const Direction = z.enum(['rising', 'falling', 'flat', 'mixed']);
const CagrGap = z.enum(['non_positive', 'same_date', 'missing']);
const SeriesTrend = z.object({
  values: z.array(nullableNumber),
  direction: Direction.nullable(),
  totalChangePct: nullableNumber,
  cagr: nullableNumber.optional(),
  cagrGap: CagrGap.nullable().optional(),
});
const Metric = z.enum(TREND_METRICS);
const TrendReportSchema = z.object({
  periods: z.array(z.string()),
  years: z.number(),
  metrics: z.record(Metric, SeriesTrend),
  ratios: z.record(z.enum(RATIO_IDS), SeriesTrend),
});
const IndexId = z.enum(['tufe', 'yiufe']);
const Localized = z.object({ tr: z.string(), en: z.string() });
const RealTrendSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    index: IndexId,
    levels: z.object({ stock: z.array(z.number()), flow: z.array(z.number()) }),
    metrics: z.record(Metric, z.object({ values: z.array(nullableNumber), cagr: nullableNumber, cagrGap: CagrGap.nullable() })),
  }),
  z.object({ status: z.enum(['index_not_available', 'already_inflation_adjusted']), index: IndexId, message: Localized }),
]);
const BenchmarkRowSchema = z.object({
  sectorCode: z.string(), ratioId: z.enum(RATIO_IDS), year: z.number(), q1: z.number(), median: z.number(), q3: z.number(), source: z.string(),
});
const Position = z.discriminatedUnion('status', [
  z.object({ id: z.enum(RATIO_IDS), status: z.literal('positioned'), value: z.number(), quartile: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]), favourable: z.boolean().nullable(), benchmark: BenchmarkRowSchema }),
  z.object({ id: z.enum(RATIO_IDS), status: z.literal('no_value'), benchmark: BenchmarkRowSchema }),
  z.object({ id: z.enum(RATIO_IDS), status: z.literal('no_benchmark') }),
]);
const BenchmarkReportSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('no_sector'), period: z.string() }),
  z.object({ status: z.literal('no_table'), period: z.string(), sector: z.string() }),
  z.object({ status: z.literal('ok'), period: z.string(), sector: z.string(), positions: z.array(Position) }),
]);

export const AnalysisExtrasSchema = z.object({
  version: z.literal(1),
  companyId: z.number().int().nullable(),
  /** Every period of the company series the analysis was built on, ascending. */
  periods: z.array(z.string()),
  /** period -> stored documents its figures came from (the analysed document: its own id). */
  sources: z.record(z.string(), z.array(z.number().int())),
  trends: TrendReportSchema.nullable(),
  realTrends: RealTrendSchema.nullable().default(null),
  benchmarks: BenchmarkReportSchema.nullable(),
});
export type AnalysisExtras = z.infer<typeof AnalysisExtrasSchema>;

export function buildAnalysisExtras(args: {
  analysis: Analysis;
  documentId: number | null;
  companyId: number | null;
  /** The company's stored items (kuruş) from other uploads; the document's own periods win. */
  history: Items;
  historySources?: Record<string, number[]>;
  sector: string | null;
  benchmarks: readonly BenchmarkRow[];
  /** The index the trends are restated with (none: nominal trends only). */
  priceIndex?: PriceIndexSeries;
}): AnalysisExtras {
  const { analysis } = args;
  const items = overlayItems(args.history, itemsToKurus(analysis.items));
  const periods = periodsOf(items);
  const sources: Record<string, number[]> = {};
  for (const p of periods) {
    sources[p] = analysis.periods.includes(p) && args.documentId !== null ? [args.documentId] : [...(args.historySources?.[p] ?? [])];
  }
  const newest = [...analysis.periods].sort().pop() ?? periods[periods.length - 1] ?? null;
  const ratios = newest ? computeRatios(items, [newest]) : null;
  const trends = computeTrends(items, periods);
  return {
    version: 1,
    companyId: args.companyId,
    periods,
    sources,
    trends,
    realTrends: trends && args.priceIndex ? realTrends(trends, args.priceIndex, analysis.basis ?? {}) : null,
    benchmarks: newest && ratios ? benchmarkReport({ sector: args.sector, period: newest, ratios, rows: args.benchmarks }) : null,
  };
}

type Items = Parameters<typeof overlayItems>[0];
