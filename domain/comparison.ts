import type { z } from 'zod';
import type { ComparisonRow as ComparisonRowSchema } from '../contracts/analysis.ts';
import { RATIO_IDS, type RatioId } from './ratio-definitions.ts';
import type { RatioTable } from './ratios.ts';
import { deriveInputs } from './statement-inputs.ts';
import type { Items, Kurus, StatementType } from './types.ts';

export type ComparisonRow = z.infer<typeof ComparisonRowSchema>;
export type ComparisonOptions = { changeAlertPct: number; materialityPct: number };
export const DEFAULT_COMPARISON_OPTIONS: ComparisonOptions = { changeAlertPct: 25, materialityPct: 5 };

const INCOME_TOTALS = new Set(['NET_SALES', 'GROSS_PROFIT', 'OPERATING_PROFIT', 'ORDINARY_PROFIT', 'PROFIT_BEFORE_TAX', 'NET_PROFIT']);

/** Which statement a key belongs to, hence which base (TA or NS) it is measured against. */
export function statementOf(key: string): StatementType | null {
  if (key === 'TOTAL_ASSETS' || key === 'TOTAL_LIABILITIES_AND_EQUITY' || /^[1-5]\d*$/.test(key)) return 'balance_sheet';
  if (INCOME_TOTALS.has(key) || /^6\d*$/.test(key)) return 'income_statement';
  return null;
}

// Totals sort right after the codes they close, so rows read in statement order.
const TOTAL_POSITION: Record<string, string> = {
  TOTAL_ASSETS: '2~', TOTAL_LIABILITIES_AND_EQUITY: '5~', NET_SALES: '61~', GROSS_PROFIT: '62~',
  OPERATING_PROFIT: '63~', ORDINARY_PROFIT: '66~', PROFIT_BEFORE_TAX: '68~', NET_PROFIT: '69~',
};
const sortKey = (key: string): string => TOTAL_POSITION[key] ?? (/^\d+$/.test(key) ? key : `~${key}`);
const byStatementOrder = (a: string, b: string): number => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0);

/** Change in percent of the base's magnitude, so a shrinking loss (−100 -> −50) reads +50. */
export const percentChange = (from: number, to: number): number | null =>
  from === 0 ? null : ((to - from) / Math.abs(from)) * 100;

/** Per period, the key -> base lookup (derived once: deriving scans every key). */
function basesOf(items: Items, period: string): (key: string) => Kurus | null {
  const { TA, NS } = deriveInputs(items, period);
  return (key) => {
    const statement = statementOf(key);
    return statement === 'balance_sheet' ? TA : statement === 'income_statement' ? NS : null;
  };
}

/** [from, to] = the newest period and the one before it; column order in the PDF varies. */
/**
 * The newest period and the one it is compared with: the latest earlier period of the same
 * length (`months` lists interim periods; others are full years), so nine months compare with
 * nine months, never with a full year.
 */
export function newestPair(periods: readonly string[], months: Readonly<Record<string, number>> = {}): [string, string] | null {
  const sorted = [...new Set(periods)].sort(); // ISO dates sort as strings
  if (sorted.length < 2) return null;
  const newest = sorted[sorted.length - 1]!;
  const length = (p: string) => months[p] ?? 12;
  const earlier = sorted.slice(0, -1).reverse().find((p) => length(p) === length(newest));
  return earlier ? [earlier, newest] : null;
}

/**
 * The pair each statement is compared over. A balance sheet is a date, so it compares with
 * the latest earlier date it is printed at (an interim sheet with the last year-end); an
 * income statement is a span, so it compares with the latest earlier span of the same length
 * (nine months with the same nine months a year before). In a year-end document both pairs
 * are the same; in a KAP interim report they differ, and neither statement's lines are set
 * against a date the statement does not print.
 */
export function statementPairs(items: Items, periods: readonly string[], months: Readonly<Record<string, number>> = {}): Partial<Record<StatementType, [string, string]>> {
  const out: Partial<Record<StatementType, [string, string]>> = {};
  for (const statement of ['balance_sheet', 'income_statement'] as const) {
    const printed = periods.filter((p) => Object.keys(items).some((k) => statementOf(k) === statement && items[k]?.[p] !== undefined));
    const pair = newestPair(printed, statement === 'balance_sheet' ? {} : months);
    if (pair) out[statement] = pair;
  }
  return out;
}

/**
 * Each statement's lines compared over its own pair (statementPairs); keys of neither
 * statement over `fallback`, the document's newest pair.
 */
export function compareStatements(items: Items, pairs: Partial<Record<StatementType, [string, string]>>, fallback: [string, string] | null, opts: Partial<ComparisonOptions> = {}): ComparisonRow[] {
  const rows = (pair: [string, string] | null | undefined, of: StatementType | null) =>
    pair ? compareItems(items, pair[0], pair[1], opts).filter((r) => statementOf(r.key) === of) : [];
  return [...rows(pairs.balance_sheet, 'balance_sheet'), ...rows(pairs.income_statement, 'income_statement'), ...rows(fallback, null)];
}

/**
 * Every key printed in either period; a value missing on one side is a blank cell, i.e. 0.
 * A line alerts when it moved by at least changeAlertPct and, in either period, is at least
 * materialityPct of that period's total assets (balance sheet) or net sales (income statement).
 */
export function compareItems(items: Items, from: string, to: string, opts: Partial<ComparisonOptions> = {}): ComparisonRow[] {
  const { changeAlertPct, materialityPct } = { ...DEFAULT_COMPARISON_OPTIONS, ...opts };
  const bases = { from: basesOf(items, from), to: basesOf(items, to) };
  const keys = Object.keys(items).filter((k) => items[k]?.[from] !== undefined || items[k]?.[to] !== undefined);
  return keys.sort(byStatementOrder).map((key) => {
    const a = items[key]?.[from] ?? 0;
    const b = items[key]?.[to] ?? 0;
    const changePct = percentChange(a, b);
    const material = ([[a, bases.from], [b, bases.to]] as const).some(([value, baseOf]) => {
      const total = baseOf(key);
      return total !== null && total !== 0 && Math.abs(value) >= (Math.abs(total) * materialityPct) / 100;
    });
    const alert = changePct !== null && Math.abs(changePct) >= changeAlertPct && material;
    return { key, from, to, change: (b - a) / 100, changePct, alert };
  });
}

export type RatioChange = {
  id: RatioId;
  from: string;
  to: string;
  fromValue: number | null;
  toValue: number | null;
  change: number | null;
  changePct: number | null;
};

/** Ratio movements between two periods, in RATIO_IDS order; unknown values stay null. */
export function ratioChanges(ratios: RatioTable, from: string, to: string): RatioChange[] {
  return RATIO_IDS.map((id) => {
    const fromValue = ratios[id]?.[from] ?? null;
    const toValue = ratios[id]?.[to] ?? null;
    const both = fromValue !== null && toValue !== null;
    return {
      id, from, to, fromValue, toValue,
      change: both ? toValue - fromValue : null,
      changePct: both ? percentChange(fromValue, toValue) : null,
    };
  });
}
