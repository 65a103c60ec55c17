import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PageWords, Word } from '../domain/layout/words.ts';

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

/** The text layer of one page as words with boxes (points, origin top-left). */
export async function textLayerWords(doc: PdfDocument, pageNumber: number): Promise<PageWords> {
  const page = await doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const words: Word[] = [];
  for (const raw of content.items) {
    const item = raw as TextItemLike;
    if (!('str' in item) || !item.str.trim()) continue;
    const [a, b, c, d, e, f] = item.transform as [number, number, number, number, number, number];
    // Map through the viewport so rotated pages and odd MediaBox origins come out upright.
    const [x, yTop] = viewport.convertToViewportPoint(e, f);
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10;
    words.push({
      text: item.str,
      x0: x,
      x1: x + item.width,
      y0: yTop - size * 0.8,
      y1: yTop + size * 0.2,
      confidence: 1,
    });
  }
  page.cleanup();
  return { page: pageNumber, width: viewport.width, height: viewport.height, source: 'text', words };
}
