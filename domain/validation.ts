import { levelOf, parentOf } from './chart-of-accounts.ts';
import type { Items, Kurus } from './types.ts';

/**
 * Reconciliation checks on extracted items (kuruş): children sum to their group, main groups
 * to the totals, AKTİF = PASİF, the income-statement chain, and 590/591 = net profit. Every
 * check carries both numbers so the user sees exactly what does not tie.
 */
export interface Check {
  id: string;
  period: string;
  ok: boolean;
  expected: Kurus;
  actual: Kurus;
  /** For a printed-block check that ties: the lines (indices) whose amounts it summed, total included. */
  lines?: number[];
}

export interface ValidationOptions {
  /** Printed values are rounded to this many kuruş (100000 for Bin TL): sums may be off by half of it per term. */
  roundingKurus: number;
}

const IS_CHAIN: [string, string[]][] = [
  ['NET_SALES', ['60', '61']],
  ['GROSS_PROFIT', ['NET_SALES', '62']],
  ['OPERATING_PROFIT', ['GROSS_PROFIT', '63']],
  ['ORDINARY_PROFIT', ['OPERATING_PROFIT', '64', '65', '66']],
  ['PROFIT_BEFORE_TAX', ['ORDINARY_PROFIT', '67', '68']],
  ['NET_PROFIT', ['PROFIT_BEFORE_TAX', '691']],
];

export function runChecks(items: Items, periods: string[], opts: ValidationOptions): Check[] {
  const checks: Check[] = [];
  const has = (k: string, p: string) => items[k]?.[p] !== undefined;
  const val = (k: string, p: string) => items[k]?.[p] ?? 0;
  const add = (id: string, p: string, expected: Kurus, terms: string[]) => {
    const actual = terms.reduce((s, t) => s + val(t, p), 0);
    const tolerance = opts.roundingKurus > 1 ? Math.ceil(((terms.length + 1) * opts.roundingKurus) / 2) : 0;
    checks.push({ id, period: p, ok: Math.abs(expected - actual) <= tolerance, expected, actual });
  };

  const keys = Object.keys(items);
  for (const p of periods) {
    // Groups against their printed children, one level down.
    for (const group of keys) {
      const level = levelOf(group);
      if (level !== 1 && level !== 2) continue;
      if (!has(group, p)) continue;
      const children = keys.filter((k) => parentOf(k) === group && has(k, p));
      if (!children.length) continue;
      // A main group whose printed children are accounts only (no sub-groups) is still checked.
      add(`sum:${group}`, p, val(group, p), children);
    }
    if (has('TOTAL_ASSETS', p) && has('TOTAL_LIABILITIES_AND_EQUITY', p)) {
      add('balance', p, val('TOTAL_ASSETS', p), ['TOTAL_LIABILITIES_AND_EQUITY']);
    }
    if (has('TOTAL_ASSETS', p) && (has('1', p) || has('2', p))) add('sum:TOTAL_ASSETS', p, val('TOTAL_ASSETS', p), ['1', '2']);
    if (has('TOTAL_LIABILITIES_AND_EQUITY', p) && ['3', '4', '5'].some((k) => has(k, p))) {
      add('sum:TOTAL_LIABILITIES_AND_EQUITY', p, val('TOTAL_LIABILITIES_AND_EQUITY', p), ['3', '4', '5']);
    }
    for (const [total, terms] of IS_CHAIN) {
      if (has(total, p) && terms.some((t) => has(t, p))) add(`is:${total}`, p, val(total, p), terms);
    }
    if (has('NET_PROFIT', p) && (has('590', p) || has('591', p))) {
      add('net_profit_match', p, val('NET_PROFIT', p), ['590', '591']);
    }
  }
  return checks;
}
