import type { PageWords, Word } from './layout/words.ts';
import type { Box } from './ocr/read-region.ts';
import type { ExtractedStatement } from './layout/statement-parser.ts';
import type { Repair } from './repair.ts';
import type { OcrEngine } from './ocr/index.ts';
import type { PdfDocument } from './pdf.ts';

/** Cells are re-read at twice the page's OCR resolution. */
export const REREAD_DPI = 600;

/** Digits of an amount without its trailing zeros: the same for "62,182,239", "62.182.239,00" and 6218223900 kuruş. */
const digitsOf = (s: string | number) => String(s).replace(/\D/g, '').replace(/0+$/, '');

/**
 * Repair picks, for a check that fails, the one digit change that makes every check tie: a
 * guess, so the statement cannot be plainly `ok`. Each repaired cell is read again alone, at a
 * higher resolution and digits only. When that independent reading says what repair chose, the
 * value is no longer a guess; when it says what was first read, or nothing usable, it stays one.
 */
export async function confirmRepairs(
  doc: PdfDocument,
  pages: PageWords[],
  statement: ExtractedStatement,
  repairs: Repair[],
  ocr: Pick<OcrEngine, 'recognizeRegion'>,
): Promise<{ statement: ExtractedStatement; repairs: Repair[] }> {
  const lines = statement.lines.slice();
  const checked: Repair[] = [];
  for (const repair of repairs) {
    const at = lines.findIndex((l) => l.key === repair.key);
    const line = lines[at];
    const page = pages.find((p) => p.page === line?.page && p.source === 'ocr');
    const cell = page && (uniqueCell(page.words, repair.from) ?? line?.cells?.[repair.period]);
    if (!line || !page || !cell) {
      checked.push({ ...repair, reread: 'unread' });
      continue;
    }
    const text = await ocr.recognizeRegion(doc, page.page, padded(cell, page), { dpi: REREAD_DPI, digitsOnly: true, ...(page.upright ? { upright: page.upright } : {}) });
    const read = digitsOf(text);
    const verdict = read === digitsOf(repair.to) ? 'confirmed' : read === digitsOf(repair.from) ? 'contradicted' : 'unread';
    checked.push({ ...repair, reread: verdict });
    if (verdict === 'confirmed') {
      const { repaired: _, ...rest } = lines[at]!;
      lines[at] = rest;
    }
  }
  return { statement: { ...statement, lines }, repairs: checked };
}

/** The one word of the page that printed this amount; none when it is missing or repeated. */
function uniqueCell(words: Word[], kurus: number): Word | null {
  const want = digitsOf(Math.abs(kurus));
  const hits = words.filter((w) => /\d/.test(w.text) && digitsOf(w.text) === want);
  return hits.length === 1 ? hits[0]! : null;
}

/** The cell with room around it (a digit cut at the edge would be misread again), within the page. */
export function padded<B extends Box>(w: B, page: PageWords): B {
  const dx = (w.x1 - w.x0) * 0.15 + 4;
  const dy = (w.y1 - w.y0) * 0.35 + 2;
  return { ...w, x0: Math.max(0, w.x0 - dx), y0: Math.max(0, w.y0 - dy), x1: Math.min(page.width, w.x1 + dx), y1: Math.min(page.height, w.y1 + dy) };
}
