import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExtractedLine, ExtractedStatement } from '../../../domain/extracted-statement.ts';
import { validateExtraction } from '../../../domain/validate-extraction.ts';
import { splitPeriodRuns } from '../../../reading/layout/periods.ts';
import type { Cell } from '../../../reading/layout/lines.ts';

test('a notes header run together with several period headers is split into one header each', () => {
  const text = 'Notes 31 December 2021 31 December 2022 31 December 2023';
  const cell: Cell = { text, x0: 272, x1: 500, y0: 85, y1: 93, confidence: 1, amount: false };
  const out = splitPeriodRuns({ y: 89, height: 8, cells: [cell] });
  assert.deepEqual(out.cells.map((c) => c.text), ['Notes', '31 December 2021', '31 December 2022', '31 December 2023']);
  // In print order, side by side, within the run.
  out.cells.forEach((c, i) => {
    assert.ok(c.x0 < c.x1 && c.x0 >= 272 && c.x1 <= 500);
    if (i) assert.ok(c.x0 >= out.cells[i - 1]!.x1);
  });
});

const A = '2024-12-31';
const B = '2023-12-31';
const line = (key: string, values: Record<string, number>): ExtractedLine => ({ key, label: key, page: 1, statement: 'income_statement', values, confidence: 1, source: 'text', keyConfidence: 1 });
const income = (net: Record<string, number>): ExtractedStatement => ({
  companyName: null, taxId: null, unit: 'TL', currency: 'TRY', periods: [A, B], statements: ['income_statement'],
  lines: [
    line('NET_SALES', { [A]: 1000, [B]: 900 }), line('62', { [A]: -600, [B]: -500 }), line('GROSS_PROFIT', { [A]: 400, [B]: 400 }),
    line('OPERATING_PROFIT', { [A]: 400, [B]: 400 }), line('PROFIT_BEFORE_TAX', { [A]: 400, [B]: 400 }), line('691', { [A]: -100, [B]: -100 }),
    line('NET_PROFIT', net),
  ],
});

test('a profit line read for one period and not for another is not plainly ok', () => {
  assert.equal(validateExtraction(income({ [A]: 300, [B]: 300 })).status, 'ok');
  // The newer year's profit printed as something the reader took for no number: no check has it.
  assert.equal(validateExtraction(income({ [B]: 300 })).status, 'warnings');
});

test('two relative period headers run together ("Cari Dönem Önceki Dönem") are two headers', () => {
  const cell: Cell = { text: 'Cari Dönem Önceki Dönem', x0: 450, x1: 560, y0: 85, y1: 93, confidence: 1, amount: false };
  const out = splitPeriodRuns({ y: 89, height: 8, cells: [cell] });
  assert.deepEqual(out.cells.map((c) => c.text), ['Cari Dönem', 'Önceki Dönem']);
  assert.ok(out.cells[0]!.x1 <= out.cells[1]!.x0);
  // One header alone stays as it is.
  assert.equal(splitPeriodRuns({ y: 89, height: 8, cells: [{ ...cell, text: 'Cari Dönem' }] }).cells.length, 1);
});
