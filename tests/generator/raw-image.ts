import { deflateSync } from 'node:zlib';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { concatTransformationMatrix, drawObject, PDFRawStream, popGraphicsState, pushGraphicsState, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';
import type { GreyImage } from '../../reading/ocr/image.ts';

/** Opaque pixels, three bytes each. */
export interface RgbImage {
  width: number;
  height: number;
  rgb: Uint8Array;
}

/**
 * `img` as the image XObject pdf-lib's embedPng writes for the same opaque pixels (DeviceRGB,
 * 8 bits, Flate, no SMask), so a reader decodes exactly the same image; compressed by Node's
 * zlib. Going through a PNG instead (encoding it, decoding it again in JavaScript with UPNG,
 * deflating it with pako) cost ~1.7 s of CPU per noisy 150-DPI page, ~0.25 s here. Level 1:
 * noise barely compresses at any level, and level 6 took 9 times as long.
 */
export function embedRgbImage(doc: PDFDocument, img: RgbImage): PDFRef {
  const data = deflateSync(img.rgb, { level: 1 });
  const dict = doc.context.obj({ Type: 'XObject', Subtype: 'Image', BitsPerComponent: 8, Width: img.width, Height: img.height, ColorSpace: 'DeviceRGB', Filter: 'FlateDecode', Length: data.length });
  return doc.context.register(PDFRawStream.of(dict, data));
}

/** Draws an embedded image over `width` × `height` points from the page's origin (the whole page by default). */
export function drawImageRef(page: PDFPage, ref: PDFRef, size: { width: number; height: number } = page.getSize()): void {
  const name = page.node.newXObject('Image', ref);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(size.width, 0, 0, size.height, 0, 0), drawObject(name), popGraphicsState());
}

export function greyToRgb(img: GreyImage): RgbImage {
  const rgb = new Uint8Array(img.data.length * 3);
  for (let i = 0, j = 0; i < img.data.length; i++, j += 3) rgb[j] = rgb[j + 1] = rgb[j + 2] = img.data[i]!;
  return { width: img.width, height: img.height, rgb };
}

/** The R, G, B of RGBA pixels (a canvas's), alpha dropped: the pictures drawn here are opaque. */
export function rgbaToRgb(rgba: { width: number; height: number; data: Uint8Array | Uint8ClampedArray }): RgbImage {
  const n = rgba.width * rgba.height;
  const rgb = new Uint8Array(n * 3);
  for (let i = 0, j = 0, k = 0; i < n; i++, j += 3, k += 4) {
    rgb[j] = rgba.data[k]!;
    rgb[j + 1] = rgba.data[k + 1]!;
    rgb[j + 2] = rgba.data[k + 2]!;
  }
  return { width: rgba.width, height: rgba.height, rgb };
}

/** An opaque PNG's pixels, decoded natively (@napi-rs/canvas) instead of by pdf-lib's UPNG. */
export async function pngToRgb(png: Buffer): Promise<RgbImage> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return rgbaToRgb(ctx.getImageData(0, 0, image.width, image.height));
}
