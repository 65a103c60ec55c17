import { openPdf } from './pdf.ts';
import { guardPdf, type GuardLimits, type GuardReason } from './pdf-guard.ts';
import type { ImageSize } from './pdf-images.ts';

export interface InspectLimits extends GuardLimits {
  /** Pages whose size is checked (the file's page limit: more pages are refused anyway). */
  maxPages: number;
  maxPageSidePt: number;
}

/** What intake learns from parsing a file; the activity turns each refusal into a user error. */
export type PdfInspection =
  | { kind: 'refused'; reason: GuardReason; image?: ImageSize }
  | { kind: 'no_pages' }
  | { kind: 'unreadable'; encrypted: boolean; error: string }
  | { kind: 'read'; pages: number; oversized: { width: number; height: number } | null };

/**
 * The checks of an upload that parse it: the byte-level guard (bombs, huge images, streams
 * nothing can decode) first, then pdf.js's page tree (page count, page sizes). CPU work on
 * attacker-controlled bytes: intake runs it in a pool thread (off-thread.ts).
 */
export async function inspectPdf(input: Uint8Array, limits: InspectLimits): Promise<PdfInspection> {
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const guard = await guardPdf(bytes, limits);
  if (!guard.ok) return { kind: 'refused', reason: guard.reason!, ...(guard.image ? { image: guard.image } : {}) };
  if (guard.noPages) return { kind: 'no_pages' };
  try {
    const doc = await openPdf(bytes);
    try {
      let oversized: { width: number; height: number } | null = null;
      for (let p = 1; p <= Math.min(doc.numPages, limits.maxPages) && !oversized; p++) {
        const [x0, y0, x1, y1] = (await doc.getPage(p)).view as [number, number, number, number];
        const width = Math.round(Math.abs(x1 - x0));
        const height = Math.round(Math.abs(y1 - y0));
        if (Math.max(width, height) > limits.maxPageSidePt) oversized = { width, height };
      }
      return { kind: 'read', pages: doc.numPages, oversized };
    } finally {
      await doc.destroy();
    }
  } catch (e) {
    const err = e as { name?: string; message?: string };
    // The error as text (`PasswordException: No password given`): it crosses a thread.
    return { kind: 'unreadable', encrypted: err.name === 'PasswordException', error: String(e) };
  }
}
