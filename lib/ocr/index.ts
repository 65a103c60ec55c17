import os from 'node:os';
import Tesseract from 'tesseract.js';
import type { PageWords, Word } from '../../domain/layout/words.ts';
import type { PdfDocument } from '../pdf.ts';
import { binarize, deskew, estimateSkew, renderPageGrey, stretchContrast, toPgm } from './image.ts';
import { prepareLangPath, type ModelVariant } from './lang-data.ts';
import { normalizeOcrToken } from './tokens.ts';

export interface OcrOptions {
  /** Parallel tesseract workers; default: one per available core. */
  workers?: number;
  /** Render resolution of a scanned page (see lib/ocr/README in the report: 300 measured best). */
  dpi?: number;
  /** Tesseract page segmentation mode. */
  psm?: '3' | '4' | '6' | '11';
  /** Threshold the cleaned page to black/white before OCR. */
  binarize?: boolean;
  /** Tesseract models: 'fast' (@tesseract.js-data x/4.0.0) or 'best_int'. */
  model?: ModelVariant;
  /** Give up creating a worker after this long (a broken data path never settles). */
  initTimeoutMs?: number;
}

export interface OcrPageStats {
  page: number;
  skewDegrees: number;
  renderMs: number;
  ocrMs: number;
}

export interface OcrEngine {
  /** OCR of one page as words in page points (origin top-left), `source: 'ocr'`. */
  recognizePage(doc: PdfDocument, pageNumber: number): Promise<PageWords>;
  /** Timings and skew of the pages read so far (for eval and logs). */
  readonly stats: OcrPageStats[];
  terminate(): Promise<void>;
}

export const DEFAULT_OCR_DPI = 300;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function startWorker(langPath: string, psm: string, timeoutMs: number): Promise<Tesseract.Worker> {
  let failInit: (e: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    failInit = reject;
  });
  // A load failure is reported through errorHandler (createWorker then never settles): race it.
  const created = Tesseract.createWorker('tur+eng', Tesseract.OEM.LSTM_ONLY, {
    langPath,
    cacheMethod: 'none',
    gzip: true,
    errorHandler: (e: unknown) => failInit(e instanceof Error ? e : new Error(String(e))),
  });
  const worker = await withTimeout(Promise.race([created, failed]), timeoutMs, 'tesseract worker start');
  await worker.setParameters({
    tessedit_pageseg_mode: psm as Tesseract.PSM,
    preserve_interword_spaces: '1',
    user_defined_dpi: '300',
  });
  return worker;
}

/**
 * A pool of tesseract workers, created once per process and reused: rendering and clean-up
 * (greyscale, contrast stretch, deskew) run here, recognition in the pool, so pages of one
 * document (and of concurrent documents) are read in parallel.
 */
export async function createOcrEngine(opts: OcrOptions = {}): Promise<OcrEngine> {
  const dpi = opts.dpi ?? DEFAULT_OCR_DPI;
  const psm = opts.psm ?? '6';
  const size = Math.max(1, opts.workers ?? os.availableParallelism());
  const langPath = await prepareLangPath(['tur', 'eng'], opts.model ?? 'fast');
  const settled = await Promise.allSettled(
    Array.from({ length: size }, () => startWorker(langPath, psm, opts.initTimeoutMs ?? 60_000)),
  );
  const workers = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) {
    await Promise.allSettled(workers.map((w) => w.terminate()));
    throw new Error(`OCR engine could not start: ${String(failure.reason?.message ?? failure.reason)}`, { cause: failure.reason });
  }

  // A tiny pool: idle workers wait in `free`, jobs wait in `queue`.
  const free = [...workers];
  const queue: ((w: Tesseract.Worker) => void)[] = [];
  const acquire = () =>
    new Promise<Tesseract.Worker>((resolve) => {
      const w = free.pop();
      if (w) resolve(w);
      else queue.push(resolve);
    });
  const release = (w: Tesseract.Worker) => {
    const next = queue.shift();
    if (next) next(w);
    else free.push(w);
  };

  const stats: OcrPageStats[] = [];
  let terminated = false;

  return {
    stats,
    async recognizePage(doc, pageNumber) {
      if (terminated) throw new Error('OCR engine terminated');
      const t0 = performance.now();
      const { image, scale, widthPt, heightPt } = await renderPageGrey(doc, pageNumber, dpi);
      let clean = stretchContrast(image);
      const skew = estimateSkew(clean);
      clean = deskew(clean, skew);
      if (opts.binarize) clean = binarize(clean);
      const png = toPgm(clean);
      const t1 = performance.now();
      const worker = await acquire();
      let result: Tesseract.RecognizeResult;
      try {
        result = await worker.recognize(png, {}, { blocks: true, text: false });
      } finally {
        release(worker);
      }
      const t2 = performance.now();
      stats.push({ page: pageNumber, skewDegrees: skew, renderMs: t1 - t0, ocrMs: t2 - t1 });
      const words: Word[] = [];
      for (const block of result.data.blocks ?? []) {
        for (const para of block.paragraphs) {
          for (const line of para.lines) {
            for (const w of line.words) {
              const text = normalizeOcrToken(dropPhantomDash(w));
              if (!text || isPhantomDash(text, w.bbox)) continue;
              words.push({
                text,
                x0: w.bbox.x0 / scale,
                y0: w.bbox.y0 / scale,
                x1: w.bbox.x1 / scale,
                y1: w.bbox.y1 / scale,
                confidence: Math.max(0, Math.min(1, w.confidence / 100)),
              });
            }
          }
        }
      }
      return { page: pageNumber, width: widthPt, height: heightPt, source: 'ocr', words };
    },
    async terminate() {
      if (terminated) return;
      terminated = true;
      await Promise.allSettled(workers.map((w) => w.terminate()));
    },
  };
}

const DASHES = /^[-—–−~]+$/;
type Box = { x0: number; y0: number; x1: number; y1: number };

/**
 * A real dash or minus is a flat stroke, its box wider than tall. Tesseract sometimes reads
 * blank space or a blurred digit edge between table columns as "-", with a box the full line
 * height: such a "dash" (alone, or leading a number) is noise that would zero or negate a value.
 */
function isPhantomDash(text: string, box: Box): boolean {
  return DASHES.test(text) && box.y1 - box.y0 > (box.x1 - box.x0) * 1.5;
}

function dropPhantomDash(w: Tesseract.Word): string {
  const text = w.text.trim();
  const first = w.symbols?.[0];
  if (first && /^[-—–−]/.test(text) && text.length > 1 && isPhantomDash(first.text, first.bbox)) return text.replace(/^[-—–−]+/, '');
  return text;
}
