import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PDFDocument, degrees } from 'pdf-lib';
import { itemsOf } from '../../../domain/statement-items.ts';
import { readStatementPdf } from '../../../reading/read-statement-pdf.ts';
import { generateStatement } from '../../generator/index.ts';

test('a statement on pages turned by 90°, 180° or 270° reads the same as upright', async () => {
  // One page (the balance sheet alone, 40-odd items): the turn is a page's /Rotate, read page
  // by page, so a second page would only repeat each case.
  const { pdf } = await generateStatement({ seed: 5, layout: 't1-detailed', statements: ['balance_sheet'] });
  const upright = await readStatementPdf(pdf);
  assert.ok(upright);
  const expected = itemsOf(upright.statement);
  assert.ok(Object.keys(expected).length > 20);
  for (const turn of [90, 180, 270]) {
    const doc = await PDFDocument.load(pdf);
    for (const page of doc.getPages()) page.setRotation(degrees(turn));
    const reading = await readStatementPdf(await doc.save());
    assert.ok(reading, `${turn}°`);
    assert.deepEqual(reading.statement.periods, upright.statement.periods, `${turn}°`);
    assert.deepEqual(itemsOf(reading.statement), expected, `${turn}°`);
  }
});
