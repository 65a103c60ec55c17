/**
 * A scanned statement fed in sideways or upside down (image only, no text layer) is found
 * turned and read upright: the same items as the upright scan. The first page of a generated
 * statement is enough (OCR is slow on this machine).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { createOcrEngine, type OcrEngine } from '../../reading/ocr/index.ts';
import type { QuarterTurn } from '../../reading/ocr/orientation.ts';
import { openPdf } from '../../reading/pdf.ts';
import { generateStatement } from '../generator/index.ts';
import { scanOf } from '../generator/scan-pdf.ts';

/**
 * Amounts (e.g. 1.234.567 or (12.345)) as digit strings: what must survive the turn. The
 * scanner's noise differs between the turned and upright sheets, so a thousands dot may come
 * and go (the statement parser takes both); a digit may not.
 */
const AMOUNT = /^\(?\d[\d.]*\d\)?$/;
const digits = (text: string) => text.replace(/\./g, '');

describe('OCR of a turned scan', { timeout: 600_000 }, () => {
  let engine: OcrEngine;
  let firstPage: Uint8Array;

  before(async () => {
    const { pdf } = await generateStatement({ seed: 4242, layout: 't2-summary' });
    const src = await PDFDocument.load(pdf);
    const one = await PDFDocument.create();
    const [page] = await one.copyPages(src, [0]);
    one.addPage(page!);
    [engine, firstPage] = await Promise.all([createOcrEngine(), one.save()]);
  });
  after(async () => {
    await engine?.terminate();
  });

  async function read(turn: QuarterTurn) {
    const doc = await openPdf(await scanOf(firstPage, 150, 0, turn));
    try {
      const page = await engine.recognizePage(doc, 1);
      const stats = engine.stats.at(-1)!;
      return { page, stats, amounts: page.words.filter((w) => AMOUNT.test(w.text)).map((w) => digits(w.text)) };
    } finally {
      await doc.destroy();
    }
  }

  it('reads a page turned 90° and 180° as it reads the upright page', async () => {
    const upright = await read(0);
    assert.equal(upright.stats.turn, 0);
    assert.ok(upright.amounts.length >= 10, `upright: ${upright.amounts.length} amounts`);
    console.log(`upright: ${upright.stats.ocrMs.toFixed(0)} ms OCR, ${upright.amounts.length} amounts`);
    for (const turn of [90, 180] as const) {
      const turned = await read(turn);
      // The scan is turned clockwise; reading it upright takes the rest of the circle.
      assert.equal(turned.stats.turn, (360 - turn) % 360, `scan turned ${turn}°`);
      assert.deepEqual([turned.page.width, turned.page.height].map(Math.round), [upright.page.width, upright.page.height].map(Math.round));
      assert.deepEqual(turned.amounts, upright.amounts, `scan turned ${turn}°`);
      console.log(`turned ${turn}: ${turned.stats.ocrMs.toFixed(0)} ms OCR`);
    }
  });
});
