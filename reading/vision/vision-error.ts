import type { VisionPage } from './schema.ts';

/**
 * What the pipeline knows of a vision reader, apart from the OpenAI client that implements it
 * (vision-reader.ts), so that code naming a reader or its errors does not load the SDK.
 */
export type VisionErrorKind = 'invalid-output' | 'refusal' | 'timeout' | 'rate-limited' | 'server' | 'unavailable' | 'api';

/** Every failure of a vision read. The caller treats any of them as "no vision reading" and falls back. */
export class VisionError extends Error {
  override name = 'VisionError';
  constructor(readonly kind: VisionErrorKind, message: string, readonly page?: number, options?: ErrorOptions) {
    super(message, options);
  }
}

export interface VisionReaderOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  /** Per HTTP attempt; the SDK retries timeouts, 429 and 5xx up to `maxRetries` times. */
  timeoutMs: number;
  maxRetries?: number;
}

export interface VisionHints {
  /** Period ends already read from the text layer / OCR, so both readings use the same columns. */
  periods?: string[];
}

export interface VisionReader {
  readPage(png: Buffer, pageNumber: number, hints?: VisionHints): Promise<VisionPage>;
}
