import type ExcelJS from 'exceljs';
import type { Locale } from '../contracts/locale.ts';
import type { AnalysisExtras } from '../domain/analysis-extras.ts';
import { PRICE_INDEX_NAMES } from '../domain/price-index.ts';
import { RATIO_DEFINITIONS } from '../domain/ratio-definitions.ts';
import { METRIC_KIND } from '../domain/real-trends.ts';
import { TREND_METRIC_NAMES, TREND_METRICS } from '../domain/trends.ts';
import { AMOUNT_FMT, colLetter, PCT_FMT, ratioFmt, styleHeader, titleRows } from './xlsx-style.ts';

// "History" is reserved by Excel (exceljs refuses it).
export const HISTORY_SHEET = { tr: 'Tarihçe', en: 'Company history' } as const;
/** Rows of the history sheet: the years between first and last, the header, the amounts. */
export const HISTORY_LAYOUT = { yearsRow: 3, headerRow: 5, firstPeriodCol: 2 } as const;

const TEXT = {
  tr: { title: 'Şirket tarihçesi', years: 'Yıl sayısı (ilk → son dönem)', item: 'Kalem', cagr: 'Yıllık bileşik büyüme (nominal)', real: (i: string) => `Reel yıllık bileşik büyüme (${i})`, level: (k: string) => `Endeks düzeyi (${k === 'stock' ? 'dönem sonu ayı' : 'dönem ayları ortalaması'})`, ratios: 'Oranlar' },
  en: { title: 'Company history', years: 'Years (first → last period)', item: 'Item', cagr: 'Compound annual growth (nominal)', real: (i: string) => `Real compound annual growth (${i})`, level: (k: string) => `Index level (${k === 'stock' ? 'period-end month' : 'mean of the period’s months'})`, ratios: 'Ratios' },
} as const;

/**
 * The company's history an accountant can audit: the key amounts per year-end, their compound
 * annual growth as formulas over those cells and the number of years, and the real growth as
 * formulas over the same amounts and the index levels used (cached results are the stored
 * extras', since exceljs never computes). Then the ratios per year. Only with three or more
 * year-ends, as the trends themselves.
 */
export function historySheet(wb: ExcelJS.Workbook, extras: Pick<AnalysisExtras, 'trends' | 'realTrends'> | null | undefined, locale: Locale, company: string): void {
  const trends = extras?.trends;
  if (!trends || trends.periods.length < 3) return;
  const t = TEXT[locale];
  const ws = wb.addWorksheet(HISTORY_SHEET[locale]);
  titleRows(ws, `${t.title}: ${company}`, '', trends.periods.length + 3);
  const { yearsRow, headerRow, firstPeriodCol: P0 } = HISTORY_LAYOUT;
  const n = trends.periods.length;
  const [first, last] = [colLetter(P0), colLetter(P0 + n - 1)];
  ws.getCell(yearsRow, 1).value = t.years;
  ws.getCell(yearsRow, 2).value = trends.years;
  ws.getColumn(1).width = 44;
  const real = extras?.realTrends?.status === 'ok' ? extras.realTrends : null;
  const head = ws.getRow(headerRow);
  head.values = [t.item, ...trends.periods.map((p) => p.slice(0, 4)), t.cagr, ...(real ? [t.real(PRICE_INDEX_NAMES[real.index][locale])] : [])];
  styleHeader(head);
  for (let c = 2; c <= n + 3; c++) ws.getColumn(c).width = 18;
  let r = headerRow + 1;
  // The index levels first, so the real growth formulas below can point at them.
  const levelRow: Partial<Record<'stock' | 'flow', number>> = {};
  if (real) {
    for (const kind of ['stock', 'flow'] as const) {
      ws.getRow(r).values = [t.level(kind), ...real.levels[kind]];
      levelRow[kind] = r++;
    }
  }
  const years = `$B$${yearsRow}`;
  for (const m of TREND_METRICS) {
    const s = trends.metrics[m];
    const row = ws.getRow(r);
    row.values = [TREND_METRIC_NAMES[m][locale], ...s.values.map((v) => v ?? '')];
    for (let c = P0; c < P0 + n; c++) row.getCell(c).numFmt = AMOUNT_FMT;
    const [a, b] = [`${first}${r}`, `${last}${r}`];
    const ok = `AND(ISNUMBER(${a}),ISNUMBER(${b}),${a}>0,${b}>0,${years}>0)`;
    row.getCell(P0 + n).value = { formula: `IF(${ok},(${b}/${a})^(1/${years})-1,"")`, result: s.cagr ?? '' };
    row.getCell(P0 + n).numFmt = PCT_FMT;
    if (real) {
      const lv = levelRow[METRIC_KIND[m]]!;
      const restated = `(${b}/${a})*(${first}${lv}/${last}${lv})`;
      row.getCell(P0 + n + 1).value = { formula: `IF(${ok},(${restated})^(1/${years})-1,"")`, result: real.metrics[m]?.cagr ?? '' };
      row.getCell(P0 + n + 1).numFmt = PCT_FMT;
    }
    r++;
  }
  r++;
  ws.getCell(r++, 1).value = t.ratios;
  for (const [id, s] of Object.entries(trends.ratios)) {
    const def = RATIO_DEFINITIONS[id as keyof typeof RATIO_DEFINITIONS];
    const row = ws.getRow(r++);
    row.values = [def.name[locale], ...s.values.map((v) => v ?? '')];
    for (let c = P0; c < P0 + n; c++) row.getCell(c).numFmt = ratioFmt(def.kind, locale);
  }
}
