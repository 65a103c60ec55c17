import type { PageWords } from './words.ts';

/**
 * Designed annual reports are often exported as two-page spreads: one PDF page holds two
 * printed pages side by side, each with its own table (assets on the right half of one sheet,
 * liabilities and the income statement on the next). A landscape page with an empty
 * vertical gutter near its middle is read as two pages, left then right.
 */
const LANDSCAPE = 1.15;
/** The gutter is looked for in this middle share of the width. */
const MIDDLE = [0.35, 0.65] as const;
const MIN_GUTTER_PT = 12;
/** Each half must hold at least this share of the page's words to be a page of its own. */
const MIN_SHARE = 0.15;

export function splitSpreads(pages: PageWords[]): PageWords[] {
  return pages.flatMap((page) => {
    const gutter = page.width > page.height * LANDSCAPE ? findGutter(page) : null;
    if (gutter === null) return [page];
    const left = page.words.filter((w) => w.x1 <= gutter);
    const right = page.words.filter((w) => w.x0 >= gutter).map((w) => ({ ...w, x0: w.x0 - gutter, x1: w.x1 - gutter }));
    const n = page.words.length;
    if (left.length < n * MIN_SHARE || right.length < n * MIN_SHARE) return [page];
    return [
      { ...page, width: gutter, words: left, half: 'left' as const },
      { ...page, width: page.width - gutter, words: right, half: 'right' as const },
    ];
  });
}

/** The middle of the empty band nearest the page's centre line (a spread's fold), if wide enough. */
function findGutter(page: PageWords): number | null {
  const from = page.width * MIDDLE[0];
  const to = page.width * MIDDLE[1];
  const centre = page.width / 2;
  const spans = page.words
    .filter((w) => w.x1 > from && w.x0 < to && w.text.trim())
    .map((w) => [Math.max(from, w.x0), Math.min(to, w.x1)] as const)
    .sort((a, b) => a[0] - b[0]);
  let best: number | null = null;
  let cursor = from;
  for (const [x0, x1] of [...spans, [to, to] as const]) {
    if (x0 - cursor >= MIN_GUTTER_PT) {
      const mid = (cursor + x0) / 2;
      if (best === null || Math.abs(mid - centre) < Math.abs(best - centre)) best = mid;
    }
    cursor = Math.max(cursor, x1);
  }
  return best;
}
