import type Tesseract from 'tesseract.js';
import type { PdfDocument } from '../pdf.ts';
import { renderPageGrey, stretchContrast, toPgm } from './image.ts';
import { isolateLine, withoutRules } from './cell-image.ts';
import { drawnBounds, isIdentity, uprightCrop, type Box, type Upright } from './upright-frame.ts';

export type { Box } from './upright-frame.ts';

export interface RegionOptions {
  dpi: number;
  digitsOnly: boolean;
  /** How the page was put upright when it was read (the frame `box` is in); absent: as drawn. */
  upright?: Upright;
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
export async function readRegion(worker: Tesseract.Worker, doc: PdfDocument, pageNumber: number, box: Box, opts: RegionOptions, pagePsm: string): Promise<string> {
  const areaPt = Math.max(1, (box.x1 - box.x0) * (box.y1 - box.y0));
  // A tilted box covers more of the drawn page than itself: a margin of half again.
  const dpi = Math.min(opts.dpi, Math.floor(72 * Math.sqrt(MAX_REGION_PIXELS / (areaPt * 2.25))));
  const image = await uprightRegion(doc, pageNumber, box, dpi, opts.upright);
  await worker.setParameters({
    tessedit_pageseg_mode: '7' as Tesseract.PSM,
    tessedit_char_whitelist: opts.digitsOnly ? AMOUNT_CHARS : '',
    user_defined_dpi: String(dpi),
  });
  try {
    const result = await worker.recognize(toPgm(isolateLine(withoutRules(stretchContrast(image)))), {}, { text: true });
    return result.data.text.trim();
  } finally {
    await worker.setParameters({ tessedit_pageseg_mode: pagePsm as Tesseract.PSM, tessedit_char_whitelist: '', user_defined_dpi: '300' });
  }
}

/** The box rendered as the page was read: from the drawn page, turned and deskewed alike. */
async function uprightRegion(doc: PdfDocument, pageNumber: number, box: Box, dpi: number, upright: Upright | undefined) {
  if (!upright || isIdentity(upright)) return (await renderPageGrey(doc, pageNumber, dpi, box)).image;
  const page = await doc.getPage(pageNumber);
  const { width, height } = page.getViewport({ scale: 1 });
  const bounds = drawnBounds(box, upright, width, height);
  const { image } = await renderPageGrey(doc, pageNumber, dpi, bounds);
  return uprightCrop(image, bounds, box, upright, width, height, dpi / 72);
}

