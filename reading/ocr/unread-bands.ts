import type { GreyImage } from './image.ts';

/**
 * Where a page has ink that tesseract returned no words for. Tesseract's page layout drops
 * whole lines in some places scanned statements use for their key figures: a total printed on
 * a grey-shaded bar between double rules is taken for a picture, and the line is simply
 * missing. Rather than flatten the whole page (which measurably hurt the lines that did read),
 * only such bands are re-read alone (see the OCR engine), so a line that was read never changes.
 */

/** A stretched page renders ink at or below this level (the crop to ink uses the same). */
export const INK_LEVEL = 96;

export interface Band {
  /** Raster rows [y0, y1) of the band. */
  y0: number;
  y1: number;
}

/**
 * Bands of rows holding text-like ink (not rules: a row whose ink is mostly one long run is a
 * line of the table), between `minHeight` and `maxHeight` pixels tall, that no word box covers.
 */
export function findUnreadBands(img: GreyImage, read: Band[], minHeight: number, maxHeight: number): Band[] {
  const textRows = rowsWithGlyphs(img);
  const bands: Band[] = [];
  // Glyph rows close together form a band; a gap of a few blank rows ends it.
  const gap = Math.max(2, Math.round(minHeight / 3));
  let start = -1;
  let last = -1;
  for (let y = 0; y <= img.height; y++) {
    const text = y < img.height && textRows[y] === 1;
    if (text) {
      if (start < 0) start = y;
      last = y;
    } else if (start >= 0 && (y === img.height || y - last > gap)) {
      const band = { y0: start, y1: last + 1 };
      const h = band.y1 - band.y0;
      if (h >= minHeight && h <= maxHeight && !covered(band, read)) bands.push(band);
      start = -1;
    }
  }
  return bands;
}

/** 1 for rows with glyph ink: a few dark pixels, not one run across most of the row. */
function rowsWithGlyphs(img: GreyImage): Uint8Array {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(h);
  for (let y = 0; y < h; y++) {
    let ink = 0;
    let run = 0;
    let longest = 0;
    let transitions = 0;
    let prev = false;
    for (let x = 0, o = y * w; x < w; x++, o++) {
      const dark = data[o]! <= INK_LEVEL;
      if (dark) {
        ink++;
        run++;
        if (run > longest) longest = run;
      } else run = 0;
      if (dark !== prev) transitions++;
      prev = dark;
    }
    // Glyphs cross a row many times; a rule is one long run with few crossings.
    out[y] = ink >= 4 && transitions >= 6 && longest < w * 0.3 ? 1 : 0;
  }
  return out;
}

/** A band counts as read when a word box overlaps at least half of it. */
function covered(band: Band, read: Band[]): boolean {
  const h = band.y1 - band.y0;
  return read.some((r) => Math.min(r.y1, band.y1) - Math.max(r.y0, band.y0) >= h / 2);
}

/** The band with a margin above and below, as a black-on-white raster thresholded at ink level. */
export function bandImage(img: GreyImage, band: Band): { image: GreyImage; y: number } {
  const margin = Math.round((band.y1 - band.y0) * 0.6);
  const y0 = Math.max(0, band.y0 - margin);
  const y1 = Math.min(img.height, band.y1 + margin);
  // The margin is blank paper: the rows of the lines above and below (or the rules of a bar)
  // would otherwise mix into a single-line read.
  const data = new Uint8Array((y1 - y0) * img.width).fill(255);
  // A shaded background lies above INK_LEVEL on a stretched page: thresholding there turns
  // the bar white and leaves the glyphs black, which tesseract then reads as a line.
  for (let y = band.y0; y < band.y1; y++) {
    for (let x = 0, o = y * img.width, i = (y - y0) * img.width; x < img.width; x++, o++, i++) data[i] = img.data[o]! <= INK_LEVEL ? 0 : 255;
  }
  return { image: { width: img.width, height: y1 - y0, data }, y: y0 };
}
