import { nameOf } from '../domain/chart-of-accounts.ts';
import { PRICE_INDEX_NAMES } from '../domain/price-index.ts';
import { AMOUNT_FMT, isTotalKey, PCT_FMT, quote, styleHeader, titleRows, type SheetContext } from './xlsx-style.ts';

/**
 * Real change an accountant can audit: an index sheet with every month the analysis used
 * (2003=100, as bundled), and a sheet whose index levels are AVERAGE formulas over those
 * months and whose nominal and real changes are formulas over the amounts and the levels.
 * Cached results are the stored analysis's, since exceljs never computes.
 */
export const REAL_SHEETS = {
  tr: { index: 'Endeks', real: 'Reel değişim' },
  en: { index: 'Index', real: 'Real change' },
} as const;

/** Header row of the real-change sheet; rows follow it. */
export const REAL_HEADER_ROW = 4;
const INDEX_FIRST_ROW = 5;

export function realChangeSheets(ctx: SheetContext): void {
  const { a, locale, wb, label, company } = ctx;
  const section = a.realChange;
  if (!section) return;
  const tr = locale === 'tr';
  const names = REAL_SHEETS[locale];
  const indexName = PRICE_INDEX_NAMES[section.index][locale];

  const is = wb.addWorksheet(names.index);
  titleRows(is, `${indexName} (2003=100)`, tr ? 'Reel değişimde kullanılan aylar (TÜİK, paketle gelen seri)' : 'The months real change used (TURKSTAT, the bundled series)', 2);
  const ih = is.getRow(INDEX_FIRST_ROW - 1);
  ih.values = [tr ? 'Ay' : 'Month', indexName];
  styleHeader(ih);
  is.getColumn(1).width = 12;
  is.getColumn(2).width = 14;
  const months = Object.keys(section.months).sort();
  const rowOfMonth = new Map<string, number>();
  months.forEach((m, i) => {
    const r = INDEX_FIRST_ROW + i;
    rowOfMonth.set(m, r);
    is.getRow(r).values = [m, section.months[m]!];
  });
  const avg = (ms: readonly string[]) => `AVERAGE(${quote(names.index)}!B${rowOfMonth.get(ms[0]!)}:B${rowOfMonth.get(ms[ms.length - 1]!)})`;
  const mean = (ms: readonly string[]) => ms.reduce((s, m) => s + section.months[m]!, 0) / ms.length;

  const rs = wb.addWorksheet(names.real, { views: [{ state: 'frozen', ySplit: REAL_HEADER_ROW, xSplit: 2 }] });
  titleRows(rs, `${tr ? 'Reel değişim' : 'Real change'} (${indexName}): ${company}`,
    tr ? `${label(section.from)} → ${label(section.to)} · önceki tutar × (sonraki endeks / önceki endeks); bilanço: dönem sonu ayı, gelir tablosu: dönem ayları ortalaması`
      : `${label(section.from)} → ${label(section.to)} · earlier amount × (later index / earlier index); balance sheet: the period-end month, income statement: the mean over the period's months`, 10);
  const hr = rs.getRow(REAL_HEADER_ROW);
  hr.values = [tr ? 'Kod' : 'Code', tr ? 'Hesap' : 'Account', label(section.from), label(section.to), `${indexName} ${label(section.from)}`, `${indexName} ${label(section.to)}`,
    tr ? 'Nominal %' : 'Nominal %', tr ? 'Önceki, bugünün parasıyla' : 'Earlier, in later money', tr ? 'Reel %' : 'Real %', tr ? 'Not' : 'Note'];
  styleHeader(hr);
  rs.getColumn(2).width = 44;
  for (const c of [3, 4, 8]) rs.getColumn(c).width = 19;
  rs.getColumn(10).width = 60;
  let r = REAL_HEADER_ROW + 1;
  for (const row of section.rows) {
    const rr = rs.getRow(r);
    const from = a.items[row.key]?.[section.from] ?? 0;
    const to = a.items[row.key]?.[section.to] ?? 0;
    rr.getCell(1).value = row.key;
    rr.getCell(2).value = nameOf(row.key, locale) ?? row.key;
    rr.getCell(3).value = from;
    rr.getCell(4).value = to;
    if (row.status === 'ok') {
      rr.getCell(5).value = { formula: avg(row.fromMonths), result: mean(row.fromMonths) };
      rr.getCell(6).value = { formula: avg(row.toMonths), result: mean(row.toMonths) };
      if (row.nominalPct !== null) rr.getCell(7).value = { formula: `(D${r}-C${r})/ABS(C${r})`, result: row.nominalPct / 100 };
      rr.getCell(8).value = { formula: `C${r}*F${r}/E${r}`, result: (from * mean(row.toMonths)) / mean(row.fromMonths) };
      if (row.realPct !== null) rr.getCell(9).value = { formula: `(D${r}-H${r})/ABS(H${r})`, result: row.realPct / 100 };
    } else if (row.message) {
      rr.getCell(10).value = row.message[locale];
    }
    for (const c of [3, 4, 8]) rr.getCell(c).numFmt = AMOUNT_FMT;
    for (const c of [5, 6]) rr.getCell(c).numFmt = '#,##0.00';
    for (const c of [7, 9]) rr.getCell(c).numFmt = PCT_FMT;
    if (isTotalKey(row.key)) rr.font = { bold: true };
    r++;
  }
}
