import type { PageWords } from './words.ts';

/**
 * A running header or footer ("FAALİYET RAPORU | 2020   57", "Sayfa 3"): in the page's top or
 * bottom margin, its only amounts small whole numbers (a page number). Never a statement line.
 */
export function isPageFurniture(line: { y: number; cells: { text: string; amount: boolean }[] }, page: PageWords): boolean {
  const margin = page.height * 0.07;
  if (line.y > margin && line.y < page.height - margin) return false;
  const amounts = line.cells.filter((c) => c.amount);
  return amounts.length > 0 && amounts.every((c) => /^\d{1,3}$/.test(c.text));
}

const PAGE_NUMBER = /^(sayfa|sayfa no|page|sf)\.?\s*:?\s*(\d{1,3}\s*(\/|of|\/\s*\d{1,3})?)?$/i;

/** A row labelled as a page number ("Sayfa 1 / 2" read as a label and small numbers). */
export function isPageNumberRow(row: { label: string; amounts: { cell: { text: string } }[] }): boolean {
  return PAGE_NUMBER.test(row.label) && row.amounts.every((a) => /^\d{1,3}$/.test(a.cell.text));
}
