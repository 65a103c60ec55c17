import type { RealChangeRow, RealChanges } from '../contracts/analysis.ts';
import { statementOf } from './comparison.ts';
import type { PriceIndexSeries } from './price-index.ts';
import { realChange, type PeriodKind } from './real-change.ts';
import type { Basis } from './statement-basis.ts';
import type { Items } from './types.ts';

/**
 * The horizontal analysis in real terms: every compared key's nominal and real change between
 * two periods, with the level of every index month used, so each output (summary, answer,
 * workbook, report, digest) words the same computed fact and the workbook can rebuild it from
 * an index sheet. Balance-sheet keys are stocks, income-statement keys flows
 * (domain/real-change.ts says which months each takes).
 */
export function kindOf(key: string): PeriodKind | null {
  const statement = statementOf(key);
  return statement === 'balance_sheet' ? 'stock' : statement === 'income_statement' ? 'flow' : null;
}

export function realComparison(args: {
  items: Items;
  from: string;
  to: string;
  series: PriceIndexSeries;
  basis?: Readonly<Record<string, { basis: Basis }>>;
  keys: readonly string[];
}): RealChanges {
  const { items, from, to, series } = args;
  const months: Record<string, number> = {};
  const rows: RealChangeRow[] = [];
  for (const key of args.keys) {
    const kind = kindOf(key);
    if (!kind) continue;
    const rc = realChange({
      kind, series,
      from: { end: from, amount: items[key]?.[from] ?? 0, ...(args.basis?.[from] ? { basis: args.basis[from].basis } : {}) },
      to: { end: to, amount: items[key]?.[to] ?? 0, ...(args.basis?.[to] ? { basis: args.basis[to].basis } : {}) },
    });
    if (rc.status !== 'ok') {
      rows.push({ key, kind, status: rc.status, nominalPct: null, realPct: null, fromMonths: [], toMonths: [], message: rc.message });
      continue;
    }
    for (const used of [rc.from, rc.to]) for (const m of used.months) months[m] = series.values.get(m)!;
    rows.push({ key, kind, status: 'ok', nominalPct: rc.nominal.changePct, realPct: rc.real.changePct, fromMonths: rc.from.months, toMonths: rc.to.months });
  }
  return { index: series.id, from, to, months: Object.fromEntries(Object.entries(months).sort()), rows };
}

/** The mean level of `months` as stored with the section (the workbook's AVERAGE). */
export function levelOf(section: Pick<RealChanges, 'months'>, months: readonly string[]): number {
  return months.reduce((s, m) => s + section.months[m]!, 0) / months.length;
}
