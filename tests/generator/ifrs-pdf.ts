import { PDFDocument } from 'pdf-lib';
import { embedDejaVu } from './fonts.ts';


export interface IfrsRow {
  label: string;
  note?: string;
  values?: string[];
  bold?: boolean;
}

/**
 * A TFRS/IFRS-style page (listed companies' KAP filings, audited statements from abroad):
 * no account codes, a notes column, totals printed under their groups.
 */
export async function renderIfrsPdf(opts: { title: string[]; headers: string[]; noteHeader: string; rows: IfrsRow[] }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await embedDejaVu(doc, 'DejaVuSans.ttf');
  const bold = await embedDejaVu(doc, 'DejaVuSans-Bold.ttf');
  const page = doc.addPage([595, 842]);
  let y = 800;
  for (const t of opts.title) {
    page.drawText(t, { x: 60, y, size: 10, font: bold });
    y -= 15;
  }
  y -= 10;
  const right = [450, 545];
  const size = 8.5;
  page.drawText(opts.noteHeader, { x: 300, y, size, font: bold });
  opts.headers.forEach((h, i) => page.drawText(h, { x: right[i]! - bold.widthOfTextAtSize(h, size), y, size, font: bold }));
  y -= 16;
  for (const r of opts.rows) {
    const font = r.bold ? bold : regular;
    page.drawText(r.label, { x: 60, y, size, font });
    if (r.note) page.drawText(r.note, { x: 305, y, size, font: regular });
    (r.values ?? []).forEach((v, i) => page.drawText(v, { x: right[i]! - font.widthOfTextAtSize(v, size), y, size, font }));
    y -= 12.5;
  }
  return doc.save();
}
