/**
 * A cell of a scan fed in sideways and tilted is re-read from the page as it was read
 * upright: turned and deskewed like the page, so the crop holds the cell's own amount.
 * One generated page (OCR is slow on this machine).
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { createOcrEngine, type OcrEngine } from '../../reading/ocr/index.ts';
import { openPdf } from '../../reading/pdf.ts';
import { padded, REREAD_DPI } from '../../reading/confirm-repairs.ts';
import { generateStatement } from '../generator/index.ts';
import { scanOf } from '../generator/scan-pdf.ts';

const AMOUNT = /^\(?\d{1,3}(\.\d{3})+\)?$/;
const digits = (text: string) => text.replace(/\D/g, '');

let engine: OcrEngine;
let scan: Uint8Array;
before(async () => {
  const { pdf } = await generateStatement({ seed: 4243, layout: 't2-summary' });
  const src = await PDFDocument.load(pdf);
  const one = await PDFDocument.create();
  const [page] = await one.copyPages(src, [0]);
  one.addPage(page!);
  // Turned a quarter clockwise and tilted 1.5°: a cell far from the centre moves by lines.
  [engine, scan] = await Promise.all([createOcrEngine(), one.save().then((b) => scanOf(b, 150, 1.5, 90))]);
});
after(async () => {
  await engine?.terminate();
});

it('re-reads cells of a turned, tilted scan where the page read them', { timeout: 600_000 }, async () => {
  const doc = await openPdf(scan);
  try {
    const page = await engine.recognizePage(doc, 1);
    // Fed in a quarter clockwise, read after a quarter turn back.
    assert.equal(page.upright?.turn, 270);
    assert.ok(Math.abs(page.upright.skew) > 0.5, `skew ${page.upright.skew}`);
    // Amounts spread over the page: the top and bottom move most under the tilt.
    const amounts = page.words.filter((w) => AMOUNT.test(w.text)).sort((a, b) => a.y0 - b.y0);
    assert.ok(amounts.length >= 6, `${amounts.length} amounts read`);
    const picks = [0, 1, 2, amounts.length - 3, amounts.length - 2, amounts.length - 1].map((i) => amounts[i]!);
    let same = 0;
    for (const w of picks) {
      const text = await engine.recognizeRegion(doc, 1, padded(w, page), { dpi: REREAD_DPI, digitsOnly: true, upright: page.upright });
      if (digits(text) === digits(w.text)) same++;
    }
    assert.ok(same >= 5, `${same} of ${picks.length} cells re-read as the page read them`);
  } finally {
    await doc.destroy();
  }
});
