import type { GreyImage } from './image.ts';
import { INK_LEVEL } from './unread-bands.ts';

/**
 * A cell cropped for a single-line read, cleaned of what is not its amount. A total sits
 * between a rule above and a double rule below, a grid has a rule at each side, and a slot
 * cropped where OCR found no amount holds the edges of the lines above and below: in a
 * single-line read these come out as dashes or make tesseract give up on the line.
 */

const dark = (v: number) => v <= INK_LEVEL;

/** Longest run of ink among `n` pixels. */
function longestRun(at: (k: number) => number, n: number): number {
  let run = 0;
  let best = 0;
  for (let k = 0; k < n; k++) {
    run = dark(at(k)) ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

/**
 * Rules made paper: a row whose ink has one run longer than half the crop or one and a half
 * crop heights (no glyph stroke is), a column dark over most of the crop's height.
 */
export function withoutRules(img: GreyImage): GreyImage {
  const { width: w, height: h } = img;
  const data = Uint8Array.from(img.data);
  const rowRule = Math.min(w * 0.5, h * 1.5);
  for (let y = 0; y < h; y++) if (longestRun((x) => img.data[y * w + x]!, w) > rowRule) data.fill(255, y * w, (y + 1) * w);
  for (let x = 0; x < w; x++) if (longestRun((y) => img.data[y * w + x]!, h) > h * 0.8) for (let y = 0; y < h; y++) data[y * w + x] = 255;
  return { width: w, height: h, data };
}

/**
 * Only the run of inked rows nearest the crop's middle (the line the cell is on: the crop is
 * centred on it), the rest made paper, cut to that band's ink with a margin of paper.
 */
export function isolateLine(img: GreyImage): GreyImage {
  const { width: w, height: h, data } = img;
  const inked = Array.from({ length: h }, (_, y) => {
    let n = 0;
    for (let x = 0, o = y * w; x < w; x++, o++) if (dark(data[o]!)) n++;
    return n >= 2;
  });
  const bands: [number, number][] = [];
  for (let y = 0; y < h; y++) {
    if (!inked[y]) continue;
    const start = y;
    while (y + 1 < h && inked[y + 1]) y++;
    bands.push([start, y + 1]);
  }
  if (!bands.length) return img;
  const mid = h / 2;
  const distance = ([a, b]: [number, number]) => (mid >= a && mid < b ? 0 : Math.min(Math.abs(a - mid), Math.abs(b - mid)));
  const [y0, y1] = bands.reduce((best, band) => (distance(band) < distance(best) ? band : best));
  let x0 = w;
  let x1 = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = 0; x < w; x++) {
      if (!dark(data[y * w + x]!)) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x + 1);
    }
  }
  const margin = Math.max(4, Math.round((y1 - y0) * 0.5));
  const ow = x1 - x0 + 2 * margin;
  const oh = y1 - y0 + 2 * margin;
  const out = new Uint8Array(ow * oh).fill(255);
  for (let y = y0; y < y1; y++) out.set(data.subarray(y * w + x0, y * w + x1), (y - y0 + margin) * ow + margin);
  return { width: ow, height: oh, data: out };
}
