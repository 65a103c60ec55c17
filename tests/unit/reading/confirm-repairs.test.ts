import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PageWords } from '../../../reading/layout/words.ts';
import type { ExtractedStatement } from '../../../reading/layout/statement-parser.ts';
import type { Repair } from '../../../reading/repair.ts';
import { confirmRepairs } from '../../../reading/confirm-repairs.ts';
import type { PdfDocument } from '../../../reading/pdf.ts';

const P = '2024-12-31';
const page: PageWords = {
  page: 1,
  width: 600,
  height: 800,
  source: 'ocr',
  words: [
    { text: 'Property', x0: 50, y0: 100, x1: 100, y1: 110 },
    { text: '7,600', x0: 400, y0: 100, x1: 440, y1: 110 },
    { text: '7,000', x0: 400, y0: 200, x1: 440, y1: 210 },
  ],
};
const statement: ExtractedStatement = {
  companyName: null,
  taxId: null,
  unit: 'TL',
  currency: 'TRY',
  periods: [P],
  statements: ['balance_sheet'],
  lines: [{ key: '25', label: 'Property', page: 1, statement: 'balance_sheet', values: { [P]: 7_000_00 }, confidence: 0.7, source: 'ocr', repaired: true }],
};
const repair: Repair = { key: '25', period: P, from: 7_600_00, to: 7_000_00, checks: ['sum:2@2024-12-31'] };
const doc = {} as PdfDocument;

test('a repaired cell read again alone: the same as repair chose confirms it, the first reading does not', async () => {
  const asked: unknown[] = [];
  const reader = (text: string) => ({
    recognizeRegion: async (_d: PdfDocument, p: number, box: unknown, opts: unknown) => {
      asked.push({ p, box, opts });
      return text;
    },
  });
  const confirmed = await confirmRepairs(doc, [page], statement, [repair], reader('7.000'));
  assert.equal(confirmed.repairs[0]!.reread, 'confirmed');
  assert.equal(confirmed.statement.lines[0]!.repaired, undefined);
  const box = (asked[0] as { box: { x0: number; x1: number; y0: number; y1: number } }).box;
  assert.ok(box.x0 < 400 && box.x1 > 440 && box.y0 < 100 && box.y1 > 110, 'the cell that printed 7,600, with room around it');

  const contradicted = await confirmRepairs(doc, [page], statement, [repair], reader('7,600'));
  assert.equal(contradicted.repairs[0]!.reread, 'contradicted');
  assert.equal(contradicted.statement.lines[0]!.repaired, true);

  // The amount printed twice on the page: which cell is meant is unknown, so nothing is read.
  const twice = { ...page, words: [...page.words, { text: '7.600', x0: 400, y0: 300, x1: 440, y1: 310 }] };
  const unread = await confirmRepairs(doc, [twice], statement, [repair], reader('7,000'));
  assert.equal(unread.repairs[0]!.reread, 'unread');
  assert.equal(unread.statement.lines[0]!.repaired, true);
});
