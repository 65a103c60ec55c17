import { lowerAscii } from './fold.ts';
import type { Cell, TextLine } from './lines.ts';
import type { PeriodColumn } from './periods.ts';

/** The period columns of a page region: halves of T-format pages, notes columns, banks' sub-columns. */

/** Which half of a T-format page a cell sits in, with that half's period columns. */
export interface Region {
  x0: number;
  x1: number;
  columns: PeriodColumn[];
  /** The notes column ("Dipnot", "Notes"), whose small numbers are references, not amounts. */
  notes?: { x0: number; x1: number };
  /** Sub-columns to leave out: the TP and YP parts of a bank's TP / YP / Toplam breakdown. */
  ignore?: { x0: number; x1: number }[];
}

const NOTE_HEADER = /^(dip ?not|dipnot no|not|notlar|note|notes|aciklama no)$/;
const NOTE_REF = /^\d{1,3}(?:[.,]\d{1,2})?[a-z]?(?:[,-]\d{1,3})*$/i;

/** Splits a page into halves when its header repeats the periods (AKTİF | PASİF side by side). */
export function splitRegions(cols: PeriodColumn[], header: TextLine | TextLine[], pageWidth: number): Region[] {
  const periods = cols.map((c) => c.period);
  const half = periods.length / 2;
  const repeated =
    periods.length >= 2 && Number.isInteger(half) && periods.slice(0, half).join() === periods.slice(half).join();
  if (!repeated) return [{ x0: 0, x1: Infinity, columns: cols }];
  const left = cols.slice(0, half);
  const right = cols.slice(half);
  const leftEnd = left[left.length - 1]!.x1;
  // The right half starts at its first header cell after the left half's last period column.
  // Any table line of a stacked header counts ("Hesap Adı | Cari Dönem" over "(2024)"); a
  // centred title or unit line (one cell) says nothing about where the halves meet.
  const lines = Array.isArray(header) ? header : [header];
  const cells = lines.filter((l, i) => i === lines.length - 1 || l.cells.length > 1).flatMap((l) => l.cells);
  const rightStart = cells.filter((c) => c.x0 > leftEnd).reduce((m, c) => Math.min(m, c.x0), right[0]!.x0);
  const split = Math.max(leftEnd + 1, rightStart - 2);
  return [
    { x0: 0, x1: split, columns: left },
    { x0: split, x1: Math.max(pageWidth, split + 1) * 2, columns: right },
  ];
}

const BREAKDOWN_PART = /^(tp|yp|tl|fc|yabanci para|turk parasi|local currency|foreign currency)$/;
const BREAKDOWN_TOTAL = /^(toplam|total)$/;

/**
 * Bank statements split each period into currency parts under it ("TP | YP | Toplam"). Only
 * the total is the period's figure: its sub-column becomes the period column and the parts
 * are left out, so a TP amount is never read as the period's value.
 */
export function withBreakdown(regions: Region[], below: TextLine[]): Region[] {
  const line = below.find((l) => l.cells.some((c) => BREAKDOWN_TOTAL.test(lowerAscii(c.text))) && l.cells.some((c) => BREAKDOWN_PART.test(lowerAscii(c.text))));
  if (!line) return regions;
  return regions.map((region) => {
    const cells = line.cells.filter((c) => c.x0 >= region.x0 - 1 && c.x0 < region.x1);
    const totals = cells.filter((c) => BREAKDOWN_TOTAL.test(lowerAscii(c.text)));
    if (totals.length !== region.columns.length) return region;
    const columns = region.columns.map((col, k) => ({ ...col, x0: totals[k]!.x0, x1: totals[k]!.x1 }));
    const ignore = cells.filter((c) => BREAKDOWN_PART.test(lowerAscii(c.text))).map((c) => ({ x0: c.x0, x1: c.x1 }));
    return { ...region, columns, ignore };
  });
}

/** An amount right-aligned under a left-out sub-column rather than under a period column. */
export function inIgnoredColumn(cell: Cell, region: Region): boolean {
  if (!region.ignore?.length) return false;
  const dist = (span: { x0: number; x1: number }) => Math.abs(span.x1 - cell.x1) + Math.max(0, span.x0 - cell.x1, cell.x0 - span.x1) * 10;
  const toIgnored = Math.min(...region.ignore.map(dist));
  const toColumn = Math.min(...region.columns.map(dist));
  return toIgnored < toColumn;
}

export function withNotesColumn(regions: Region[], header: TextLine[]): Region[] {
  const note = header.flatMap((l) => l.cells).find((c) => NOTE_HEADER.test(lowerAscii(c.text)));
  if (!note) return regions;
  return regions.map((r) => (note.x0 >= r.x0 - 1 && note.x0 < r.x1 ? { ...r, notes: { x0: note.x0, x1: note.x1 } } : r));
}

/**
 * A note reference ("5", "12", "7.1") sits in the notes column, or — where the column has no
 * header — clearly left of every period column, where no amount is ever printed.
 */
export function isNoteReference(cell: Cell, region: Region): boolean {
  if (!NOTE_REF.test(cell.text) || /^[-−–—]$/.test(cell.text)) return false;
  const center = (cell.x0 + cell.x1) / 2;
  if (region.notes && center >= region.notes.x0 - 8 && center <= region.notes.x1 + 8) return true;
  const firstColumn = Math.min(...region.columns.map((c) => c.x0));
  return /^\d{1,3}$/.test(cell.text) && cell.x1 < firstColumn - 20;
}

export function nearestColumn(cell: Cell, columns: PeriodColumn[]): PeriodColumn {
  let best = columns[0]!;
  let bestScore = Infinity;
  for (const col of columns) {
    const gap = Math.max(0, col.x0 - cell.x1, cell.x0 - col.x1);
    const score = gap * 10 + Math.abs(col.x1 - cell.x1);
    if (score < bestScore) {
      bestScore = score;
      best = col;
    }
  }
  return best;
}

const RESTATED = /enflasyon duzeltmesi|enflasyona gore duzeltilmis|tms ?29|yeniden duzenlenmis|restated|inflation[- ]adjusted/;

/**
 * A second column of a date already printed, headed as a restatement ("Enflasyon
 * Düzeltmesi Sonrası Cari Dönem", "TMS 29", "Yeniden düzenlenmiş", "As restated"), is a
 * variant of that period: never a period of its own and never merged into it. It keeps its
 * place, marked with its printed heading, so its amounts are read apart from the period's.
 */
export function labelVariants(regions: Region[], header: TextLine[]): Region[] {
  return regions.map((region) => {
    const printed = (col: PeriodColumn) => header.flatMap((l) => l.cells).filter((c) => c.x0 < col.x1 && col.x0 < c.x1).map((c) => c.text).join(' ').replace(/\s+/g, ' ').trim();
    const restated = (col: PeriodColumn) => RESTATED.test(lowerAscii(printed(col)));
    const variants = region.columns.filter((col) => restated(col) && region.columns.some((o) => o !== col && o.period === col.period && !restated(o)));
    if (!variants.length) return region;
    return { ...region, columns: region.columns.map((c) => (variants.includes(c) ? { ...c, variant: printed(c) } : c)) };
  });
}
