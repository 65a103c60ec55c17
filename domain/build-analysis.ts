import { buildAlerts } from './alerts.ts';
import type { Analysis } from '../contracts/analysis.ts';
import { compareItems, newestPair, type ComparisonOptions } from './comparison.ts';
import type { ExtractedStatement } from './extracted-statement.ts';
import { fromKurus } from './money.ts';
import type { PriceIndexSeries } from './price-index.ts';
import { computeRatios } from './ratios.ts';
import { realComparison } from './real-comparison.ts';
import { basisByPeriod } from './statement-basis.ts';
import { itemsOf } from './statement-items.ts';
import type { Items, PeriodValues } from './types.ts';
import type { ValidationSummary } from './validate-extraction.ts';

export interface BuildAnalysisInput {
  file: string;
  sha256: string;
  pages: number;
  method: Analysis['document']['method'];
  pagesByMethod: Analysis['document']['pagesByMethod'];
  statement: ExtractedStatement;
  validation: ValidationSummary;
  /**
   * Items of the company's other stored periods (kuruş); the newest period is compared with
   * the one before it even when that one came from an earlier upload.
   */
  history?: Items;
  thresholds?: Partial<ComparisonOptions>;
  /** The price index real change is measured with (loaded once by the caller); none: nominal only. */
  priceIndex?: PriceIndexSeries;
}

const units = (v: PeriodValues): Record<string, number> =>
  Object.fromEntries(Object.entries(v).map(([p, k]) => [p, fromKurus(k)]));

/** Everything analysis.json holds, computed from one extraction (pure; amounts in kuruş inside). */
export function buildAnalysis(input: BuildAnalysisInput): Analysis {
  const { statement } = input;
  const items = itemsOf(statement);
  // History supplies periods this document does not print; the document wins where both do.
  const merged: Items = {};
  for (const [k, v] of Object.entries(input.history ?? {})) merged[k] = { ...v };
  for (const [k, v] of Object.entries(items)) merged[k] = { ...merged[k], ...v };
  const allPeriods = [...new Set([...statement.periods, ...Object.values(merged).flatMap((v) => Object.keys(v))])].sort();

  const ratios = computeRatios(merged, statement.periods);
  const pair = newestPair(allPeriods);
  const comparison = pair ? compareItems(merged, pair[0], pair[1], input.thresholds) : [];
  const alerts = buildAlerts({ items: merged, periods: statement.periods, ratios, comparison, checks: input.validation.checks });
  const basis = basisByPeriod(statement.basis, items, statement.periods);
  const realChange = pair && input.priceIndex
    ? realComparison({ items: merged, from: pair[0], to: pair[1], series: input.priceIndex, ...(basis ? { basis } : {}), keys: comparison.map((r) => r.key) })
    : null;

  return {
    document: { file: input.file, sha256: input.sha256, pages: input.pages, method: input.method, pagesByMethod: input.pagesByMethod },
    company: { name: statement.companyName, taxId: statement.taxId },
    currency: statement.currency,
    unit: statement.unit,
    periods: statement.periods,
    statements: statement.statements,
    items: Object.fromEntries(Object.entries(items).map(([k, v]) => [k, units(v)])),
    lines: statement.lines.map((l) => ({
      key: l.key,
      label: l.label,
      page: l.page,
      confidence: l.confidence,
      // Cross-checked lines carry every reader that saw them.
      sources: 'sources' in l && Array.isArray(l.sources) ? (l.sources as string[]) : [l.source],
      values: units(l.values),
    })),
    validation: input.validation,
    ratios,
    comparison,
    alerts,
    ...(basis ? { basis } : {}),
    ...(realChange ? { realChange } : {}),
  };
}
