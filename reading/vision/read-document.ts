import type { ExtractedStatement } from '../layout/statement-parser.ts';
import type { PdfDocument } from '../pdf.ts';
import { renderPagePng } from './render-page.ts';
import type { VisionPage } from './schema.ts';
import { visionPagesToStatement } from './to-statement.ts';
import type { VisionHints, VisionReader } from './vision-error.ts';

/**
 * Reads the given pages (1-based) of an open PDF through the vision model, one page at a
 * time (rate limits), and converts the result like any other reader's. The first failing
 * page rejects the whole reading with its VisionError: a partial cross-check would leave
 * pages unchecked while looking complete, so the caller falls back to the primary reading.
 */
export async function readDocumentWithVision(doc: PdfDocument, pages: number[], reader: VisionReader, hints: VisionHints = {}): Promise<ExtractedStatement> {
  const read: VisionPage[] = [];
  for (const p of pages) read.push(await reader.readPage(await renderPagePng(doc, p), p, hints));
  return visionPagesToStatement(read);
}
