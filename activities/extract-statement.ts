import { Context } from '@temporalio/activity';
import { recordTimings, updateDocument } from '../db/queries/documents.ts';
import type { PdfReading } from '../reading/read-statement-pdf.ts';
import { readStatementOffThread } from '../reading/off-thread.ts';
import { RENDER_MODULE } from '../reports/off-thread.ts';
import { isUserErrorCode } from '../lib/user-errors.ts';
import { progressMessage } from '../domain/wording/progress-text.ts';
import type { ReplyTarget } from '../contracts/workflow.ts';
import { logger } from '../lib/logger.ts';
import { crossReadWithVision, needsSecondReader } from '../reading/vision-cross-read.ts';
import { ocrPagesTotal } from '../lib/metrics.ts';
import { activityLog } from './activity-log.ts';
import type { ActivityDeps } from './deps.ts';
import { badInput } from './failures.ts';
import { dropReadingCheckpoint, loadReadingCheckpoint, saveReadingCheckpoint } from './reading-checkpoint.ts';
import type { Locale } from '../contracts/locale.ts';

export type ExtractionResult = PdfReading;

/**
 * In a pool thread when the worker has one (always, in production); in this thread with an
 * injected OCR engine otherwise. A coded error from the reader (the OCR pixel budget) is bad
 * input: non-retryable, with the user's message.
 */
async function read(deps: ActivityDeps, bytes: Uint8Array, onPage: (page: number, of: number) => void): Promise<PdfReading | null> {
  const { config } = deps;
  const ocr = { workers: config.OCR_WORKERS, maxPagePixels: config.OCR_MAX_PAGE_PIXELS, maxDocumentPixels: config.OCR_MAX_DOCUMENT_PIXELS };
  try {
    const options = { maxPages: config.MAX_PAGES };
    if (deps.threads) return await readStatementOffThread(deps.threads, bytes, ocr, onPage, options);
    return await (await import('../reading/read-statement-pdf.ts')).readStatementPdf(bytes, onPage, deps.ocr, options);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && isUserErrorCode(code)) throw badInput(code, (err as { params?: Record<string, number> }).params ?? {}, err);
    throw err;
  }
}

/**
 * Reads the statement out of the stored PDF, heartbeating while it reads (per page and on a
 * timer). A retry after the database refused the result takes the reading the failed attempt
 * saved instead of reading again (reading-checkpoint.ts).
 */
export function createExtractStatement(deps: ActivityDeps) {
  const { db, storage } = deps;
  return async function extractStatement(input: ExtractInput): Promise<ExtractionResult> {
    const started = Date.now();
    const { info } = Context.current();
    const run = info.workflowExecution;
    const execution = run ? { workflowId: run.workflowId, runId: run.runId, activityId: info.activityId } : null;
    const saved = execution && info.attempt > 1 ? await loadReadingCheckpoint(storage, input.documentId, execution) : null;
    const reading = saved ?? (await readDocument(deps, input));
    if (saved) activityLog({ documentId: input.documentId }).info({ attempt: info.attempt }, 'reading taken from the failed attempt');
    try {
      await updateDocument(db, input.documentId, { method: reading.method });
      await recordTimings(db, input.documentId, { extractMs: Date.now() - started });
    } catch (e) {
      if (execution && !saved) await saveReadingCheckpoint(storage, input.documentId, execution, reading);
      throw e;
    }
    // A retry that read again (the saved reading unreadable) leaves none behind either.
    if (execution && info.attempt > 1) await dropReadingCheckpoint(storage, input.documentId);
    // The report comes next, once the analysis is done on the main queue: meanwhile the idle
    // rendering thread parses its fonts (once per thread). Best effort, never this activity's failure.
    void Promise.resolve()
      .then(() => deps.threads?.run(RENDER_MODULE, 'prepareRender', []))
      .catch(() => {});
    return reading;
  };
}

interface ExtractInput {
  documentId: number;
  storageKey: string;
  progress?: { reply: ReplyTarget; ref: string | null; locale: Locale; fileName: string };
}

/** Reads the document (and cross-reads it with vision where asked); bad input is non-retryable. */
async function readDocument(deps: ActivityDeps, input: ExtractInput): Promise<PdfReading> {
  const started = Date.now();
  const bytes = await deps.storage.get(input.storageKey);
  const poster = input.progress?.ref ? (input.progress.reply.channel === 'slack' ? deps.posters?.slack : input.progress.reply.channel === 'telegram' ? deps.posters?.telegram : undefined) : undefined;
  // Captured here: progress from a pool thread arrives outside the activity's async context.
  const activity = Context.current();
  let progress: { page: number; of: number } | { stage: string } = { stage: 'reading' };
  let lastBeat = Date.now();
  const onPage = (page: number, of: number) => {
    lastBeat = Date.now();
    activity.heartbeat((progress = { page, of }));
    const p = input.progress;
    // Progress edits are best effort: a failed edit must not fail (and re-run) the reading.
    if (poster && p?.ref && of > 1) {
      poster.update(p.reply, p.ref, progressMessage('reading', p.locale, { page, of, fileName: p.fileName })).catch(() => {});
    }
  };
  // The reading runs in a thread, so this event loop is free to say the worker is alive
  // (repeating the last progress) even while one slow page is being read; a dead process
  // still misses its heartbeats, a stuck thread hits the start-to-close timeout.
  // Only when no page has reported for half the timeout, checked four times as often: a
  // check every `every` let a page beat just after one check push the next keep-alive to
  // nearly 2 × every, past the timeout (a live reading of slow pages was retried).
  const every = Math.max(1000, (activity.info.heartbeatTimeoutMs ?? 60_000) * 0.5);
  const keepAlive = setInterval(() => {
    if (Date.now() - lastBeat < every) return;
    lastBeat = Date.now();
    activity.heartbeat(progress);
  }, every / 4);
  let reading: PdfReading | null;
  try {
    // A cancelled attempt (its heartbeats timed out while the thread was still reading) ends
    // here and frees its slot: awaiting the thread regardless held the heavy worker's slots
    // with attempts the server had given up on, and with every slot held the worker stopped
    // polling, so the retries it had scheduled never ran. The thread finishes the page on its own.
    reading = await Promise.race([read(deps, bytes, onPage), activity.cancelled]);
  } finally {
    clearInterval(keepAlive);
  }
  if (!reading) throw badInput('no_text');
  if (deps.vision && needsSecondReader(reading, deps.config.VISION_MODE)) {
    Context.current().heartbeat({ stage: 'vision' });
    reading = await crossReadWithVision(bytes, reading, deps.vision, (e) => logger.warn({ err: String(e), documentId: input.documentId }, 'vision cross-check failed; keeping the first reading'));
  }
  const keyed = reading.statement.lines.filter((l) => l.key !== null);
  if (!reading.statement.periods.length || keyed.length < 3) throw badInput('not_a_statement');
  ocrPagesTotal.inc(reading.pagesByMethod.ocr.length);
  activityLog({ documentId: input.documentId }).info({ method: reading.method, pages: reading.pages, ocrPages: reading.pagesByMethod.ocr.length, ms: Date.now() - started }, 'statement read');
  return reading;
}
