import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { deskew, renderPageGrey, type GreyImage } from '../../reading/ocr/image.ts';
import { openPdf } from '../../reading/pdf.ts';
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
 * `degrees`, with seeded grey noise, and wrapped into an image-only PDF (no text layer), so
 * OCR tests and the bench need no scanned files on disk.
 */
export async function scanOf(pdf: Uint8Array, dpi: number, degrees: number): Promise<Uint8Array> {
  const src = await openPdf(pdf);
  const out = await PDFDocument.create();
  try {
    for (let p = 1; p <= src.numPages; p++) {
      const { image, widthPt, heightPt } = await renderPageGrey(src, p, dpi);
      const scanned = noisy(deskew(image, degrees), 1000 + p, 10);
      const png = await out.embedPng(toPng(scanned));
      const page = out.addPage([widthPt, heightPt]);
      page.drawImage(png, { x: 0, y: 0, width: widthPt, height: heightPt });
    }
  } finally {
    await src.destroy();
  }
  return out.save();
}
