import type Tesseract from 'tesseract.js';
import type { Word } from '../layout/words.ts';
import { toPgm, type GreyImage } from './image.ts';

/**
 * Orientation of a scanned page. Tesseract's own detector (OSD) needs osd.traineddata, which
 * @tesseract.js-data does not ship, so the page tells us instead: read the wrong way up or
 * sideways, a page gives tesseract few words it is sure of. Only then (an upright page costs
 * nothing beyond the first read) are the four quarter turns tried on a small copy of the page,
 * and the turn with the most confident reading wins.
 */
export type QuarterTurn = 0 | 90 | 180 | 270;
/** Sideways feeds first (the commonest mistake); upright last, only as the reference. */
const TURNS: QuarterTurn[] = [270, 90, 180, 0];

/** A word tesseract is sure of: real text read the right way up scores well above this. */
const SURE = 0.7;
/** Below this many sure words, or this share of all words, a page is worth turning. */
const FEW_SURE_WORDS = 12;
const SURE_SHARE = 0.5;
/**
 * The trial copy: the page shrunk to about 100 DPI (body text stays legible to tesseract) and
 * its central square of at most this side. Tesseract spends long on text it cannot read, so
 * the wrong turns are tried on little area.
 */
const TRIAL_DPI = 100;
const TRIAL_SIDE = 640;
/** A turn must beat upright by this factor, and read a few sure words: noise turns nothing. */
const MARGIN = 2;
const MIN_TRIAL_SCORE = 3;
/** A turn this sure of itself is taken at once: garbage from a wrong turn has never come near. */
const CLEAR_TRIAL_SCORE = 2 * FEW_SURE_WORDS;

const isSure = (w: Word) => (w.confidence ?? 0) >= SURE && /[\p{L}\p{N}]{2}/u.test(w.text);

/** The first read gave too few words tesseract is sure of: perhaps the page is turned. */
export function looksUnread(words: Word[]): boolean {
  const sure = words.filter(isSure).length;
  return sure < FEW_SURE_WORDS || sure < words.length * SURE_SHARE;
}

/** The image turned clockwise by `turn` degrees. */
export function rotateGrey(img: GreyImage, turn: QuarterTurn): GreyImage {
  if (turn === 0) return img;
  const { width: w, height: h, data } = img;
  const side = turn === 180 ? { width: w, height: h } : { width: h, height: w };
  const out = new Uint8Array(data.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = data[y * w + x]!;
      if (turn === 90) out[x * h + (h - 1 - y)] = v;
      else if (turn === 180) out[(h - 1 - y) * w + (w - 1 - x)] = v;
      else out[(w - 1 - x) * h + y] = v;
    }
  }
  return { ...side, data: out };
}

/** Every `factor`-th pixel's block averaged: a cheap, legible small copy. */
function shrink(img: GreyImage, factor: number): GreyImage {
  if (factor <= 1) return img;
  const width = Math.floor(img.width / factor);
  const height = Math.floor(img.height / factor);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) for (let dx = 0; dx < factor; dx++) sum += img.data[(y * factor + dy) * img.width + x * factor + dx]!;
      data[y * width + x] = Math.round(sum / (factor * factor));
    }
  }
  return { width, height, data };
}

function centre(img: GreyImage, side: number): GreyImage {
  const width = Math.min(side, img.width);
  const height = Math.min(side, img.height);
  const x0 = (img.width - width) >> 1;
  const y0 = (img.height - height) >> 1;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) data.set(img.data.subarray((y0 + y) * img.width + x0, (y0 + y) * img.width + x0 + width), y * width);
  return { width, height, data };
}

/** Sure words weighted by their mean confidence: what "reads well" means for a turn. */
function score(result: Tesseract.RecognizeResult): number {
  const words = (result.data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words)));
  const sure = words.filter((w) => w.confidence >= SURE * 100 && /[\p{L}\p{N}]{2}/u.test(w.text));
  if (sure.length === 0) return 0;
  return sure.length * (sure.reduce((s, w) => s + w.confidence, 0) / sure.length / 100);
}

export interface OrientationTrial {
  turn: QuarterTurn;
  /** Score of each turn tried (for logs and tests). */
  scores: Partial<Record<QuarterTurn, number>>;
}

/** The clockwise turn that makes `image` read best; 0 unless another turn clearly wins. */
export async function bestTurn(worker: Tesseract.Worker, image: GreyImage, dpi: number): Promise<OrientationTrial> {
  const small = centre(shrink(image, Math.max(1, Math.round(dpi / TRIAL_DPI))), TRIAL_SIDE);
  const scores: Partial<Record<QuarterTurn, number>> = {};
  for (const turn of TURNS) {
    const result = await worker.recognize(toPgm(rotateGrey(small, turn)), {}, { blocks: true, text: false });
    scores[turn] = score(result);
    if (turn !== 0 && scores[turn]! >= CLEAR_TRIAL_SCORE) return { turn, scores };
  }
  const [best, top] = (Object.entries(scores) as [string, number][]).reduce((a, b) => (b[1] > a[1] ? b : a));
  const wins = top >= MIN_TRIAL_SCORE && top > MARGIN * (scores[0] ?? 0);
  return { turn: wins ? (Number(best) as QuarterTurn) : 0, scores };
}
