import { dictOf, isDelimiter, isWhite, PdfLexer, PdfRef, PdfSyntaxError, parseValue, type PdfDict, type PdfValue } from './pdf-syntax.ts';

/**
 * Finds every object and stream of a PDF in time linear in its size, the way a reader
 * recovering a damaged file would, so that nothing a reader can reach through a (possibly
 * lying) cross-reference table is missed:
 * - every "n g obj" header starts an object, wherever it is (even inside another stream's
 *   data: an xref entry can point there);
 * - each object is parsed from its header up to the next header, plus a short overrun for a
 *   dictionary that a string containing "n g obj" split; the overruns have a total budget, so
 *   a file built to make them overlap is refused instead of parsed quadratically;
 * - stream data ends at /Length when that is followed by "endstream", else at the next
 *   "endstream" (all found in one pass and binary-searched).
 */
export interface RawStream {
  dict: PdfDict;
  start: number;
  end: number;
  /** The object the stream belongs to (-1 before any header): encryption keys depend on it. */
  num: number;
  gen: number;
}

/** What the trailer says about encryption, with an indirect /Encrypt resolved when found. */
export interface TrailerEncryption {
  encrypt: PdfDict | undefined;
  id: PdfValue | undefined;
}

export class TooManyStreams extends Error {}

const OVERRUN = 64 * 1024;

export function scanObjects(bytes: Buffer, onDict: (d: PdfDict) => void, maxStreams: number): { streams: RawStream[]; encryption?: TrailerEncryption } {
  const headers = objectHeaders(bytes);
  const ends = occurrences(bytes, 'endstream');
  const numeric = new Map<number, number>();
  const streams: RawStream[] = [];
  let trailer: PdfDict | undefined;
  const topDicts = new Map<number, PdfDict>();
  let overrunBudget = 4 * bytes.length + OVERRUN;
  const bounds = [{ at: 0, num: -1, gen: 0 }, ...headers];
  for (let i = 0; i < bounds.length; i++) {
    const { at, num, gen } = bounds[i]!;
    const segmentEnd = i + 1 < bounds.length ? bounds[i + 1]!.at : bytes.length;
    const lex = new PdfLexer(bytes, at, Math.min(bytes.length, segmentEnd + OVERRUN));
    let first = true;
    let tokenizedTo = at;
    while (lex.pos < segmentEnd) {
      const v = parseValue(lex, onDict);
      tokenizedTo = lex.pos;
      if (v === undefined) break;
      if (first && num >= 0 && typeof v === 'number') numeric.set(num, v); // "n g obj 123": a /Length target
      const dict = dictOf(v);
      if (first && dict && num >= 0) topDicts.set(num, dict);
      first = false;
      if (!dict) continue;
      // A trailer (or cross-reference stream) naming an encryption dictionary.
      if (dict.has('Encrypt') && (dict.has('Root') || dict.has('Size'))) trailer = dict;
      const start = streamDataStart(bytes, lex.pos);
      if (start < 0) continue;
      if (streams.length >= maxStreams) throw new TooManyStreams();
      const end = streamDataEnd(bytes, start, dict, numeric, ends);
      streams.push({ dict, start, end, num, gen });
      lex.pos = end; // the stream's data is never tokenized; "endstream", a trailer and the like follow
    }
    overrunBudget -= Math.max(0, tokenizedTo - segmentEnd);
    if (overrunBudget < 0) throw new PdfSyntaxError('objects overlap beyond any real file');
  }
  if (!trailer) return { streams };
  const e = trailer.get('Encrypt');
  return { streams, encryption: { encrypt: e instanceof PdfRef ? topDicts.get(e.num) : dictOf(e), id: trailer.get('ID') } };
}

/** Positions just after each "obj" keyword preceded by "<number> <number>", with the object number. */
function objectHeaders(bytes: Buffer): { at: number; num: number; gen: number }[] {
  const found: { at: number; num: number; gen: number }[] = [];
  for (let p = bytes.indexOf('obj', 0, 'latin1'); p >= 0; p = bytes.indexOf('obj', p + 3, 'latin1')) {
    if (!isDelimiter(bytes[p + 3]) || !isWhite(bytes[p - 1])) continue;
    let q = p - 1;
    while (q >= 0 && isWhite(bytes[q])) q--;
    const genEnd = q;
    while (q >= 0 && isDigit(bytes[q]) && genEnd - q < 12) q--;
    if (q === genEnd || !isWhite(bytes[q])) continue;
    const gen = Number(bytes.toString('latin1', q + 1, genEnd + 1));
    while (q >= 0 && isWhite(bytes[q])) q--;
    const numEnd = q;
    while (q >= 0 && isDigit(bytes[q]) && numEnd - q < 12) q--;
    if (q === numEnd || (q >= 0 && !isDelimiter(bytes[q]))) continue;
    found.push({ at: p + 3, num: Number(bytes.toString('latin1', q + 1, numEnd + 1)), gen });
  }
  return found;
}

const isDigit = (c: number | undefined) => c !== undefined && c >= 48 && c <= 57;

function occurrences(bytes: Buffer, word: string): number[] {
  const out: number[] = [];
  for (let p = bytes.indexOf(word, 0, 'latin1'); p >= 0; p = bytes.indexOf(word, p + word.length, 'latin1')) out.push(p);
  return out;
}

function firstAtOrAfter(sorted: number[], pos: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length ? sorted[lo]! : -1;
}

function streamDataStart(bytes: Buffer, pos: number): number {
  let p = pos;
  while (p < bytes.length && isWhite(bytes[p])) p++;
  if (bytes.toString('latin1', p, p + 6) !== 'stream') return -1;
  p += 6;
  if (bytes[p] === 13) p++;
  if (bytes[p] === 10) p++;
  return p;
}

function streamDataEnd(bytes: Buffer, start: number, dict: PdfDict, numeric: Map<number, number>, ends: number[]): number {
  const lengthValue: PdfValue | undefined = dict.get('Length');
  const length = typeof lengthValue === 'number' ? lengthValue : lengthValue && typeof lengthValue === 'object' && 'num' in lengthValue ? numeric.get(lengthValue.num) : undefined;
  if (length !== undefined && Number.isInteger(length) && length >= 0 && start + length <= bytes.length) {
    let p = start + length;
    while (p < bytes.length && isWhite(bytes[p])) p++;
    if (bytes.toString('latin1', p, p + 9) === 'endstream') return start + length;
  }
  const found = firstAtOrAfter(ends, start);
  if (found < 0) return bytes.length;
  let end = found;
  if (bytes[end - 1] === 10) end--;
  if (bytes[end - 1] === 13) end--;
  return Math.max(start, end);
}

