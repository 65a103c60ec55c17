import { PDFDocument } from 'pdf-lib';
import { deskew, renderPageGrey, type GreyImage } from '../../reading/ocr/image.ts';
import { openPdf } from '../../reading/pdf.ts';
import { rotateGrey, type QuarterTurn } from '../../reading/ocr/orientation.ts';
import { drawImageRef, embedRgbImage, greyToRgb } from './raw-image.ts';
import { createRng } from './random.ts';

function noisy(img: GreyImage, seed: number, sigma: number): GreyImage {
  const rng = createRng(seed);
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i++) {
    // Sum of uniforms ≈ gaussian.
    const n = (rng.next() + rng.next() + rng.next() - 1.5) * 2 * sigma;
    data[i] = Math.max(0, Math.min(255, Math.round(img.data[i]! + n)));
  }
  return { ...img, data };
}

/**
 * A generated (digital) statement as a scan: every page rasterised at `dpi`, rotated by
 * `degrees` (then turned clockwise by `turn`), with seeded grey noise, and wrapped into an
 * image-only PDF (no text layer), so OCR tests and the bench need no scanned files on disk.
 */
export async function scanOf(pdf: Uint8Array, dpi: number, degrees: number, turn: QuarterTurn = 0): Promise<Uint8Array> {
  const src = await openPdf(pdf);
  const out = await PDFDocument.create();
  try {
    for (let p = 1; p <= src.numPages; p++) {
      const { image, widthPt, heightPt } = await renderPageGrey(src, p, dpi);
      // A sheet fed in sideways or upside down: the image (and the page) turned clockwise by `turn`.
      const scanned = noisy(rotateGrey(deskew(image, degrees), turn), 1000 + p, 10);
      const [w, h] = turn === 90 || turn === 270 ? [heightPt, widthPt] : [widthPt, heightPt];
      drawImageRef(out.addPage([w, h]), embedRgbImage(out, greyToRgb(scanned)));
    }
  } finally {
    await src.destroy();
  }
  return out.save();
}
