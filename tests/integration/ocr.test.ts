/**
 * OCR end to end, offline: a generated statement is rasterised (150 DPI), skewed 1.5°,
 * noised, wrapped into an image-only PDF and read back through readStatementPdf with the
 * tesseract pool. Every item must come back exact, or — if OCR slips — at least 97 % must,
 * and then validation must not claim `ok` (zero silent errors).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { itemsOf } from '../../domain/statement-items.ts';
import { validateExtraction } from '../../domain/validate-extraction.ts';
import { createOcrEngine, type OcrEngine } from '../../reading/ocr/index.ts';
import { readStatementPdf } from '../../reading/read-statement-pdf.ts';
import { generateStatement, type Truth } from '../generator/index.ts';
import { scanOf } from '../generator/scan-pdf.ts';

describe('OCR of a scanned statement', { timeout: 120_000 }, () => {
  let engine: OcrEngine;
  let truth: Truth;
  let scan: Uint8Array;

  before(async () => {
    const generated = await generateStatement({ seed: 4242, layout: 't1-detailed' });
    truth = generated.truth;
    [engine, scan] = await Promise.all([createOcrEngine(), scanOf(generated.pdf, 150, 1.5)]);
  });
  after(async () => {
    await engine?.terminate();
  });

  it('reads every page by OCR into the truth, or fails validation loudly', async () => {
    const progress: number[] = [];
    const reading = await readStatementPdf(scan, (page) => progress.push(page), engine);
    assert.ok(reading, 'a reading');
    assert.equal(reading.method, 'ocr');
    assert.deepEqual(reading.pagesByMethod.text, []);
    assert.deepEqual(reading.pagesByMethod.ocr, Array.from({ length: reading.pages }, (_, i) => i + 1));
    assert.deepEqual([...progress].sort(), reading.pagesByMethod.ocr, 'a progress callback per page');
    assert.deepEqual(reading.statement.periods, truth.periods);
    assert.equal(reading.statement.unit, truth.unit);

    const items = itemsOf(reading.statement);
    const cells = Object.entries(truth.itemsKurus).flatMap(([k, v]) => Object.entries(v).map(([p, val]) => ({ k, p, val })));
    const wrong = cells.filter(({ k, p, val }) => items[k]?.[p] !== val);
    const extra = Object.keys(items).filter((k) => !(k in truth.itemsKurus));
    const validation = validateExtraction(reading.statement);
    if (wrong.length || extra.length) {
      const exactShare = (cells.length - wrong.length) / cells.length;
      assert.ok(exactShare >= 0.97, `only ${(exactShare * 100).toFixed(1)} % exact: ${wrong.map((w) => `${w.k}@${w.p}`).join(', ')}`);
      assert.notEqual(validation.status, 'ok', 'a wrong item must not validate as ok');
    } else {
      assert.deepEqual(items, truth.itemsKurus);
    }
    // Skew was found and undone on every page.
    for (const s of engine.stats) assert.ok(Math.abs(Math.abs(s.skewDegrees) - 1.5) < 0.3, `page ${s.page} skew ${s.skewDegrees}`);
  });
});
