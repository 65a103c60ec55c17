import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { buildAnalysisExtras } from '../../domain/analysis-extras.ts';
import { buildWorkbook } from '../../reports/xlsx-report.ts';
import { HISTORY_LAYOUT, HISTORY_SHEET } from '../../reports/xlsx-history-sheet.ts';
import { analysisOf, THREE_PERIODS } from './reports-fixtures.ts';
import { bundled, mean, TUFE_2024 } from './real-change-fixture.ts';

/** TÜFE 2022, copied by hand from data/price-indices/tufe.csv. */
const TUFE_2022 = [763.23, 799.93, 843.64, 904.79, 931.76, 977.9, 1001.03, 1015.65, 1046.89, 1084.0, 1115.26, 1128.45];

test('the workbook history sheet: amounts per year-end, nominal and real compound growth as formulas an accountant can recompute', async () => {
  const series = await bundled('tufe');
  const a = await analysisOf(THREE_PERIODS);
  const extras = buildAnalysisExtras({ analysis: a, documentId: 1, companyId: 1, history: {}, sector: null, benchmarks: [], priceIndex: series });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await buildWorkbook(a, 'tr', { extras }) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(HISTORY_SHEET.tr)!;
  assert.ok(ws, 'a history sheet');
  const { yearsRow, headerRow, firstPeriodCol: P0 } = HISTORY_LAYOUT;
  assert.equal(ws.getCell(yearsRow, 2).value, 2);
  const header = (ws.getRow(headerRow).values as unknown[]).slice(1);
  assert.deepEqual(header.slice(0, 4), ['Kalem', '2022', '2023', '2024']);
  const rowOf = (label: string) => {
    for (let r = headerRow + 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === label) return ws.getRow(r);
    throw new Error(`no row ${label}`);
  };
  const sales = rowOf('Net Satışlar');
  const ns = a.items.NET_SALES!;
  const [s22, s23, s24] = ['2022-12-31', '2023-12-31', '2024-12-31'].map((p) => ns[p]!);
  assert.deepEqual([2, 3, 4].map((c) => sales.getCell(c).value), [s22, s23, s24]);

  // Nominal: recomputed from the cells the formula names, and by hand from the statement.
  const nominal = sales.getCell(P0 + 3).value as ExcelJS.CellFormulaValue;
  assert.match(nominal.formula, new RegExp(`\\(D${sales.number}/B${sales.number}\\)\\^\\(1/\\$B\\$${yearsRow}\\)-1`));
  const byHand = Math.sqrt(s24! / s22!) - 1;
  assert.ok(Math.abs((nominal.result as number) - byHand) < 1e-12);

  // Real: sales are a flow, restated with the mean of each year's months.
  const real = sales.getCell(P0 + 4).value as ExcelJS.CellFormulaValue;
  const flowRow = rowOf('Endeks düzeyi (dönem ayları ortalaması)');
  const [l22, l24] = [flowRow.getCell(2).value as number, flowRow.getCell(4).value as number];
  assert.ok(Math.abs(l22 - mean(TUFE_2022)) < 1e-9 && Math.abs(l24 - mean(TUFE_2024)) < 1e-9, 'the levels are the index means');
  assert.ok(real.formula.includes(`(B${flowRow.number}/D${flowRow.number})`), real.formula);
  const realByHand = Math.sqrt((s24! / s22!) * (mean(TUFE_2022) / mean(TUFE_2024))) - 1;
  assert.ok(Math.abs((real.result as number) - realByHand) < 1e-9);
  // The English workbook names the sheet in English.
  const en = new ExcelJS.Workbook();
  await en.xlsx.load(await buildWorkbook(a, 'en', { extras }) as unknown as ArrayBuffer);
  assert.ok(en.getWorksheet(HISTORY_SHEET.en));
});
