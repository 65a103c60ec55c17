/** pdf-lib pages for the fuzzer: fonts by family, text placed from the top edge, rules. */
import { degrees, PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { embedDejaVu, type DejaVuFace } from '../fonts.ts';
import type { LayoutDraw } from './dimensions.ts';

export const A4 = { width: 595.28, height: 841.89 };
const FILES: Record<LayoutDraw['font'], [DejaVuFace, DejaVuFace]> = {
  sans: ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'],
  serif: ['DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf'],
  condensed: ['DejaVuSansCondensed.ttf', 'DejaVuSansCondensed-Bold.ttf'],
};

export type TextOptions = { size: number; bold?: boolean; align?: 'left' | 'right' | 'center' };

export class Sheet {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private constructor(readonly doc: PDFDocument, readonly regular: PDFFont, readonly bold: PDFFont) {}

  static async create(family: LayoutDraw['font'], title: string, stampYear: number): Promise<Sheet> {
    const doc = await PDFDocument.create();
    const [r, b] = FILES[family];
    // Fixed names and dates keep the output byte-for-byte reproducible (pdf-lib randomises both).
    const regular = await embedDejaVu(doc, r, r.replace('.ttf', ''));
    const bold = await embedDejaVu(doc, b, b.replace('.ttf', ''));
    const stamp = new Date(Date.UTC(stampYear, 2, 15, 9, 0, 0));
    doc.setCreationDate(stamp);
    doc.setModificationDate(stamp);
    doc.setProducer('tdhp-layout-fuzzer');
    doc.setCreator('tdhp-layout-fuzzer');
    doc.setTitle(title);
    const sheet = new Sheet(doc, regular, bold);
    sheet.newPage();
    return sheet;
  }

  newPage(): void {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
  }

  width(s: string, o: TextOptions): number {
    return (o.bold ? this.bold : this.regular).widthOfTextAtSize(s, o.size);
  }

  text(s: string, x: number, top: number, o: TextOptions): void {
    if (!s) return;
    const w = this.width(s, o);
    const left = o.align === 'right' ? x - w : o.align === 'center' ? x - w / 2 : x;
    this.page.drawText(s, { x: left, y: A4.height - top, size: o.size, font: o.bold ? this.bold : this.regular });
  }

  hline(top: number, x1: number, x2: number, thickness = 0.4): void {
    this.page.drawLine({ start: { x: x1, y: A4.height - top }, end: { x: x2, y: A4.height - top }, thickness, color: rgb(0.55, 0.55, 0.55) });
  }

  vline(x: number, top: number, bottom: number): void {
    this.page.drawLine({ start: { x, y: A4.height - top }, end: { x, y: A4.height - bottom }, thickness: 0.4, color: rgb(0.55, 0.55, 0.55) });
  }

  /** Each page's print furniture (header/footer lines) and its /Rotate. */
  finish(decorate: (sheet: Sheet, index: number, of: number) => void, rotation: number): Promise<Uint8Array> {
    this.pages.forEach((p, i) => {
      this.page = p;
      decorate(this, i, this.pages.length);
      if (rotation) p.setRotation(degrees(rotation));
    });
    return this.doc.save();
  }
}
