import { createOcrEngine, type OcrEngine, type OcrPageStats } from './index.ts';

/**
 * The tesseract pool costs about a second and a few hundred MB to start; a worker that only
 * ever sees digital PDFs should not pay for it. Created on the first scanned page, then kept.
 */
export function lazyOcrEngine(create: () => Promise<OcrEngine> = () => createOcrEngine()): OcrEngine {
  let engine: Promise<OcrEngine> | null = null;
  let ready: OcrEngine | null = null;
  const get = () =>
    (engine ??= create().then(
      (e) => (ready = e),
      (e: unknown) => {
        engine = null; // a failed start is retried on the next scanned page
        throw e;
      },
    ));
  return {
    recognizePage: async (doc, page) => (await get()).recognizePage(doc, page),
    recognizeRegion: async (doc, page, box, opts) => (await get()).recognizeRegion(doc, page, box, opts),
    get stats(): OcrPageStats[] {
      return ready?.stats ?? [];
    },
    terminate: async () => {
      if (engine) await (await engine).terminate();
    },
  };
}
