import { ApplicationFailure, condition, defineQuery, defineSignal, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';
import { askUser } from './ask-user.ts';
import { heavyQueue } from './queues.ts';
import type { AnalyzeStatementInput, AnalyzeStatementResult, ReviewDecision, Stage, WorkflowStatus } from '../contracts/workflow.ts';

export const statusQuery = defineQuery<WorkflowStatus>('status');
export const reviewSignal = defineSignal<[ReviewDecision]>('review');

// Quick database and storage steps: retried a few times for a restarting Postgres.
const quick = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '20 seconds', maximumAttempts: 5 },
});

// Reading a PDF can take minutes for scans; the activity heartbeats per page, so a dead
// worker is noticed within the heartbeat timeout instead of the whole start-to-close.
// 60 s, not less: on a busy worker a page can wait behind other documents' pages in the OCR
// pool (8 concurrent activities, one tesseract worker per core) and the vision cross-check
// runs up to OPENAI_TIMEOUT_MS between two heartbeats. Tests shorten it per run through
// `input.readingHeartbeatTimeout`.
const readingOptions = {
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '60 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 3 },
} as const;
const renderingOptions = {
  startToCloseTimeout: '3 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 3 },
} as const;

// Posting to Slack/Telegram: platforms rate-limit (429) and have bad minutes (5xx); keep
// trying for a while with backoff. Each post is keyed, so a retry never posts twice.
const chat = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

/**
 * One uploaded statement: download → intake → extract → validate (→ ask the user when the
 * numbers do not tie or a document fact is unsure: ask-user.ts) → analyze → persist → render
 * → reply. Orchestration only; every side effect is an activity so Temporal retries it.
 */
export async function analyzeStatement(input: AnalyzeStatementInput): Promise<AnalyzeStatementResult> {
  const started = Date.now();
  const key = workflowInfo().workflowId;
  const locale = input.locale ?? 'tr';
  const reply = input.reply ?? { channel: 'none' as const };
  const status: WorkflowStatus = { stage: 'received', documentId: null, review: [], errorCode: null };
  // Facts the user already stated (a re-run after a correction) are answers waiting to be applied.
  const inbox: ReviewDecision[] = (input.facts ?? []).map((answer) => ({ action: 'fact' as const, answer }));
  setHandler(statusQuery, () => status);
  setHandler(reviewSignal, (d) => void inbox.push(d));

  let progressRef: string | null = null;
  const stage = async (s: Stage) => {
    status.stage = s;
    if (reply.channel === 'none') return;
    progressRef = await chat.postProgress({ reply, ref: progressRef, stage: s, locale, key, fileName: input.fileName });
  };

  await stage('received');
  let documentId: number | null = null;
  try {
    const source = input.source ?? { kind: 'stored' as const, storageKey: input.sourceKey ?? '' };
    const sourceKey = source.kind === 'stored' ? source.storageKey : await chat.downloadUpload({ source });
    const intake = await quick.intakeDocument({ ...input, sourceKey, workflowId: key });
    documentId = status.documentId = intake.documentId;

    await stage('reading');
    const t0 = Date.now();
    // Reading and rendering go to the heavy task queue (OCR/render workers may be elsewhere).
    const taskQueue = heavyQueue(workflowInfo().taskQueue);
    const reader = proxyActivities<Activities>({ ...readingOptions, taskQueue, ...(input.readingHeartbeatTimeout ? { heartbeatTimeout: input.readingHeartbeatTimeout } : {}) });
    const rendering = proxyActivities<Activities>({ ...renderingOptions, taskQueue });
    const read = await reader.extractStatement({
      documentId: intake.documentId,
      storageKey: intake.storageKey,
      progress: { reply, ref: progressRef, locale, fileName: input.fileName },
    });
    const t1 = Date.now();
    await stage('checking');
    const { extraction, validation } = await askUser(
      // The caller decides who can answer (a terminal chat too, with no reply target): minutes > 0.
      { quick, chat, reply, key, locale, minutes: input.reviewTimeoutMinutes ?? 0, status, stage, inbox },
      { extraction: read, validation: await quick.validateStatement({ extraction: read }) },
    );

    await stage('analyzing');
    const analysis = await quick.analyzeFinancials({
      documentId: intake.documentId,
      fileName: input.fileName,
      sha256: intake.sha256,
      extraction,
      validation,
    });
    const t2 = Date.now();
    await quick.persistAnalysis({ documentId: intake.documentId, workspaceId: intake.workspaceId, analysis });
    await stage('rendering');
    const exports = await rendering.renderReports({ documentId: intake.documentId, workspaceId: intake.workspaceId, locale });
    const timings = { extractMs: t1 - t0, analyzeMs: t2 - t1, renderMs: Date.now() - t2, totalMs: Date.now() - started };
    await quick.completeDocument({ documentId: intake.documentId, timings, method: extraction.method });
    if (reply.channel !== 'none') await chat.deliverResults({ reply, key, documentId: intake.documentId, workspaceId: intake.workspaceId, locale });
    await stage('done');
    return { documentId: intake.documentId, status: 'done', method: extraction.method, pages: extraction.pages, validationStatus: validation.status, exports, timings };
  } catch (err) {
    // Keep the stored status true: the document is failed, with the reason's code.
    const failure = err instanceof ApplicationFailure ? err : (err as { cause?: unknown }).cause;
    const code = failure instanceof ApplicationFailure && failure.type ? failure.type : 'internal_error';
    const params = failure instanceof ApplicationFailure ? ((failure.details?.[0] ?? {}) as Record<string, string | number>) : {};
    const message = failure instanceof Error ? failure.message : String(err);
    status.errorCode = code;
    if (documentId !== null) await quick.failDocument({ documentId, code, message, rerun: Boolean(input.facts?.length) });
    if (reply.channel !== 'none') await chat.postFailure({ reply, key, locale, code, params, fileName: input.fileName });
    await stage('failed');
    throw err;
  }
}
