import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { UNIT_SCALE_CHECK } from '../../domain/unit-plausibility.ts';
import { validateExtraction } from '../../domain/validate-extraction.ts';
import { readStatementPdf } from '../../reading/read-statement-pdf.ts';
import { generateStatement } from '../generator/index.ts';

/** Every page gets a visible unit line, as an attacker or a careless template would print it. */
async function withUnitLine(pdf: Uint8Array, text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const page of doc.getPages()) page.drawText(text, { x: 40, y: page.getHeight() - 30, size: 9, font });
  return doc.save();
}

describe('a unit that does not fit the figures', () => {
  it('a statement in TL and kuruş under a "(Bin TL)" line is read as unsure, with the unit questioned', async () => {
    const { pdf, truth } = await generateStatement({ seed: 77, layout: 't1-detailed', unit: 'TL' });
    const plain = await readStatementPdf(pdf);
    assert.equal(plain?.statement.unit, 'TL');
    assert.ok(!validateExtraction(plain!.statement).checks.some((c) => c.id === UNIT_SCALE_CHECK));

    const spoofed = await readStatementPdf(await withUnitLine(pdf, '(Bin TL)'));
    assert.ok(spoofed);
    // The scale is applied (the page says so) but never silently: the reading is not ok.
    assert.equal(spoofed.statement.unit, 'Bin TL');
    const v = validateExtraction(spoofed.statement);
    assert.notEqual(v.status, 'ok');
    const check = v.checks.find((c) => c.id === UNIT_SCALE_CHECK);
    assert.ok(check && !check.ok && check.message, JSON.stringify(v.checks.filter((c) => !c.ok)));
    assert.ok(Object.keys(truth.itemsKurus).length > 0);
  });

  it('a statement printed in whole thousands keeps its Bin TL unit without doubt', async () => {
    const { pdf } = await generateStatement({ seed: 78, layout: 't2-summary', unit: 'Bin TL' });
    const reading = await readStatementPdf(pdf);
    assert.equal(reading?.statement.unit, 'Bin TL');
    const v = validateExtraction(reading!.statement);
    assert.ok(!v.checks.some((c) => c.id === UNIT_SCALE_CHECK), JSON.stringify(v.checks.filter((c) => !c.ok)));
    assert.equal(v.status, 'ok');
  });
});
