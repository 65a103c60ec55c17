import { moduleUrl } from '../lib/module-url.ts';
import type { ThreadPool } from '../lib/thread-pool/index.ts';
import type { OcrOptions } from './ocr/index.ts';
import type { PdfReading, ReadOptions } from './read-statement-pdf.ts';
import type { PdfInspection, InspectLimits } from './inspect-pdf.ts';

/**
 * The caller's side of the reading tasks that run in a pool thread. Only URLs and types here:
 * naming a task must not load pdf.js and the reading code into the worker's main thread,
 * which serves Temporal workflow tasks and would only carry them (~50 MB, ~0.2 s at start).
 */
export const READ_TASK_MODULE = moduleUrl(import.meta.url, './read-statement-task').href;
export const INSPECT_TASK_MODULE = moduleUrl(import.meta.url, './inspect-pdf').href;

/** Reads a statement PDF (pdf.js parsing, layout, OCR) in a pool thread, with page progress. */
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

/** The intake checks that parse the file (byte-level guard, pdf.js page tree), in a pool thread. */
export function inspectPdfOffThread(pool: ThreadPool, bytes: Uint8Array, limits: InspectLimits): Promise<PdfInspection> {
  return pool.run<PdfInspection>(INSPECT_TASK_MODULE, 'inspectPdf', [bytes, limits]);
}
