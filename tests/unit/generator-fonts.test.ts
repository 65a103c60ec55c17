import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fontkitModule from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { dejaVu, fontkit as parsedOnce } from '../generator/fonts.ts';

const fresh = (fontkitModule as unknown as { default?: typeof fontkitModule }).default ?? fontkitModule;
const STAMP = new Date(Date.UTC(2025, 2, 15));

/** A one-line PDF in DejaVu Sans, reproducible (fixed font name and dates). */
async function line(kit: typeof fresh, text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(kit);
  const font = await doc.embedFont(await dejaVu('DejaVuSans.ttf'), { subset: true, customName: 'DejaVuSans' });
  doc.setCreationDate(STAMP);
  doc.setModificationDate(STAMP);
  doc.addPage([300, 100]).drawText(text, { x: 10, y: 50, size: 10, font });
  return doc.save();
}

test('a face parsed once gives every document the bytes of a fresh parse', async () => {
  // 'Ç' is shaped through 'C' plus a cedilla: a glyph first met that way must not lose its own
  // text in the next document, which uses 'C' and 'c' on their own.
  const before = 'Açıklama ÇİĞ Ödenecek';
  const after = 'Ticaret Cihazlar Önceki Dönem 1.234,56';
  await line(parsedOnce, before);
  const shared = await line(parsedOnce, after);
  const own = await line(fresh, after);
  assert.equal(Buffer.compare(Buffer.from(shared), Buffer.from(own)), 0, 'same bytes as with a fresh parse');
});
