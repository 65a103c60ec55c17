import type Tesseract from 'tesseract.js';
import type { Word } from '../layout/words.ts';
import { toPgm, type GreyImage } from './image.ts';
import { wordsOf, type RasterPlacement } from './tesseract-words.ts';
import { bandImage, findUnreadBands } from './unread-bands.ts';

/** Text lines are 4–24 pt tall (ascender to descender); taller ink is a logo or a stamp. */
const MIN_LINE_PT = 4;
const MAX_LINE_PT = 24;
/** A page with more unread bands than this is not a table with a few dropped lines. */
const MAX_BANDS = 12;
/** Words of a re-read band below this confidence are noise from a stamp or signature. */
const MIN_CONFIDENCE = 0.5;

/**
 * Re-reads, one line at a time (tesseract's single-line mode, on the band thresholded at ink
 * level), the bands of `image` that hold text-like ink but none of `read`'s words, and returns
 * the words found there in page points. Lines already read are never touched.
 */
export async function rereadUnreadBands(worker: Tesseract.Worker, image: GreyImage, read: Word[], page: RasterPlacement, psm: string): Promise<Word[]> {
  const toRaster = (w: Word) => ({ y0: w.y0 * page.scale - page.offsetY, y1: w.y1 * page.scale - page.offsetY });
  const bands = findUnreadBands(image, read.map(toRaster), MIN_LINE_PT * page.scale, MAX_LINE_PT * page.scale);
  if (bands.length === 0 || bands.length > MAX_BANDS) return [];
  const found: Word[] = [];
  await worker.setParameters({ tessedit_pageseg_mode: '7' as Tesseract.PSM });
  try {
    for (const band of bands) {
      const { image: line, y } = bandImage(image, band);
      const result = await worker.recognize(toPgm(line), {}, { blocks: true, text: false });
      const words = wordsOf(result, { scale: page.scale, offsetX: page.offsetX, offsetY: page.offsetY + y });
      // A band that touches a line read already must not read its words twice.
      found.push(...words.filter((w) => (w.confidence ?? 0) >= MIN_CONFIDENCE && !read.some((r) => overlaps(r, w))));
    }
  } finally {
    await worker.setParameters({ tessedit_pageseg_mode: psm as Tesseract.PSM });
  }
  return found;
}

function overlaps(a: Word, b: Word): boolean {
  return Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0);
}
