import type { PageWords } from './words.ts';

/**
 * A running header or footer ("FAALİYET RAPORU | 2020   57", "Sayfa 3"): in the page's top or
 * bottom margin, its only amounts small whole numbers (a page number). Never a statement line.
 */
export function isPageFurniture(line: { y: number; cells: Span[] }, page: PageWords, regions: { columns: { x0: number; x1: number }[] }[] | null = null): boolean {
  const margin = page.height * 0.07;
  if (line.y > margin && line.y < page.height - margin) return false;
  const amounts = line.cells.filter((c) => c.amount);
  if (!amounts.length || !amounts.every((c) => /^\d{1,3}$/.test(c.text))) return false;
  // Small amounts under two or more period columns (each nearest a different one) are a statement line (a Bin TL table that
  // starts at the top of a continuation page), never a page number.
  const columns = (regions ?? []).flatMap((r) => r.columns);
  const mid = (c: { x0: number; x1: number }) => (c.x0 + c.x1) / 2;
  const nearest = (c: Span) => columns.reduce((best, col, i) => (Math.abs(mid(col) - mid(c)) < Math.abs(mid(columns[best]!) - mid(c)) ? i : best), 0);
  return columns.length < 2 || new Set(amounts.map(nearest)).size < 2;
}

type Span = { text: string; amount: boolean; x0: number; x1: number };

const PAGE_NUMBER = /^(sayfa|sayfa no|page|sf)\.?\s*:?\s*(\d{1,3}\s*(\/|of|\/\s*\d{1,3})?)?$/i;

/** A row labelled as a page number ("Sayfa 1 / 2" read as a label and small numbers). */
export function isPageNumberRow(row: { label: string; amounts: { cell: { text: string } }[] }): boolean {
  return PAGE_NUMBER.test(row.label) && row.amounts.every((a) => /^\d{1,3}$/.test(a.cell.text));
}
