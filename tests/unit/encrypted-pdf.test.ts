import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guardPdf } from '../../reading/pdf-guard.ts';
import { openPdf } from '../../reading/pdf.ts';
import { encryptedPdf, type Cipher } from '../generator/hostile/encrypted-pdf.ts';
import { zeroFlate } from '../generator/hostile/raw-pdf.ts';

const limits = { maxInflatedBytes: 64 * 1024 * 1024, maxStreams: 20_000 };
const CIPHERS: Cipher[] = ['rc4-40', 'rc4-128', 'aes-128', 'aes-256'];

async function pageText(bytes: Buffer): Promise<string> {
  const doc = await openPdf(bytes);
  const content = await (await doc.getPage(1)).getTextContent();
  await doc.destroy();
  return content.items.map((i) => ('str' in i ? i.str : '')).join(' ');
}

describe('encrypted PDFs at intake', () => {
  for (const cipher of CIPHERS) {
    it(`reads a permissions-only (${cipher}) file: empty user password, owner password set`, async () => {
      const bytes = encryptedPdf(['Bilanco 2024', 'Donen Varliklar 1.234.567'], cipher);
      const r = await guardPdf(bytes, limits);
      assert.equal(r.ok, true, `${cipher}: ${r.reason}`);
      // The guard decrypted and inflated the content stream (a wrong key would be undecodable).
      assert.ok(r.inflatedBytes > 40, `${cipher}: ${r.inflatedBytes}`);
      // pdf.js, an independent implementation, agrees the file is what it claims to be.
      assert.match(await pageText(bytes), /Donen Varliklar 1\.234\.567/);
    });

    it(`refuses a (${cipher}) file that needs a user password`, async () => {
      const bytes = encryptedPdf(['Gizli bilanco'], cipher, { userPassword: 'secret' });
      assert.equal((await guardPdf(bytes, limits)).reason, 'encrypted');
      await assert.rejects(openPdf(bytes), (e: Error) => e.name === 'PasswordException');
    });
  }

  for (const cipher of ['rc4-128', 'aes-128', 'aes-256'] as const) {
    it(`still catches a decompression bomb inside a permissions-only (${cipher}) file`, async () => {
      const bytes = encryptedPdf([], cipher, { flate: zeroFlate(128 * 1024 * 1024) });
      assert.equal((await guardPdf(bytes, limits)).reason, 'inflated_too_large');
    });
  }

  it('checks the whole blocks of an AES stream with a ragged tail, as pdf.js decodes them', async () => {
    const bytes = encryptedPdf([], 'aes-128', { flate: zeroFlate(128 * 1024 * 1024), raggedTail: 5 });
    assert.equal((await guardPdf(bytes, limits)).reason, 'inflated_too_large');
  });
});
