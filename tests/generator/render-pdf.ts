/**
 * Draws a statement model as an A4 PDF with a real text layer: DejaVu Sans embedded (so ğ ş ı İ
 * survive extraction), each amount one right-aligned string, long sheets paged with repeated
 * headers — the traits the extractor meets in statements from accounting software.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { StatementType } from '../../domain/types.ts';
import { embedDejaVu } from './fonts.ts';
import { formatAmount, type AmountStyle, type NumberFormat } from './format-amount.ts';
import { createRng } from './random.ts';
import type { Layout, ModelLine, StatementModel } from './statement-model.ts';

const A4 = { width: 595.28, height: 841.89 };
const BOTTOM = 785; // last usable baseline, measured from the top edge

type Style = {
  lang: 'tr' | 'en';
  codes: boolean;
  summary: boolean;
  grid: boolean;
  fontSize: number;
  rowHeight: number;
  numberFormat: NumberFormat;
  zero: string;
  codeX: number;
  labelX: number;
  indent: number;
  right: number;
  colWidth: number;
};

const STYLES: Record<Layout, Omit<Style, 'zero'> & { zero: [string, string] }> = {
  't1-detailed': { lang: 'tr', codes: true, summary: false, grid: false, fontSize: 8, rowHeight: 11.5, numberFormat: 'tr', zero: ['-', '-'], codeX: 49, labelX: 75, indent: 7, right: 548, colWidth: 90 },
  't2-summary': { lang: 'tr', codes: false, summary: true, grid: false, fontSize: 9.5, rowHeight: 15, numberFormat: 'tr', zero: ['-', '-'], codeX: 0, labelX: 74, indent: 12, right: 530, colWidth: 86 },
  't5-spreadsheet': { lang: 'tr', codes: true, summary: false, grid: true, fontSize: 7.5, rowHeight: 13, numberFormat: 'plain', zero: ['0,00', '0'], codeX: 40, labelX: 100, indent: 6, right: 556, colWidth: 86 },
  't6-english': { lang: 'en', codes: true, summary: false, grid: false, fontSize: 8, rowHeight: 11.5, numberFormat: 'en', zero: ['-', '-'], codeX: 45, labelX: 75, indent: 7, right: 551, colWidth: 109 },
};

const TR_MONTHS = ['OCAK', 'ŞUBAT', 'MART', 'NİSAN', 'MAYIS', 'HAZİRAN', 'TEMMUZ', 'AĞUSTOS', 'EYLÜL', 'EKİM', 'KASIM', 'ARALIK'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const parts = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return { y: y!, m: m!, d: d!, month: Number(m) - 1 };
};
const dotted = (iso: string) => { const p = parts(iso); return `${p.d}.${p.m}.${p.y}`; };

export async function renderStatementPdf(model: StatementModel): Promise<Uint8Array> {
  const { options: opts, company } = model;
  const base = STYLES[opts.layout];
  const n = opts.periods.length;
  // Cosmetic choices come from their own stream so they never disturb the numbers.
  const look = createRng(opts.seed * 7919 + 13);
  // Real statements range from dense to airy; airy ones push a long sheet onto a second page.
  // The font grows less than the row pitch so amounts still fit their columns.
  const roomy = look.pick([1, 1, 1.12, 1.25, 1.4]);
  const style: Style = {
    ...base,
    fontSize: base.fontSize * Math.min(roomy, 1.15),
    rowHeight: base.rowHeight * roomy,
    zero: base.zero[opts.unit === 'TL' ? 0 : 1],
    // More periods need narrower columns; keep the label area at least ~210pt wide.
    colWidth: Math.min(base.colWidth, (base.right - base.labelX - 210) / n),
  };
  const amountStyle: AmountStyle = { numberFormat: style.numberFormat, decimals: opts.unit === 'TL' ? 2 : 0, negatives: opts.negatives, zero: style.zero };
  const dateHeaders = opts.layout === 't5-spreadsheet' || n !== 2 || (opts.layout === 't1-detailed' && look.chance(0.4));
  const longTitle = look.chance(0.6);
  const newest = [...opts.periods].sort().at(-1)!;
  const years = [...opts.periods].sort().reverse().map((p) => parts(p).y);

  const doc = await PDFDocument.create();
  // Fixed names and dates keep the output byte-for-byte reproducible (pdf-lib randomises both).
  const regular = await embedDejaVu(doc, 'DejaVuSans.ttf', 'DejaVuSans');
  const bold = await embedDejaVu(doc, 'DejaVuSans-Bold.ttf', 'DejaVuSans-Bold');
  const stamp = new Date(Date.UTC(Number(parts(newest).y) + 1, 2, 15, 9, 0, 0));
  doc.setCreationDate(stamp);
  doc.setModificationDate(stamp);
  doc.setProducer('tdhp-fixture-generator');
  doc.setCreator('tdhp-fixture-generator');
  doc.setTitle(`${company.name} - ${opts.statements.join(', ')}`);

  let page: PDFPage = doc.addPage([A4.width, A4.height]);
  const text = (s: string, x: number, top: number, o: { size?: number; bold?: boolean; align?: 'left' | 'right' | 'center'; font?: PDFFont } = {}) => {
    const font = o.font ?? (o.bold ? bold : regular);
    const size = o.size ?? style.fontSize;
    const w = font.widthOfTextAtSize(s, size);
    const left = o.align === 'right' ? x - w : o.align === 'center' ? x - w / 2 : x;
    page.drawText(s, { x: left, y: A4.height - top, size, font });
  };
  const hline = (top: number, x1: number, x2: number, thickness = 0.4) =>
    page.drawLine({ start: { x: x1, y: A4.height - top }, end: { x: x2, y: A4.height - top }, thickness, color: rgb(0.55, 0.55, 0.55) });
  const colRight = opts.periods.map((_, i) => style.right - (n - 1 - i) * style.colWidth);
  const gridXs = [style.codeX - 4, style.labelX - 4, ...colRight.map((r) => r - style.colWidth + 6), style.right + 4];

  const unitText = opts.unit === 'TL' ? 'TL' : 'Bin TL';
  const title = (kind: StatementType): string[] => {
    const p = parts(newest);
    const bs = kind === 'balance_sheet';
    switch (opts.layout) {
      case 't1-detailed':
        return [bs
          ? (longTitle ? `${Number(p.d)} ${TR_MONTHS[p.month]} ${p.y} TARİHİ İTİBARIYLA BİLANÇO` : `${dotted(newest)} TARİHLİ BİLANÇO`)
          : (longTitle ? `${p.y} YILI AYRINTILI GELİR TABLOSU` : `01.01.${p.y} - ${dotted(newest)} DÖNEMİ GELİR TABLOSU`),
        ...(opts.unitLine ? [opts.unit === 'TL' ? '(Para birimi: TL)' : '(Bin TL)'] : [])];
      case 't2-summary':
        return [bs ? `ÖZET BİLANÇO (${p.y})` : `ÖZET GELİR TABLOSU (01.01.${p.y} - ${dotted(newest)})`, `(${unitText})`];
      case 't5-spreadsheet':
        return [bs ? `Karşılaştırmalı Bilanço (${unitText})` : `Karşılaştırmalı Gelir Tablosu (${unitText})`];
      case 't6-english': {
        const yearList = years.length > 1 ? `${years.slice(0, -1).join(', ')} AND ${years.at(-1)}` : years[0]!;
        return [bs ? `STATEMENT OF FINANCIAL POSITION AS AT ${Number(p.d)} ${EN_MONTHS[p.month]!.toUpperCase()} ${yearList}` : `INCOME STATEMENT FOR THE YEAR ENDED ${Number(p.d)} ${EN_MONTHS[p.month]!.toUpperCase()} ${p.y}`,
          opts.unit === 'TL' ? '(Amounts expressed in Turkish Lira (TL) unless otherwise stated)' : '(Amounts expressed in thousands of Turkish Lira (TL) unless otherwise stated)'];
      }
    }
  };

  /** Company block, title and column headers; returns the first table baseline. */
  const drawHeader = (kind: StatementType, continued: boolean): number => {
    const mid = A4.width / 2;
    const [main, sub] = title(kind);
    const more = continued ? (style.lang === 'en' ? ' (continued)' : ' (devamı)') : '';
    let top = 40;
    if (opts.layout === 't5-spreadsheet') {
      text(kind === 'balance_sheet' ? 'Bilanço' : 'Gelir Tablosu', mid, 26, { size: 10, bold: true, align: 'center' });
      text(`Firma: ${company.name}`, style.codeX, 55, { size: 9, bold: true });
      text(`VKN: ${company.taxId}`, style.codeX, 68, { size: 8 });
      text(`Vergi Dairesi: ${company.taxOffice}`, style.codeX + 90, 68, { size: 8 });
      text(main! + more, style.codeX, 81, { size: 8.5, bold: true });
      top = 92;
    } else {
      text(company.name, mid, top, { size: 10.5, bold: true, align: 'center' });
      top += 14;
      if (style.lang === 'en') {
        text(`Tax Office (Vergi Dairesi): ${company.taxOffice}    Tax No (Vergi No): ${company.taxId}`, mid, top, { size: 8, align: 'center' });
      } else {
        if (opts.layout === 't1-detailed') { text(company.address, mid, top, { size: 8, align: 'center' }); top += 11; }
        text(`${company.taxOffice} Vergi Dairesi - VKN: ${company.taxId}`, mid, top, { size: 8, align: 'center' });
      }
      top += 13;
      text(main! + more, mid, top, { size: 9.5, bold: true, align: 'center' });
      top += 12;
      if (sub) text(sub, mid, top, { size: 8, align: 'center' });
      top += 18;
    }
    // Column headers.
    const heads = opts.periods.map((p) => {
      if (style.lang === 'en') return [kind === 'balance_sheet' ? `${Number(parts(p).d)} ${EN_MONTHS[parts(p).month]} ${parts(p).y}` : `1 Jan - ${Number(parts(p).d)} ${EN_MONTHS[parts(p).month]!.slice(0, 3)} ${parts(p).y}`];
      if (dateHeaders) return [dotted(p)];
      const label = p === newest ? 'Cari Dönem' : 'Önceki Dönem';
      return [label, opts.layout === 't2-summary' ? `(${parts(p).y})` : parts(p).y];
    });
    const rows = Math.max(...heads.map((h) => h.length));
    const headTop = top;
    if (style.grid) {
      page.drawRectangle({ x: gridXs[0]!, y: A4.height - (top + rows * 11 - 3), width: gridXs.at(-1)! - gridXs[0]!, height: rows * 11 + 1, color: rgb(0.85, 0.85, 0.85) });
    }
    const codeHead = style.lang === 'en' ? 'Code' : opts.layout === 't5-spreadsheet' ? 'Hesap Kodu' : 'Kod';
    const nameHead = style.lang === 'en' ? 'Account' : opts.layout === 't5-spreadsheet' ? 'Hesap Adı' : 'Açıklama';
    if (style.codes) text(codeHead, style.codeX, top + 8, { bold: true, size: Math.min(style.fontSize, 8.5) });
    if (opts.layout !== 't2-summary') text(nameHead, style.labelX, top + 8, { bold: true, size: Math.min(style.fontSize, 8.5) });
    // Headers keep a modest size: 'Önceki Dönem' must not run into its neighbour.
    heads.forEach((h, i) => h.forEach((line, j) => text(line, colRight[i]!, top + 8 + j * 11, { bold: true, align: 'right', size: Math.min(style.fontSize, 8.5) })));
    top += rows * 11 + 4;
    if (!style.grid) hline(top - 2, style.codeX || style.labelX, style.right);
    return Math.max(top + 10, headTop + 24);
  };

  const labelOf = (line: ModelLine): string => {
    const l = line.label;
    if (line.kind === 'heading') return style.lang === 'en' ? l.en : l.tr;
    const name = style.lang === 'en' ? l.en : style.summary && line.kind !== 'main' ? (l.trSummary ?? l.tr) : l.tr;
    return l.minus ? `${name} (-)` : name;
  };
  const levelOf = (line: ModelLine, kind: StatementType): number => {
    if (kind === 'income_statement') return line.kind === 'account' ? 2 : line.kind === 'sub' && style.summary ? 1 : 0;
    return line.kind === 'account' ? 2 : line.kind === 'sub' ? 1 : 0;
  };

  const pages: PDFPage[] = [page];
  let firstPage = true;
  let cursor = 0;
  for (const kind of opts.statements) {
    const lines = kind === 'balance_sheet' ? model.balanceSheet : model.incomeStatement;
    if (!firstPage) pages.push((page = doc.addPage([A4.width, A4.height])));
    firstPage = false;
    cursor = drawHeader(kind, false);
    const widest = Math.max(...lines.flatMap((l) => opts.periods.map((p) => l.key ? bold.widthOfTextAtSize(formatAmount(l.values[p] ?? 0, amountStyle), style.fontSize) : 0)));
    const labelLimit = colRight[0]! - Math.max(widest, style.colWidth * 0.6) - 6;
    lines.forEach((line, index) => {
      const gap = line.kind === 'heading' && index > 0 ? style.rowHeight * 0.6 : 0;
      // A PASİF block that cannot finish on this page starts a fresh one, as printed sheets do.
      const nextHeading = lines.findIndex((l, j) => j > index && l.kind === 'heading');
      const block = line.kind === 'heading' ? (nextHeading < 0 ? lines.length : nextHeading) - index : 1;
      if (cursor + gap + style.rowHeight * block > BOTTOM) {
        pages.push((page = doc.addPage([A4.width, A4.height])));
        cursor = drawHeader(kind, true);
      } else cursor += gap;
      const strong = line.kind === 'heading' || line.kind === 'main' || line.kind === 'total' || (line.kind === 'sub' && !style.summary);
      const x = style.labelX + levelOf(line, kind) * style.indent;
      const label = labelOf(line);
      const font = strong ? bold : regular;
      const fit = (labelLimit - x) / font.widthOfTextAtSize(label, style.fontSize);
      text(label, x, cursor, { bold: strong, size: style.fontSize * Math.min(1, Math.max(fit, 0.7)) });
      if (style.codes && line.key && /^\d+$/.test(line.key)) text(line.key, style.codeX, cursor, { bold: strong });
      if (line.key) opts.periods.forEach((p, i) => text(formatAmount(line.values[p] ?? 0, amountStyle), colRight[i]!, cursor, { bold: strong, align: 'right' }));
      if (style.grid) {
        const top = cursor - style.rowHeight + 3.5;
        for (const gx of gridXs) page.drawLine({ start: { x: gx, y: A4.height - top }, end: { x: gx, y: A4.height - top - style.rowHeight }, thickness: 0.4, color: rgb(0.55, 0.55, 0.55) });
        hline(top + style.rowHeight, gridXs[0]!, gridXs.at(-1)!);
      } else if (line.kind === 'total') hline(cursor - style.fontSize - 1.5, colRight[0]! - style.colWidth + 10, style.right, 0.3);
      cursor += style.rowHeight;
    });
  }

  // Signature block under the last statement, as accountants sign the printed copy.
  if (!style.grid && cursor + 20 + 3 * (style.fontSize + 2.5) < BOTTOM) {
    const en = style.lang === 'en';
    const rows = [[en ? 'Authorised Signatory' : 'Şirket Yetkilisi', en ? 'Accountant' : 'Mali Müşavir'], [company.signatory, company.accountant], [en ? 'Stamp / Signature' : 'Kaşe - İmza', `${en ? 'Chamber Reg. No' : 'Oda Sicil No'}: ${company.chamberNo}`]];
    const pitch = style.fontSize + 2.5;
    rows.forEach(([a, b], i) => { text(a!, 76, cursor + 16 + i * pitch, { bold: i === 0 }); text(b!, 400, cursor + 16 + i * pitch, { bold: i === 0 }); });
  }
  pages.forEach((p, i) => {
    page = p;
    text(style.lang === 'en' ? `Page ${i + 1} of ${pages.length}` : `Sayfa ${i + 1} / ${pages.length}`, A4.width / 2, 820, { size: 7.5, align: 'center' });
  });
  return doc.save();
}
