import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { hash2B, rc4 } from '../../../reading/pdf-decrypt.ts';
import { rawPdf } from './raw-pdf.ts';

/**
 * One-page PDFs encrypted with the Standard security handler, written by hand (pdf-lib cannot
 * encrypt, and no qpdf is assumed). The owner password is always set; the user password is
 * empty for a permissions-only file, or not, for one a reader must ask a password for.
 * pdf.js, an independent implementation, is the judge that these files are real.
 */
export type Cipher = 'rc4-40' | 'rc4-128' | 'aes-128' | 'aes-256';

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
const padded = (pw: string) => Buffer.concat([Buffer.from(pw, 'latin1'), PAD]).subarray(0, 32);
const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
const hex = (b: Buffer) => `<${b.toString('hex')}>`;
const P = -3904; // printing and copying denied: the usual reason such files exist

export interface EncryptOptions {
  userPassword?: string;
  ownerPassword?: string;
  /** Flate data to use as the page's content instead of the lines (a bomb, say). */
  flate?: Buffer;
  /** Junk bytes after the encrypted content (an AES stream that is not whole blocks). */
  raggedTail?: number;
}

export function encryptedPdf(lines: string[], cipher: Cipher, opts: EncryptOptions = {}): Buffer {
  const id = randomBytes(16);
  const { dict, objectKey, aes } = handler(cipher, id, opts.userPassword ?? '', opts.ownerPassword ?? 'owner-secret');
  const text = lines.map((l, i) => `BT /F1 14 Tf 60 ${760 - i * 22} Td (${l}) Tj ET`).join('\n');
  // Compressed before encryption, as writers do: a wrong key then shows as undecodable data.
  const plain = opts.flate ?? deflateSync(Buffer.from(text, 'latin1'));
  const key = objectKey(4, 0);
  const encrypted = aes ? aesEncrypt(key, plain) : rc4(key, plain);
  const content = Buffer.concat([encrypted, randomBytes(opts.raggedTail ?? 0)]);
  const pdf = rawPdf([
    { dict: '<< /Type /Catalog /Pages 2 0 R >>' },
    { dict: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
    { dict: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>' },
    { dict: '<< /Filter /FlateDecode >>', stream: content },
    { dict: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>' },
    { dict },
  ]);
  return Buffer.from(pdf.toString('latin1').replace('<< /Size', `<< /Encrypt 6 0 R /ID [${hex(id)} ${hex(id)}] /Size`), 'latin1');
}

interface Handler {
  dict: string;
  objectKey: (num: number, gen: number) => Buffer;
  aes: boolean;
}

function handler(cipher: Cipher, id: Buffer, user: string, owner: string): Handler {
  if (cipher === 'aes-256') return aes256(user, owner);
  const r = cipher === 'rc4-40' ? 2 : cipher === 'rc4-128' ? 3 : 4;
  const n = r === 2 ? 5 : 16;
  // Algorithm 3: /O is the padded user password under a key from the owner password.
  let ownerKey = md5(padded(owner));
  if (r >= 3) for (let i = 0; i < 50; i++) ownerKey = md5(ownerKey);
  ownerKey = ownerKey.subarray(0, n);
  let o = rc4(ownerKey, padded(user));
  if (r >= 3) for (let i = 1; i <= 19; i++) o = rc4(Buffer.from(ownerKey.map((b) => b ^ i)), o);
  // Algorithm 2: the file key from the user password.
  const p = Buffer.alloc(4);
  p.writeInt32LE(P);
  let key = md5(padded(user), o, p, id).subarray(0, n);
  if (r >= 3) for (let i = 0; i < 50; i++) key = md5(key).subarray(0, n);
  let u: Buffer;
  if (r === 2) u = rc4(key, PAD);
  else {
    u = rc4(key, md5(PAD, id));
    for (let i = 1; i <= 19; i++) u = rc4(Buffer.from(key.map((b) => b ^ i)), u);
    u = Buffer.concat([u, Buffer.alloc(16)]);
  }
  const aes = cipher === 'aes-128';
  const head = r === 2 ? '/V 1 /R 2' : r === 3 ? '/V 2 /R 3 /Length 128' : '/V 4 /R 4 /Length 128 /CF << /StdCF << /CFM /AESV2 /AuthEvent /DocOpen /Length 16 >> >> /StmF /StdCF /StrF /StdCF';
  const objectKey = (num: number, gen: number) =>
    md5(key, Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, gen & 255, (gen >> 8) & 255]), aes ? Buffer.from('sAlT') : Buffer.alloc(0)).subarray(0, Math.min(n + 5, 16));
  return { dict: `<< /Filter /Standard ${head} /P ${P} /O ${hex(o)} /U ${hex(u)} >>`, objectKey, aes };
}

/** Revision 6 (PDF 2.0, AES-256): hashes by algorithm 2.B, the file key wrapped in /UE and /OE. */
function aes256(user: string, owner: string): Handler {
  const fileKey = randomBytes(32);
  const [uv, uk, ov, ok] = [randomBytes(8), randomBytes(8), randomBytes(8), randomBytes(8)];
  const up = Buffer.from(user, 'utf8');
  const op = Buffer.from(owner, 'utf8');
  const u = Buffer.concat([hash2B(up, uv), uv, uk]);
  const o = Buffer.concat([hash2B(op, ov, u), ov, ok]);
  const wrap = (k: Buffer) => {
    const c = createCipheriv('aes-256-cbc', k, Buffer.alloc(16));
    c.setAutoPadding(false);
    return Buffer.concat([c.update(fileKey), c.final()]);
  };
  const perms = Buffer.alloc(16);
  perms.writeInt32LE(P);
  perms.writeInt32LE(-1, 4);
  perms.write('Tadb', 8, 'latin1');
  const c = createCipheriv('aes-256-ecb', fileKey, null);
  c.setAutoPadding(false);
  const permsEnc = Buffer.concat([c.update(perms), c.final()]);
  const dict = `<< /Filter /Standard /V 5 /R 6 /Length 256 /CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >> /StmF /StdCF /StrF /StdCF /P ${P} /O ${hex(o)} /U ${hex(u)} /OE ${hex(wrap(hash2B(op, ok, u)))} /UE ${hex(wrap(hash2B(up, uk)))} /Perms ${hex(permsEnc)} >>`;
  return { dict, objectKey: () => fileKey, aes: true };
}

function aesEncrypt(key: Buffer, data: Buffer): Buffer {
  const iv = randomBytes(16);
  const c = createCipheriv(key.length === 32 ? 'aes-256-cbc' : 'aes-128-cbc', key, iv);
  return Buffer.concat([iv, c.update(data), c.final()]);
}
