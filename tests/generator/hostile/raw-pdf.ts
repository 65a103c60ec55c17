import { constants, deflateRawSync, deflateSync } from 'node:zlib';

/** One indirect object: a dictionary (PDF source text) and optionally its stream data. */
export interface RawObject {
  dict: string;
  stream?: Buffer;
}

/**
 * Writes a PDF by hand with a correct cross-reference table, for inputs pdf-lib will not make
 * (hostile filter chains, inline images, lying dictionaries). Object 1 must be the catalog.
 * `/Length` is filled in for streams unless the dictionary already says one.
 */
export function rawPdf(objects: RawObject[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let size = parts[0]!.length;
  const push = (b: Buffer) => {
    parts.push(b);
    size += b.length;
  };
  objects.forEach((o, i) => {
    offsets.push(size);
    if (o.stream) {
      const dict = o.dict.includes('/Length') ? o.dict : o.dict.replace(/>>\s*$/, ` /Length ${o.stream.length} >>`);
      push(Buffer.from(`${i + 1} 0 obj\n${dict}\nstream\n`, 'latin1'));
      push(o.stream);
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    } else {
      push(Buffer.from(`${i + 1} 0 obj\n${o.dict}\nendobj\n`, 'latin1'));
    }
  });
  const xref = size;
  const rows = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A one-page document whose page draws `content`, with extra objects from number 5 on. */
export function onePage(content: RawObject, extra: RawObject[] = [], resources = '<< >>'): Buffer {
  return rawPdf([
    { dict: '<< /Type /Catalog /Pages 2 0 R >>' },
    { dict: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
    { dict: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources ${resources} >>` },
    content,
    ...extra,
  ]);
}

/**
 * A zlib stream that inflates to `bytes` zeros (a multiple of 16 MiB) without ever holding them:
 * one fully flushed deflate block sequence is repeated (a full flush resets the window, so the
 * copies are independent), then a final empty block. The Adler checksum is left zero; PDF
 * readers do not check it.
 */
export function zeroFlate(bytes: number): Buffer {
  const chunk = 16 * 1024 * 1024;
  const block = deflateRawSync(Buffer.alloc(chunk), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const copies = Math.ceil(bytes / chunk);
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...Array.from({ length: copies }, () => block), Buffer.from([0x03, 0x00]), Buffer.alloc(4)]);
}

export const flate = (b: Buffer): Buffer => deflateSync(b);

/**
 * An LZW stream (EarlyChange 1) of `bytes` zeros: codes for ever longer runs until the table
 * is full, then the longest run again and again (~2,500:1).
 */
export function zeroLzw(bytes: number): Buffer {
  const codes: number[] = [256];
  let produced = 0;
  let next = 258;
  let width = 9;
  const widths: number[] = [9];
  let runLength = 1;
  let prev = -1;
  while (produced < bytes) {
    // Code 0 first, then each new entry (previous run + one zero) as soon as it exists.
    const code = prev < 0 ? 0 : next < 4096 ? next : prev;
    const len = prev < 0 ? 1 : next < 4096 ? runLength + 1 : runLength;
    codes.push(code);
    widths.push(width);
    produced += len;
    if (prev >= 0 && next < 4096) next++;
    runLength = len;
    prev = code;
    if (next + 1 >= 1 << width && width < 12) width++;
  }
  codes.push(257);
  widths.push(width);
  return packCodes(codes, widths);
}

function packCodes(codes: number[], widths: number[]): Buffer {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  codes.forEach((c, i) => {
    acc = (acc << widths[i]!) | c;
    bits += widths[i]!;
    while (bits >= 8) {
      out.push((acc >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    acc &= (1 << bits) - 1;
  });
  if (bits) out.push((acc << (8 - bits)) & 0xff);
  return Buffer.from(out);
}
