import type { PageWords, Word } from '../../../reading/layout/words.ts';

/** A row of cells: [x, text] pairs; each row is printed one line (14 pt) below the previous. */
export type Row = ReadonlyArray<readonly [number, string]>;

/** Positioned words as a text layer would give them, from rows of cells (6 pt per character). */
export function pageOf(page: number, rows: Row[], opts: { width?: number; height?: number; source?: PageWords['source'] } = {}): PageWords {
  const words: Word[] = rows.flatMap((row, i) =>
    row.map(([x, text]) => ({ text, x0: x, x1: x + text.length * 6, y0: 40 + i * 14, y1: 50 + i * 14, confidence: 1 })),
  );
  return { page, width: opts.width ?? 600, height: opts.height ?? 842, source: opts.source ?? 'text', words };
}

/** A statement line: its label and the amounts of two period columns. */
export const line = (label: string, a: string, b: string): Row => [[60, label], [390, a], [480, b]];
