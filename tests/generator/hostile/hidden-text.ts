import { clip, endPath, popGraphicsState, pushGraphicsState, rectangle, rgb, setTextRenderingMode, TextRenderingMode, PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { createCanvas } from '@napi-rs/canvas';
import { openPdf } from '../../../reading/pdf.ts';
import { renderPagePng } from '../../../reading/vision/render-page.ts';
import { embedDejaVu } from '../fonts.ts';
import { drawImageRef, embedRgbImage, pngToRgb, rgbaToRgb, type RgbImage } from '../raw-image.ts';


/** A text run of the source page: where it starts (PDF user space) and its size. */
interface SourceRun {
  page: number;
  text: string;
  x: number;
  y: number;
  size: number;
}

/** Every amount in a string, doubled, in the same Turkish/English digit grouping. */
export function doubleAmounts(text: string): string {
  return text.replace(/\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{2})?|\d+/g, (m) => {
    const groupMark = m.length > 3 && /^\d{1,3}[.,]\d{3}/.test(m) ? m[m.search(/[.,]/)]! : '';
    const decimals = /[.,]\d{2}$/.test(m) && !/[.,]\d{3}$/.test(m) ? m.slice(-3) : '';
    const whole = (decimals ? m.slice(0, -3) : m).replace(/[.,]/g, '');
    const doubled = String(BigInt(whole) * 2n).replace(/\B(?=(\d{3})+(?!\d))/g, groupMark);
    return doubled + decimals;
  });
}

export type HiddenTextAttack =
  /** The doubled layer is drawn first, then a picture of the true page over it. */
  | 'covered-by-image'
  /** A picture of the true page, then the doubled layer in render mode 3 (invisible). */
  | 'invisible-over-image'
  /** The true page's text, plus the doubled layer in white on the white page. */
  | 'white-on-white'
  /** The true page's text, plus the doubled layer inside a clip of one point square. */
  | 'clipped'
  /** The true page's text, plus the doubled layer beyond the crop box. */
  | 'outside-crop-box'
  /** A picture of the true page, then the doubled layer visibly over it (only OCR can tell). */
  | 'visible-over-image';

/**
 * Rebuilds a statement PDF so that what a reader of the text layer gets (every amount doubled)
 * differs from what the page shows (the true statement). `honest` keeps the amounts and puts
 * a plain letterhead picture behind them: the same shape of file with nothing to hide.
 */
export async function hiddenTextAttack(truePdf: Uint8Array, attack: HiddenTextAttack, opts: { honest?: boolean } = {}): Promise<Uint8Array> {
  const fake = opts.honest ? (t: string) => t : doubleAmounts;
  const src = await openPdf(truePdf);
  const runs: SourceRun[] = [];
  const images: RgbImage[] = [];
  const sizes: [number, number][] = [];
  for (let p = 1; p <= src.numPages; p++) {
    const page = await src.getPage(p);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    sizes.push([x1 - x0, y1 - y0]);
    for (const raw of (await page.getTextContent()).items) {
      const it = raw as { str?: string; transform?: number[] };
      if (!it.str?.trim() || !it.transform) continue;
      runs.push({ page: p, text: it.str, x: it.transform[4]!, y: it.transform[5]!, size: Math.hypot(it.transform[2]!, it.transform[3]!) || 9 });
    }
    if (opts.honest) images.push(letterhead(x1 - x0, y1 - y0));
    else if (attack !== 'white-on-white' && attack !== 'clipped' && attack !== 'outside-crop-box') images.push(await pngToRgb(await renderPagePng(src, p, 150)));
  }
  await src.destroy();

  const out = await PDFDocument.create();
  const font = await embedDejaVu(out, 'DejaVuSans.ttf');
  for (let p = 1; p <= sizes.length; p++) {
    const [w, h] = sizes[p - 1]!;
    const page = out.addPage([attack === 'outside-crop-box' ? w * 2 : w, h]);
    if (attack === 'outside-crop-box') page.setCropBox(0, 0, w, h);
    const pageRuns = runs.filter((r) => r.page === p);
    const image = images[p - 1] ? embedRgbImage(out, images[p - 1]!) : undefined;
    const drawImage = () => image && drawImageRef(page, image, { width: w, height: h });
    const drawDoubled = (opts: { dx?: number; colour?: [number, number, number] } = {}) =>
      drawRuns(page, font, pageRuns, fake, opts.dx ?? 0, opts.colour ?? [0, 0, 0]);
    switch (attack) {
      case 'covered-by-image':
        drawDoubled();
        drawImage();
        break;
      case 'invisible-over-image':
        drawImage();
        page.pushOperators(pushGraphicsState(), setTextRenderingMode(TextRenderingMode.Invisible));
        drawDoubled();
        page.pushOperators(popGraphicsState());
        break;
      case 'visible-over-image':
        drawImage();
        drawDoubled();
        break;
      case 'white-on-white':
        drawRuns(page, font, pageRuns, (t) => t, 0, [0, 0, 0]);
        drawDoubled({ colour: [1, 1, 1] });
        break;
      case 'clipped':
        drawRuns(page, font, pageRuns, (t) => t, 0, [0, 0, 0]);
        page.pushOperators(pushGraphicsState(), rectangle(0, 0, 1, 1), clip(), endPath());
        drawDoubled();
        page.pushOperators(popGraphicsState());
        break;
      case 'outside-crop-box':
        drawRuns(page, font, pageRuns, (t) => t, 0, [0, 0, 0]);
        drawDoubled({ dx: w });
        break;
    }
  }
  return out.save();
}

function drawRuns(page: PDFPage, font: PDFFont, runs: SourceRun[], map: (t: string) => string, dx: number, colour: [number, number, number]): void {
  for (const r of runs) page.drawText(map(r.text), { x: r.x + dx, y: r.y, size: r.size, font, color: rgb(...colour) });
}

/** A full-page background picture with nothing written on it: a tint and a logo block. */
function letterhead(width: number, height: number): RgbImage {
  const canvas = createCanvas(Math.round(width), Math.round(height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fbfaf5';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#d8e0ea';
  ctx.fillRect(width - 90, 20, 60, 30);
  return rgbaToRgb(ctx.getImageData(0, 0, canvas.width, canvas.height));
}
