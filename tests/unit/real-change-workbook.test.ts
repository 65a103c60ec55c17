import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { buildWorkbook } from '../../reports/xlsx-report.ts';
import { REAL_HEADER_ROW, REAL_SHEETS } from '../../reports/xlsx-real-sheet.ts';
import { analysisOf, SAMPLE } from './reports-fixtures.ts';
import { bundled, handChange, mean, SAMPLE_FIGURES, TUFE_2023, TUFE_2024 } from './real-change-fixture.ts';

type Cell = ExcelJS.CellValue;

/**
 * Recomputes a formula cell from the cells it names, the way a spreadsheet would: AVERAGE over
 * a column range of another sheet, ABS, + − × ÷ and references on the same sheet. Nothing is
 * taken from the cached result.
 */
function evaluate(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, address: string): number {
  const v: Cell = ws.getCell(address).value;
  if (typeof v === 'number') return v;
  if (!v || typeof v !== 'object' || !('formula' in v)) throw new Error(`${ws.name}!${address} is neither a number nor a formula: ${JSON.stringify(v)}`);
  const js = String(v.formula)
    .replace(/AVERAGE\('([^']+)'!([A-Z]+)(\d+):[A-Z]+(\d+)\)/g, (_m, sheet: string, col: string, a: string, b: string) => {
      const other = wb.getWorksheet(sheet)!;
      const xs: number[] = [];
      for (let r = Number(a); r <= Number(b); r++) xs.push(evaluate(wb, other, `${col}${r}`));
      return `(${xs.reduce((s, x) => s + x, 0) / xs.length})`;
    })
    .replace(/ABS\(/g, 'Math.abs(')
    .replace(/\b([A-Z])(\d+)\b/g, (_m, col: string, row: string) => `(${evaluate(wb, ws, `${col}${row}`)})`);
  assert.match(js, /^[\d\s.+\-*/()eMathabs]+$/, `unexpected formula ${v.formula}`);
  return Function(`return ${js}`)() as number;
}

test('workbook: an index sheet with the months used, real-change cells that are formulas over it and recompute to the hand figures', async () => {
  const a = await analysisOf(SAMPLE, { priceIndex: await bundled('tufe') });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildWorkbook(a, 'tr')) as unknown as ExcelJS.Buffer);
  const is = wb.getWorksheet(REAL_SHEETS.tr.index)!;
  const months: Record<string, number> = {};
  is.eachRow((row, r) => {
    if (r > REAL_HEADER_ROW && typeof row.getCell(2).value === 'number') months[String(row.getCell(1).value)] = row.getCell(2).value as number;
  });
  // 2023-01 … 2024-12: the flows' yearly means take every month; the stocks' Decembers are among them.
  assert.equal(Object.keys(months).length, 24);
  assert.deepEqual(Object.values(months), [...TUFE_2023, ...TUFE_2024]);

  const rs = wb.getWorksheet(REAL_SHEETS.tr.real)!;
  const rowOf = (key: string): number => {
    let found = 0;
    rs.eachRow((row, r) => { if (row.getCell(1).value === key) found = r; });
    assert.ok(found, `${key} has a row`);
    return found;
  };
  const cases = [
    { key: 'NET_SALES', idx: [mean(TUFE_2023), mean(TUFE_2024)] },
    { key: 'NET_PROFIT', idx: [mean(TUFE_2023), mean(TUFE_2024)] },
    { key: 'TOTAL_ASSETS', idx: [TUFE_2023[11]!, TUFE_2024[11]!] },
  ] as const;
  for (const { key, idx } of cases) {
    const r = rowOf(key);
    const [from, to] = SAMPLE_FIGURES[key];
    const hand = handChange(from, to, idx[0], idx[1]);
    for (const col of ['E', 'F', 'G', 'H', 'I']) {
      const v = rs.getCell(`${col}${r}`).value;
      assert.ok(v && typeof v === 'object' && 'formula' in v, `${key} ${col} is a formula`);
    }
    assert.ok(Math.abs(evaluate(wb, rs, `E${r}`) - idx[0]) < 1e-9);
    assert.ok(Math.abs(evaluate(wb, rs, `F${r}`) - idx[1]) < 1e-9);
    assert.ok(Math.abs(evaluate(wb, rs, `G${r}`) * 100 - hand.nominal) < 1e-9, `${key} nominal`);
    assert.ok(Math.abs(evaluate(wb, rs, `I${r}`) * 100 - hand.real) < 1e-9, `${key} real: ${evaluate(wb, rs, `I${r}`) * 100} vs ${hand.real}`);
    // The cached result a viewer shows before recalculating is the same figure.
    const cached = (rs.getCell(`I${r}`).value as { result: number }).result;
    assert.ok(Math.abs(cached * 100 - hand.real) < 1e-9);
  }
});

test('workbook: without a price index there is no real-change sheet; adjusted figures carry the reason, no formula', async () => {
  const plain = await analysisOf(SAMPLE);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildWorkbook(plain, 'en')) as unknown as ExcelJS.Buffer);
  assert.equal(wb.getWorksheet(REAL_SHEETS.en.real), undefined);

  const a = await analysisOf(SAMPLE, { priceIndex: await bundled('tufe') });
  for (const row of a.realChange!.rows) Object.assign(row, { status: 'already_inflation_adjusted', nominalPct: null, realPct: null, fromMonths: [], toMonths: [], message: { tr: 'düzeltilmiş', en: 'already inflation-adjusted' } });
  const wb2 = new ExcelJS.Workbook();
  await wb2.xlsx.load((await buildWorkbook(a, 'en')) as unknown as ExcelJS.Buffer);
  const rs = wb2.getWorksheet(REAL_SHEETS.en.real)!;
  const r = REAL_HEADER_ROW + 1;
  assert.equal(rs.getCell(`I${r}`).value, null);
  assert.equal(rs.getCell(`J${r}`).value, 'already inflation-adjusted');
});
