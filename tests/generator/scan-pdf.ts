import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { deskew, renderPageGrey, type GreyImage } from '../../reading/ocr/image.ts';
import { openPdf } from '../../reading/pdf.ts';
import { rotateGrey, type QuarterTurn } from '../../reading/ocr/orientation.ts';
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

function toPng(img: GreyImage): Buffer {
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  const rgba = ctx.createImageData(img.width, img.height);
  for (let i = 0, j = 0; i < img.data.length; i++, j += 4) {
    rgba.data[j] = rgba.data[j + 1] = rgba.data[j + 2] = img.data[i]!;
    rgba.data[j + 3] = 255;
  }
  ctx.putImageData(rgba, 0, 0);
  return canvas.toBuffer('image/png');
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
      const png = await out.embedPng(toPng(scanned));
      const [w, h] = turn === 90 || turn === 270 ? [heightPt, widthPt] : [widthPt, heightPt];
      const page = out.addPage([w, h]);
      page.drawImage(png, { x: 0, y: 0, width: w, height: h });
    }
  } finally {
    await src.destroy();
  }
  return out.save();
}
