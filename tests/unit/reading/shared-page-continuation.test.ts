import assert from 'node:assert/strict';
import { test } from 'node:test';
import { itemsOf } from '../../../domain/statement-items.ts';
import { readStatementPdf } from '../../../reading/read-statement-pdf.ts';
import { fuzzDraw } from '../../generator/fuzz/index.ts';

test('a balance sheet that starts on the income statement\'s page and goes on without a header is read to its end', async () => {
  // The income statement and the start of the balance sheet share page 1; the balance sheet
  // goes on over page 2 without repeating its columns.
  const draw = await fuzzDraw(377, { statements: 'is+bs', sharedPage: 'same-page', pageBreaks: 'forced-bare' });
  const reading = await readStatementPdf(draw.pdf);
  assert.ok(reading);
  assert.ok(reading.pages > 1, 'the draw spans pages');
  assert.deepEqual(reading.pagesRead, Array.from({ length: reading.pages }, (_, i) => i + 1));
  const items = itemsOf(reading.statement);
  const unread = Object.entries(draw.truth.itemsKurus).flatMap(([k, v]) => Object.keys(v).filter((p) => items[k]?.[p] !== v[p]).map((p) => `${k}@${p}`));
  assert.deepEqual(unread, []);
});
