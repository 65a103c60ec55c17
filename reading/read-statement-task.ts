import { lazyOcrEngine } from './ocr/lazy-engine.ts';
import { createOcrEngine, type OcrEngine, type OcrOptions } from './ocr/index.ts';
import { readStatementPdf, type PdfReading, type ReadOptions } from './read-statement-pdf.ts';
import type { ThreadContext } from '../lib/thread-pool/index.ts';

/**
 * Reading a PDF (pdf.js parsing, layout, OCR rendering and clean-up) inside a pool thread,
 * so it never holds the event loop that serves Temporal workflow tasks. The caller's side is
 * `readStatementOffThread` (off-thread.ts); this module is loaded by the thread only.
 */

// One OCR engine per thread (per set of OCR options, which a worker's config fixes), started
// on the thread's first scanned page and kept: its tesseract workers are the costly part
// (models, start-up), shared by every document.
const engines = new Map<string, OcrEngine>();

export async function readStatementTask(bytes: Uint8Array, ocr: OcrOptions, options: ReadOptions, ctx: ThreadContext): Promise<PdfReading | null> {
  const key = JSON.stringify(ocr);
  let engine = engines.get(key);
  if (!engine) engines.set(key, (engine = lazyOcrEngine(() => createOcrEngine(ocr))));
  return readStatementPdf(bytes, (page, of) => ctx.progress({ page, of }), engine, options);
}
