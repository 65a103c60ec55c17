import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { dictOf, nameOf, numberOf, PdfName, PdfString, type PdfDict, type PdfValue } from './pdf-syntax.ts';

/**
 * The Standard security handler (PDF 32000-2 §7.6.4), opened with the empty user password.
 * Most "protected" PDFs (bank and tax-office exports) only restrict printing or copying: their
 * user password is empty, so any reader opens them, and so must we. Only a file that needs a
 * user password is refused. The guard decrypts stream data with this so that its bomb and
 * image checks see what a reader will see.
 *
 * RC4 is written out here because OpenSSL 3 (Node 20) no longer offers it.
 */
export interface StreamDecryptor {
  decrypt(num: number, gen: number, dict: PdfDict, data: Buffer): Buffer;
}

/** The security handler is not one we can open without a password (or not one we know). */
export class NeedsPassword extends Error {}

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

export function rc4(key: Buffer, data: Buffer): Buffer {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
const bytesOf = (v: PdfValue | undefined): Buffer => (v instanceof PdfString ? v.bytes : Buffer.alloc(0));

type Method = 'none' | 'rc4' | 'aes128' | 'aes256';

/** Opens the handler with the empty user password, or throws NeedsPassword. */
export function emptyPasswordDecryptor(encrypt: PdfDict, firstId: Buffer): StreamDecryptor {
  if (nameOf(encrypt.get('Filter')) !== 'Standard') throw new NeedsPassword('not the Standard security handler');
  const v = numberOf(encrypt.get('V')) ?? 0;
  const r = numberOf(encrypt.get('R')) ?? 0;
  const encryptMetadata = encrypt.get('EncryptMetadata') !== false;
  const method = streamMethod(encrypt, v);
  if (r >= 5) return finish(userKeyAes256(encrypt, r), method, encryptMetadata, true);
  if (r < 2 || r > 4) throw new NeedsPassword(`unknown revision ${r}`);
  const length = r === 2 ? 5 : Math.min(16, Math.max(5, (numberOf(encrypt.get('Length')) ?? 40) >> 3));
  const p = Buffer.alloc(4);
  p.writeInt32LE(numberOf(encrypt.get('P')) ?? 0);
  const o = bytesOf(encrypt.get('O')).subarray(0, 32);
  const tail = r >= 4 && !encryptMetadata ? [Buffer.from([255, 255, 255, 255])] : [];
  let key = md5(PAD, o, p, firstId, ...tail).subarray(0, length);
  if (r >= 3) for (let i = 0; i < 50; i++) key = md5(key).subarray(0, length);
  const u = bytesOf(encrypt.get('U'));
  let check: Buffer;
  if (r === 2) check = rc4(key, PAD);
  else {
    check = rc4(key, md5(PAD, firstId));
    for (let i = 1; i <= 19; i++) check = rc4(Buffer.from(key.map((b) => b ^ i)), check);
  }
  const compared = r === 2 ? 32 : 16;
  if (u.length < compared || !check.subarray(0, compared).equals(u.subarray(0, compared))) throw new NeedsPassword('a user password is required');
  return finish(key, method, encryptMetadata, false);
}

function streamMethod(encrypt: PdfDict, v: number): Method {
  if (v === 1 || v === 2) return 'rc4';
  if (v !== 4 && v !== 5) throw new NeedsPassword(`unknown algorithm V ${v}`);
  const name = nameOf(encrypt.get('StmF')) ?? 'Identity';
  if (name === 'Identity') return 'none';
  const filter = dictOf(dictOf(encrypt.get('CF'))?.get(name));
  const cfm = nameOf(filter?.get('CFM'));
  if (cfm === 'V2') return 'rc4';
  if (cfm === 'AESV2') return 'aes128';
  if (cfm === 'AESV3') return 'aes256';
  if (cfm === 'None') return 'none';
  throw new NeedsPassword(`unknown crypt filter ${cfm}`);
}

function finish(fileKey: Buffer, method: Method, encryptMetadata: boolean, perFileKey: boolean): StreamDecryptor {
  return {
    decrypt(num, gen, dict, data) {
      const type = nameOf(dict.get('Type'));
      // Cross-reference streams are never encrypted; metadata may be left in clear.
      if (type === 'XRef' || (type === 'Metadata' && !encryptMetadata) || method === 'none' || explicitIdentity(dict)) return data;
      if (method === 'aes256') return aesCbc('aes-256-cbc', fileKey, data);
      const salt = method === 'aes128' ? [Buffer.from('sAlT', 'latin1')] : [];
      const id = Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, gen & 255, (gen >> 8) & 255]);
      const key = perFileKey ? fileKey : md5(fileKey, id, ...salt).subarray(0, Math.min(fileKey.length + 5, 16));
      return method === 'rc4' ? rc4(key, data) : aesCbc('aes-128-cbc', key, data);
    },
  };
}

/** A stream whose own /Filter starts with /Crypt and names no crypt filter (or /Identity) is clear. */
function explicitIdentity(dict: PdfDict): boolean {
  const filters = dict.get('Filter');
  const first = Array.isArray(filters) ? filters[0] : filters;
  if (!(first instanceof PdfName) || first.name !== 'Crypt') return false;
  const parms = dict.get('DecodeParms');
  const p = dictOf(Array.isArray(parms) ? parms[0] : parms);
  return (nameOf(p?.get('Name')) ?? 'Identity') === 'Identity';
}

/**
 * AES-CBC with the IV in the first 16 bytes. A ragged tail is dropped and bad padding kept as
 * data, as pdf.js does: the guard must see every whole block pdf.js will decode.
 */
function aesCbc(algorithm: 'aes-128-cbc' | 'aes-256-cbc', key: Buffer, data: Buffer): Buffer {
  const whole = data.length - (data.length % 16);
  if (whole < 32) return Buffer.alloc(0);
  const d = createDecipheriv(algorithm, key, data.subarray(0, 16));
  d.setAutoPadding(false);
  const out = Buffer.concat([d.update(data.subarray(16, whole)), d.final()]);
  const pad = out[out.length - 1]!;
  return pad >= 1 && pad <= 16 ? out.subarray(0, out.length - pad) : out;
}

/** Revision 5 and 6 (AES-256): the user hash and the wrapped file key in /UE. */
function userKeyAes256(encrypt: PdfDict, r: number): Buffer {
  const u = bytesOf(encrypt.get('U'));
  const ue = bytesOf(encrypt.get('UE'));
  if (u.length < 48 || ue.length < 32) throw new NeedsPassword('malformed AES-256 handler');
  const hash = (salt: Buffer) => (r === 5 ? createHash('sha256').update(salt).digest() : hash2B(Buffer.alloc(0), salt));
  if (!hash(u.subarray(32, 40)).equals(u.subarray(0, 32))) throw new NeedsPassword('a user password is required');
  const d = createDecipheriv('aes-256-cbc', hash(u.subarray(40, 48)), Buffer.alloc(16));
  d.setAutoPadding(false);
  return Buffer.concat([d.update(ue.subarray(0, 32)), d.final()]);
}

/** Algorithm 2.B (revision 6); `userData` is the /U string when hashing an owner password. */
export function hash2B(password: Buffer, salt: Buffer, userData: Buffer = Buffer.alloc(0)): Buffer {
  let k = createHash('sha256').update(Buffer.concat([password, salt, userData])).digest();
  for (let round = 0; ; round++) {
    const k1 = Buffer.concat(Array.from({ length: 64 }, () => Buffer.concat([password, k, userData])));
    const c = createCipheriv('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32));
    c.setAutoPadding(false);
    const e = Buffer.concat([c.update(k1), c.final()]);
    let sum = 0;
    for (let i = 0; i < 16; i++) sum += e[i]!;
    k = createHash(['sha256', 'sha384', 'sha512'][sum % 3]!).update(e).digest();
    if (round >= 63 && e[e.length - 1]! <= round + 1 - 32) return k.subarray(0, 32);
  }
}
