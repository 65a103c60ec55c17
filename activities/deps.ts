import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ChatPoster } from '../lib/chat/chat-poster.ts';
import type { Config } from '../lib/config.ts';
import type { OcrEngine } from '../lib/ocr/index.ts';
import type { FileStorage } from '../lib/storage.ts';
import type { VisionReader } from '../lib/vision/index.ts';

/** Expensive clients, created once per worker and shared by every activity. */
export interface ActivityDeps {
  config: Config;
  db: Kysely<Database>;
  storage: FileStorage;
  /** Chat platforms this worker can post to (made once from the configured tokens). */
  posters?: { slack?: ChatPoster; telegram?: ChatPoster };
  /** OCR for scanned pages (a tesseract worker pool, created once per worker process). */
  ocr?: OcrEngine;
  /** Optional second reader (a vision model through the openai SDK) for unsure readings. */
  vision?: VisionReader;
}
