import { roundingKurus } from '../domain/statement-items.ts';
import { validateExtraction } from '../domain/validate-extraction.ts';
import type { PdfReading } from './read-statement-pdf.ts';
import type { VisionReader } from './vision/vision-error.ts';

export type VisionMode = 'off' | 'low-confidence' | 'always';

/** When the first reading is unsure (a sum fails, or confidence is low), a model reads the pages too. */
export function needsSecondReader(reading: PdfReading, mode: VisionMode, minConfidence = 0.9): boolean {
  if (mode === 'off') return false;
  if (mode === 'always') return true;
  const v = validateExtraction(reading.statement);
  return v.status === 'failed' || v.confidence < minConfidence;
}

/**
 * Reads the document again with the vision model and cross-checks: where the readers
 * disagree, the value that makes the sums tie wins; where neither does, the line is marked
 * disputed (low confidence) so validation says so. Any vision failure keeps the first reading.
 */
export async function crossReadWithVision(
  bytes: Uint8Array,
  reading: PdfReading,
  vision: VisionReader,
  onError: (e: unknown) => void = () => {},
): Promise<PdfReading> {
  // pdf.js and the vision code only when a second reader is wanted (it is off by default).
  const [{ openPdf }, { readDocumentWithVision }, { crossCheck }] = await Promise.all([import('./pdf.ts'), import('./vision/read-document.ts'), import('./cross-check.ts')]);
  const doc = await openPdf(bytes);
  try {
    const pages = Array.from({ length: doc.numPages }, (_, i) => i + 1);
    const second = await readDocumentWithVision(doc, pages, vision, { periods: reading.statement.periods });
    const merged = crossCheck(reading.statement, second, { roundingKurus: roundingKurus(reading.statement.unit) });
    const changed = merged.decisions.some((d) => d.decision === 'chose-secondary');
    return {
      ...reading,
      statement: { ...reading.statement, lines: merged.lines },
      pagesByMethod: { ...reading.pagesByMethod, vision: pages },
      method: changed ? 'mixed' : reading.method,
    };
  } catch (e) {
    onError(e);
    return reading;
  } finally {
    await doc.destroy();
  }
}
