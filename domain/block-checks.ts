import type { ExtractedLine } from './layout/statement-parser.ts';
import type { Kurus } from './types.ts';
import type { Check } from './validation.ts';

/**
 * Reconciliation by what is printed, not by what was keyed. A TFRS or IFRS statement prints
 * its groups with lines no chart account matches ("- İlişkili Taraflardan Ticari Alacaklar",
 * "Kullanım Hakları"), so summing keyed children says nothing. Here a total is checked
 * against every amount line printed between the previous total and itself, with printed
 * subtotals recognised by arithmetic: a line equal to the sum of the lines right after it
 * (a group line carrying its total) or right before it (a subtotal) replaces them.
 */

const BALANCE_TOTALS = ['1', '2', '3', '4', '5'];
/** Totals that end a block without being checked here (they have checks of their own). */
const BALANCE_BOUNDS = ['TOTAL_ASSETS', 'TOTAL_LIABILITIES_AND_EQUITY'];
const INCOME_TOTALS = ['NET_SALES', 'GROSS_PROFIT', 'OPERATING_PROFIT', 'PROFIT_BEFORE_TAX', 'NET_PROFIT'];
/** The most parts a printed subtotal is looked for among. */
const MAX_PARTS = 12;

export function blockChecks(lines: ExtractedLine[], periods: string[], roundingKurus: number): Check[] {
  const first = new Map<string, number>();
  lines.forEach((l, i) => {
    if (l.key && !first.has(l.key)) first.set(l.key, i);
  });
  const positions = (keys: readonly string[]) =>
    keys.flatMap((key) => (first.has(key) ? [{ key, at: first.get(key)! }] : [])).sort((a, b) => a.at - b.at);
  const balance = positions([...BALANCE_TOTALS, ...BALANCE_BOUNDS]);
  const income = positions(INCOME_TOTALS);
  // TDHP prints a group's line (with its total) before its accounts; TFRS and IFRS print the
  // total after them. Which one is told by what comes first in the balance sheet.
  const firstLine = lines.findIndex((l) => l.statement === 'balance_sheet' && Object.keys(l.values).length > 0);
  const groupFirst = balance.length > 0 && firstLine === balance[0]!.at;
  const checks: Check[] = [];
  for (const p of periods) {
    const sumOf = (from: number, to: number, statement: ExtractedLine['statement']) => {
      const values = lines.slice(from, to).filter((l) => l.statement === statement && l.values[p] !== undefined).map((l) => l.values[p]!);
      return values.length ? { actual: reducedSum(values, tolerance(roundingKurus, 2)), tol: tolerance(roundingKurus, values.length + 1) } : null;
    };
    balance.forEach(({ key, at }, i) => {
      const total = lines[at]!.values[p];
      if (total === undefined || BALANCE_BOUNDS.includes(key)) return;
      // Totals printed after their lines (TFRS, IFRS) or group lines printed before them (TDHP).
      const block = groupFirst
        ? sumOf(at + 1, balance[i + 1]?.at ?? at + 1, 'balance_sheet')
        : sumOf(i > 0 ? balance[i - 1]!.at + 1 : 0, at, 'balance_sheet');
      if (block) checks.push({ id: `sum:${key}`, period: p, ok: Math.abs(total - block.actual) <= block.tol, expected: total, actual: block.actual });
    });
    income.forEach(({ key, at }, i) => {
      const total = lines[at]!.values[p];
      // An income-statement total starts from the previous one ("BRÜT KAR" + expenses).
      const block = i > 0 ? sumOf(income[i - 1]!.at, at, 'income_statement') : null;
      if (total === undefined || !block) return;
      checks.push({ id: `is:${key}`, period: p, ok: Math.abs(total - block.actual) <= block.tol, expected: total, actual: block.actual });
    });
  }
  return checks;
}

function tolerance(roundingKurus: number, terms: number): number {
  return roundingKurus > 1 ? Math.ceil((terms * roundingKurus) / 2) : 0;
}

const near = (a: Kurus, b: Kurus, tol: number) => Math.abs(a - b) <= tol;

/** The sum of a printed block, counting each subtotal once instead of its parts. */
export function reducedSum(values: Kurus[], tol: number): Kurus {
  const items = groupFirstItems(values, tol);
  const leaves: Kurus[] = [];
  for (let i = 0; i < values.length; i = items[i]!) {
    const v = values[i]!;
    // A subtotal printed after its parts replaces them.
    let sum = 0;
    let replaced = false;
    for (let k = 1; k <= Math.min(MAX_PARTS, leaves.length); k++) {
      sum += leaves[leaves.length - k]!;
      if (k >= 2 && v !== 0 && near(sum, v, tol)) {
        leaves.splice(leaves.length - k, k, v);
        replaced = true;
        break;
      }
    }
    if (!replaced) leaves.push(v);
  }
  return leaves.reduce((a, b) => a + b, 0);
}

/**
 * For each position, where the item starting there ends: a line equal to the sum of the two
 * or more items right after it is a group line printed first, and its items (themselves
 * possibly groups: "Vergi Gideri" over "Ertelenmiş Vergi Geliri" over its two parts) are its
 * parts. Computed from the end, so each position is read once.
 */
function groupFirstItems(values: Kurus[], tol: number): number[] {
  const next: number[] = new Array(values.length + 1).fill(values.length);
  for (let i = values.length - 1; i >= 0; i--) {
    next[i] = i + 1;
    const v = values[i]!;
    if (v === 0) continue;
    let sum = 0;
    for (let j = i + 1, k = 1; j < values.length && k <= MAX_PARTS; j = next[j]!, k++) {
      sum += values[j]!;
      if (k >= 2 && near(sum, v, tol)) {
        next[i] = next[j]!;
        break;
      }
    }
  }
  return next;
}
