import type PDFDocument from 'pdfkit';
import type { Locale } from '../contracts/locale.ts';
import type { ChartSpec } from '../domain/chart-configs.ts';

/** The PDF's fonts, colours and drawing helpers: headings, paragraphs, bullets and paged tables. */
export const C = {
  brand: '#1f4e79',
  brandLight: '#dce6f1',
  section: '#bdd7ee',
  text: '#1a202c',
  muted: '#5a6472',
  rule: '#c9d1db',
  zebra: '#f5f7fa',
  critical: '#c53030',
  warning: '#c05621',
  info: '#2b6cb0',
  ok: '#2f855a',
};

export type Align = 'left' | 'right' | 'center';
export interface Column { header: string; width: number; align?: Align }
export interface Row { cells: string[]; kind?: 'section' | 'group' | 'total' | 'normal'; colors?: (string | undefined)[]; sub?: string }

export const M = 48; // page margin

export interface PdfChart {
  spec: ChartSpec;
  png: Uint8Array;
}

export interface PdfWriter {
  doc: InstanceType<typeof PDFDocument>;
  /** Width between the margins. */
  W: number;
  bottom(): number;
  ensure(h: number): void;
  heading(text: string, opts?: { newPage?: boolean }): void;
  para(text: string, o?: { size?: number; color?: string; font?: string; gap?: number }): void;
  bullet(text: string, color: string, tag?: string): void;
  table(cols: Column[], rows: Row[], o?: { size?: number }): void;
}

export function pdfWriter(doc: InstanceType<typeof PDFDocument>, locale: Locale): PdfWriter {
  const tr = locale === 'tr';
  const W = doc.page.width - 2 * M;
  const bottom = () => doc.page.height - M - 14;
  const ensure = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };
  const heading = (text: string, opts2: { newPage?: boolean } = {}) => {
    if (opts2.newPage) doc.addPage();
    else ensure(60);
    doc.moveDown(0.4);
    const y = doc.y;
    doc.rect(M, y, 4, 20).fill(C.brand);
    doc.fillColor(C.brand).font('bold').fontSize(15).text(text, M + 12, y + 1, { width: W - 12 });
    doc.moveDown(0.5);
    doc.x = M;
    doc.fillColor(C.text).font('regular').fontSize(10);
  };
  const para = (text: string, o: { size?: number; color?: string; font?: string; gap?: number } = {}) => {
    doc.font(o.font ?? 'regular').fontSize(o.size ?? 10).fillColor(o.color ?? C.text);
    ensure(doc.heightOfString(text, { width: W }) + 4);
    doc.text(text, M, doc.y, { width: W, lineGap: 1.5 });
    doc.moveDown(o.gap ?? 0.3);
  };
  const bullet = (text: string, color: string, tag?: string) => {
    doc.font('regular').fontSize(10);
    const indent = tag ? 70 : 16;
    const h = doc.heightOfString(text, { width: W - indent, lineGap: 1.5 });
    ensure(h + 6);
    const y = doc.y;
    if (tag) {
      doc.roundedRect(M, y - 1, 60, 13, 3).fill(color);
      doc.fillColor('#ffffff').font('bold').fontSize(7.5).text(tag.toLocaleUpperCase(tr ? 'tr-TR' : 'en-US'), M, y + 1.5, { width: 60, align: 'center' });
    } else {
      doc.circle(M + 4, y + 6, 3).fill(color);
    }
    doc.fillColor(C.text).font('regular').fontSize(10).text(text, M + indent, y, { width: W - indent, lineGap: 1.5 });
    doc.y = Math.max(doc.y, y + 13) + 4;
  };

  const w: PdfWriter = { doc, W, bottom, ensure, heading, para, bullet, table: (cols, rows, o) => drawTable(w, cols, rows, o) };
  return w;
}

/** A table that repeats its header after a page break; cells are single-line unless `sub`. */
function drawTable(w: PdfWriter, cols: Column[], rows: Row[], o: { size?: number } = {}): void {
  const { doc, W } = w;
  const bottom = w.bottom;
  const size = o.size ?? 8.5;
  const pad = 4;
  const drawHeader = () => {
    const h = 18;
    const y = doc.y;
    doc.rect(M, y, W, h).fill(C.brand);
    let x = M;
    for (const c of cols) {
      doc.fillColor('#ffffff').font('condBold').fontSize(size).text(c.header, x + pad, y + 5, { width: c.width - 2 * pad, height: size + 3, align: c.align ?? 'left', lineBreak: false, ellipsis: true });
      x += c.width;
    }
    doc.y = y + h;
  };
  drawHeader();
  rows.forEach((row, i) => {
    const bold = row.kind === 'group' || row.kind === 'total' || row.kind === 'section';
    const subH = row.sub ? (doc.font('cond').fontSize(size - 1.5), doc.heightOfString(row.sub, { width: cols[0]!.width - 2 * pad })) : 0;
    const h = 14 + subH;
    if (doc.y + h > bottom()) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    if (row.kind === 'section') doc.rect(M, y, W, h).fill(C.section);
    else if (row.kind === 'total') doc.rect(M, y, W, h).fill(C.brandLight);
    else if (i % 2 === 1) doc.rect(M, y, W, h).fill(C.zebra);
    let x = M;
    row.cells.forEach((cell, j) => {
      const c = cols[j]!;
      // A section heading spans the table; other cells are cut to one line.
      const width = row.kind === 'section' && row.cells.length === 1 ? W : c.width;
      doc.fillColor(row.colors?.[j] ?? (row.kind === 'section' ? C.brand : C.text)).font(bold ? 'condBold' : 'cond').fontSize(size)
        .text(cell, x + pad, y + 3.5, { width: width - 2 * pad, height: size + 3, align: c.align ?? 'left', lineBreak: false, ellipsis: true });
      x += c.width;
    });
    if (row.sub) doc.fillColor(C.muted).font('cond').fontSize(size - 1.5).text(row.sub, M + pad, y + 14, { width: cols[0]!.width - 2 * pad });
    doc.moveTo(M, y + h).lineTo(M + W, y + h).lineWidth(0.4).strokeColor(C.rule).stroke();
    doc.y = y + h;
  });
  doc.x = M;
  doc.moveDown(0.6);
}
