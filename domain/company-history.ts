import { statementOf } from './comparison.ts';
import { addPeriodItems } from './money.ts';
import type { Items, StatementType } from './types.ts';

/**
 * One stored statement of a company (a row of `financial_statements` that is not
 * superseded): one period and one statement type of one upload, amounts in full units as the
 * database keeps them.
 */
export interface StoredStatement {
  documentId: number;
  periodEnd: string;
  type: StatementType;
  currency: string;
  items: Record<string, number>;
}

/** The company's periods merged from several uploads, amounts in kuruş as the domain uses them. */
export interface CompanySeries {
  items: Items;
  /** Ascending ISO period ends. */
  periods: string[];
  /** period -> the documents its figures came from (one per statement type at most). */
  sources: Record<string, number[]>;
}

export interface HistoryFilter {
  /** The document being analysed: its own stored rows (a re-analysis) are not history. */
  documentId?: number;
  /**
   * Periods and statement types the document prints itself: the document wins for those as a
   * whole, so an older upload's extra lines are never mixed into a newer upload's period.
   */
  printed?: { periods: readonly string[]; statements: readonly StatementType[] };
  /** Only statements in this currency are comparable with the document. */
  currency?: string;
  /**
   * The newest period the document prints: later stored periods are left out, so a statement
   * uploaded after its successor is compared with what came before it, not judged by later years.
   */
  upTo?: string;
}

/**
 * Merges stored statements into one series. Rows are expected to be the current ones
 * (`superseded_by is null`); should two still cover the same period and type, the later
 * document wins, mirroring `replaceDocumentStatements`.
 */
export function mergeStoredStatements(rows: readonly StoredStatement[], filter: HistoryFilter = {}): CompanySeries {
  const printedPeriods = new Set(filter.printed?.periods ?? []);
  const printedTypes = new Set(filter.printed?.statements ?? []);
  const kept = rows
    .filter((r) => filter.documentId === undefined || r.documentId !== filter.documentId)
    .filter((r) => !(printedPeriods.has(r.periodEnd) && printedTypes.has(r.type)))
    .filter((r) => filter.currency === undefined || r.currency === filter.currency)
    .filter((r) => filter.upTo === undefined || r.periodEnd <= filter.upTo)
    .sort((a, b) => a.documentId - b.documentId);

  const items: Items = {};
  const sources: Record<string, number[]> = {};
  for (const row of kept) {
    // A later document of the same period and type replaces the earlier one as a whole.
    for (const [key, values] of Object.entries(items)) {
      if (values[row.periodEnd] !== undefined && statementOf(key) === row.type) delete values[row.periodEnd];
    }
    addPeriodItems(items, row.periodEnd, row.items);
    const list = (sources[row.periodEnd] ??= []);
    if (!list.includes(row.documentId)) list.push(row.documentId);
  }
  for (const [key, values] of Object.entries(items)) if (Object.keys(values).length === 0) delete items[key];
  return { items, periods: periodsOf(items), sources };
}

/** Every period some item has a value for, ascending (ISO dates sort as strings). */
export function periodsOf(items: Items): string[] {
  return [...new Set(Object.values(items).flatMap((v) => Object.keys(v)))].sort();
}

/**
 * The document's items over the stored series: for each period and statement the document
 * prints, its figures replace the stored ones as a whole (never a blend of two uploads' lines);
 * stored periods and statements it does not print stay.
 */
export function overlayItems(base: Items, top: Items): Items {
  const cell = (key: string, period: string) => `${period}|${statementOf(key) ?? 'other'}`;
  const covered = new Set(Object.entries(top).flatMap(([key, values]) => Object.keys(values).map((p) => cell(key, p))));
  const out: Items = {};
  for (const [key, values] of Object.entries(base)) {
    for (const [period, v] of Object.entries(values)) if (!covered.has(cell(key, period))) (out[key] ??= {})[period] = v;
  }
  for (const [key, values] of Object.entries(top)) out[key] = { ...out[key], ...values };
  return out;
}
