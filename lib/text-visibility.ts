import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Which text of a page a person can actually see. A text layer can disagree with what the
 * page shows: text in render mode 3 (invisible, as OCR layers are), text in the background's
 * colour or fully transparent, text clipped away or outside the crop box, text painted over
 * by an image or an opaque box drawn after it. Such text must never be read as the statement.
 * This walks pdf.js's operator list (the same drawing instructions the renderer follows) and
 * reports every text-showing run with its position and, if it is hidden, why.
 */
export type HiddenReason = 'render_mode' | 'transparent' | 'same_colour' | 'clipped' | 'outside_crop_box' | 'covered';

export interface TextRun {
  /** Baseline start and end in PDF user space of the page. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  size: number;
  hidden?: HiddenReason;
}

export interface PageDrawing {
  runs: TextRun[];
  /** Share of the crop box covered by raster images (0..1). */
  imageCoverage: number;
}

type Matrix = [number, number, number, number, number, number];
type Box = [number, number, number, number]; // x0, y0, x1, y1
type Rgb = [number, number, number];

interface GState {
  ctm: Matrix;
  fill: Rgb;
  fillAlpha: number;
  mode: number;
  clip: Box | null;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

interface Paint {
  seq: number;
  box: Box;
  colour?: Rgb; // opaque rectangles; images have none
}

const { OPS } = pdfjs;
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const WHITE: Rgb = [255, 255, 255];

export const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

function boxOf(m: Matrix, x0: number, y0: number, x1: number, y1: number): Box {
  const pts = [apply(m, x0, y0), apply(m, x1, y0), apply(m, x0, y1), apply(m, x1, y1)];
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
const intersect = (a: Box | null, b: Box): Box => (a ? [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])] : b);
const contains = (b: Box, x: number, y: number, slack = 0): boolean => x >= b[0] - slack && x <= b[2] + slack && y >= b[1] - slack && y <= b[3] + slack;

const hexRgb = (hex: unknown): Rgb | null => {
  if (typeof hex !== 'string' || !/^#[0-9a-f]{6}$/i.test(hex)) return null;
  return [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];
};
/** Colours closer than this (per channel, 0..255) cannot be told apart by a reader. */
const SAME_COLOUR = 24;
const sameColour = (a: Rgb, b: Rgb) => Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2])) < SAME_COLOUR;

/** Walks one page's operator list. `view` is the crop box [x0, y0, x1, y1]. */
export async function pageDrawing(page: { getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>; view: number[] }): Promise<PageDrawing> {
  const ops = await page.getOperatorList();
  const walker = new Walker();
  for (let i = 0; i < ops.fnArray.length; i++) walker.step(ops.fnArray[i]!, ops.argsArray[i] ?? []);
  const crop = page.view as Box;
  return { runs: walker.settle(crop), imageCoverage: coverage(walker.images, crop) };
}

class Walker {
  private g: GState = { ctm: IDENTITY, fill: [0, 0, 0], fillAlpha: 1, mode: 0, clip: null, fontSize: 1, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0 };
  private readonly stack: GState[] = [];
  private tm: Matrix = IDENTITY;
  private tlm: Matrix = IDENTITY;
  private seq = 0;
  private pendingClip = false;
  readonly runs: (TextRun & { seq: number; background: Rgb; fill: Rgb })[] = [];
  readonly paints: Paint[] = [];
  readonly images: Box[] = [];

  step(fn: number, args: unknown[]): void {
    const g = this.g;
    switch (fn) {
      case OPS.save:
        return void this.stack.push({ ...g });
      case OPS.restore:
        return void (this.g = this.stack.pop() ?? g);
      case OPS.transform:
        return void (g.ctm = multiply(g.ctm, args as Matrix));
      case OPS.paintFormXObjectBegin:
      case OPS.beginGroup:
        return this.beginForm(fn === OPS.beginGroup ? (args[0] as { matrix?: Matrix; bbox?: Box }) : { matrix: args[0] as Matrix, bbox: args[1] as Box });
      case OPS.paintFormXObjectEnd:
      case OPS.endGroup:
        return void (this.g = this.stack.pop() ?? g);
      case OPS.setFillRGBColor:
        return void (g.fill = hexRgb(args[0]) ?? g.fill);
      case OPS.setGState:
        for (const [key, value] of (args[0] as [string, unknown][]) ?? []) if (key === 'ca' && typeof value === 'number') g.fillAlpha = value;
        return;
      case OPS.clip:
      case OPS.eoClip:
        return void (this.pendingClip = true);
      case OPS.constructPath:
        return this.path(args);
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject:
      case OPS.paintImageXObjectRepeat:
        return this.image();
      case OPS.shadingFill:
        return this.paint(g.clip ?? [-1e9, -1e9, 1e9, 1e9]);
      default:
        return this.text(fn, args);
    }
  }

  private beginForm(form: { matrix?: Matrix; bbox?: Box }): void {
    this.stack.push({ ...this.g });
    if (Array.isArray(form.matrix) && form.matrix.length === 6) this.g.ctm = multiply(this.g.ctm, form.matrix);
    if (Array.isArray(form.bbox) && form.bbox.length === 4) this.g.clip = intersect(this.g.clip, boxOf(this.g.ctm, ...form.bbox));
  }

  private path(args: unknown[]): void {
    const [op, data, minMax] = args as [number, (Float32Array | null)[], number[] | null];
    if (minMax && minMax.length === 4 && Number.isFinite(minMax[0])) {
      const box = boxOf(this.g.ctm, minMax[0]!, minMax[1]!, minMax[2]!, minMax[3]!);
      if (this.pendingClip) this.g.clip = intersect(this.g.clip, box);
      const filled = op === OPS.fill || op === OPS.eoFill || op === OPS.fillStroke || op === OPS.eoFillStroke || op === OPS.closeFillStroke || op === OPS.closeEOFillStroke;
      // Only a filled axis-aligned rectangle surely covers its whole bounding box.
      if (filled && this.g.fillAlpha >= 1 && isRectangle(data[0] ?? null)) this.paint(box, this.g.fill);
    }
    this.pendingClip = false;
  }

  private image(): void {
    const box = boxOf(this.g.ctm, 0, 0, 1, 1);
    const shown = this.g.clip ? intersect(this.g.clip, box) : box;
    this.images.push(shown);
    this.paint(shown);
  }

  private paint(box: Box, colour?: Rgb): void {
    this.paints.push({ seq: this.seq++, box, ...(colour && { colour }) });
  }

  private text(fn: number, args: unknown[]): void {
    const g = this.g;
    const move = (tx: number, ty: number) => {
      this.tlm = multiply(this.tlm, [1, 0, 0, 1, tx, ty]);
      this.tm = this.tlm;
    };
    switch (fn) {
      case OPS.beginText:
        this.tm = this.tlm = IDENTITY;
        return;
      case OPS.setTextMatrix:
        this.tm = this.tlm = Array.from(args[0] as ArrayLike<number>) as Matrix;
        return;
      case OPS.moveText:
        return move(args[0] as number, args[1] as number);
      case OPS.setLeadingMoveText:
        g.leading = -(args[1] as number);
        return move(args[0] as number, args[1] as number);
      case OPS.nextLine:
        return move(0, -g.leading);
      case OPS.setLeading:
        return void (g.leading = args[0] as number);
      case OPS.setFont:
        return void (g.fontSize = (args[1] as number) || g.fontSize);
      case OPS.setCharSpacing:
        return void (g.charSpacing = args[0] as number);
      case OPS.setWordSpacing:
        return void (g.wordSpacing = args[0] as number);
      case OPS.setHScale:
        return void (g.hScale = (args[0] as number) / 100);
      case OPS.setTextRise:
        return void (g.rise = args[0] as number);
      case OPS.setTextRenderingMode:
        return void (g.mode = args[0] as number);
      case OPS.nextLineShowText:
      case OPS.nextLineSetSpacingShowText:
        move(0, -g.leading);
        return this.show(args[args.length - 1] as unknown[]);
      case OPS.showText:
      case OPS.showSpacedText:
        return this.show(args[0] as unknown[]);
    }
  }

  private show(glyphs: unknown[]): void {
    const g = this.g;
    let advance = 0;
    for (const glyph of glyphs ?? []) {
      if (typeof glyph === 'number') advance -= (glyph / 1000) * g.fontSize * g.hScale;
      else if (glyph && typeof glyph === 'object') {
        const { width = 0, isSpace = false } = glyph as { width?: number; isSpace?: boolean };
        advance += ((width / 1000) * g.fontSize + g.charSpacing + (isSpace ? g.wordSpacing : 0)) * g.hScale;
      }
    }
    const trm = multiply(g.ctm, this.tm);
    const [x0, y0] = apply(trm, 0, g.rise);
    const [x1, y1] = apply(trm, advance, g.rise);
    const size = Math.hypot(trm[2], trm[3]) * g.fontSize;
    const hidden: HiddenReason | undefined =
      g.mode === 3 || g.mode === 7 ? 'render_mode' : g.fillAlpha <= 0.05 && g.mode !== 1 ? 'transparent' : g.clip && !contains(g.clip, (x0 + x1) / 2, (y0 + y1) / 2 + size / 3, 1) ? 'clipped' : undefined;
    this.runs.push({ x0, y0, x1, y1, size, seq: this.seq++, fill: g.fill, background: this.backgroundAt((x0 + x1) / 2, y0 + size / 3), ...(hidden && { hidden }) });
    this.tm = multiply(this.tm, [1, 0, 0, 1, advance, 0]);
  }

  /** The colour of the last opaque thing painted under a point so far (the page is white). */
  private backgroundAt(x: number, y: number): Rgb {
    for (let i = this.paints.length - 1; i >= 0; i--) {
      const p = this.paints[i]!;
      if (contains(p.box, x, y)) return p.colour ?? [-999, -999, -999]; // an image: unknown colour
    }
    return WHITE;
  }

  /** Final verdicts: colour against background, crop box, and paint drawn over the text later. */
  settle(crop: Box): TextRun[] {
    return this.runs.map(({ seq, background, fill, ...run }) => {
      const mx = (run.x0 + run.x1) / 2;
      const my = (run.y0 + run.y1) / 2 + run.size / 3;
      let hidden = run.hidden;
      if (!hidden && !contains(crop, mx, my, 1)) hidden = 'outside_crop_box';
      if (!hidden && sameColour(fill, background)) hidden = 'same_colour';
      if (!hidden && this.paints.some((p) => p.seq > seq && contains(p.box, mx, my) && contains(p.box, run.x0, run.y0 + run.size / 3, 0.5) && contains(p.box, run.x1, run.y1 + run.size / 3, 0.5))) hidden = 'covered';
      return { ...run, ...(hidden && { hidden }) };
    });
  }
}

/** One axis-aligned rectangle (DrawOPS: moveTo 0, lineTo 1, curves 2–3, closePath 4). */
function isRectangle(path: Float32Array | null): boolean {
  if (!path) return false;
  const xs = new Set<number>();
  const ys = new Set<number>();
  let moves = 0;
  for (let i = 0; i < path.length; ) {
    const op = path[i]!;
    if (op === 0 || op === 1) {
      if (op === 0 && ++moves > 1) return false;
      xs.add(path[i + 1]!);
      ys.add(path[i + 2]!);
      i += 3;
    } else if (op === 4) i += 1;
    else return false;
  }
  return xs.size === 2 && ys.size === 2;
}

/** Share of the crop box covered by images, on a coarse grid (union, not sum). */
function coverage(images: Box[], crop: Box): number {
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
