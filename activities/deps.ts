import type { Kysely } from 'kysely';
import type { PriceIndices } from '../db/price-indices.ts';
import type { Database } from '../db/schema.ts';
import type { ChatPoster } from '../bot/chat/chat-poster.ts';
import type { Config } from '../lib/config.ts';
import type { OcrEngine } from '../reading/ocr/index.ts';
import type { FileStorage } from '../lib/storage.ts';
import type { ThreadPool } from '../lib/thread-pool/index.ts';
import type { VisionReader } from '../reading/vision/index.ts';

/** Expensive clients, created once per worker and shared by every activity. */
export interface ActivityDeps {
  config: Config;
  db: Kysely<Database>;
  storage: FileStorage;
  /** Chat platforms this worker can post to (made once from the configured tokens). */
  posters?: { slack?: ChatPoster; telegram?: ChatPoster };
  /** OCR for scanned pages read in this thread (tests, eval); unused when `threads` is set. */
  ocr?: OcrEngine;
  /** Threads for CPU-heavy work (reading, OCR, rendering): off the workflow event loop. */
  threads?: ThreadPool;
  /** Optional second reader (a vision model through the openai SDK) for unsure readings. */
  vision?: VisionReader;
  /** Price indices for real change; default: the bundled series, read once. */
  priceIndices?: PriceIndices;
}
