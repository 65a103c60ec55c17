/**
 * The DejaVu faces generated PDFs embed, and the fontkit pdf-lib lays their text out with.
 *
 * pdf-lib's `embedFont` hands the file's bytes to `fontkit.create`, which parses the font anew
 * for every document; DejaVu's layout tables (GSUB/GPOS) then cost ~0.1 s of parsing on each
 * document's first line of text, which made fontkit the largest single cost of the unit tests.
 * So each face is parsed once per process, and each document gets a view of it with glyphs of
 * its own (lib/font-view.ts). The PDFs stay byte-for-byte what a fresh parse gives
 * (tests/unit/generator-fonts.test.ts).
 */
import { readFile } from 'node:fs/promises';
import * as fontkitModule from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { fontView } from '../../lib/font-view.ts';

// The package is UMD: under Node ESM the API sits on `default`, which its typings do not declare.
const upstream = (fontkitModule as unknown as { default?: typeof fontkitModule }).default ?? fontkitModule;

export type DejaVuFace =
  | 'DejaVuSans.ttf'
  | 'DejaVuSans-Bold.ttf'
  | 'DejaVuSerif.ttf'
  | 'DejaVuSerif-Bold.ttf'
  | 'DejaVuSansCondensed.ttf'
  | 'DejaVuSansCondensed-Bold.ttf';

const FONT_DIR = new URL('../../node_modules/dejavu-fonts-ttf/ttf/', import.meta.url);
const files = new Map<DejaVuFace, Promise<Uint8Array>>();
const parsed = new WeakMap<Uint8Array, ReturnType<typeof upstream.create>>();

/** The face's bytes, read once per process (the same object every time, so its parse is kept too). */
export function dejaVu(face: DejaVuFace): Promise<Uint8Array> {
  let bytes = files.get(face);
  if (!bytes) files.set(face, (bytes = readFile(new URL(face, FONT_DIR))));
  return bytes;
}

/** fontkit, except that `create` parses the same bytes only once (see above). */
export const fontkit: typeof upstream = {
  ...upstream,
  create(data: Uint8Array, postscriptName?: string) {
    if (postscriptName) return upstream.create(data, postscriptName);
    let base = parsed.get(data);
    if (!base) parsed.set(data, (base = upstream.create(data)));
    return fontView(base);
  },
};

/** `face` embedded in `doc` as a subset (what accounting software writes), under a fixed name when given. */
export async function embedDejaVu(doc: PDFDocument, face: DejaVuFace, customName?: string): Promise<PDFFont> {
  doc.registerFontkit(fontkit);
  return doc.embedFont(await dejaVu(face), { subset: true, ...(customName ? { customName } : {}) });
}
