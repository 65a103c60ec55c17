import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { decodeChain, OverBudget } from '../../reading/pdf-filters.ts';
import { guardPdf } from '../../reading/pdf-guard.ts';
import { bombCases, giantImageCases, quadraticScanCase } from '../generator/hostile/bombs.ts';
import { onePage, zeroLzw } from '../generator/hostile/raw-pdf.ts';

const limits = { maxInflatedBytes: 64 * 1024 * 1024, maxStreams: 20_000 };
const REASON_TO_CODE: Record<string, string> = {
  inflated_too_large: 'pdf_bomb',
  image_too_large: 'image_too_large',
  undecodable_stream: 'corrupt_pdf',
  malformed: 'corrupt_pdf',
};

describe('PDF guard on hostile bytes', () => {
  for (const [name, c] of Object.entries({ ...bombCases(), ...giantImageCases() })) {
    it(`refuses ${name} within the budget`, async () => {
      const r = await guardPdf(c.bytes, limits);
      assert.equal(r.ok, false, name);
      assert.ok(c.expect.includes(REASON_TO_CODE[r.reason!]!), `${name}: ${r.reason}`);
      assert.ok(r.inflatedBytes <= limits.maxInflatedBytes);
    });
  }

  it('scans a regex trap linearly', async () => {
    const [c] = Object.values(quadraticScanCase());
    const t0 = performance.now();
    const r = await guardPdf(c!.bytes, limits);
    // Linear work on 350 KB; the old backtracking scan took ~20 s here.
    assert.ok(performance.now() - t0 < 2000, `${performance.now() - t0} ms`);
    assert.equal(r.noPages, false);
  });

  it('passes ordinary documents and finds a page tree with no pages', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([595, 842]).drawText('Bilanco 2024', { x: 50, y: 700, size: 12, font });
    for (const objectStreams of [false, true]) {
      const r = await guardPdf(Buffer.from(await doc.save({ useObjectStreams: objectStreams })), limits);
      assert.equal(r.ok, true, r.reason);
      assert.equal(r.noPages, false);
    }
    const empty = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
    assert.equal((await guardPdf(empty, limits)).noPages, true);
  });

  it('does not lose objects behind junk that opens a string or an array', async () => {
    const bomb = bombCases()['bomb-nested-dict.pdf']!.bytes;
    for (const junk of ['(', '[', '<', '<<']) {
      const r = await guardPdf(Buffer.concat([Buffer.from(junk), bomb]), limits);
      assert.equal(r.reason, 'inflated_too_large', `junk ${junk}`);
    }
  });

  it('counts an encrypted document as unverifiable rather than clean', async () => {
    const page = onePage({ dict: '<< /Filter /FlateDecode >>', stream: Buffer.from('not really flate') });
    const enc = Buffer.from(page.toString('latin1').replace('<< /Size', '<< /Encrypt << /Filter /Standard /V 1 /R 2 >> /Size'), 'latin1');
    assert.equal((await guardPdf(enc, limits)).reason, 'encrypted');
  });

  it('decodes LZW as the PDF reference does, and caps its output', async () => {
    // The example of PDF 32000-1 §7.4.4.2: "-----A---B".
    const spec = Buffer.from([0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01]);
    assert.equal((await decodeChain(spec, ['LZWDecode'], [undefined], { remaining: 1000 })).bytes.toString('latin1'), '-----A---B');
    const zeros = await decodeChain(zeroLzw(5_000_000), ['LZWDecode'], [undefined], { remaining: 10_000_000 });
    assert.ok(zeros.bytes.length >= 5_000_000 && zeros.bytes.every((b) => b === 0));
    await assert.rejects(decodeChain(zeroLzw(5_000_000), ['LZWDecode'], [undefined], { remaining: 1_000_000 }), OverBudget);
  });

  it('decodes ASCII85 and RunLength', async () => {
    const a85 = await decodeChain(Buffer.from('87cURD]j7BEbo80~>'), ['ASCII85Decode'], [undefined], { remaining: 100 });
    assert.equal(a85.bytes.toString('latin1'), 'Hello world!');
    const rl = await decodeChain(Buffer.from([2, 0x61, 0x62, 0x63, 254, 0x7a, 128]), ['RunLengthDecode'], [undefined], { remaining: 100 });
    assert.equal(rl.bytes.toString('latin1'), 'abczzz');
  });
});
