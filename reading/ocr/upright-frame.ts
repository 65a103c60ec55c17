import type { GreyImage } from './image.ts';
import type { QuarterTurn } from './orientation.ts';

/**
 * How a scanned page was put upright before it was read: turned clockwise by a quarter turn,
 * then deskewed by `skew` degrees about its centre. Words read from it are in that upright
 * frame; a cell cropped from the page as drawn must go through the same steps, or on a turned
 * or tilted scan the crop lands beside the cell (1.4° of skew moves a cell 300 pt from the
 * centre by 7 pt, a whole amount's height).
 */
export interface Upright {
  turn: QuarterTurn;
  skew: number;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Below this skew deskew leaves the page as it is (image.ts). */
const NO_SKEW = 0.05;

export const isIdentity = (u: Upright | undefined) => !u || (u.turn === 0 && Math.abs(u.skew) < NO_SKEW);

/**
 * A point of the upright frame (points) to the page as drawn (`width` × `height` points):
 * deskew's own mapping (output to source, about the turned page's centre), then the turn undone.
 */
export function toDrawnPage(u: Upright, width: number, height: number): (x: number, y: number) => [number, number] {
  const sideways = u.turn === 90 || u.turn === 270;
  const cx = (sideways ? height : width) / 2;
  const cy = (sideways ? width : height) / 2;
  const t = Math.abs(u.skew) < NO_SKEW ? 0 : (u.skew * Math.PI) / 180;
  const s = Math.sin(t);
  const c = Math.cos(t);
  return (x, y) => {
    const X = (x - cx) * c - (y - cy) * s + cx;
    const Y = (x - cx) * s + (y - cy) * c + cy;
    if (u.turn === 90) return [Y, height - X];
    if (u.turn === 180) return [width - X, height - Y];
    if (u.turn === 270) return [width - Y, X];
    return [X, Y];
  };
}

/** The part of the drawn page a box of the upright frame comes from (its corners' bounds, within the page). */
export function drawnBounds(box: Box, u: Upright, width: number, height: number): Box {
  const map = toDrawnPage(u, width, height);
  const corners = [map(box.x0, box.y0), map(box.x1, box.y0), map(box.x0, box.y1), map(box.x1, box.y1)];
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  return { x0: Math.max(0, Math.min(...xs)), y0: Math.max(0, Math.min(...ys)), x1: Math.min(width, Math.max(...xs)), y1: Math.min(height, Math.max(...ys)) };
}

/**
 * The box as seen upright, at `scale` pixels per point, sampled (bilinear) from `drawn`: a
 * raster of the drawn page's `bounds` at the same scale. Outside it is white paper.
 */
export function uprightCrop(drawn: GreyImage, bounds: Box, box: Box, u: Upright, width: number, height: number, scale: number): GreyImage {
  const map = toDrawnPage(u, width, height);
  const w = Math.max(1, Math.ceil((box.x1 - box.x0) * scale));
  const h = Math.max(1, Math.ceil((box.y1 - box.y0) * scale));
  const data = new Uint8Array(w * h).fill(255);
  for (let j = 0; j < h; j++) {
    for (let i = 0; i < w; i++) {
      const [px, py] = map(box.x0 + (i + 0.5) / scale, box.y0 + (j + 0.5) / scale);
      const x = (px - bounds.x0) * scale - 0.5;
      const y = (py - bounds.y0) * scale - 0.5;
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      if (x0 < 0 || y0 < 0 || x0 >= drawn.width - 1 || y0 >= drawn.height - 1) continue;
      const fx = x - x0;
      const fy = y - y0;
      const k = y0 * drawn.width + x0;
      const top = drawn.data[k]! + (drawn.data[k + 1]! - drawn.data[k]!) * fx;
      const bottom = drawn.data[k + drawn.width]! + (drawn.data[k + drawn.width + 1]! - drawn.data[k + drawn.width]!) * fx;
      data[j * w + i] = Math.round(top + (bottom - top) * fy);
    }
  }
  return { width: w, height: h, data };
}
