import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { pdfjs } from './pdfjs.ts';
import type { PageWords, Word } from './layout/words.ts';
import { pageDrawing, type HiddenReason, type TextRun } from './text-visibility.ts';

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));
// pdf.js fetches fonts, cmaps and its wasm decoders from these URLs; pointing them into
// node_modules keeps it working with no network at all.
const assetUrl = (dir: string) => pathToFileURL(path.join(pdfjsRoot, dir) + path.sep).href;

export type PdfDocument = Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;

export async function openPdf(bytes: Uint8Array, password?: string): Promise<PdfDocument> {
  return pdfjs.getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: always pass a copy.
    data: new Uint8Array(bytes),
    password,
    standardFontDataUrl: assetUrl('standard_fonts'),
    cMapUrl: assetUrl('cmaps'),
    cMapPacked: true,
    wasmUrl: assetUrl('wasm'),
    // pdf.js's wasm decoders (CCITT/JBIG2, JPX, ICC) are loaded once per thread through the
    // message handler of the document opened LAST, held in a static field. In Node it cannot
    // fetch them itself (no file: fetch), so when that document was already destroyed the load
    // never settles, and every later page with such an image waits forever: a 4-page CCITT
    // scan read beside a 98-page report in one thread stalled at page 2 with no CPU until the
    // activity's 10-minute timeout. Its own JS decoders (the fallbacks it uses anyway when a
    // wasm module fails) have no such shared state; the scan then reads in 13.9 s.
    useWasm: false,
    isEvalSupported: false,
    enableXfa: false,
    verbosity: 0,
  }).promise;
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** One page's text layer, split by what a reader of the page can see. */
export interface TextLayer {
  /** The visible text: what a statement may be read from. */
  words: PageWords;
  /** Text the page carries but does not show (invisible, covered, clipped, …). */
  hidden: (Word & { reason: HiddenReason })[];
  /** Share of the page covered by raster images (0..1). */
  imageCoverage: number;
  /**
   * Most of the page is a picture and it also carries visible text: the picture may show other
   * numbers than the text says, so the reader should cross-check a sample of amounts by OCR
   * (lib/text-layer-check.ts) before trusting this text.
   */
  imageBacked: boolean;
}

/** Above this share of the page in images, a page with text is "an image with a text layer". */
const IMAGE_BACKED_COVERAGE = 0.5;

/** The text layer of one page as words with boxes (points, origin top-left), visible or not. */
export async function readTextLayer(doc: PdfDocument, pageNumber: number): Promise<TextLayer> {
  const page = await doc.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const [content, drawing] = await Promise.all([page.getTextContent(), pageDrawing(page)]);
    const items = (content.items as TextItemLike[]).filter((item) => 'str' in item && item.str.trim());
    const verdicts = matchRuns(items, drawing.runs);
    const words: Word[] = [];
    const hidden: TextLayer['hidden'] = [];
    const upright = readingDirection(items, viewport);
    items.forEach((item, i) => {
      const [a, b, c, d, e, f] = item.transform as [number, number, number, number, number, number];
      // Map through the viewport (the page's /Rotate, odd MediaBox origins), then turn the page
      // so its text reads left to right (a statement drawn sideways or upside down).
      const [x, yTop] = upright.point(...(viewport.convertToViewportPoint(e, f) as [number, number]));
      const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10;
      const word: Word = { text: item.str, x0: x, x1: x + item.width, y0: yTop - size * 0.8, y1: yTop + size * 0.2, confidence: 1 };
      const reason = verdicts[i];
      if (reason) hidden.push({ ...word, reason });
      else words.push(word);
    });
    return {
      words: { page: pageNumber, width: upright.width, height: upright.height, source: 'text', words },
      hidden,
      imageCoverage: drawing.imageCoverage,
      imageBacked: drawing.imageCoverage >= IMAGE_BACKED_COVERAGE && words.length > 0,
    };
  } finally {
    page.cleanup();
  }
}

type Viewport = ReturnType<Awaited<ReturnType<PdfDocument['getPage']>>['getViewport']>;

/**
 * The quarter turn that makes most of a page's text read left to right on screen: text drawn
 * sideways (a landscape table on a portrait page) or upside down (a page scanned or set at
 * 180°) is turned upright, with the page's width and height swapped where needed.
 */
function readingDirection(items: TextItemLike[], viewport: Viewport): { point: (x: number, y: number) => [number, number]; width: number; height: number } {
  const [va, vb, vc, vd] = viewport.transform as [number, number, number, number];
  const weight = [0, 0, 0, 0];
  for (const item of items) {
    const [a, b] = item.transform as [number, number];
    const dx = va * a + vc * b;
    const dy = vb * a + vd * b;
    const quarter = ((Math.round(Math.atan2(dy, dx) / (Math.PI / 2)) % 4) + 4) % 4;
    weight[quarter]! += item.str.length;
  }
  const turn = weight.indexOf(Math.max(...weight));
  const { width: w, height: h } = viewport;
  if (turn === 1) return { point: (x, y) => [y, w - x], width: h, height: w }; // reads downwards
  if (turn === 2) return { point: (x, y) => [w - x, h - y], width: w, height: h }; // upside down
  if (turn === 3) return { point: (x, y) => [h - y, x], width: h, height: w }; // reads upwards
  return { point: (x, y) => [x, y], width: w, height: h };
}

/** The visible text layer of one page (hidden text is left out: it is not what the page says). */
export async function textLayerWords(doc: PdfDocument, pageNumber: number): Promise<PageWords> {
  return (await readTextLayer(doc, pageNumber)).words;
}

/**
 * Pairs pdf.js text items with the drawing's text runs. Both come in content-stream order, so
 * the search starts after the last pair (two layers at the same spot pair up one to one);
 * an item pdf.js started in the middle of a run lies on that run's baseline. An item no run
 * explains is kept as visible.
 */
function matchRuns(items: TextItemLike[], runs: TextRun[]): (HiddenReason | undefined)[] {
  let cursor = 0;
  return items.map((item) => {
    const [, , , , e, f] = item.transform as number[];
    const near = (r: TextRun) => distanceToRun(r, e!, f!) <= Math.max(1.5, r.size * 0.25);
    for (let j = cursor; j < Math.min(runs.length, cursor + 256); j++) {
      if (near(runs[j]!)) {
        cursor = j + 1;
        return runs[j]!.hidden;
      }
    }
    return runs.find(near)?.hidden;
  });
}

function distanceToRun(r: TextRun, x: number, y: number): number {
  const dx = r.x1 - r.x0;
  const dy = r.y1 - r.y0;
  const len2 = dx * dx + dy * dy;
  const t = len2 ? Math.max(0, Math.min(1, ((x - r.x0) * dx + (y - r.y0) * dy) / len2)) : 0;
  return Math.hypot(x - (r.x0 + t * dx), y - (r.y0 + t * dy));
}
