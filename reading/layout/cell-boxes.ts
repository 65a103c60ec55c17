import type { PageBox } from '../../domain/extracted-statement.ts';
import type { Region } from './columns.ts';
import type { Cell, TextLine } from './lines.ts';

/**
 * Where each period of a printed line has its amount: the column's slot on the line, from the
 * label's end or the column before it to the column after it, widened to the cell placed
 * under the period. Amounts are wider than their headers, so a slot reaches left of the header
 * by a few characters; and what OCR placed there may be a blot or a piece of a rule beside
 * the amount it missed, so the slot, not the cell alone, is what a re-reading looks at.
 */
export function cellBoxes(line: TextLine, region: Region, placed: { cell: Cell; period: string }[]): Record<string, PageBox> {
  const y0 = line.y - line.height / 2;
  const y1 = line.y + line.height / 2;
  const out: Record<string, PageBox> = {};
  const columns = [...region.columns].sort((a, b) => a.x0 - b.x0);
  // The label ends where the last word left of every column ends.
  const labelEnd = Math.max(region.x0, ...line.cells.filter((c) => !c.amount && c.x1 < (columns[0]?.x0 ?? Infinity)).map((c) => c.x1));
  columns.forEach((col, i) => {
    if (!col.period || col.variant || out[col.period]) return;
    const before = columns[i - 1];
    const after = columns[i + 1];
    const x0 = Math.max(labelEnd, before ? before.x1 : -Infinity, col.x1 - line.height * 8) + 1;
    const x1 = Math.min(after ? after.x0 : Infinity, region.x1, col.x1 + line.height * 2) - 1;
    if (x1 > x0) out[col.period] = { x0, y0, x1, y1 };
  });
  for (const { cell, period } of placed) {
    const slot = out[period];
    out[period] = slot
      ? { x0: Math.min(slot.x0, cell.x0), y0: Math.min(slot.y0, cell.y0), x1: Math.max(slot.x1, cell.x1), y1: Math.max(slot.y1, cell.y1) }
      : { x0: cell.x0, y0: Math.min(y0, cell.y0), x1: cell.x1, y1: Math.max(y1, cell.y1) };
  }
  return out;
}
