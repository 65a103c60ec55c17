/**
 * Draws a statement model under a layout draw: identity and title block, period header,
 * rows in one column or as a T (assets left, liabilities right), page breaks with or without
 * repeated headers, print furniture, page rotation.
 */
import type { StatementType } from '../../../domain/types.ts';
import { createRng, type Rng } from '../random.ts';
import type { StatementModel } from '../statement-model.ts';
import { amountText } from './amount-text.ts';
import type { LayoutDraw } from './dimensions.ts';
import { printRows, type PrintRow } from './print-rows.ts';
import { A4, Sheet } from './sheet.ts';
import { dotted, furniture, identityLines, periodHeads, titleLine, unitLine } from './wording.ts';

const BOTTOM = 790;
const ROW = { dense: 10.5, normal: 12, airy: 15 } as const;
const INDENT = { none: 0, small: 6, wide: 14 } as const;

type Frame = { x0: number; x1: number; codeX: number; labelX: number; noteX: number | null; colRight: number[]; colWidth: number };

function frameOf(x0: number, x1: number, n: number, d: LayoutDraw): Frame {
  const codeX = x0;
  const labelX = x0 + (d.codes === 'column' ? 28 : 0);
  const notesW = d.notesColumn === 'notes' ? 26 : 0;
  const colWidth = Math.min(95, (x1 - labelX - Math.min(200, (x1 - x0) * 0.42) - notesW) / n);
  const colRight = Array.from({ length: n }, (_, i) => x1 - (n - 1 - i) * colWidth);
  const noteX = notesW ? colRight[0]! - colWidth - notesW + 4 : null;
  return { x0, x1, codeX, labelX, noteX, colRight, colWidth };
}

type Ctx = { sheet: Sheet; model: StatementModel; d: LayoutDraw; size: number; row: number; look: Rng };

/** Identity, title, unit and column headers; returns the first row's baseline. */
function drawHeader(c: Ctx, kind: StatementType, frames: Frame[], top: number, continued: boolean): number {
  const { sheet, d, model } = c;
  const en = d.language === 'en';
  const periods = model.options.periods;
  const mid = A4.width / 2;
  const id = identityLines(model.company, d);
  const center = d.companyBlock === 'centered';
  sheet.text(id.name, center ? mid : frames[0]!.x0, top, { size: 10, bold: true, align: center ? 'center' : 'left' });
  sheet.text(id.taxLine, center ? mid : frames[0]!.x0, top + 12, { size: 7.5, align: center ? 'center' : 'left' });
  const more = continued ? (en ? ' (continued)' : ' (devamı)') : '';
  sheet.text(titleLine(kind, [...periods].sort().at(-1)!, d) + more, mid, top + 27, { size: 9, bold: true, align: 'center' });
  top += 27;
  const unit = unitLine(d);
  if (unit) { sheet.text(unit, mid, top + 11, { size: 7.5, align: 'center' }); top += 11; }
  const heads = periodHeads(periods, d);
  if (heads.above) { sheet.text(heads.above, frames[0]!.x1, top + 13, { size: 7.5, align: 'right' }); top += 11; }
  top += 16;
  const hs = Math.min(c.size, 7.5);
  for (const f of frames) {
    if (d.codes === 'column') sheet.text(en ? 'Code' : 'Kod', f.codeX, top, { size: hs, bold: true });
    sheet.text(en ? 'Account' : 'Hesap Adı', f.labelX, top, { size: hs, bold: true });
    if (f.noteX !== null) sheet.text(en ? 'Notes' : 'Not', f.noteX, top, { size: hs, bold: true });
    heads.cells.forEach((cell, i) => cell.forEach((t, j) => {
      const x = d.headerAlign === 'right' ? f.colRight[i]! : f.colRight[i]! - f.colWidth / 2 + 3;
      sheet.text(t, x, top + j * 9.5, { size: hs, bold: true, align: d.headerAlign === 'right' ? 'right' : 'center' });
    }));
  }
  const depth = Math.max(...heads.cells.map((h) => h.length));
  top += (depth - 1) * 9.5 + 4;
  if (d.grid !== 'none') for (const f of frames) sheet.hline(top, f.x0, f.x1);
  return top + c.row;
}

function drawRow(c: Ctx, r: PrintRow, f: Frame, top: number): void {
  const { sheet, d } = c;
  const bold = r.strong && d.boldTotals === 'bold';
  const x = f.labelX + r.level * INDENT[d.indentation];
  const labelLimit = (f.noteX ?? f.colRight[0]! - f.colWidth) - 4;
  const fit = Math.max(0.55, Math.min(1, (labelLimit - x) / sheet.width(r.label, { size: c.size, bold })));
  sheet.text(r.label, x, top, { size: c.size * fit, bold });
  if (d.leaders === 'dots' && r.values) {
    const end = x + sheet.width(r.label, { size: c.size * fit, bold }) + 3;
    const dots = Math.floor((labelLimit - end) / sheet.width('.', { size: c.size }));
    if (dots > 3) sheet.text('.'.repeat(dots), end, top, { size: c.size });
  }
  if (r.code) sheet.text(r.code, f.codeX, top, { size: c.size, bold });
  if (r.note && f.noteX !== null) sheet.text(r.note, f.noteX, top, { size: c.size });
  if (r.values) {
    c.model.options.periods.forEach((p, i) => {
      const t = amountText(r.values![p] ?? 0, c.d);
      const fitAmount = Math.min(1, (f.colWidth - 6) / Math.max(1, sheet.width(t, { size: c.size, bold })));
      sheet.text(t, f.colRight[i]!, top, { size: c.size * fitAmount, bold, align: 'right' });
    });
  }
  if (d.grid === 'grid') sheet.hline(top + 3, f.x0, f.x1, 0.3);
  if (d.grid === 'rules' && r.strong && r.values) sheet.hline(top - c.size - 1.5, f.colRight[0]! - f.colWidth + 10, f.x1, 0.3);
}

/** Rows of one statement (one or two sides), breaking pages as the draw says. */
function drawStatement(c: Ctx, kind: StatementType, top: number): number {
  const { sheet, d, model } = c;
  const lines = kind === 'balance_sheet' ? model.balanceSheet : model.incomeStatement;
  const all = printRows(lines, kind, d, c.look);
  const n = model.options.periods.length;
  const t = d.shape === 't-format' && kind === 'balance_sheet';
  const frames = t ? [frameOf(28, 294, n, d), frameOf(304, 567, n, d)] : [frameOf(40, 555, n, d)];
  const sides = t ? [all.filter((r) => r.side === 'left'), all.filter((r) => r.side === 'right')] : [all];
  const forced = d.pageBreaks !== 'natural';
  let cursor = drawHeader(c, kind, frames, top, false);
  let done = 0;
  const longest = Math.max(...sides.map((s) => s.length));
  while (done < longest) {
    const room = Math.floor((BOTTOM - cursor) / c.row) + 1;
    const take = Math.max(1, forced ? Math.min(room, c.look.int(12, 22)) : room);
    sides.forEach((rows, s) => rows.slice(done, done + take).forEach((r, i) => drawRow(c, r, frames[s]!, cursor + i * c.row)));
    done += take;
    cursor += take * c.row;
    if (done >= longest) break;
    sheet.newPage();
    cursor = d.pageBreaks === 'forced-bare' ? 60 : drawHeader(c, kind, frames, 40, true);
  }
  return cursor;
}

export async function renderFuzzPdf(model: StatementModel, d: LayoutDraw): Promise<Uint8Array> {
  const { options: opts } = model;
  const newest = [...opts.periods].sort().at(-1)!;
  const printedYear = Number(newest.slice(0, 4)) + 1;
  const sheet = await Sheet.create(d.font, `${model.company.name} - ${opts.statements.join(', ')}`, printedYear);
  const n = opts.periods.length;
  const base = ROW[d.density];
  const c: Ctx = { sheet, model, d, size: Math.min(8, base * 0.68) - (n > 3 || d.shape === 't-format' ? 1 : 0), row: base, look: createRng(opts.seed * 7919 + 13) };
  let top = 48;
  opts.statements.forEach((kind, i) => {
    if (i > 0) {
      if (d.sharedPage === 'same-page' && top + 200 < BOTTOM) top += 28;
      else { sheet.newPage(); top = 48; }
    }
    top = drawStatement(c, kind, top);
  });
  const printed = dotted(`${printedYear}-03-15`);
  return sheet.finish((s, i, of) => {
    const f = furniture(d, i, of, printed);
    if (f.top) s.text(f.top, 40, 22, { size: 6.5 });
    if (f.bottom) s.text(f.bottom, A4.width / 2, 822, { size: 6.5, align: 'center' });
  }, Number(d.rotation));
}
