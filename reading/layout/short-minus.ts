import type { Region } from './columns.ts';
import type { Cell } from './lines.ts';

/**
 * "81-" is no amount on its own: tax-return forms number their lines "1-", "12-". In a
 * document whose amounts carry a trailing minus ("1 476-") and in a period column, it is one
 * (81 thousand, negative, in a Bin TL statement); left out, the line loses that period's
 * figure. Such a cell is rewritten with its minus in front, which every reader takes.
 */
const SHORT = /^(\d{1,2})\s?[-−–]$/;
const TRAILING = /\d\s?[-−–]$/;

/** Whether the document's amounts print their minus after the digits (an amount that does, long enough to be one). */
export function trailingMinusDoc(cells: Cell[]): boolean {
  return cells.some((c) => c.amount && TRAILING.test(c.text.trim()));
}

export function shortMinusCell(cell: Cell, region: Region, trailing: boolean): Cell {
  const m = trailing && !cell.amount ? SHORT.exec(cell.text.trim()) : null;
  if (!m) return cell;
  // Right of where the amounts begin (a header is narrower than its amounts: one header's width of room).
  const first = region.columns.filter((col) => col.period).sort((a, b) => a.x0 - b.x0)[0];
  const inAmounts = !!first && cell.x0 >= first.x0 - (first.x1 - first.x0);
  return inAmounts ? { ...cell, text: `-${m[1]}`, amount: true } : cell;
}
