import type { PageWords } from '../domain/layout/words.ts';
import { parseStatement, type ExtractedStatement } from '../domain/layout/statement-parser.ts';
import { openPdf, textLayerWords } from './pdf.ts';

export interface PdfReading {
  statement: ExtractedStatement;
  pages: number;
  pagesByMethod: { text: number[]; ocr: number[]; vision: number[] };
  method: 'text' | 'ocr' | 'vision' | 'mixed';
}

/** A page with fewer characters than this in its text layer is treated as a scan. */
const MIN_TEXT_CHARS = 40;

/**
 * PDF bytes to an extracted statement: the text layer where a page has one. Shared by the
 * extract activity and `npm run eval`, so what is measured is what runs.
 */
export async function readStatementPdf(bytes: Uint8Array, onPage: (page: number, of: number) => void = () => {}): Promise<PdfReading | null> {
  const doc = await openPdf(bytes);
  const pages: PageWords[] = [];
  const scanned: number[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      onPage(p, doc.numPages);
      const words = await textLayerWords(doc, p);
      const chars = words.words.reduce((n, w) => n + w.text.trim().length, 0);
      if (chars >= MIN_TEXT_CHARS) pages.push(words);
      else scanned.push(p);
    }
  } finally {
    await doc.destroy();
  }
  if (!pages.length) return null;
  const statement = parseStatement(pages);
  return {
    statement,
    pages: pages.length + scanned.length,
    pagesByMethod: { text: pages.map((p) => p.page), ocr: [], vision: [] },
    method: 'text',
  };
}
