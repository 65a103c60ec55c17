/**
 * A scanned statement fed in sideways or upside down (image only, no text layer) is found
 * turned and read upright: the same amounts as the upright scan; and a cell of the sideways
 * page is re-read from the page as it was read (turned and deskewed like the page), so the
 * crop holds the cell's own amount. One generated page, every scan tilted 1.5° alike: the
 * sideways reading is the most expensive OCR here (a first read of sideways text, the turn
 * trials, the upright read), so both tests share it instead of each paying for it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import type { PageWords } from '../../reading/layout/words.ts';
import { padded, REREAD_DPI } from '../../reading/confirm-repairs.ts';
import { createOcrEngine, type OcrEngine, type OcrPageStats } from '../../reading/ocr/index.ts';
import type { QuarterTurn } from '../../reading/ocr/orientation.ts';
import { openPdf, type PdfDocument } from '../../reading/pdf.ts';
import { generateStatement } from '../generator/index.ts';
import { scanOf } from '../generator/scan-pdf.ts';

/**
 * Amounts (e.g. 1.234.567 or (12.345)) as digit strings: what must survive the turn. The
 * scanner's noise differs between the turned and upright sheets, so a thousands dot may come
 * and go (the statement parser takes both); a digit may not.
 */
const AMOUNT = /^\(?\d[\d.]*\d\)?$/;
const withoutDots = (text: string) => text.replace(/\./g, '');
/** Grouped amounts only, for the cell re-reads: a cell worth confirming, not a note number. */
const GROUPED_AMOUNT = /^\(?\d{1,3}(\.\d{3})+\)?$/;
const digits = (text: string) => text.replace(/\D/g, '');
/** Tilted like a sheet on a flatbed: a cell far from the centre moves by lines when re-read. */
const TILT = 1.5;

interface Reading {
  doc: PdfDocument;
  page: PageWords;
  stats: OcrPageStats;
  amounts: string[];
}

describe('OCR of a turned scan', { timeout: 600_000 }, () => {
  let engine: OcrEngine;
  let firstPage: Uint8Array;
  let upright: Reading;
  /** Fed in a quarter clockwise: read by both tests, its document open for the cell re-reads. */
  let sideways: Reading;

  /** The page scanned turned clockwise by `turn`, read by OCR; the caller destroys `doc`. */
  async function read(turn: QuarterTurn): Promise<Reading> {
    const doc = await openPdf(await scanOf(firstPage, 150, TILT, turn));
    try {
      const page = await engine.recognizePage(doc, 1);
      const stats = engine.stats.at(-1)!;
      return { doc, page, stats, amounts: page.words.filter((w) => AMOUNT.test(w.text)).map((w) => withoutDots(w.text)) };
    } catch (e) {
      await doc.destroy();
      throw e;
    }
  }

  before(async () => {
    // One period: a single column of amounts (19 on the page) is as much a test of the turn as
    // two, and a sideways or upside-down read costs tesseract time in proportion to the text
    // (the three reads took 1.8 + 6.9 + 8.4 s of OCR with two columns, 1.6 + 5.3 + 6.8 with one).
    const { pdf } = await generateStatement({ seed: 4242, layout: 't2-summary', periods: ['2024-12-31'] });
    const src = await PDFDocument.load(pdf);
    const one = await PDFDocument.create();
    const [page] = await one.copyPages(src, [0]);
    one.addPage(page!);
    [engine, firstPage] = await Promise.all([createOcrEngine(), one.save()]);
    upright = await read(0);
    await upright.doc.destroy();
    sideways = await read(90);
  });
  after(async () => {
    await sideways?.doc.destroy();
    await engine?.terminate();
  });

  it('reads a page turned 90° and 180° as it reads the upright page', async () => {
    assert.equal(upright.stats.turn, 0);
    assert.ok(upright.amounts.length >= 10, `upright: ${upright.amounts.length} amounts`);
    console.log(`upright: ${upright.stats.ocrMs.toFixed(0)} ms OCR, ${upright.amounts.length} amounts`);
    const upsideDown = await read(180);
    await upsideDown.doc.destroy();
    for (const [turn, turned] of [[90, sideways], [180, upsideDown]] as const) {
      // The scan is turned clockwise; reading it upright takes the rest of the circle.
      assert.equal(turned.stats.turn, (360 - turn) % 360, `scan turned ${turn}°`);
      assert.deepEqual([turned.page.width, turned.page.height].map(Math.round), [upright.page.width, upright.page.height].map(Math.round));
      assert.deepEqual(turned.amounts, upright.amounts, `scan turned ${turn}°`);
      console.log(`turned ${turn}: ${turned.stats.ocrMs.toFixed(0)} ms OCR`);
    }
  });

  it('re-reads cells of a turned, tilted scan where the page read them', async () => {
    const { doc, page } = sideways;
    // Fed in a quarter clockwise, read after a quarter turn back.
    assert.equal(page.upright?.turn, 270);
    assert.ok(Math.abs(page.upright.skew) > 0.5, `skew ${page.upright.skew}`);
    // Amounts spread over the page: the top and bottom move most under the tilt.
    const amounts = page.words.filter((w) => GROUPED_AMOUNT.test(w.text)).sort((a, b) => a.y0 - b.y0);
    assert.ok(amounts.length >= 6, `${amounts.length} amounts read`);
    const picks = [0, 1, 2, amounts.length - 3, amounts.length - 2, amounts.length - 1].map((i) => amounts[i]!);
    let same = 0;
    for (const w of picks) {
      const text = await engine.recognizeRegion(doc, 1, padded(w, page), { dpi: REREAD_DPI, digitsOnly: true, upright: page.upright });
      if (digits(text) === digits(w.text)) same++;
    }
    assert.ok(same >= 5, `${same} of ${picks.length} cells re-read as the page read them`);
  });
});
