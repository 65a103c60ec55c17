/**
 * What every reader (pdf.js text layer, tesseract OCR, a vision model) produces: words with
 * boxes in page points, origin top-left. One parser turns these into statement lines, so a
 * fix to layout understanding helps every reader at once.
 */
export interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** 0..1; 1 for a text layer, the OCR engine's confidence otherwise. */
  confidence?: number;
}

import type { ReaderSource } from '../../domain/extracted-statement.ts';
export type { ReaderSource } from '../../domain/extracted-statement.ts';

export interface PageWords {
  page: number;
  width: number;
  height: number;
  source: ReaderSource;
  words: Word[];
  /** One half of a two-page spread (splitSpreads); its x positions start at the gutter. */
  half?: 'left' | 'right';
  /** How a scan was put upright before OCR (a clockwise quarter turn, then deskew degrees): the words' frame. */
  upright?: { turn: 0 | 90 | 180 | 270; skew: number };
}
