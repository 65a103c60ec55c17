import type { PageWords, Word } from './layout/words.ts';
import type { PdfDocument } from './pdf.ts';

/** What the cross-check needs of an OCR engine (lib/ocr's OcrEngine has it). */
export interface PageRecognizer {
  recognizePage(doc: PdfDocument, pageNumber: number): Promise<PageWords>;
}

export interface TextLayerCheck {
  /** Amount cells of the text layer compared with what OCR sees at the same place. */
  sampled: number;
  agreed: number;
  /**
   * 'disagrees': the picture shows other amounts than the text layer says; read the page by
   * OCR (or not at all), never from its text layer. 'inconclusive': too few amounts to tell.
   */
  verdict: 'agrees' | 'disagrees' | 'inconclusive';
  /** The OCR reading, so a reader that falls back to it need not OCR the page twice. */
  ocr: PageWords;
}

const digitsOf = (s: string) => s.replace(/\D/g, '');
const centre = (w: Word) => [(w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2] as const;

/**
 * For a page that is mostly an image with a text layer (TextLayer.imageBacked), OCR the page
 * and compare a spread-out sample of amount cells: the digits the text layer has in a cell
 * against the digits OCR reads inside the same box. A text layer built to say something other
 * than the picture fails on nearly every cell; honest OCR'd scans agree on most.
 */
export async function crossCheckTextLayer(
  doc: PdfDocument,
  layer: PageWords,
  recognizer: PageRecognizer,
  opts: { sample?: number; minAgreement?: number } = {},
): Promise<TextLayerCheck> {
  const sample = opts.sample ?? 12;
  const minAgreement = opts.minAgreement ?? 0.75;
  const ocr = await recognizer.recognizePage(doc, layer.page);
  const amounts = layer.words.filter((w) => digitsOf(w.text).length >= 3);
  const step = Math.max(1, amounts.length / sample);
  const picked: Word[] = [];
  for (let i = 0; i < amounts.length && picked.length < sample; i += step) picked.push(amounts[Math.floor(i)]!);
  let agreed = 0;
  for (const cell of picked) if (digitsInBox(ocr.words, cell) === digitsOf(cell.text)) agreed++;
  const verdict = picked.length < 3 ? 'inconclusive' : agreed / picked.length >= minAgreement ? 'agrees' : 'disagrees';
  return { sampled: picked.length, agreed, verdict, ocr };
}

/** The digits of the OCR words whose centres fall in the cell (a little slack), left to right. */
function digitsInBox(words: Word[], cell: Word): string {
  const slack = Math.max(2, (cell.y1 - cell.y0) * 0.3);
  return words
    .filter((w) => {
      const [x, y] = centre(w);
      return x >= cell.x0 - slack && x <= cell.x1 + slack && y >= cell.y0 - slack && y <= cell.y1 + slack;
    })
    .sort((a, b) => a.x0 - b.x0)
    .map((w) => digitsOf(w.text))
    .join('');
}
