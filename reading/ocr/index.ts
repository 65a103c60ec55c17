import Tesseract from 'tesseract.js';
import type { PageWords, Word } from '../layout/words.ts';
import type { PdfDocument } from '../pdf.ts';
import { binarize, cropToInk, deskew, estimateSkew, renderPageGrey, stretchContrast, type GreyImage } from './image.ts';
import { prepareLangPath, type ModelVariant } from './lang-data.ts';
import { bestTurn, looksUnread, rotateGrey, type QuarterTurn } from './orientation.ts';
import { DEFAULT_MAX_DOCUMENT_PIXELS, DEFAULT_MAX_PAGE_PIXELS, DEFAULT_OCR_DPI } from '../../lib/ocr-limits.ts';
import { readRegion, type Box, type RegionOptions } from './read-region.ts';
import { wordsOf } from './tesseract-words.ts';
import { rereadUnreadBands } from './reread-bands.ts';

export interface OcrOptions {
  /**
   * Parallel tesseract workers; default one. Each holds the tur+eng models and a page being
   * read (a few hundred MB with its raster): scale by heavy processes, not threads.
   */
  workers?: number;
  /** Largest raster of one page (pixels): a bigger page is rendered at a lower DPI to fit. */
  maxPagePixels?: number;
  /** Pixels one document may have OCR'd in all; further pages are refused (OcrLimitError). */
  maxDocumentPixels?: number;
  /** Render resolution of a scanned page (see lib/ocr/README in the report: 300 measured best). */
  dpi?: number;
  /** Tesseract page segmentation mode. */
  psm?: '3' | '4' | '6' | '11';
  /** Threshold the cleaned page to black/white before OCR. */
  binarize?: boolean;
  /**
   * Tesseract models. 'best_int' (default): the integer LSTM models only (tur+eng 5 MB
   * gzipped). 'full' (@tesseract.js-data x/4.0.0): the same kind of LSTM models plus the legacy
   * engine's, which LSTM_ONLY never runs but loads: ~115 MB more per tesseract worker, and the
   * same 56/56 real and 828/828 generated scan items (`npm run eval -- --model full`).
   */
  model?: ModelVariant;
  /** Give up creating a worker after this long (a broken data path never settles). */
  initTimeoutMs?: number;
}

export interface OcrPageStats {
  page: number;
  skewDegrees: number;
  /** Clockwise quarter turn the scan was read at (0: it was upright). */
  turn: QuarterTurn;
  /** Raster size the page was read at (after the per-page cap). */
  pixels: number;
  renderMs: number;
  ocrMs: number;
}

export interface OcrEngine {
  /** OCR of one page as words in page points (origin top-left), `source: 'ocr'`. */
  recognizePage(doc: PdfDocument, pageNumber: number): Promise<PageWords>;
  /**
   * The text in one box of a page (points), rendered alone at `dpi` and read as a single line,
   * `digitsOnly` limiting tesseract to what an amount is printed with. For re-reading one cell.
   */
  recognizeRegion(doc: PdfDocument, pageNumber: number, box: Box, opts: RegionOptions): Promise<string>;
  /** Timings and skew of the pages read so far (for eval and logs). */
  readonly stats: OcrPageStats[];
  terminate(): Promise<void>;
}

export { DEFAULT_OCR_DPI } from '../../lib/ocr-limits.ts';

/** A document whose scanned pages exceed the OCR pixel budget; `code` is a user-error code. */
export class OcrLimitError extends Error {
  override name = 'OcrLimitError';
  readonly code = 'scan_too_large';
  constructor(
    readonly params: { pages: number; limitMp: number },
    message = `scanned pages exceed the OCR budget of ${params.limitMp} megapixels per document`,
  ) {
    super(message);
  }
}

/**
 * The DPI a page is rendered at: the requested one, lowered so the raster stays within
 * `maxPixels` (a 2000-pt page at 300 DPI would be 69 MP, ~280 MB as RGBA).
 */
export function cappedDpi(widthPt: number, heightPt: number, dpi: number, maxPixels: number): number {
  const pixels = (widthPt * dpi / 72) * (heightPt * dpi / 72);
  return pixels <= maxPixels ? dpi : Math.floor(dpi * Math.sqrt(maxPixels / pixels));
}

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
 * A pool of tesseract workers, created once per thread and reused. A page is rendered and
 * cleaned (greyscale, contrast stretch, deskew, crop) only once a worker is free for it, so
 * memory holds one page raster per worker however many pages are asked for at once; pixel
 * caps per page (lower DPI) and per document (refusal) bound the work a hostile PDF can cause.
 */
export async function createOcrEngine(opts: OcrOptions = {}): Promise<OcrEngine> {
  const psm = opts.psm ?? '6';
  const langPath = await prepareLangPath(['tur', 'eng'], opts.model ?? 'best_int');
  const workers = await startWorkers(Math.max(1, opts.workers ?? 1), langPath, psm, opts.initTimeoutMs ?? 60_000);
  const { acquire, release } = workerPool(workers);
  const page: PageReading = {
    dpi: opts.dpi ?? DEFAULT_OCR_DPI,
    psm,
    maxPage: opts.maxPagePixels ?? DEFAULT_MAX_PAGE_PIXELS,
    maxDoc: opts.maxDocumentPixels ?? DEFAULT_MAX_DOCUMENT_PIXELS,
    binarize: opts.binarize ?? false,
    stats: [],
    // Pixels OCR'd per document; a WeakMap, so a finished document's count goes with it.
    spent: new WeakMap<PdfDocument, number>(),
  };
  let terminated = false;

  return {
    stats: page.stats,
    async recognizePage(doc, pageNumber) {
      if (terminated) throw new Error('OCR engine terminated');
      // The worker is taken BEFORE the page is rendered: a caller may ask for every page at
      // once, and only as many rasters as workers ever exist (50 pages at 300 DPI would not fit).
      const worker = await acquire();
      try {
        if (terminated) throw new Error('OCR engine terminated');
        return await readPage(page, worker, doc, pageNumber);
      } finally {
        release(worker);
      }
    },
    async recognizeRegion(doc, pageNumber, box, region) {
      if (terminated) throw new Error('OCR engine terminated');
      const worker = await acquire();
      try {
        return await readRegion(worker, doc, pageNumber, box, region, psm);
      } finally {
        release(worker);
      }
    },
    async terminate() {
      if (terminated) return;
      terminated = true;
      await Promise.allSettled(workers.map((w) => w.terminate()));
    },
  };
}

/** All the pool's workers, or none: one that fails to start stops the others. */
async function startWorkers(size: number, langPath: string, psm: string, timeoutMs: number): Promise<Tesseract.Worker[]> {
  const settled = await Promise.allSettled(Array.from({ length: size }, () => startWorker(langPath, psm, timeoutMs)));
  const workers = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) {
    await Promise.allSettled(workers.map((w) => w.terminate()));
    throw new Error(`OCR engine could not start: ${String(failure.reason?.message ?? failure.reason)}`, { cause: failure.reason });
  }
  return workers;
}

/** A tiny pool: idle workers wait in `free`, jobs wait in `queue`. */
function workerPool(workers: Tesseract.Worker[]): { acquire: () => Promise<Tesseract.Worker>; release: (w: Tesseract.Worker) => void } {
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
  return { acquire, release };
}

/** What reading a page needs from its engine: settings, the stats it adds to, pixels spent. */
interface PageReading {
  dpi: number;
  psm: string;
  maxPage: number;
  maxDoc: number;
  binarize: boolean;
  stats: OcrPageStats[];
  spent: WeakMap<PdfDocument, number>;
}

async function readPage(e: PageReading, worker: Tesseract.Worker, doc: PdfDocument, pageNumber: number): Promise<PageWords> {
  const t0 = performance.now();
  const dims = await pageSizePt(doc, pageNumber);
  const pageDpi = cappedDpi(dims.widthPt, dims.heightPt, e.dpi, e.maxPage);
  const pixels = (dims.widthPt * pageDpi / 72) * (dims.heightPt * pageDpi / 72);
  const used = (e.spent.get(doc) ?? 0) + pixels;
  if (used > e.maxDoc) throw new OcrLimitError({ pages: doc.numPages, limitMp: Math.round(e.maxDoc / 1e6) });
  e.spent.set(doc, used);
  let pgm = await cleanPage(doc, pageNumber, pageDpi, e.binarize);
  const t1 = performance.now();
  // A blank page has nothing to recognise: tesseract is not even asked.
  let result = pgm.bytes ? await worker.recognize(pgm.bytes, {}, { blocks: true, text: false }) : null;
  let words = result ? wordsOf(result, pgm) : [];
  // A scan fed in sideways or upside down reads as noise: find its turn, read it upright.
  let turn: QuarterTurn = 0;
  if (pgm.image && looksUnread(words)) turn = (await bestTurn(worker, pgm.image, pageDpi)).turn;
  if (turn) {
    pgm = await cleanPage(doc, pageNumber, pageDpi, e.binarize, turn);
    result = pgm.bytes ? await worker.recognize(pgm.bytes, {}, { blocks: true, text: false }) : null;
    words = result ? wordsOf(result, pgm) : [];
  }
  if (result && pgm.image) words.push(...(await rereadUnreadBands(worker, pgm.image, words, pgm, e.psm)));
  const t2 = performance.now();
  e.stats.push({ page: pageNumber, skewDegrees: pgm.skew, turn, pixels: Math.round(pixels), renderMs: t1 - t0, ocrMs: t2 - t1 });
  // Words are in the upright page's frame (as for a turned text layer): sideways, width and height swap.
  const sideways = turn === 90 || turn === 270;
  return { page: pageNumber, width: sideways ? dims.heightPt : dims.widthPt, height: sideways ? dims.widthPt : dims.heightPt, source: 'ocr', words, upright: { turn, skew: pgm.skew } };
}

/** Render, clean (contrast, deskew), crop to the ink: each raster is dropped as soon as the next exists. */
async function cleanPage(doc: PdfDocument, pageNumber: number, pageDpi: number, toBlackAndWhite: boolean, turn: QuarterTurn = 0): Promise<CleanPage> {
  const rendered = await renderPageGrey(doc, pageNumber, pageDpi);
  // Each raster here is the only holder of its pixels: stretched in place, one page less.
  const upright = rotateGrey(rendered.image, turn);
  let clean = stretchContrast(upright, upright.data);
  const skew = estimateSkew(clean);
  clean = deskew(clean, skew);
  if (toBlackAndWhite) clean = binarize(clean);
  const crop = cropToInk(clean);
  return { bytes: crop?.pgm ?? null, image: crop?.image ?? null, skew, scale: rendered.scale, offsetX: crop?.x ?? 0, offsetY: crop?.y ?? 0 };
}

interface CleanPage {
  /** The PGM for tesseract; null for a page without ink. */
  bytes: Buffer | null;
  /** The same raster, kept for re-reading bands tesseract returned nothing for. */
  image: GreyImage | null;
  skew: number;
  /** Raster pixels per page point, and where the crop starts in the raster. */
  scale: number;
  offsetX: number;
  offsetY: number;
}

async function pageSizePt(doc: PdfDocument, pageNumber: number): Promise<{ widthPt: number; heightPt: number }> {
  const page = await doc.getPage(pageNumber);
  const { width, height } = page.getViewport({ scale: 1 });
  return { widthPt: width, heightPt: height };
}
