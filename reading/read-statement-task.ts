import { lazyOcrEngine } from './ocr/lazy-engine.ts';
import { createOcrEngine, type OcrEngine, type OcrOptions } from './ocr/index.ts';
import { readStatementPdf, type PdfReading, type ReadOptions } from './read-statement-pdf.ts';
import type { ThreadContext, ThreadPool } from '../lib/thread-pool/index.ts';

/** The module a pool thread loads to read (app/worker.ts warms it). */
export const READ_TASK_MODULE = import.meta.url;

/**
 * Reading a PDF (pdf.js parsing, layout, OCR rendering and clean-up) inside a pool thread,
 * so it never holds the event loop that serves Temporal workflow tasks. Both sides live
 * here: `readStatementOffThread` on the caller's side, `readStatementTask` in the thread.
 */
export function readStatementOffThread(
  pool: ThreadPool,
  bytes: Uint8Array,
  ocr: OcrOptions,
  onPage: (page: number, of: number) => void,
  options: ReadOptions = {},
): Promise<PdfReading | null> {
  return pool.run<PdfReading | null>(READ_TASK_MODULE, 'readStatementTask', [bytes, ocr, options], {
    onProgress: (p) => {
      const { page, of } = p as { page: number; of: number };
      onPage(page, of);
    },
  });
}

// One OCR engine per thread, started on the thread's first scanned page and kept: its
// tesseract workers are the costly part (models, start-up), shared by every document.
let engine: OcrEngine | undefined;

export async function readStatementTask(bytes: Uint8Array, ocr: OcrOptions, options: ReadOptions, ctx: ThreadContext): Promise<PdfReading | null> {
  engine ??= lazyOcrEngine(() => createOcrEngine(ocr));
  return readStatementPdf(bytes, (page, of) => ctx.progress({ page, of }), engine, options);
}
