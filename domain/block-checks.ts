import type { ExtractedLine } from './extracted-statement.ts';
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
/** The most parts a printed subtotal is looked for among (a group may have a single line). */
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
  const bsStart = lines.findIndex((l) => l.statement === 'balance_sheet');
  const firstLine = lines.findIndex((l) => l.statement === 'balance_sheet' && Object.keys(l.values).length > 0);
  const firstIncome = lines.findIndex((l) => l.statement === 'income_statement' && Object.keys(l.values).length > 0);
  const groupFirst = balance.length > 0 && firstLine === balance[0]!.at;
  const checks: Check[] = [];
  for (const p of periods) {
    const sumOf = (from: number, to: number, statement: ExtractedLine['statement']) => {
      const at = indicesIn(from, to).filter((i) => lines[i]!.statement === statement && lines[i]!.values[p] !== undefined);
      const values = at.map((i) => lines[i]!.values[p]!);
      const actual = reducedSum(values, tolerance(roundingKurus, 2));
      // The plain sum too: a leaf may equal the sum of the lines before it by coincidence.
      return { actual, sums: [actual, values.reduce((a, b) => a + b, 0)], tol: tolerance(roundingKurus, values.length + 1), terms: values.length, at };
    };
    balance.forEach(({ key, at }, i) => {
      const total = lines[at]!.values[p];
      if (total === undefined) return;
      const prev = i > 0 ? balance[i - 1]!.at + 1 : Math.max(0, bsStart);
      const after = sumOf(at + 1, balance[i + 1]?.at ?? at + 1, 'balance_sheet');
      const before = sumOf(prev, at, 'balance_sheet');
      // The layout's own orientation decides which lines are the group's: TDHP and banks print
      // a group's line before its lines, TFRS and IFRS its total after them. A group printed
      // as its total alone has nothing to check.
      const own =
        key === 'TOTAL_ASSETS' ? sumOf(Math.max(0, bsStart), at, 'balance_sheet')
        : key === 'TOTAL_LIABILITIES_AND_EQUITY' ? sumOf(first.get('TOTAL_ASSETS')! + 1, at, 'balance_sheet')
        : groupFirst ? after : before;
      if (own.terms === 0 || (key.startsWith('TOTAL') && !first.has('TOTAL_ASSETS'))) return;
      // A block that starts after a printed "Total liabilities" inside it, or read the other way.
      const others = key.startsWith('TOTAL') ? [] : [groupFirst ? before : after, ...totalLinesBetween(lines, prev, at).map((t) => sumOf(t + 1, at, 'balance_sheet'))];
      const tied = [own, ...others].find((b) => b.terms > 0 && b.sums.some((v) => Math.abs(total - v) <= b.tol));
      checks.push({ id: `sum:${key}`, period: p, ok: !!tied, expected: total, actual: tied ? total : own.actual, ...(tied ? { lines: [...tied.at, at] } : {}) });
    });
    income.forEach(({ key, at }, i) => {
      const total = lines[at]!.values[p];
      // An income-statement total starts from the previous one ("BRÜT KAR" + expenses); the
      // first from the statement's first amount ("Brüt satışlar" − "Satış indirimleri").
      const from = i > 0 ? income[i - 1]!.at : firstIncome;
      const block = from >= 0 && from < at ? sumOf(from, at, 'income_statement') : null;
      if (total === undefined || !block || block.terms < 2) return;
      let ok = block.sums.some((v) => Math.abs(total - v) <= block.tol);
      if (!ok && key === 'NET_PROFIT') {
        const values = lines.slice(from, at).filter((l) => l.statement === 'income_statement' && l.values[p] !== undefined).map((l) => l.values[p]!);
        ok = taxChargeTies(values, total, tolerance(roundingKurus, values.length + 1));
      }
      // The first total's block holds whatever the statement prints above it (a bank's nested
      // interest lines): when it ties it vouches for them, when not it proves nothing.
      if (!ok && i === 0) return;
      checks.push({ id: `is:${key}`, period: p, ok, expected: total, actual: ok ? total : block.actual, ...(ok ? { lines: [...block.at, at] } : {}) });
    });
  }
  return checks;
}

/**
 * Between the pre-tax profit and the period's profit stands only the tax charge, which many
 * statements print as a positive "provision" to subtract, followed perhaps by a repeated
 * continuing-operations profit and empty discontinued-operations lines. The profit ties when
 * pre-tax profit plus or minus the charge (read up to some line) gives it, and every line
 * after that is either zero or the profit itself.
 */
function taxChargeTies(values: Kurus[], total: Kurus, tol: number): boolean {
  const [pretax, ...rest] = values;
  if (pretax === undefined) return false;
  for (let e = 1; e <= rest.length; e++) {
    const charge = reducedSum(rest.slice(0, e), tol);
    const tail = rest.slice(e).every((v) => v === 0 || near(v, total, tol));
    if (tail && (near(pretax + charge, total, tol) || near(pretax - charge, total, tol))) return true;
  }
  return false;
}

function indicesIn(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}

const TOTAL_LABEL = /\b(toplam|toplami|total)\b/i;

function totalLinesBetween(lines: ExtractedLine[], from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) if (!lines[i]!.key && TOTAL_LABEL.test(lines[i]!.label)) out.push(i);
  return out;
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
      if (v !== 0 && near(sum, v, tol)) {
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
      if (near(sum, v, tol)) {
        next[i] = next[j]!;
        break;
      }
    }
  }
  return next;
}
