import { promisify } from 'node:util';
import { constants, inflateRaw } from 'node:zlib';
import { dictOf, nameOf, numberOf, type PdfDict, type PdfValue } from './pdf-syntax.ts';

const inflateRawAsync = promisify(inflateRaw);

/**
 * PDF stream filters, decoded with a hard output budget so that checking a stream can never
 * cost more memory than the budget, whatever the stream claims. Decoding happens in the same
 * order pdf.js applies the chain; image codecs (DCT, JPX, CCITT, JBIG2) end the chain: their
 * output is bounded by the image's declared size instead (see pdf-guard).
 */
export class OverBudget extends Error {}
/** A stream we cannot decode, so cannot vouch for: a rejection, never a pass. */
export class Undecodable extends Error {}

export const IMAGE_CODECS = new Set(['DCTDecode', 'DCT', 'JPXDecode', 'CCITTFaxDecode', 'CCF', 'JBIG2Decode']);
const ALIASES: Record<string, string> = { Fl: 'FlateDecode', LZW: 'LZWDecode', AHx: 'ASCIIHexDecode', A85: 'ASCII85Decode', RL: 'RunLengthDecode' };

const YIELD_EVERY = 8 * 1024 * 1024;

export interface Budget {
  remaining: number;
}

/** The filter names and their parameters, as arrays of equal length. */
export function filterChain(dict: PdfDict): { names: string[]; parms: (PdfDict | undefined)[] } {
  const f = dict.get('Filter') ?? dict.get('F');
  const p = dict.get('DecodeParms') ?? dict.get('DP');
  const names = (Array.isArray(f) ? f : f === undefined || f === null ? [] : [f]).map((v) => {
    const n = nameOf(v);
    if (n === undefined) throw new Undecodable('filter is not a name');
    return ALIASES[n] ?? n;
  });
  const parms = names.map((_, i) => dictOf(Array.isArray(p) ? p[i] : i === 0 ? (p as PdfValue | undefined) : undefined));
  return { names, parms };
}

/**
 * Runs the chain up to its first image codec. Returns the decoded bytes and the codec that
 * stopped it (if any). Every intermediate output is charged to the budget.
 */
export async function decodeChain(data: Buffer, names: string[], parms: (PdfDict | undefined)[], budget: Budget): Promise<{ bytes: Buffer; stoppedAt?: string }> {
  let bytes = data;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (IMAGE_CODECS.has(name)) return { bytes, stoppedAt: name };
    bytes = await decodeOne(name, bytes, budget, parms[i]);
    charge(budget, bytes.length);
    const parm = parms[i];
    // A predictor only shrinks the data; it must be undone only if another filter follows.
    if (parm && (numberOf(parm.get('Predictor')) ?? 1) > 1 && i < names.length - 1) bytes = undoPredictor(bytes, parm);
  }
  return { bytes };
}

function charge(budget: Budget, n: number): void {
  budget.remaining -= n;
  if (budget.remaining < 0) throw new OverBudget(`decoded data beyond the budget`);
}

async function decodeOne(name: string, data: Buffer, budget: Budget, parm: PdfDict | undefined): Promise<Buffer> {
  switch (name) {
    case 'FlateDecode':
      return flate(data, budget);
    case 'LZWDecode':
      return lzw(data, budget.remaining, numberOf(parm?.get('EarlyChange')) ?? 1);
    case 'ASCIIHexDecode':
      return asciiHex(data);
    case 'ASCII85Decode':
      return ascii85(data);
    case 'RunLengthDecode':
      return runLength(data, budget.remaining);
    default:
      // Crypt and anything unknown: we cannot see what it expands to.
      throw new Undecodable(`filter ${name}`);
  }
}

/**
 * Like pdf.js: the two-byte zlib header is checked loosely, the Adler checksum never, and a
 * stream cut short yields what it has (hence raw inflate with a sync flush). Runs on the
 * libuv pool, not the event loop.
 */
async function flate(data: Buffer, budget: Budget): Promise<Buffer> {
  if (data.length < 2) return Buffer.alloc(0);
  if ((data[0]! & 0x0f) !== 8) throw new Undecodable('Flate stream with a bad header');
  try {
    return await inflateRawAsync(data.subarray(2), { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: Math.max(1, budget.remaining + 1) });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw new OverBudget('Flate output beyond the budget', { cause: e });
    throw new Undecodable('damaged Flate stream', { cause: e });
  }
}

/** Decoded in JS; it yields to the event loop every few megabytes so other work keeps moving. */
async function lzw(data: Buffer, cap: number, earlyChange = 1): Promise<Buffer> {
  const out = new Growable(cap);
  let yieldAt = YIELD_EVERY;
  const prefix = new Int32Array(4096);
  const suffix = new Uint8Array(4096);
  const length = new Int32Array(4096);
  for (let i = 0; i < 256; i++) (prefix[i] = -1), (suffix[i] = i), (length[i] = 1);
  let next = 258;
  let width = 9;
  let prev = -1;
  let bits = 0;
  let acc = 0;
  const scratch = new Uint8Array(4096);
  for (let i = 0; i < data.length; i++) {
    acc = ((acc << 8) | data[i]!) >>> 0;
    bits += 8;
    while (bits >= width) {
      const code = (acc >>> (bits - width)) & ((1 << width) - 1);
      bits -= width;
      if (code === 256) {
        (next = 258), (width = 9), (prev = -1);
        continue;
      }
      if (code === 257) return out.result();
      let entry = code;
      if (code >= next) {
        if (code > next || prev < 0) throw new Undecodable('LZW code out of range');
        entry = prev; // the KwKwK case: previous string plus its own first byte
      }
      let n = length[entry]!;
      for (let e = entry, k = n - 1; k >= 0; k--, e = prefix[e]!) scratch[k] = suffix[e]!;
      if (code >= next) scratch[n++] = scratch[0]!;
      out.push(scratch, n);
      if (out.length >= yieldAt) {
        yieldAt += YIELD_EVERY;
        await new Promise(setImmediate);
      }
      if (prev >= 0 && next < 4096) {
        prefix[next] = prev;
        suffix[next] = scratch[0]!;
        length[next] = length[prev]! + 1;
        next++;
      }
      prev = code;
      if (next + earlyChange >= 1 << width && width < 12) width++;
    }
    acc &= (1 << bits) - 1;
  }
  return out.result();
}

function asciiHex(data: Buffer): Buffer {
  const out = Buffer.alloc(Math.ceil(data.length / 2));
  let n = 0;
  let high = -1;
  for (const c of data) {
    if (c === 0x3e) break;
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (v < 0) continue;
    if (high < 0) high = v;
    else (out[n++] = (high << 4) | v), (high = -1);
  }
  if (high >= 0) out[n++] = high << 4;
  return out.subarray(0, n);
}

function ascii85(data: Buffer): Buffer {
  // At most 4 bytes per input character ('z' alone stands for four zero bytes).
  const out = Buffer.alloc(4 * data.length + 4);
  let n = 0;
  const group: number[] = [];
  const flush = (count: number) => {
    let v = 0;
    for (let k = 0; k < 5; k++) v = v * 85 + (group[k] ?? 84);
    for (let k = 0; k < count - 1; k++) out[n++] = (v >>> (24 - 8 * k)) & 0xff;
    group.length = 0;
  };
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (c === 0x7e) break;
    if (c === 0x7a && group.length === 0) {
      out.fill(0, n, n + 4);
      n += 4;
      continue;
    }
    if (c < 33 || c > 117) continue;
    group.push(c - 33);
    if (group.length === 5) flush(5);
  }
  if (group.length) flush(group.length);
  return out.subarray(0, n);
}

function runLength(data: Buffer, cap: number): Buffer {
  const out = new Growable(cap);
  for (let i = 0; i < data.length; ) {
    const len = data[i++]!;
    if (len === 128) break;
    if (len < 128) {
      out.push(data.subarray(i, i + len + 1), Math.min(len + 1, data.length - i));
      i += len + 1;
    } else {
      out.repeat(data[i++] ?? 0, 257 - len);
    }
  }
  return out.result();
}

/** PNG predictors (10–15), the only kind that appears before a further filter in practice. */
function undoPredictor(data: Buffer, parm: PdfDict): Buffer {
  const predictor = numberOf(parm.get('Predictor')) ?? 1;
  if (predictor < 10) throw new Undecodable(`TIFF predictor before another filter`);
  const colors = numberOf(parm.get('Colors')) ?? 1;
  const bpc = numberOf(parm.get('BitsPerComponent')) ?? 8;
  const columns = numberOf(parm.get('Columns')) ?? 1;
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLen = Math.ceil((colors * bpc * columns) / 8);
  if (!(rowLen > 0)) throw new Undecodable('bad predictor parameters');
  const rows = Math.floor(data.length / (rowLen + 1));
  const out = Buffer.alloc(rows * rowLen);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLen + 1)]!;
    const src = r * (rowLen + 1) + 1;
    const dst = r * rowLen;
    for (let x = 0; x < rowLen; x++) {
      const left = x >= bpp ? out[dst + x - bpp]! : 0;
      const up = r > 0 ? out[dst - rowLen + x]! : 0;
      const upLeft = r > 0 && x >= bpp ? out[dst - rowLen + x - bpp]! : 0;
      const p = left + up - upLeft;
      const paeth = Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft) ? left : Math.abs(p - up) <= Math.abs(p - upLeft) ? up : upLeft;
      const add = [0, left, up, (left + up) >> 1, paeth][type] ?? 0;
      out[dst + x] = (data[src + x]! + add) & 0xff;
    }
  }
  return out;
}

/** An output buffer that refuses to grow past its cap. */
class Growable {
  private buf = Buffer.alloc(64 * 1024);
  private n = 0;
  constructor(private readonly cap: number) {}
  private reserve(extra: number): void {
    if (this.n + extra > this.cap) throw new OverBudget('decoded data beyond the budget');
    if (this.n + extra <= this.buf.length) return;
    const bigger = Buffer.alloc(Math.min(Math.max(this.buf.length * 2, this.n + extra), Math.max(this.cap, this.n + extra)));
    this.buf.copy(bigger, 0, 0, this.n);
    this.buf = bigger;
  }
  push(src: Uint8Array, count: number): void {
    this.reserve(count);
    this.buf.set(src.subarray(0, count), this.n);
    this.n += count;
  }
  repeat(byte: number, count: number): void {
    this.reserve(count);
    this.buf.fill(byte, this.n, this.n + count);
    this.n += count;
  }
  get length(): number {
    return this.n;
  }
  result(): Buffer {
    return this.buf.subarray(0, this.n);
  }
}
