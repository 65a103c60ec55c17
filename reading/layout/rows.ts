import { detectSectionHeading, detectStatementHeading } from '../statement-headings.ts';
import type { Cell } from './lines.ts';
import type { ReaderSource } from './words.ts';
import type { PageBox } from '../../domain/extracted-statement.ts';

/** Rows of a statement before keying, and the joining of labels printed over several lines. */

export interface RowDraft {
  page: number;
  source: ReaderSource;
  code: string | null;
  label: string;
  labelX0: number;
  amounts: { cell: Cell; period: string }[];
  /** Amounts under a restated column of a period (see labelVariants), read apart. */
  variantAmounts?: { cell: Cell; period: string }[];
  confidence: number;
  /** Where each period's amount is printed (OCR rows; see cellBoxes). */
  cells?: Record<string, PageBox>;
  /** Vertical centre and height of the printed line (page points). */
  y: number;
  height: number;
}

const isHeading = (label: string) => detectSectionHeading(label) !== null || detectStatementHeading(label) !== null;

/** Within one printed line's height of each other on the same page. */
const adjacent = (a: RowDraft, b: RowDraft) => a.page === b.page && Math.abs(b.y - a.y) < Math.max(a.height, b.height) * 1.5;

/**
 * A label printed on two lines with the amounts vertically centred between them
 * ("SÜRDÜRÜLEN FAALİYETLER VERGİ ÖNCESİ" / amounts / "(ZARARI)/KARI") is one line: an
 * amounts row without a label takes the label-only rows right above and below it.
 */
function centredLabel(rows: RowDraft[], i: number, out: RowDraft[]): { row: RowDraft; skip: number } | null {
  const row = rows[i]!;
  const above = out[out.length - 1];
  if (row.label || !row.amounts.length || !above || above.amounts.length || !above.label || !adjacent(above, row) || isHeading(above.label)) return null;
  out.pop();
  const below = rows[i + 1];
  const tail = below && !below.amounts.length && below.label && !below.code && adjacent(row, below) && below.labelX0 >= above.labelX0 - 1 && !isHeading(below.label);
  return {
    row: { ...row, code: above.code, label: tail ? `${above.label} ${below.label}` : above.label, labelX0: above.labelX0 },
    skip: tail ? 1 : 0,
  };
}

/** A label-only row that continues on the next row (long account names wrap) is joined to it. */
export function mergeWrapped(rows: RowDraft[]): RowDraft[] {
  const out: RowDraft[] = [];
  for (let i = 0; i < rows.length; i++) {
    const centred = centredLabel(rows, i, out);
    if (centred) {
      out.push(centred.row);
      i += centred.skip;
      continue;
    }
    const row = rows[i]!;
    const next = rows[i + 1];
    if (
      !row.amounts.length && row.label && next && adjacent(row, next) && next.amounts.length && !next.code &&
      next.label && /^[\p{Ll}(]/u.test(next.label) && !detectSectionHeading(row.label) && !detectStatementHeading(row.label)
    ) {
      rows[i + 1] = { ...next, code: row.code, label: `${row.label} ${next.label}`, labelX0: row.labelX0 };
      continue;
    }
    if (!row.amounts.length && row.label && out.length && /^[\p{Ll}(]/u.test(row.label)) {
      const prev = out[out.length - 1]!;
      if (prev.amounts.length && adjacent(prev, row) && row.labelX0 >= prev.labelX0 - 1) {
        prev.label = `${prev.label} ${row.label}`;
        continue;
      }
    }
    out.push(row);
  }
  return out;
}
