/**
 * A page with a CCITT image renders after another document, opened later, was destroyed. pdf.js
 * loads its wasm image decoders once per thread through the message handler of the document
 * opened last; in Node that document's handler was the only way to fetch them, so with it
 * destroyed the load never settled and the render waited forever (a scan read beside a large
 * report stalled a reading thread until the activity's timeout). reading/pdf.ts turns the wasm
 * decoders off; pdf.js's JS decoders have no such shared state.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PDFDocument, PDFName } from 'pdf-lib';
import { renderPageGrey } from '../../../reading/ocr/image.ts';
import { openPdf } from '../../../reading/pdf.ts';

/** One page showing a 16 × 16 CCITT G4 image: each row coded as "same as the row above" (V0). */
async function ccittPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([100, 100]);
  const image = doc.context.stream(new Uint8Array([0xff, 0xff, 0x00, 0x10, 0x01]), {
    Type: 'XObject',
    Subtype: 'Image',
    Width: 16,
    Height: 16,
    BitsPerComponent: 1,
    ColorSpace: 'DeviceGray',
    Filter: 'CCITTFaxDecode',
    DecodeParms: { K: -1, Columns: 16, Rows: 16 },
  });
  page.node.setXObject(PDFName.of('Im0'), doc.context.register(image));
  page.node.addContentStream(doc.context.register(doc.context.stream('q 100 0 0 100 0 0 cm /Im0 Do Q')));
  return doc.save();
}

describe('a CCITT image after another document was destroyed', () => {
  it('renders instead of waiting forever', async () => {
    const scan = await openPdf(await ccittPdf());
    const blank = await PDFDocument.create();
    blank.addPage([100, 100]);
    // Opened last, destroyed before the scan's image is decoded.
    const other = await openPdf(await blank.save());
    await other.destroy();
    try {
      let timer: NodeJS.Timeout | undefined;
      const stalled = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('the render did not settle in 20 s')), 20_000);
      });
      const rendered = await Promise.race([renderPageGrey(scan, 1, 72), stalled]).finally(() => clearTimeout(timer));
      assert.deepEqual([rendered.image.width, rendered.image.height], [100, 100]);
    } finally {
      await scan.destroy();
    }
  });
});
