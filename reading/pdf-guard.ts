import { decodeChain, filterChain, OverBudget, Undecodable, type Budget } from './pdf-filters.ts';
import { codecImageSize, declaredImage, inlineImages, type ImageSize } from './pdf-images.ts';
import { emptyPasswordDecryptor, NeedsPassword, type StreamDecryptor } from './pdf-decrypt.ts';
import { scanObjects, TooManyStreams, type TrailerEncryption } from './pdf-objects.ts';
import { nameOf, numberOf, PdfLexer, PdfString, PdfSyntaxError, parseValue, type PdfDict } from './pdf-syntax.ts';

/**
 * Checks on raw PDF bytes before pdf.js sees them. A decompression bomb is a small file whose
 * streams decode to gigabytes; a giant image is a small file that asks the renderer for a
 * surface of gigapixels. The file is parsed linearly (pdf-syntax), every stream is decoded
 * through its whole filter chain with one shared output budget (pdf-filters), and every image
 * (XObject or inline) is measured against a pixel cap. A stream that cannot be decoded, and so
 * cannot be vouched for, is a rejection, never a pass.
 */
export type GuardReason = 'inflated_too_large' | 'too_many_streams' | 'undecodable_stream' | 'image_too_large' | 'malformed' | 'encrypted';

export interface GuardResult {
  ok: boolean;
  reason?: GuardReason;
  /** For image_too_large: the offending image's size in pixels. */
  image?: ImageSize;
  inflatedBytes: number;
  streams: number;
  /** The page tree says /Count 0 and there is no page object (pdf.js would invent a blank page). */
  noPages: boolean;
}

export interface GuardLimits {
  maxInflatedBytes: number;
  maxStreams: number;
  /** Largest image (width × height) a page may draw; an A3 scan at 600 dpi is ~70 Mpx. */
  maxImagePixels?: number;
}

export const DEFAULT_MAX_IMAGE_PIXELS = 100_000_000;

class Rejected extends Error {
  constructor(readonly reason: GuardReason, readonly image?: ImageSize) {
    super(reason);
  }
}

export async function guardPdf(bytes: Buffer, limits: GuardLimits): Promise<GuardResult> {
  const pages = { zeroCount: false, hasPage: false };
  const onDict = (d: PdfDict) => {
    const type = nameOf(d.get('Type'));
    if (type === 'Page') pages.hasPage = true;
    else if (type === 'Pages' && numberOf(d.get('Count')) === 0) pages.zeroCount = true;
  };
  const budget: Budget = { remaining: limits.maxInflatedBytes };
  const maxPixels = limits.maxImagePixels ?? DEFAULT_MAX_IMAGE_PIXELS;
  let streams = 0;
  const result = (reason?: GuardReason, image?: ImageSize): GuardResult => ({
    ok: !reason,
    ...(reason && { reason }),
    ...(image && { image }),
    inflatedBytes: reason === 'inflated_too_large' ? limits.maxInflatedBytes : limits.maxInflatedBytes - budget.remaining,
    streams,
    noPages: pages.zeroCount && !pages.hasPage,
  });
  try {
    const { streams: raw, encryption } = scanObjects(bytes, onDict, limits.maxStreams);
    // Stream data is checked as a reader will see it: decrypted with the empty user password.
    const decryptor = encryption && openEncryption(encryption);
    streams = raw.length;
    for (const s of raw) {
      const image = nameOf(s.dict.get('Subtype')) === 'Image';
      // Images are decoded by pdf.js only up to their declared size, so the pixel cap bounds them.
      if (image) checkPixels(declaredImage(s.dict), maxPixels);
      const data = bytes.subarray(s.start, s.end);
      await checkStream(decryptor ? decryptor.decrypt(s.num, s.gen, s.dict, data) : data, s.dict, image, budget, maxPixels, onDict);
    }
  } catch (e) {
    if (e instanceof Rejected) return result(e.reason, e.image);
    if (e instanceof TooManyStreams) return result('too_many_streams');
    if (e instanceof OverBudget) return result('inflated_too_large');
    if (e instanceof Undecodable) return result('undecodable_stream');
    if (e instanceof PdfSyntaxError) return result('malformed');
    throw e;
  }
  return result();
}

/** Encrypted stream data is noise until decrypted: a file that needs a password cannot be vouched for. */
function openEncryption({ encrypt, id }: TrailerEncryption): StreamDecryptor {
  const firstId = Array.isArray(id) && id[0] instanceof PdfString ? id[0].bytes : Buffer.alloc(0);
  try {
    if (!encrypt) throw new NeedsPassword('encryption dictionary not found');
    return emptyPasswordDecryptor(encrypt, firstId);
  } catch (e) {
    if (e instanceof NeedsPassword) throw new Rejected('encrypted');
    throw e;
  }
}

async function checkStream(data: Buffer, dict: PdfDict, image: boolean, budget: Budget, maxPixels: number, onDict: (d: PdfDict) => void): Promise<void> {
  const { names, parms } = filterChain(dict);
  if (image && !names.some((n) => n.startsWith('DCT') || n.startsWith('JPX'))) return;
  const { bytes, stoppedAt } = await decodeChain(data, names, parms, budget);
  if (stoppedAt) {
    // A JPEG or JPEG 2000 codestream carries its own size, which is what the decoder allocates.
    checkPixels(codecImageSize(stoppedAt, bytes), maxPixels);
    return;
  }
  if (image) return;
  if (nameOf(dict.get('Type')) === 'ObjStm') {
    // Compressed objects: the page tree may live here.
    const lex = new PdfLexer(bytes, Math.min(numberOf(dict.get('First')) ?? 0, bytes.length));
    while (parseValue(lex, onDict) !== undefined);
    return;
  }
  for (const size of inlineImages(bytes)) checkPixels(size, maxPixels);
}

function checkPixels(size: ImageSize | undefined, maxPixels: number): void {
  if (size && size.width * size.height > maxPixels) throw new Rejected('image_too_large', size);
}
