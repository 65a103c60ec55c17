import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { itemsOf } from '../../domain/statement-items.ts';
import { validateExtraction } from '../../domain/validate-extraction.ts';
import { createOcrEngine, type OcrEngine } from '../../reading/ocr/index.ts';
import { openPdf, readTextLayer } from '../../reading/pdf.ts';
import { readStatementPdf } from '../../reading/read-statement-pdf.ts';
import { crossCheckTextLayer } from '../../reading/text-layer-check.ts';
import { generateStatement, type Truth } from '../generator/index.ts';
import { doubleAmounts, hiddenTextAttack, type HiddenTextAttack } from '../generator/hostile/hidden-text.ts';

const digits = (s: string) => s.replace(/\D/g, '');

describe('a text layer that says other numbers than the page shows', { timeout: 300_000 }, () => {
  let truth: Truth;
  let truePdf: Uint8Array;
  let engine: OcrEngine;
  /** Digit strings that exist only in the doubled layer. */
  let doubledOnly: Set<string>;

  before(async () => {
    // One page (the balance sheet alone): every attack is per page, and the four tests that OCR
    // the page pay for it at 300 DPI. The summary layout (about 40 amounts, not 100): OCR time
    // follows the text on the page, and a cross-check samples 12 amounts, so what these tests
    // prove (the hidden layer never read, OCR agreeing or not) needs no longer statement.
    const g = await generateStatement({ seed: 9137, layout: 't2-summary', statements: ['balance_sheet'] });
    truth = g.truth;
    truePdf = g.pdf;
    const doc = await openPdf(truePdf);
    const trueDigits = new Set<string>();
    doubledOnly = new Set();
    for (let p = 1; p <= doc.numPages; p++) for (const w of (await readTextLayer(doc, p)).words.words) trueDigits.add(digits(w.text));
    for (let p = 1; p <= doc.numPages; p++) {
      for (const w of (await readTextLayer(doc, p)).words.words) {
        const d = digits(doubleAmounts(w.text));
        if (d.length >= 4 && !trueDigits.has(d)) doubledOnly.add(d);
      }
    }
    await doc.destroy();
    engine = await createOcrEngine();
  });
  after(async () => engine?.terminate());

  const hiding: HiddenTextAttack[] = ['covered-by-image', 'invisible-over-image', 'white-on-white', 'clipped', 'outside-crop-box'];
  for (const attack of hiding) {
    it(`${attack}: the hidden layer is never read as the page`, async () => {
      const doc = await openPdf(await hiddenTextAttack(truePdf, attack));
      try {
        for (let p = 1; p <= doc.numPages; p++) {
          const layer = await readTextLayer(doc, p);
          const leaked = layer.words.words.filter((w) => doubledOnly.has(digits(w.text)));
          assert.deepEqual(leaked.map((w) => w.text), [], `page ${p}: hidden amounts read as visible`);
          assert.equal(layer.imageBacked, false, 'no visible text over an image here');
        }
      } finally {
        await doc.destroy();
      }
    });
  }

  for (const attack of ['covered-by-image', 'invisible-over-image'] as const) {
    it(`${attack}: the statement is read from the picture, never from the doubled layer`, async () => {
      const reading = await readStatementPdf(await hiddenTextAttack(truePdf, attack), () => {}, engine);
      assert.ok(reading);
      assert.equal(reading.method, 'ocr', 'with its text layer hidden the page is a scan');
      const items = itemsOf(reading.statement);
      const cells = Object.entries(truth.itemsKurus).flatMap(([k, v]) => Object.entries(v).map(([p, val]) => ({ k, p, val })));
      const doubled = cells.filter(({ k, p, val }) => val !== 0 && items[k]?.[p] === val * 2);
      assert.deepEqual(doubled, [], 'no doubled value');
      const wrong = cells.filter(({ k, p, val }) => items[k]?.[p] !== val);
      if (validateExtraction(reading.statement).status === 'ok') assert.deepEqual(wrong, [], 'a wrong value under ok');
    });
  }

  /** Page 1 of the file is flagged as image-backed, and OCR of a sample of its amounts gives `verdict`. */
  const crossCheck = async (pdf: Uint8Array, verdict: 'agrees' | 'disagrees') => {
    const doc = await openPdf(pdf);
    try {
      const layer = await readTextLayer(doc, 1);
      assert.equal(layer.imageBacked, true);
      const check = await crossCheckTextLayer(doc, layer.words, engine);
      assert.equal(check.verdict, verdict, `${check.agreed}/${check.sampled} agreed`);
    } finally {
      await doc.destroy();
    }
  };

  it('visible text over a picture of other numbers: the page is flagged and OCR disagrees with it', async () => {
    await crossCheck(await hiddenTextAttack(truePdf, 'visible-over-image'), 'disagrees');
  });

  it('an honest page (true text over a letterhead picture) passes the cross-check', async () => {
    await crossCheck(await hiddenTextAttack(truePdf, 'visible-over-image', { honest: true }), 'agrees');
  });
});
