import type ExcelJS from 'exceljs';
import { statementOf } from '../domain/comparison.ts';
import { statementRows, type StatementRow } from './statement-table.ts';
import { AMOUNT_FMT, colLetter, GROUP_FILL, isTotalKey, PCT_FMT, SECTION_FILL, styleHeader, titleRows, type SheetContext } from './xlsx-style.ts';

/** Header row of the statement sheet (tests and the ratio sheet's references rely on it). */
export const STATEMENT_HEADER_ROW = 4;

/** The statement sheet: every period, change and change %; returns the row of each key, for the formulas that read it. */
export function statementSheet(ctx: SheetContext): Map<string, number> {
  const { a, locale, t, wb, names, periods, label, company, sub, P0 } = ctx;
  const nP = periods.length;
  const changeCol = P0 + nP;
  const st = wb.addWorksheet(names.statement, { views: [{ state: 'frozen', ySplit: STATEMENT_HEADER_ROW, xSplit: 2 }] });
  titleRows(st, `${t.statement}: ${company}`, sub, changeCol + (nP > 1 ? 1 : -1));
  const head = [t.code, t.account, ...periods.map(label)];
  if (nP > 1) head.push(`${t.change} ${label(periods[1]!)}→${label(periods[0]!)}`, t.changePct);
  const hr = st.getRow(STATEMENT_HEADER_ROW);
  hr.values = head;
  styleHeader(hr);
  st.getColumn(1).width = 14;
  st.getColumn(2).width = 52;
  for (let i = 0; i < nP + (nP > 1 ? 2 : 0); i++) st.getColumn(P0 + i).width = 19;

  const rowsOut = statementRows(a, locale);
  const cellOfKey = new Map<string, number>(); // key -> row
  let section: string | null = null;
  let row = STATEMENT_HEADER_ROW + 1;
  for (const line of rowsOut) {
    const stmt = line.key ? statementOf(line.key) : null;
    if (stmt && stmt !== section) {
      section = stmt;
      sectionRow(ctx, st.getRow(row++), stmt, changeCol + (nP > 1 ? 2 : 0));
    }
    writeLine(ctx, st.getRow(row), line, row, changeCol);
    if (line.key && !cellOfKey.has(line.key)) cellOfKey.set(line.key, row);
    row++;
  }
  st.autoFilter = { from: { row: STATEMENT_HEADER_ROW, column: 1 }, to: { row: STATEMENT_HEADER_ROW, column: changeCol + (nP > 1 ? 1 : -1) } };

  return cellOfKey;
}

function sectionRow(ctx: SheetContext, sr: ExcelJS.Row, stmt: string, lastCol: number): void {
  const { t, locale } = ctx;
  sr.getCell(1).value = (stmt === 'balance_sheet' ? t.balanceSheet : t.incomeStatement).toLocaleUpperCase(locale === 'tr' ? 'tr-TR' : 'en-US');
  sr.font = { bold: true, color: { argb: 'FF1F4E79' } };
  for (let c = 1; c < lastCol; c++) sr.getCell(c).fill = SECTION_FILL;
}

/** One statement line: its values per period, the change formulas, and its weight (total, group, account). */
function writeLine(ctx: SheetContext, rr: ExcelJS.Row, line: StatementRow, row: number, changeCol: number): void {
  const { periods, P0 } = ctx;
  const nP = periods.length;
  rr.getCell(1).value = line.key ?? '';
  rr.getCell(2).value = line.label;
  periods.forEach((p, i) => {
    const v = line.values[p];
    const c = rr.getCell(P0 + i);
    c.value = v ?? null;
    c.numFmt = AMOUNT_FMT;
  });
  if (nP > 1) {
    const cur = `${colLetter(P0)}${row}`;
    const prev = `${colLetter(P0 + 1)}${row}`;
    const a0 = line.values[periods[0]!];
    const a1 = line.values[periods[1]!];
    if (a0 !== undefined || a1 !== undefined) {
      const change = (a0 ?? 0) - (a1 ?? 0);
      rr.getCell(changeCol).value = { formula: `${cur}-${prev}`, result: Math.round(change * 100) / 100 };
      rr.getCell(changeCol).numFmt = AMOUNT_FMT;
      rr.getCell(changeCol + 1).value = { formula: `IF(${prev}=0,"",(${cur}-${prev})/ABS(${prev}))`, result: a1 ? change / Math.abs(a1) : '' };
      rr.getCell(changeCol + 1).numFmt = PCT_FMT;
    }
  }
  if (isTotalKey(line.key)) {
    rr.font = { bold: true };
    for (let c = 1; c < changeCol + (nP > 1 ? 2 : 0); c++) rr.getCell(c).fill = GROUP_FILL;
  } else if (line.key && line.key.length === 2) {
    rr.font = { bold: true };
    rr.getCell(2).alignment = { indent: 1 };
  } else {
    rr.getCell(2).alignment = { indent: 2 };
  }
}
