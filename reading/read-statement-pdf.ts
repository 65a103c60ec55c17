import type { PageWords } from './layout/words.ts';
import { parseStatement, type ExtractedStatement } from './layout/statement-parser.ts';
import { locateStatements } from './layout/locate-statements.ts';
import { splitSpreads } from './layout/spreads.ts';
import { repairStatement, type Repair } from './repair.ts';
import type { OcrEngine } from './ocr/index.ts';
import { openPdf, readTextLayer, type PdfDocument } from './pdf.ts';
import { confirmRepairs } from './confirm-repairs.ts';
import { rereadFailingChecks, type Reread } from './reread-checks.ts';
import { crossCheckTextLayer } from './text-layer-check.ts';

export interface PdfReading {
  statement: ExtractedStatement;
  pages: number;
  pagesByMethod: { text: number[]; ocr: number[]; vision: number[] };
  method: 'text' | 'ocr' | 'vision' | 'mixed';
  /** The pages the statements were read from (a long report's primary statements only). */
  pagesRead: number[];
  /** Values changed by reconciliation repair (OCR'd documents only), with what was read. */
  repairs?: Repair[];
  /** Cells of failing checks read again alone, whose re-reading made every check tie. */
  rereads?: Reread[];
}

/** A page with fewer characters than this in its text layer is treated as a scan. */
const MIN_TEXT_CHARS = 40;

export interface ReadOptions {
  /** At most this many pages are OCR'd and read as statements (the file may have more). */
  maxPages?: number;
}

/**
 * PDF bytes to an extracted statement: the text layer where a page has one, OCR (when an
 * engine is given) where it does not. Shared by the extract activity and `npm run eval`, so
 * what is measured is what runs.
 */
export async function readStatementPdf(
  bytes: Uint8Array,
  onPage: (page: number, of: number) => void = () => {},
  ocr?: OcrEngine,
  options: ReadOptions = {},
): Promise<PdfReading | null> {
  const maxPages = options.maxPages ?? Infinity;
  const doc = await openPdf(bytes);
  const byPage = new Map<number, PageWords>();
  const scanned: number[] = [];
  const imageBacked = new Set<number>();
  const numPages = doc.numPages;
  let pages: PageWords[] = [];
  let statement: ExtractedStatement | undefined;
  let repairs: Repair[] | undefined;
  let rereads: Reread[] = [];
  try {
    for (let p = 1; p <= numPages; p++) {
      const layer = await readTextLayer(doc, p);
      const words = layer.words;
      if (layer.imageBacked) imageBacked.add(p);
      const chars = words.words.reduce((n, w) => n + w.text.trim().length, 0);
      if (chars >= MIN_TEXT_CHARS) {
        byPage.set(p, words);
        onPage(p, numPages);
      } else {
        scanned.push(p);
      }
    }
    if (ocr && scanned.length) {
      // Pages go to the engine's worker pool together; progress fires as each one finishes.
      // A long scanned report is OCR'd up to the page budget, in document order.
      await Promise.all(
        scanned.slice(0, Math.max(0, maxPages)).map(async (p) => {
          byPage.set(p, await ocr.recognizePage(doc, p));
          onPage(p, numPages);
        }),
      );
    } else {
      for (const p of scanned) onPage(p, numPages);
    }
    const all = [...byPage.keys()].sort((a, b) => a - b).map((p) => byPage.get(p)!);
    if (!all.length) return null;
    pages = locateStatements(splitSpreads(all)).pages.slice(0, maxPages);
    if (ocr) pages = await checkImageBackedPages(doc, pages, imageBacked, ocr);
    statement = parseStatement(pages);
    if (ocr && pages.some((p) => p.source === 'ocr')) {
      const repaired = repairStatement(statement);
      ({ statement, repairs } = repaired.repairs.length ? await confirmRepairs(doc, pages, repaired.statement, repaired.repairs, ocr) : repaired);
      ({ statement, rereads } = await rereadFailingChecks(doc, pages, statement, ocr));
    }
  } finally {
    await doc.destroy();
  }
  const located = [...new Set(pages.map((p) => p.page))];
  const textPages = pages.filter((p) => p.source === 'text').map((p) => p.page);
  const ocrPages = pages.filter((p) => p.source === 'ocr').map((p) => p.page);
  return {
    statement,
    pages: numPages,
    pagesRead: located,
    pagesByMethod: { text: textPages, ocr: ocrPages, vision: [] },
    method: ocrPages.length ? (textPages.length ? 'mixed' : 'ocr') : 'text',
    ...(repairs ? { repairs } : {}),
    ...(rereads.length ? { rereads } : {}),
  };
}

/**
 * A page that is mostly a picture with a text layer over it may say other numbers than it
 * shows. Each such page that is read as a statement is checked against OCR of a sample of its
 * amount cells; when they disagree, the page is read from the picture (what a person sees).
 */
async function checkImageBackedPages(doc: PdfDocument, pages: PageWords[], imageBacked: Set<number>, ocr: OcrEngine): Promise<PageWords[]> {
  const out: PageWords[] = [];
  for (const page of pages) {
    if (page.source !== 'text' || page.half || !imageBacked.has(page.page)) {
      out.push(page);
      continue;
    }
    const check = await crossCheckTextLayer(doc, page, ocr);
    out.push(check.verdict === 'disagrees' ? check.ocr : page);
  }
  return out;
}
