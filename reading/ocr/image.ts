import type { PdfDocument } from '../pdf.ts';

/** An 8-bit greyscale raster: 0 = black ink, 255 = white paper. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

interface NodeCanvasEntry {
  /** @napi-rs/canvas: `data()` is the surface's own RGBA pixels, not a copy. */
  canvas: { data(): Uint8Array };
}
interface NodeCanvasFactory {
  create(width: number, height: number): NodeCanvasEntry;
  destroy(entry: unknown): void;
}
type RenderCanvas = Parameters<Awaited<ReturnType<PdfDocument['getPage']>>['render']>[0]['canvas'];

/**
 * Pixels of one rendering pass. A whole A4 page at 300 DPI is one 35 MB RGBA canvas of native
 * memory beside its greyscale copy; drawn in bands of at most this size (three for A4), a
 * page's render added ~5 MB to the peak RSS instead of ~66 MB (measured in one process). Each
 * band redraws the page clipped: a scan's bands are the very pixels of one whole render.
 */
const BAND_PIXELS = 3_000_000;

/**
 * Renders one page at `dpi` into greyscale. Returns the raster and the page size in points
 * (pixels / scale = points, origin top-left, same as the text layer).
 */
export async function renderPageGrey(
  doc: PdfDocument,
  pageNumber: number,
  dpi: number,
  /** Only this part of the page (points, origin top-left): a cell re-read at a high resolution. */
  region?: { x0: number; y0: number; x1: number; y1: number },
): Promise<{ image: GreyImage; scale: number; widthPt: number; heightPt: number }> {
  const page = await doc.getPage(pageNumber);
  const factory = doc.canvasFactory as NodeCanvasFactory;
  try {
    const scale = dpi / 72;
    const base = page.getViewport({ scale: 1 });
    const width = Math.ceil(region ? (region.x1 - region.x0) * scale : base.width * scale);
    const height = Math.ceil(region ? (region.y1 - region.y0) * scale : base.height * scale);
    const data = new Uint8Array(width * height);
    // Equal bands (whole rows), each drawn through a viewport moved up by the rows above it.
    const bands = Math.ceil(height / Math.max(1, Math.floor(BAND_PIXELS / width)));
    const bandRows = Math.ceil(height / bands);
    for (let top = 0; top < height; top += bandRows) {
      const rows = Math.min(bandRows, height - top);
      const offsetX = region ? -region.x0 * scale : 0;
      const offsetY = (region ? -region.y0 * scale : 0) - top;
      const viewport = page.getViewport({ scale, offsetX, offsetY });
      const entry = factory.create(width, rows);
      try {
        await page.render({ canvas: entry.canvas as unknown as RenderCanvas, viewport, background: 'white' }).promise;
        greyInto(entry.canvas, width, rows, data.subarray(top * width, (top + rows) * width));
      } finally {
        factory.destroy(entry);
      }
    }
    return { image: { width, height, data }, scale, widthPt: base.width, heightPt: base.height };
  } finally {
    page.cleanup();
  }
}

/**
 * A canvas's pixels as luma into `out`, read from the surface itself: getImageData copies (a
 * 300-DPI page is 35 MB of RGBA copies, garbage that stayed resident until a GC found it).
 */
function greyInto(canvas: NodeCanvasEntry['canvas'], width: number, height: number, out: Uint8Array): void {
  const rgba = canvas.data();
  if (rgba.length !== width * height * 4) throw new Error(`canvas pixels: ${rgba.length} bytes for ${width}x${height} RGBA`);
  for (let i = 0, j = 0; i < out.length; i++, j += 4) {
    // Luma; a colour tint or grey paper ends up as a lighter grey, fixed by stretching.
    out[i] = (rgba[j]! * 77 + rgba[j + 1]! * 150 + rgba[j + 2]! * 29) >> 8;
  }
}

/** Grey level at the given fraction of the histogram. */
function percentile(hist: Uint32Array, total: number, q: number): number {
  const target = total * q;
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += hist[v]!;
    if (acc >= target) return v;
  }
  return 255;
}

/**
 * Contrast stretch: the ink level maps to black and the paper level to white, so grey
 * paper, light ink and colour tints all look like black on white. `out` may be `img.data`
 * (in place, for a raster nothing else holds).
 */
export function stretchContrast(img: GreyImage, out: Uint8Array = new Uint8Array(img.data.length)): GreyImage {
  const hist = new Uint32Array(256);
  for (let i = 0; i < img.data.length; i++) hist[img.data[i]!]!++;
  // Paper dominates a statement page: its level is a high percentile; ink is the darkest ~0.5 %.
  const lo = percentile(hist, img.data.length, 0.005);
  const hi = percentile(hist, img.data.length, 0.5);
  if (hi - lo < 20) return img;
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = Math.max(0, Math.min(255, Math.round(((v - lo) * 255) / (hi - lo))));
  for (let i = 0; i < out.length; i++) out[i] = lut[img.data[i]!]!;
  return { ...img, data: out };
}

/** Otsu threshold of the image's histogram. */
export function otsuThreshold(img: GreyImage): number {
  const hist = new Uint32Array(256);
  for (let i = 0; i < img.data.length; i++) hist[img.data[i]!]!++;
  const total = img.data.length;
  let sum = 0;
  for (let v = 0; v < 256; v++) sum += v * hist[v]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (!wB) continue;
    const wF = total - wB;
    if (!wF) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

export function binarize(img: GreyImage, threshold = otsuThreshold(img)): GreyImage {
  const out = new Uint8Array(img.data.length);
  for (let i = 0; i < out.length; i++) out[i] = img.data[i]! <= threshold ? 0 : 255;
  return { ...img, data: out };
}

/**
 * Estimates the skew of the text lines in degrees (positive: lines descend to the right in
 * image coordinates) by maximising the variance of the horizontal projection profile over
 * candidate angles, on ink pixels of a downscaled copy: coarse 0.2° steps, then 0.02°.
 */
export function estimateSkew(img: GreyImage, maxDegrees = 4): number {
  const step = Math.max(1, Math.round(img.width / 600));
  const threshold = Math.min(otsuThreshold(img), 160);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < img.height; y += step) {
    for (let x = 0; x < img.width; x += step) {
      if (img.data[y * img.width + x]! <= threshold) {
        xs.push(x / step);
        ys.push(y / step);
      }
    }
  }
  if (xs.length < 200) return 0;
  const cx = img.width / step / 2;
  const rows = Math.ceil(Math.hypot(img.width, img.height) / step) + 4;
  const bins = new Float64Array(rows);
  const score = (deg: number) => {
    const t = (deg * Math.PI) / 180;
    const s = Math.sin(t);
    const c = Math.cos(t);
    bins.fill(0);
    const margin = (rows - img.height / step) / 2;
    for (let i = 0; i < xs.length; i++) {
      const yp = ys[i]! * c - (xs[i]! - cx) * s + margin;
      const b = Math.floor(yp);
      if (b >= 0 && b < rows) bins[b]! += 1;
    }
    let sq = 0;
    for (let i = 0; i < rows; i++) sq += bins[i]! * bins[i]!;
    return sq;
  };
  let best = 0;
  let bestScore = -1;
  for (let d = -maxDegrees; d <= maxDegrees + 1e-9; d += 0.2) {
    const sc = score(d);
    if (sc > bestScore) {
      bestScore = sc;
      best = d;
    }
  }
  const coarse = best;
  for (let d = coarse - 0.2; d <= coarse + 0.2 + 1e-9; d += 0.02) {
    const sc = score(d);
    if (sc > bestScore) {
      bestScore = sc;
      best = d;
    }
  }
  return Math.round(best * 100) / 100;
}

/**
 * Rotates the image about its centre so lines with the given skew become horizontal
 * (bilinear; outside the source is paper). Same size as the input, so page coordinates
 * stay within the page.
 */
export function deskew(img: GreyImage, degrees: number): GreyImage {
  if (Math.abs(degrees) < 0.05) return img;
  const t = (degrees * Math.PI) / 180;
  const s = Math.sin(t);
  const c = Math.cos(t);
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h);
  const cx = w / 2;
  const cy = h / 2;
  for (let v = 0; v < h; v++) {
    const dy = v - cy;
    let o = v * w;
    for (let u = 0; u < w; u++, o++) {
      const dx = u - cx;
      const x = dx * c - dy * s + cx;
      const y = dx * s + dy * c + cy;
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) {
        out[o] = 255;
        continue;
      }
      const fx = x - x0;
      const fy = y - y0;
      const i = y0 * w + x0;
      const top = data[i]! + (data[i + 1]! - data[i]!) * fx;
      const bottom = data[i + w]! + (data[i + w + 1]! - data[i + w]!) * fx;
      out[o] = top + (bottom - top) * fy;
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * Crops to the inked area plus a white margin: tesseract's time and memory grow with the
 * pixels it is given, and a statement page is mostly margin. Coordinates in the crop are
 * offset by (x, y) from the page raster's. A page without ink gives null (nothing to read).
 * The crop is written once, as the PGM tesseract is given; `image` is a view of its pixels.
 */
export function cropToInk(img: GreyImage, margin = 24): { image: GreyImage; pgm: Buffer; x: number; y: number } | null {
  const { width: w, height: h, data } = img;
  // Ink is what a stretched page renders dark; a row or column needs two such pixels, so a
  // lone speck of scanner dust does not hold the margin open.
  const dark = 96;
  let top = h;
  let bottom = -1;
  const cols = new Uint32Array(w);
  for (let y = 0; y < h; y++) {
    let n = 0;
    for (let x = 0, o = y * w; x < w; x++, o++) {
      if (data[o]! < dark) {
        n++;
        cols[x]!++;
      }
    }
    if (n >= 2) {
      if (y < top) top = y;
      bottom = y;
    }
  }
  let left = 0;
  while (left < w && cols[left]! < 2) left++;
  let right = w - 1;
  while (right > left && cols[right]! < 2) right--;
  if (bottom < 0 || left >= w) return null;
  const x0 = Math.max(0, left - margin);
  const y0 = Math.max(0, top - margin);
  const x1 = Math.min(w, right + 1 + margin);
  const y1 = Math.min(h, bottom + 1 + margin);
  const cw = x1 - x0;
  const { pgm, pixels } = emptyPgm(cw, y1 - y0);
  for (let y = y0; y < y1; y++) pixels.set(data.subarray(y * w + x0, y * w + x1), (y - y0) * cw);
  return { image: { width: cw, height: y1 - y0, data: pixels }, pgm, x: x0, y: y0 };
}

/** A binary PGM (P5): leptonica reads it directly, with no PNG encode/decode on either side. */
export function toPgm(img: GreyImage): Buffer {
  const { pgm, pixels } = emptyPgm(img.width, img.height);
  pixels.set(img.data);
  return pgm;
}

function emptyPgm(width: number, height: number): { pgm: Buffer; pixels: Buffer } {
  const header = `P5\n${width} ${height}\n255\n`;
  const pgm = Buffer.allocUnsafe(header.length + width * height);
  pgm.write(header, 'ascii');
  return { pgm, pixels: pgm.subarray(header.length) };
}
