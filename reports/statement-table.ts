import type { Analysis } from '../contracts/analysis.ts';
import type { Locale } from '../contracts/locale.ts';
import { nameOf } from '../domain/chart-of-accounts.ts';

/** One row of the statement table: its key (null for an unmatched or repeated line), label and values. */
export interface StatementRow {
  key: string | null;
  label: string;
  values: Record<string, number | undefined>;
}

/**
 * The statement as the workbook tabulates it: every line read, in order, keyed lines with the
 * analysed (canonical) values so the cells the ratios read are the analysed ones, a repeated key
 * only once, then the analysed items no printed line carried.
 */
export function statementRows(a: Analysis, locale: Locale): StatementRow[] {
  const rowsOut: StatementRow[] = [];
  const seen = new Set<string>();
  for (const line of a.lines) {
    const dup = line.key !== null && seen.has(line.key);
    if (line.key !== null) seen.add(line.key);
    const values = line.key !== null && !dup ? { ...line.values, ...a.items[line.key] } : line.values;
    rowsOut.push({ key: dup ? null : line.key, label: line.key && !dup ? nameOf(line.key, locale) ?? line.label : line.label, values });
  }
  for (const key of Object.keys(a.items)) {
    if (!seen.has(key)) rowsOut.push({ key, label: nameOf(key, locale) ?? key, values: a.items[key]! });
  }
  return rowsOut;
}
