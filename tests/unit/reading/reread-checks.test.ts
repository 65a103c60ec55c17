import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PageWords } from '../../../reading/layout/words.ts';
import type { ExtractedLine, ExtractedStatement } from '../../../reading/layout/statement-parser.ts';
import type { PdfDocument } from '../../../reading/pdf.ts';
import type { Box } from '../../../reading/ocr/read-region.ts';
import { rereadFailingChecks } from '../../../reading/reread-checks.ts';
import { validateExtraction } from '../../../domain/validate-extraction.ts';
import { parseStatement } from '../../../reading/layout/statement-parser.ts';

const P = '2024-12-31';
const doc = {} as PdfDocument;
// An income statement's tail: profit before tax, the tax charge, and the period's profit,
// whose amount OCR read as letters ("PRY", taken for a zero dash).
const row = (y: number, label: string, amount: string): PageWords['words'] => [
  { text: label, x0: 50, y0: y, x1: 250, y1: y + 10, confidence: 0.9 },
  { text: amount, x0: 400, y0: y, x1: 440, y1: y + 10, confidence: 0.9 },
];
const page: PageWords = { page: 1, width: 600, height: 800, source: 'ocr', words: [...row(100, 'Before tax', '5.233'), ...row(120, 'Tax', '1.476'), ...row(140, 'Net profit', 'PRY')] };
const line = (key: string, value: number | undefined, y: number): ExtractedLine => ({
  key, label: key, page: 1, statement: 'income_statement', values: value === undefined ? {} : { [P]: value }, confidence: 0.9, source: 'ocr',
  cells: { [P]: { x0: 395, y0: y, x1: 445, y1: y + 10 } },
});
const statement = (net: number | undefined): ExtractedStatement => ({
  companyName: null, taxId: null, unit: 'Bin TL', currency: 'TRY', periods: [P], statements: ['income_statement'],
  lines: [line('PROFIT_BEFORE_TAX', 5_233_000_00, 100), line('691', -1_476_000_00, 120), line('NET_PROFIT', net, 140)],
});
const reader = (byY: Record<number, string>, asked: Box[] = []) => ({
  recognizeRegion: async (_d: PdfDocument, _p: number, box: Box) => {
    asked.push(box);
    return Object.entries(byY).find(([y]) => box.y0 <= Number(y) && box.y1 >= Number(y) + 10)?.[1] ?? '';
  },
});

test('a cell read as letters in a failing check is read again alone, and the reading that ties is taken', async () => {
  const first = statement(0);
  assert.equal(validateExtraction(first).status, 'failed');
  const asked: Box[] = [];
  const out = await rereadFailingChecks(doc, [page], first, reader({ 140: '3.757', 100: '5.233', 120: '1.476' }, asked));
  assert.deepEqual(out.rereads, [{ key: 'NET_PROFIT', period: P, from: 0, to: 3_757_000_00 }]);
  assert.equal(out.statement.lines[2]!.values[P], 3_757_000_00);
  assert.notEqual(validateExtraction(out.statement).status, 'failed');
  // Every line of the failing check was looked at, each a crop around its own cell.
  assert.equal(new Set(asked.map((b) => b.y0)).size, 3);
  assert.ok(asked.every((b) => b.x0 < 400 && b.x1 > 440));
});

test('an amount not read at all in a keyed line of a failing check is read again too', async () => {
  const first = { ...statement(3_757_000_00), lines: [line('PROFIT_BEFORE_TAX', 5_233_000_00, 100), line('691', undefined, 120), line('NET_PROFIT', 3_757_000_00, 140)] };
  assert.equal(validateExtraction(first).status, 'failed');
  const out = await rereadFailingChecks(doc, [page], first, reader({ 120: '1.476' }));
  // No sign printed and none read: a tax charge is a deduction, and the sums agree.
  assert.equal(out.statement.lines[1]!.values[P], -1_476_000_00);
});

test('a re-reading that does not make every check tie, or one of two that do, is not taken', async () => {
  const first = statement(0);
  const wrong = await rereadFailingChecks(doc, [page], first, reader({ 140: '3.151' }));
  assert.deepEqual(wrong.rereads, []);
  assert.equal(wrong.statement.lines[2]!.values[P], 0);
  assert.equal(validateExtraction(wrong.statement).status, 'failed');
  // Two cells whose re-readings each make the sums tie: a guess between them, so neither.
  const two = { ...first, lines: [line('PROFIT_BEFORE_TAX', 5_233_000_00, 100), line('691', -1_000_000_00, 120), line('NET_PROFIT', 3_757_000_00, 140)] };
  const bad = { ...two, lines: two.lines.map((l) => (l.key === 'NET_PROFIT' ? { ...l, values: { [P]: 4_000_000_00 } } : l)) };
  const ambiguous = await rereadFailingChecks(doc, [page], bad, reader({ 120: '1.233', 140: '4.233' }));
  assert.deepEqual(ambiguous.rereads, []);
});

test('lines read by OCR carry where each period\'s amount is printed, a text layer\'s do not', () => {
  const words = [
    { text: '31.12.2024', x0: 390, y0: 60, x1: 440, y1: 70 },
    ...row(100, 'Dönem Net Karı', 'PRY'),
    ...row(120, 'Ödenecek Vergi', '1.476'),
  ];
  const ocr = parseStatement([{ ...page, words }]);
  const cells = ocr.lines.map((l) => l.cells?.[P]);
  assert.ok(cells.length > 0 && cells.every((c) => c && c.x0 <= 400 && c.x1 >= 440));
  const text = parseStatement([{ ...page, source: 'text', words }]);
  assert.ok(text.lines.every((l) => l.cells === undefined));
});
