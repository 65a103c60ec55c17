import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PageWords } from '../../../reading/layout/words.ts';
import { parseStatement } from '../../../reading/layout/statement-parser.ts';
import { itemsOf } from '../../../domain/statement-items.ts';

const A = '2024-12-31';
const B = '2023-12-31';
const row = (y: number, cells: [number, string][]) => cells.map(([x, text]) => ({ text, x0: x, y0: y, x1: x + text.length * 5, y1: y + 9 }));

test('in a document printing its minus after the digits, a short amount with one is an amount', () => {
  const page: PageWords = {
    page: 1, width: 600, height: 800, source: 'text',
    words: [
      ...row(40, [[50, 'GELİR TABLOSU (Bin TL)']]),
      ...row(60, [[380, '31.12.2024'], [470, '31.12.2023']]),
      ...row(80, [[50, 'Brüt Satışlar'], [390, '10.989'], [480, '16.142']]),
      ...row(100, [[50, 'Satış İndirimleri'], [395, '1.476-'], [490, '81-']]),
      ...row(120, [[50, 'Net Satışlar'], [390, '9.513'], [480, '16.061']]),
    ],
  };
  const items = itemsOf(parseStatement([page]));
  assert.deepEqual(items['61'], { [A]: -1_476_000_00, [B]: -81_000_00 });
  assert.deepEqual(items.NET_SALES, { [A]: 9_513_000_00, [B]: 16_061_000_00 });
});

test('a line number with a minus before the label stays a line number', () => {
  const page: PageWords = {
    page: 1, width: 600, height: 800, source: 'text',
    words: [
      ...row(60, [[380, '31.12.2024'], [470, '31.12.2023']]),
      ...row(80, [[40, '12-'], [60, 'Brüt Satışlar'], [390, '10.989'], [480, '16.142-']]),
    ],
  };
  const statement = parseStatement([page]);
  const line = statement.lines.find((l) => l.key === '60');
  assert.ok(line, statement.lines.map((l) => l.label).join(' | '));
  assert.deepEqual(line.values, { [A]: 10_989_00, [B]: -16_142_00 });
});
