/** Plane geometry for walking pdf.js operator lists: affine matrices and axis-aligned boxes. */
export type Matrix = [number, number, number, number, number, number];
export type Box = [number, number, number, number]; // x0, y0, x1, y1

export const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
export const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

export function boxOf(m: Matrix, x0: number, y0: number, x1: number, y1: number): Box {
  const pts = [apply(m, x0, y0), apply(m, x1, y0), apply(m, x0, y1), apply(m, x1, y1)];
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
export const intersect = (a: Box | null, b: Box): Box => (a ? [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])] : b);
export const overlaps = (a: Box, b: Box): boolean => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
export const contains = (b: Box, x: number, y: number, slack = 0): boolean => x >= b[0] - slack && x <= b[2] + slack && y >= b[1] - slack && y <= b[3] + slack;


export function invert(m: Matrix): Matrix | null {
  const det = m[0] * m[3] - m[1] * m[2];
  if (!det) return null;
  return [m[3] / det, -m[1] / det, -m[2] / det, m[0] / det, (m[2] * m[5] - m[3] * m[4]) / det, (m[1] * m[4] - m[0] * m[5]) / det];
}

/**
 * The subpaths of a pdf.js path (DrawOPS: moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3,
 * closePath 4), each with its bounding box and whether it is one axis-aligned rectangle.
 */
export function subpaths(path: Float32Array | null): { box: Box; rectangle: boolean }[] {
  if (!path) return [];
  const out: { box: Box; rectangle: boolean }[] = [];
  let xs: number[] = [];
  let ys: number[] = [];
  let straight = true;
  const flush = () => {
    if (xs.length) {
      const rectangle = straight && new Set(xs).size === 2 && new Set(ys).size === 2 && xs.length <= 5;
      out.push({ box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], rectangle });
    }
    xs = [];
    ys = [];
    straight = true;
  };
  for (let i = 0; i < path.length; ) {
    const op = path[i]!;
    if (op === 0) flush();
    const args = op === 0 || op === 1 ? 2 : op === 2 ? 6 : op === 3 ? 4 : 0;
    if (op === 2 || op === 3) straight = false;
    for (let k = 0; k + 1 < args; k += 2) {
      xs.push(path[i + 1 + k]!);
      ys.push(path[i + 2 + k]!);
    }
    i += 1 + args;
  }
  flush();
  return out;
}

/** Share of the crop box covered by images, on a coarse grid (union, not sum). */
export function coverage(images: Box[], crop: Box): number {
  if (!images.length) return 0;
  const N = 40;
  const w = (crop[2] - crop[0]) / N;
  const h = (crop[3] - crop[1]) / N;
  let covered = 0;
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      const x = crop[0] + (i + 0.5) * w;
      const y = crop[1] + (j + 0.5) * h;
      if (images.some((b) => contains(b, x, y))) covered++;
    }
  }
  return covered / (N * N);
}
