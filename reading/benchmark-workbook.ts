import ExcelJS from 'exceljs';
import type { Cell, Sheet } from '../domain/benchmark-kartil.ts';

/**
 * The cells of an .xlsx workbook as plain values (text, number or blank), sheet by sheet, for
 * the pure readers in domain/. Formulas give their cached result; rich text its plain text.
 */
export class WorkbookReadError extends Error {
  override readonly name = 'WorkbookReadError';
}

function plain(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean' || value instanceof Date) return String(value);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('result' in value) return plain((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value && typeof value.text === 'string') return value.text;
  return null; // errors (#DIV/0!) and anything else read as blank
}

export async function readWorkbookSheets(bytes: Buffer): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError('not a readable .xlsx workbook', { cause: e });
  }
  return wb.worksheets.map((ws) => {
    const rows: Cell[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: Cell[] = [];
      for (let c = 1; c <= ws.columnCount; c++) cells.push(plain(row.getCell(c).value));
      rows.push(cells);
    }
    return { name: ws.name, rows };
  });
}
