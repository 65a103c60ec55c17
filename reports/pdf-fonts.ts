import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fontView } from '../lib/font-view.ts';

/**
 * The report's DejaVu faces for pdfkit (its built-in Helvetica cannot draw ğ ş ı İ), parsed
 * once per thread.
 *
 * pdfkit hands a face's bytes to fontkit for every document and fontkit parses it anew: on a
 * warm worker that parsing (DejaVu's large kerning and mark tables above all) was about half
 * of the PDF's render time. So the report registers, instead of each face's bytes, a short
 * token that fontkit's own formats do not recognise, and a format of ours (fontkit's
 * `registerFormat`) that turns a token into a view of the face parsed once, with glyphs of its
 * own (lib/font-view.ts; tests/unit/reports-pdf-charts.test.ts reads an English report drawn
 * after a Turkish one).
 */
const FACES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  cond: 'DejaVuSansCondensed.ttf',
  condBold: 'DejaVuSansCondensed-Bold.ttf',
} as const;
export type FaceName = keyof typeof FACES;

/** A fontkit font; only fontkit and pdfkit look inside. */
type ParsedFont = object;
interface Fontkit {
  create(buffer: Uint8Array): ParsedFont;
  registerFormat(format: unknown): void;
}

const require = createRequire(import.meta.url);
/** Token → the face parsed once. */
const parsed = new WeakMap<Uint8Array, ParsedFont>();
let tokens: Record<FaceName, Uint8Array> | undefined;

/** fontkit's "format" of tokens: `create(token)` probes it and constructs the view. */
class ParsedOnce {
  static probe(buffer: Uint8Array): boolean {
    return parsed.has(buffer);
  }
  constructor(stream: { buffer: Uint8Array }) {
    return fontView(parsed.get(stream.buffer)!);
  }
}

/** The faces by the names the report draws with, as tokens to pass to pdfkit's `registerFont`. */
export function reportFaces(): Record<FaceName, Uint8Array> {
  if (tokens) return tokens;
  // The fontkit pdfkit itself loads.
  const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as Fontkit;
  fontkit.registerFormat(ParsedOnce);
  const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const entries = Object.entries(FACES).map(([name, file]) => {
    const token = new TextEncoder().encode(`parsed-once:${file}`);
    parsed.set(token, fontkit.create(readFileSync(path.join(dir, file))));
    return [name, token] as const;
  });
  tokens = Object.fromEntries(entries) as Record<FaceName, Uint8Array>;
  return tokens;
}
