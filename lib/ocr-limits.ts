/** OCR resource defaults, shared by the engine and lib/config.ts (kept free of heavy imports). */
export const DEFAULT_OCR_DPI = 300;
/** A4 at 300 DPI is 2480×3508 = 8.7 MP; A3 at 300 DPI (17.4 MP) is read at ~250 DPI. */
export const DEFAULT_MAX_PAGE_PIXELS = 12_000_000;
/** About 23 A4 pages at 300 DPI: a statement's scanned pages fit many times over. */
export const DEFAULT_MAX_DOCUMENT_PIXELS = 200_000_000;
