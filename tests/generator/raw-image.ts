import { deflateSync } from 'node:zlib';
import { concatTransformationMatrix, drawObject, PDFRawStream, popGraphicsState, pushGraphicsState, type PDFDocument, type PDFPage } from 'pdf-lib';
import type { GreyImage } from '../../reading/ocr/image.ts';

/**
 * Draws a grey raster over the whole of `page` as the image XObject pdf-lib's embedPng writes
 * for the same pixels (DeviceRGB, 8 bits, R = G = B, Flate, no SMask since every pixel is
 * opaque), so a reader decodes exactly the same image. Compressed by Node's zlib instead of
 * going through a PNG: encoding the PNG, decoding it again in JavaScript (UPNG) and deflating
 * it in JavaScript (pako) cost ~1.7 s of CPU per noisy 150-DPI page, ~0.25 s here.
 */
export function drawGreyImage(doc: PDFDocument, page: PDFPage, img: GreyImage): void {
  const rgb = new Uint8Array(img.data.length * 3);
  for (let i = 0, j = 0; i < img.data.length; i++, j += 3) rgb[j] = rgb[j + 1] = rgb[j + 2] = img.data[i]!;
  // Level 1: noise barely compresses at any level, and level 6 took 9 times as long.
  const data = deflateSync(rgb, { level: 1 });
  const dict = doc.context.obj({ Type: 'XObject', Subtype: 'Image', BitsPerComponent: 8, Width: img.width, Height: img.height, ColorSpace: 'DeviceRGB', Filter: 'FlateDecode', Length: data.length });
  const name = page.node.newXObject('Image', doc.context.register(PDFRawStream.of(dict, data)));
  const { width, height } = page.getSize();
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(width, 0, 0, height, 0, 0), drawObject(name), popGraphicsState());
}
