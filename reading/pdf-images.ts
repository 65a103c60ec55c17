import { isDelimiter, isWhite, numberOf, PdfKeyword, PdfLexer, PdfName, parseValue, type PdfDict, type PdfValue } from './pdf-syntax.ts';

/** Width and height in pixels, as an image declares them or as its codestream does. */
export interface ImageSize {
  width: number;
  height: number;
}

const dim = (v: PdfValue | undefined): number => {
  const n = numberOf(v);
  // A missing or nonsense dimension is treated as huge: the cap then refuses it.
  return n !== undefined && n >= 0 && Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
};

export function declaredImage(dict: PdfDict): ImageSize {
  return { width: dim(dict.get('Width') ?? dict.get('W')), height: dim(dict.get('Height') ?? dict.get('H')) };
}

/** The size a JPEG (SOF marker) or JPEG 2000 (ihdr box / SIZ marker) says it decodes to. */
export function codecImageSize(codec: string, data: Buffer): ImageSize | undefined {
  if (codec.startsWith('DCT')) return jpegSize(data);
  if (codec === 'JPXDecode') return jpxSize(data);
  return undefined;
}

function jpegSize(data: Buffer): ImageSize | undefined {
  let p = 2;
  while (p + 9 < data.length) {
    if (data[p] !== 0xff) {
      p++;
      continue;
    }
    const marker = data[p + 1]!;
    if (marker === 0xff || marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      p += marker === 0xff ? 1 : 2;
      continue;
    }
    if (marker === 0xda) return undefined; // start of scan without a frame header
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: data.readUInt16BE(p + 5), width: data.readUInt16BE(p + 7) };
    }
    p += 2 + data.readUInt16BE(p + 2);
  }
  return undefined;
}

function jpxSize(data: Buffer): ImageSize | undefined {
  const head = data.subarray(0, 64 * 1024);
  const ihdr = head.indexOf('ihdr', 0, 'latin1');
  if (ihdr >= 0 && ihdr + 12 <= head.length) return { height: head.readUInt32BE(ihdr + 4), width: head.readUInt32BE(ihdr + 8) };
  const siz = head.indexOf(Buffer.from([0xff, 0x4f, 0xff, 0x51]));
  if (siz >= 0 && siz + 24 <= head.length) {
    const x = head.readUInt32BE(siz + 8) - head.readUInt32BE(siz + 16);
    const y = head.readUInt32BE(siz + 12) - head.readUInt32BE(siz + 20);
    return { width: x, height: y };
  }
  return undefined;
}

/**
 * Inline images ("BI <dict> ID <data> EI") of a decoded content stream, found by a linear scan
 * for the BI operator; each one's dictionary is parsed with the PDF lexer. Image data is
 * skipped to the next "EI" between white space, as readers do.
 */
export function* inlineImages(content: Buffer): Generator<ImageSize> {
  let from = 0;
  for (;;) {
    const bi = content.indexOf('BI', from, 'latin1');
    if (bi < 0) return;
    from = bi + 2;
    if ((bi > 0 && !isDelimiter(content[bi - 1])) || !isWhite(content[bi + 2])) continue;
    const lex = new PdfLexer(content, bi + 2);
    const entries: PdfValue[] = [];
    let sawId = false;
    // A real inline-image dictionary has a handful of entries; a "BI" inside text does not end in ID.
    for (let i = 0; i < 64; i++) {
      const v = parseValue(lex);
      if (v === undefined) break;
      if (v instanceof PdfKeyword && v.word === 'ID') {
        sawId = true;
        break;
      }
      entries.push(v);
    }
    if (!sawId) continue;
    const dict: PdfDict = new Map();
    for (let i = 0; i + 1 < entries.length; i += 2) {
      const k = entries[i];
      if (k instanceof PdfName) dict.set(k.name, entries[i + 1]!);
    }
    yield declaredImage(dict);
    const ei = findEndOfImage(content, lex.pos);
    from = ei < 0 ? content.length : ei + 2;
  }
}

function findEndOfImage(content: Buffer, from: number): number {
  for (let p = content.indexOf('EI', from, 'latin1'); p >= 0; p = content.indexOf('EI', p + 2, 'latin1')) {
    if (isWhite(content[p - 1]) && (p + 2 >= content.length || isDelimiter(content[p + 2]))) return p;
  }
  return -1;
}
