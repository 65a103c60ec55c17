import { buildAlerts } from './alerts.ts';
import type { Analysis } from '../contracts/analysis.ts';
import { compareStatements, newestPair, statementPairs, type ComparisonOptions } from './comparison.ts';
import type { ExtractedStatement } from './extracted-statement.ts';
import { settleFacts } from './facts.ts';
import { fromKurus } from './money.ts';
import type { PriceIndexSeries } from './price-index.ts';
import { computeRatios } from './ratios.ts';
import { realComparison } from './real-comparison.ts';
import { basisByPeriod } from './statement-basis.ts';
import { itemsOf, variantItemsOf } from './statement-items.ts';
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

  const lengths = periodLengths(statement);
  const months = Object.fromEntries(Object.entries(lengths).map(([p, l]) => [p, l.months]));
  const ratios = computeRatios(merged, statement.periods, months);
  const pair = newestPair(allPeriods, months);
  const comparison = compareStatements(merged, statementPairs(merged, allPeriods, months), pair, input.thresholds);
  const basis = basisByPeriod(statement.basis, items, statement.periods);
  const variants = Object.entries(variantItemsOf(statement)).map(([p, v]) => [p, { label: v.label, items: Object.fromEntries(Object.entries(v.items).map(([k, x]) => [k, fromKurus(x)])) }]);
  const realChange = pair && input.priceIndex
    // Real change has one pair: the lines compared over it (an interim report's sheet is not).
    ? realComparison({ items: merged, from: pair[0], to: pair[1], series: input.priceIndex, ...(basis ? { basis } : {}), keys: comparison.filter((r) => r.from === pair[0] && r.to === pair[1]).map((r) => r.key) })
    : null;
  const alerts = buildAlerts({ items: merged, periods: statement.periods, ratios, comparison, checks: input.validation.checks, realChange });

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
    ...(variants.length ? { variants: Object.fromEntries(variants) } : {}),
    ...(Object.keys(lengths).length ? { periodLengths: lengths } : {}),
    // A unit the checks question is unsure however plainly it was printed.
    ...(statement.facts ? { facts: settleFacts(statement.facts, input.validation.checks) } : {}),
    ...(realChange ? { realChange } : {}),
  };
}

/** Interim periods only: a printed start that makes the flows shorter than a year. */
function periodLengths(statement: ExtractedStatement): Record<string, { start: string; months: number }> {
  const out: Record<string, { start: string; months: number }> = {};
  for (const [end, start] of Object.entries(statement.periodStarts ?? {})) {
    const months = monthsBetween(start, end);
    if (months >= 1 && months < 12) out[end] = { start, months };
  }
  return out;
}

/** Whole months from a first day to a last day (01.01 → 30.09 is 9). */
function monthsBetween(start: string, end: string): number {
  const [y0, m0] = start.split('-').map(Number) as [number, number];
  const [y1, m1] = end.split('-').map(Number) as [number, number];
  return (y1 - y0) * 12 + (m1 - m0) + 1;
}
