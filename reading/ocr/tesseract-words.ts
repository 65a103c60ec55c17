import type Tesseract from 'tesseract.js';
import type { Word } from '../layout/words.ts';
import { normalizeOcrToken } from './tokens.ts';

/** Where an OCR'd raster sits on the page: pixels per point, and its offset in the page raster. */
export interface RasterPlacement {
  scale: number;
  offsetX: number;
  offsetY: number;
}

/** Tesseract's words back in page points (origin top-left), noise dropped, digits normalised. */
export function wordsOf(result: Tesseract.RecognizeResult, { scale, offsetX, offsetY }: RasterPlacement): Word[] {
  const words: Word[] = [];
  for (const block of result.data.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        for (const w of line.words) {
          const text = normalizeOcrToken(dropPhantomDash(w));
          if (!text || isPhantomDash(text, w.bbox)) continue;
          words.push({
            text,
            x0: (w.bbox.x0 + offsetX) / scale,
            y0: (w.bbox.y0 + offsetY) / scale,
            x1: (w.bbox.x1 + offsetX) / scale,
            y1: (w.bbox.y1 + offsetY) / scale,
            confidence: Math.max(0, Math.min(1, w.confidence / 100)),
          });
        }
      }
    }
  }
  return words;
}

const DASHES = /^[-—–−~]+$/;
type Box = { x0: number; y0: number; x1: number; y1: number };

/**
 * A real dash or minus is a flat stroke, its box wider than tall. Tesseract sometimes reads
 * blank space or a blurred digit edge between table columns as "-", with a box the full line
 * height: such a "dash" (alone, or leading a number) is noise that would zero or negate a value.
 */
function isPhantomDash(text: string, box: Box): boolean {
  return DASHES.test(text) && box.y1 - box.y0 > (box.x1 - box.x0) * 1.5;
}

function dropPhantomDash(w: Tesseract.Word): string {
  const text = w.text.trim();
  const first = w.symbols?.[0];
  if (first && /^[-—–−]/.test(text) && text.length > 1 && isPhantomDash(first.text, first.bbox)) return text.replace(/^[-—–−]+/, '');
  return text;
}
