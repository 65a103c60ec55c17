import type { PdfDocument } from '../pdf.ts';

/** The canvas pdf.js creates in Node (@napi-rs/canvas); its typings only say `Object`. */
interface NodeCanvasFactory {
  create(width: number, height: number): { canvas: { toBuffer(mime: 'image/png'): Buffer } };
  destroy(entry: unknown): void;
}

type RenderCanvas = Parameters<Awaited<ReturnType<PdfDocument['getPage']>>['render']>[0]['canvas'];

/**
 * One PDF page as a PNG. 150 DPI keeps 8-pt statement digits legible to a vision model while
 * an A4 page stays near 1240×1754 px (the model downsizes larger images anyway).
 */
export async function renderPagePng(doc: PdfDocument, pageNumber: number, dpi = 150): Promise<Buffer> {
  const page = await doc.getPage(pageNumber);
  const factory = doc.canvasFactory as NodeCanvasFactory;
  try {
    const viewport = page.getViewport({ scale: dpi / 72 });
    const entry = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    try {
      await page.render({ canvas: entry.canvas as unknown as RenderCanvas, viewport }).promise;
      return entry.canvas.toBuffer('image/png');
    } finally {
      factory.destroy(entry);
    }
  } finally {
    page.cleanup();
  }
}
