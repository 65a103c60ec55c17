import type Tesseract from 'tesseract.js';
import type { PdfDocument } from '../pdf.ts';
import { renderPageGrey, stretchContrast, toPgm } from './image.ts';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** What an amount is printed with; nothing else may come out of a digits-only read. */
const AMOUNT_CHARS = '0123456789.,()-';
/** A cell re-read at a high resolution is small: cap it all the same (a hostile box). */
const MAX_REGION_PIXELS = 4_000_000;

/**
 * One box of a page, rendered alone (so neither the page's other lines nor its resolution
 * cap get in the way) and read by tesseract as a single line. The worker's settings are put
 * back afterwards: it is shared with whole-page reads.
 */
export async function readRegion(worker: Tesseract.Worker, doc: PdfDocument, pageNumber: number, box: Box, opts: { dpi: number; digitsOnly: boolean }, pagePsm: string): Promise<string> {
  const areaPt = Math.max(1, (box.x1 - box.x0) * (box.y1 - box.y0));
  const dpi = Math.min(opts.dpi, Math.floor(72 * Math.sqrt(MAX_REGION_PIXELS / areaPt)));
  const { image } = await renderPageGrey(doc, pageNumber, dpi, box);
  await worker.setParameters({
    tessedit_pageseg_mode: '7' as Tesseract.PSM,
    tessedit_char_whitelist: opts.digitsOnly ? AMOUNT_CHARS : '',
    user_defined_dpi: String(dpi),
  });
  try {
    const result = await worker.recognize(toPgm(stretchContrast(image)), {}, { text: true });
    return result.data.text.trim();
  } finally {
    await worker.setParameters({ tessedit_pageseg_mode: pagePsm as Tesseract.PSM, tessedit_char_whitelist: '', user_defined_dpi: '300' });
  }
}
