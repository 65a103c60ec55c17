import { detectOtherSection, detectStatementHeading } from '../statement-headings.ts';
import type { TextLine } from './lines.ts';
import { parsePeriodCell } from './periods.ts';

/** Which printed lines are column headers, how far a stacked header reaches, and the page's title. */

export function isHeaderLine(line: TextLine): boolean {
  let periods = 0;
  for (const c of line.cells) {
    const p = parsePeriodCell(c.text);
    if (p) periods++;
    // "2023 YILI AYRINTILI GELİR TABLOSU" read word by word is a title, not a column header.
    else if (!c.amount && detectStatementHeading(c.text)) return false;
    // A lone dash on a header line is a scanned rule or separator, not a zero.
    else if (c.amount && !/^[-−–—]$/.test(c.text)) return false;
  }
  return periods > 0;
}

/** How far above a column header its other header lines may reach ("December 31", "2023", "(As restated)"). */
const HEADER_BLOCK_LINES = 5;

/**
 * The header lines above a period header line: column headers are often stacked ("Bağımsız /
 * Denetimden Geçmiş / 31 Aralık 2020", "December 31 / 2023 / (As Restated)"). The block
 * stops at a data row or a statement title, so a title's date never becomes a column.
 */
const RANGE_START = /^\d{1,2}[./]\d{1,2}[./]\d{4}\s*[-–]$/;

export function headerBlockAbove(lines: TextLine[], i: number): TextLine[] {
  const block: TextLine[] = [];
  for (let j = i - 1; j >= 0 && block.length < HEADER_BLOCK_LINES; j--) {
    const l = lines[j]!;
    if (l.cells.some((c) => detectStatementHeading(c.text)) || detectStatementHeading(l.cells.map((c) => c.text).join(' '))) break;
    // A range's first day printed above its last ("01.01.2024 -") reads like a trailing-minus amount.
    if (l.cells.some((c) => c.amount && !parsePeriodCell(c.text) && !/^[-−–—]$/.test(c.text) && !RANGE_START.test(c.text.trim()))) break;
    block.unshift(l);
  }
  return block;
}

/** The first statement (or other section) title among a page's lines above its columns. */
export function pageTitle(lines: TextLine[]): string | null {
  for (const l of lines) {
    const text = l.cells.map((c) => c.text).join(' ');
    if (detectStatementHeading(text) || detectOtherSection(text)) return text;
  }
  return null;
}

export function headerLineBelow(lines: TextLine[], i: number): boolean {
  for (let j = i + 1; j < lines.length && j <= i + HEADER_BLOCK_LINES; j++) {
    const l = lines[j]!;
    if (isHeaderLine(l)) return true;
    if (l.cells.some((c) => c.amount && !parsePeriodCell(c.text) && !/^[-−–—]$/.test(c.text))) return false;
  }
  return false;
}
