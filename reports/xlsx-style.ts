import type ExcelJS from 'exceljs';
import type { Analysis } from '../contracts/analysis.ts';
import type { Locale } from '../contracts/locale.ts';
import type { RatioKind } from '../domain/ratio-definitions.ts';
import type { TEXT } from '../domain/wording/summary-text.ts';

/** What every sheet of the workbook shares: the analysis, its wording and the period layout. */
export interface SheetContext {
  a: Analysis;
  locale: Locale;
  t: (typeof TEXT)[Locale];
  wb: ExcelJS.Workbook;
  /** Sheet names in the workbook's language. */
  names: { summary: string; statement: string; ratios: string; comparison: string; validation: string; charts: string };
  /** Newest first, as statements print them. */
  periods: string[];
  label: (period: string) => string;
  company: string;
  /** The subtitle under each sheet's title: tax id, unit, source file. */
  sub: string;
  /** Column of the first (newest) period on the statement and ratio sheets. */
  P0: number;
}

export const AMOUNT_FMT = '#,##0.00;[Red]-#,##0.00';
export const PCT_FMT = '0.0%;[Red]-0.0%';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
export const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
export const SECTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFBDD7EE' } };
export const WARN_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
export const BAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8CBAD' } };
export const OK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF2F855A' }, bold: true };
const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };

export const colLetter = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};
export const quote = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

export function ratioFmt(kind: RatioKind, locale: Locale): string {
  switch (kind) {
    case 'percent': return PCT_FMT;
    case 'amount': return '#,##0;[Red]-#,##0';
    case 'days': return locale === 'tr' ? '0.0" gün";[Red]-0.0" gün"' : '0.0" days";[Red]-0.0" days"';
    case 'times': return locale === 'tr' ? '0.00" kez";[Red]-0.00" kez"' : '0.00"×";[Red]-0.00"×"';
    default: return '0.00;[Red]-0.00';
  }
}

export function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((c) => {
    c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    c.fill = HEADER_FILL;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    c.border = { bottom: thin };
  });
  row.height = 30;
}

export function titleRows(ws: ExcelJS.Worksheet, title: string, subtitle: string, width: number): void {
  ws.getCell('A1').value = title;
  ws.getCell('A1').font = { bold: true, size: 14, color: { argb: 'FF1F4E79' } };
  ws.getCell('A2').value = subtitle;
  ws.getCell('A2').font = { italic: true, color: { argb: 'FF595959' } };
  if (width > 1) {
    ws.mergeCells(1, 1, 1, width);
    ws.mergeCells(2, 1, 2, width);
  }
}

export const isTotalKey = (key: string | null) => key !== null && (/^[A-Z_]+$/.test(key) || key.length === 1);

