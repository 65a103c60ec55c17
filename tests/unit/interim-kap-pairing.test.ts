/**
 * A KAP interim report: the balance sheet at 30.09.2024 beside 31.12.2023, the income
 * statement for 01.01–30.09.2024 beside 01.01–30.09.2023. Each statement compares over its
 * own pair, flows over stocks are annualised, nothing is set against a date it lacks.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildAnalysis } from '../../domain/build-analysis.ts';
import { statementOf } from '../../domain/comparison.ts';
import { computeRatios } from '../../domain/ratios.ts';
import { itemsOf } from '../../domain/statement-items.ts';
import { validateExtraction } from '../../domain/validate-extraction.ts';
import { readStatementPdf } from '../../reading/read-statement-pdf.ts';
import { generateInterimStatement } from '../generator/interim-pdf.ts';
import ExcelJS from 'exceljs';
import { buildWorkbook, SHEETS } from '../../reports/xlsx-report.ts';

const END = '2024-09-30';
const YEAR_END = '2023-12-31';
const PRIOR = '2023-09-30';

test('a KAP interim report compares its balance sheet with the year-end and its income statement with the same months', async () => {
  for (const seed of [7, 8]) {
    const { pdf, truth, periodsOf } = await generateInterimStatement({ seed, end: END, yearEnd: YEAR_END, priorEnd: PRIOR });
    const reading = await readStatementPdf(pdf);
    assert.ok(reading);
    const { statement } = reading;
    assert.deepEqual([...statement.periods].sort(), [...truth.periods].sort());
    assert.deepEqual(statement.periodStarts, { [END]: '2024-01-01', [PRIOR]: '2023-01-01' });
    assert.deepEqual(itemsOf(statement), truth.itemsKurus);
    const validation = validateExtraction(statement);
    assert.equal(validation.status, 'ok');
    const a = buildAnalysis({ file: 'q3.pdf', sha256: '0', pages: reading.pages, method: reading.method, pagesByMethod: reading.pagesByMethod, statement, validation });
    assert.deepEqual(a.periodLengths, { [END]: { start: '2024-01-01', months: 9 }, [PRIOR]: { start: '2023-01-01', months: 9 } });

    const kinds = new Set(a.comparison.map((r) => statementOf(r.key)));
    assert.ok(kinds.has('balance_sheet') && kinds.has('income_statement'));
    for (const row of a.comparison) {
      const kind = statementOf(row.key)!;
      assert.deepEqual([row.from, row.to], [periodsOf[kind][1], periodsOf[kind][0]], `${row.key} compared over its own statement's dates`);
      assert.ok(a.items[row.key]?.[row.from] !== undefined && a.items[row.key]?.[row.to] !== undefined, `${row.key}: both sides printed`);
    }
    // Nine months of profit over equity at the quarter's end: a year's worth is 12/9 of it.
    const plain = computeRatios(itemsOf(statement), [END]);
    assert.ok(Math.abs(a.ratios.return_on_equity?.[END]! - plain.return_on_equity?.[END]! * 12 / 9) < 1e-9);
    assert.equal(a.ratios.net_margin?.[END], plain.net_margin?.[END], 'flow over flow is not annualised');
    assert.equal(a.ratios.current_ratio?.[END], plain.current_ratio?.[END], 'stock over stock is not annualised');
  }
});

test('the workbook comparison sheet names each row’s own pair when an interim report compares over two', async () => {
  const { pdf } = await generateInterimStatement({ seed: 7, end: END, yearEnd: YEAR_END, priorEnd: PRIOR });
  const reading = (await readStatementPdf(pdf))!;
  const validation = validateExtraction(reading.statement);
  const a = buildAnalysis({ file: 'q3.pdf', sha256: '0', pages: reading.pages, method: reading.method, pagesByMethod: reading.pagesByMethod, statement: reading.statement, validation });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await buildWorkbook(a, 'en') as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(SHEETS.en.comparison)!;
  assert.equal(ws.getCell(4, 8).value, 'Periods compared');
  const byKey = new Map<string, ExcelJS.Row>();
  for (let r = 5; r <= ws.rowCount; r++) if (typeof ws.getCell(r, 1).value === 'string') byKey.set(ws.getCell(r, 1).value as string, ws.getRow(r));
  for (const row of a.comparison) {
    const sheetRow = byKey.get(row.key)!;
    assert.ok(sheetRow, row.key);
    // The pair written beside the row is the one its amounts come from.
    assert.equal(sheetRow.getCell(3).value, a.items[row.key]?.[row.from] ?? null, `${row.key} earlier`);
    assert.equal(sheetRow.getCell(4).value, a.items[row.key]?.[row.to] ?? null, `${row.key} later`);
    assert.match(String(sheetRow.getCell(8).value), statementOf(row.key) === 'balance_sheet' ? /2023-12-31|31\.12\.2023|2023 → / : /30\.09\.2023|2023-09-30/);
  }
});
