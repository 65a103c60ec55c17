import { pdfjs } from './pdfjs.ts';
import { imageLookup, RGBA, type ImageData, type ImageLookup, type PageLike } from './pdf-page-images.ts';
import { apply, boxOf, contains, coverage, intersect, invert, multiply, overlaps, subpaths, type Box, type Matrix } from './pdf-geometry.ts';

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

type Rgb = [number, number, number];

interface GState {
  ctm: Matrix;
  /** null: a pattern or anything else that is not one known colour. */
  fill: Rgb | null;
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
  /** The colour it paints, when that is one known colour (not an image, pattern or shading). */
  colour: Rgb | null;
  /** Paints its whole box opaquely (a filled rectangle, a shading): hides text drawn before it. */
  covers: boolean;
  /** An image: whether it is opaque at a page point (its alpha channel decides). */
  opaqueAt?: (x: number, y: number) => Promise<boolean>;
}


const { OPS } = pdfjs;
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const WHITE: Rgb = [255, 255, 255];

const hexRgb = (hex: unknown): Rgb | null => {
  if (typeof hex !== 'string' || !/^#[0-9a-f]{6}$/i.test(hex)) return null;
  return [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];
};
/** Colours closer than this (per channel, 0..255) cannot be told apart by a reader. */
const SAME_COLOUR = 24;
const sameColour = (a: Rgb, b: Rgb) => Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2])) < SAME_COLOUR;

/** Walks one page's operator list. `view` is the crop box [x0, y0, x1, y1]. */
export async function pageDrawing(page: PageLike): Promise<PageDrawing> {
  const ops = await page.getOperatorList();
  const walker = new Walker(imageLookup(page));
  for (let i = 0; i < ops.fnArray.length; i++) walker.step(ops.fnArray[i]!, ops.argsArray[i] ?? []);
  const crop = page.view as Box;
  return { runs: await walker.settle(crop), imageCoverage: coverage(walker.images, crop) };
}

class Walker {
  constructor(private readonly lookup: ImageLookup) {}

  private g: GState = { ctm: IDENTITY, fill: [0, 0, 0], fillAlpha: 1, mode: 0, clip: null, fontSize: 1, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0 };
  private readonly stack: GState[] = [];
  private tm: Matrix = IDENTITY;
  private tlm: Matrix = IDENTITY;
  private seq = 0;
  private pendingClip = false;
  readonly runs: (TextRun & { seq: number; background: Rgb | null; fill: Rgb | null })[] = [];
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
        return void (g.ctm = multiply(g.ctm, Array.from(args as number[]) as Matrix));
      case OPS.paintFormXObjectBegin:
      case OPS.beginGroup:
        return this.beginForm(fn === OPS.beginGroup ? (args[0] as { matrix?: ArrayLike<number>; bbox?: ArrayLike<number> }) : { matrix: args[0] as ArrayLike<number>, bbox: args[1] as ArrayLike<number> });
      case OPS.paintFormXObjectEnd:
      case OPS.endGroup:
        return void (this.g = this.stack.pop() ?? g);
      case OPS.setFillRGBColor:
        return void (g.fill = hexRgb(args[0]));
      case OPS.setFillColorN:
      case OPS.setFillTransparent:
        return void (g.fill = null);
      case OPS.setGState:
        for (const [key, value] of (args[0] as [string, unknown][]) ?? []) if (key === 'ca' && typeof value === 'number') g.fillAlpha = value;
        return;
      case OPS.clip:
      case OPS.eoClip:
        return void (this.pendingClip = true);
      case OPS.constructPath:
        return this.path(args);
      case OPS.paintImageXObject:
        return this.image(this.lookup(args[0] as string));
      case OPS.paintInlineImageXObject:
        return this.image(Promise.resolve(args[0] as ImageData));
      case OPS.paintImageXObjectRepeat:
        return this.image(null);
      case OPS.shadingFill:
        return this.paint(g.clip ?? [-1e9, -1e9, 1e9, 1e9], null, true);
      default:
        return this.text(fn, args);
    }
  }

  private beginForm(form: { matrix?: ArrayLike<number> | null; bbox?: ArrayLike<number> | null }): void {
    this.stack.push({ ...this.g });
    // pdf.js hands these over as typed arrays.
    if (form.matrix?.length === 6) this.g.ctm = multiply(this.g.ctm, Array.from(form.matrix) as Matrix);
    if (form.bbox?.length === 4) this.g.clip = intersect(this.g.clip, boxOf(this.g.ctm, ...(Array.from(form.bbox) as Box)));
  }

  private path(args: unknown[]): void {
    const [op, data, minMax] = args as [number, (Float32Array | null)[], number[] | null];
    if (minMax && minMax.length === 4 && Number.isFinite(minMax[0])) {
      const box = boxOf(this.g.ctm, minMax[0]!, minMax[1]!, minMax[2]!, minMax[3]!);
      if (this.pendingClip) this.g.clip = intersect(this.g.clip, box);
      const filled = op === OPS.fill || op === OPS.eoFill || op === OPS.fillStroke || op === OPS.eoFillStroke || op === OPS.closeFillStroke || op === OPS.closeEOFillStroke;
      if (filled && this.g.fillAlpha > 0.05) {
        const opaque = this.g.fillAlpha >= 1;
        // Only a filled axis-aligned rectangle surely covers its whole box; other shapes still
        // tell the background colour under text drawn over them later.
        // Overlapping subpaths may cut holes (a frame around a white panel): neither the colour
        // nor the cover of such a box is known.
        const subs = subpaths(data[0] ?? null);
        for (const sub of subs) {
          const holed = subs.some((o) => o !== sub && overlaps(o.box, sub.box));
          this.paint(boxOf(this.g.ctm, ...sub.box), opaque && !holed ? this.g.fill : null, opaque && !holed && sub.rectangle);
        }
      }
    }
    this.pendingClip = false;
  }

  /** An image fills the unit square of the current matrix; its alpha decides what it hides. */
  private image(data: Promise<ImageData | undefined> | null): void {
    const box = boxOf(this.g.ctm, 0, 0, 1, 1);
    const shown = this.g.clip ? intersect(this.g.clip, box) : box;
    this.images.push(shown);
    const inverse = invert(this.g.ctm);
    const opaqueAt = async (x: number, y: number) => {
      const img = await data;
      if (!img || !inverse) return false;
      if (img.kind !== RGBA) return true;
      const [u, v] = apply(inverse, x, y);
      const px = Math.min(img.width - 1, Math.max(0, Math.floor(u * img.width)));
      const py = Math.min(img.height - 1, Math.max(0, Math.floor((1 - v) * img.height)));
      return (img.data?.[(py * img.width + px) * 4 + 3] ?? 0) >= 128;
    };
    this.paint(shown, null, false, opaqueAt);
  }

  private paint(box: Box, colour: Rgb | null, covers: boolean, opaqueAt?: Paint['opaqueAt']): void {
    this.paints.push({ seq: this.seq++, box, colour, covers, ...(opaqueAt && { opaqueAt }) });
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

  /** The colour of the last thing painted under a point so far (the page is white; null: unknown). */
  private backgroundAt(x: number, y: number): Rgb | null {
    for (let i = this.paints.length - 1; i >= 0; i--) {
      const p = this.paints[i]!;
      if (contains(p.box, x, y)) return p.colour;
    }
    return WHITE;
  }

  /** Final verdicts: colour against background, crop box, and paint drawn over the text later. */
  async settle(crop: Box): Promise<TextRun[]> {
    const out: TextRun[] = [];
    for (const { seq, background, fill, ...run } of this.runs) {
      const lift = run.size / 3;
      const points: [number, number][] = [[run.x0, run.y0 + lift], [(run.x0 + run.x1) / 2, (run.y0 + run.y1) / 2 + lift], [run.x1, run.y1 + lift]];
      let hidden = run.hidden;
      if (!hidden && !contains(crop, points[1]![0], points[1]![1], 1)) hidden = 'outside_crop_box';
      if (!hidden && fill && background && sameColour(fill, background)) hidden = 'same_colour';
      if (!hidden && (await this.coveredLater(seq, points))) hidden = 'covered';
      out.push({ ...run, ...(hidden && { hidden }) });
    }
    return out;
  }

  /** Something opaque painted over all of these points after the text was drawn. */
  private async coveredLater(seq: number, points: [number, number][]): Promise<boolean> {
    for (const p of this.paints) {
      if (p.seq < seq || !points.every(([x, y]) => contains(p.box, x, y, 0.5))) continue;
      if (p.covers) return true;
      if (p.opaqueAt && (await Promise.all(points.map(([x, y]) => p.opaqueAt!(x, y)))).every(Boolean)) return true;
    }
    return false;
  }
}
