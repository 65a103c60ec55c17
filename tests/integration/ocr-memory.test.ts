/**
 * OCR's memory and work are bounded by the engine, whatever the caller asks at once: pages
 * are rendered only when a tesseract worker is free for them, each raster is capped in
 * pixels, and a document's pixel budget ends in a coded refusal (issue 14: 50 blank
 * 1999-pt pages, 6 KB of PDF, used to be rendered at 300 DPI all together).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { cappedDpi, createOcrEngine, OcrLimitError, type OcrEngine } from '../../reading/ocr/index.ts';
import { readStatementPdf } from '../../reading/read-statement-pdf.ts';
import { userMessage } from '../../lib/user-errors.ts';

/** Peak resident set size of this process so far, in MB. */
const peakRssMb = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;

async function blankPages(count: number, sidePt: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < count; i++) pdf.addPage([sidePt, sidePt]);
  return pdf.save();
}

describe('OCR memory and pixel caps', { timeout: 180_000 }, () => {
  const pagePixels = 4_000_000;
  const documentPixels = 40_000_000;
  let engine: OcrEngine;

  before(async () => {
    engine = await createOcrEngine({ workers: 1, maxPagePixels: pagePixels, maxDocumentPixels: documentPixels });
  });
  after(async () => engine?.terminate());

  it('the DPI drops so a page fits the pixel cap, and stays where it already fits', () => {
    assert.equal(cappedDpi(595, 842, 300, 12_000_000), 300, 'A4 at 300 DPI fits');
    const dpi = cappedDpi(1999, 1999, 300, 12_000_000);
    const pixels = ((1999 * dpi) / 72) ** 2;
    assert.ok(pixels <= 12_000_000 && pixels > 11_000_000, `${dpi} DPI gives ${pixels} pixels`);
  });

  it('50 blank giant pages: rendered one at a time within the page cap, refused at the document budget', async () => {
    const pdf = await blankPages(50, 1999);
    assert.ok(pdf.byteLength < 20_000, `the hostile file is tiny (${pdf.byteLength} B)`);
    const before = peakRssMb();
    const err = await readStatementPdf(pdf, undefined, engine).then(() => null, (e: unknown) => e);
    assert.ok(err instanceof OcrLimitError, `refused with the coded error, got ${String(err)}`);
    assert.equal(err.code, 'scan_too_large');
    assert.doesNotMatch(userMessage(err.code, 'tr', err.params), /\{|beklenmeyen/i);
    // Budget / page cap = 10 pages read, every one within the cap; none after the refusal.
    assert.equal(engine.stats.length, Math.floor(documentPixels / pagePixels));
    for (const s of engine.stats) assert.ok(s.pixels <= pagePixels, `page ${s.page}: ${s.pixels} pixels`);
    // One 4 MP page in flight is ~30 MB of rasters; all 50 at once would be ~1.4 GB.
    const grew = peakRssMb() - before;
    assert.ok(grew < 600, `peak RSS grew by ${grew.toFixed(0)} MB`);
  });
});
