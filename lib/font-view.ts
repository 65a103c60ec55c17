/**
 * One document's view of a fontkit font parsed once (fontkit 1 under pdf-lib, fontkit 2 under
 * pdfkit: both keep the same state the same way). The parsed tables are shared; glyph objects
 * are not: fontkit keeps a glyph with the code points it was first asked for, and a glyph first
 * met in one document (a 'C' taken out of a 'Ç') would otherwise lose its text in the next.
 * What else fontkit caches (its layout engine, cmap lookups) is made on first use, on the view.
 */
export function fontView<T extends object>(parsed: T): T {
  return Object.assign(Object.create(parsed) as T, { _glyphs: {} });
}
