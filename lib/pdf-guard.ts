import { inflateSync } from 'node:zlib';

/**
 * Cheap checks on raw PDF bytes before pdf.js sees them. A decompression bomb is a small file
 * whose Flate streams inflate to gigabytes; pdf.js would try to hold that in memory. Each
 * stream is inflated here with a hard output cap (zlib's maxOutputLength), so the check
 * itself can never use more than the budget.
 */
export interface GuardResult {
  ok: boolean;
  reason?: 'inflated_too_large' | 'too_many_streams';
  inflatedBytes: number;
  streams: number;
}

/**
 * pdf.js "recovers" a page tree with no pages by inventing one blank page; a document whose
 * page tree says /Count 0 and has no page object really has no pages.
 */
export function declaresNoPages(bytes: Buffer): boolean {
  const text = bytes.toString('latin1');
  return /\/Type\s*\/Pages\b[^>]*\/Count\s+0\b|\/Count\s+0\b[^>]*\/Type\s*\/Pages\b/.test(text) && !/\/Type\s*\/Page\b(?!s)/.test(text);
}

const STREAM = /(?<!end)stream\r?\n/g;

export function guardPdf(bytes: Buffer, limits: { maxInflatedBytes: number; maxStreams: number }): GuardResult {
  const text = bytes.toString('latin1');
  let inflatedBytes = 0;
  let streams = 0;
  STREAM.lastIndex = 0;
  for (let m = STREAM.exec(text); m; m = STREAM.exec(text)) {
    const start = m.index + m[0].length;
    // Only Flate streams can bomb; the dictionary sits just before the keyword.
    const dict = text.slice(Math.max(0, m.index - 400), m.index);
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    streams++;
    if (streams > limits.maxStreams) return { ok: false, reason: 'too_many_streams', inflatedBytes, streams };
    STREAM.lastIndex = end + 'endstream'.length;
    if (!/\/FlateDecode/.test(dict.slice(dict.lastIndexOf('<<')))) continue;
    const budget = limits.maxInflatedBytes - inflatedBytes;
    try {
      inflatedBytes += inflateSync(bytes.subarray(start, end), { maxOutputLength: Math.max(1, budget) }).length;
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
        return { ok: false, reason: 'inflated_too_large', inflatedBytes: limits.maxInflatedBytes, streams };
      }
      // A damaged stream is pdf.js's problem to report, not a bomb.
    }
  }
  return { ok: true, inflatedBytes, streams };
}
