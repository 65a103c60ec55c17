/**
 * Fault tolerance, end to end on the real Temporal dev server and embedded Postgres, with the
 * worker as a separate process and Slack as a local fake:
 *   1. the worker is SIGKILLed in the middle of OCR; a new worker process takes over after the
 *      reading activity's heartbeat timeout and the user still gets exactly one reply;
 *   2. Postgres is stopped while a scan is being read and started again seconds later; the
 *      activity retries, the workflow completes, nothing is half-written;
 *   3. Slack answers 429 (Retry-After) and 500s while results are delivered; retries back off
 *      and no message is posted twice.
 * Measured recovery times are printed as `# …` lines.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { WorkflowHandle } from '@temporalio/client';
import { decodeTimeoutType, defaultPayloadConverter } from '@temporalio/common';
import { tsToMs } from '@temporalio/common/lib/time.js';
import { PDFDocument } from 'pdf-lib';
import { openPdf } from '../../reading/pdf.ts';
import { renderPagePng } from '../../reading/vision/render-page.ts';
import type { analyzeStatement } from '../../workflows/analyze-statement.ts';
import type { AnalyzeStatementInput } from '../../contracts/workflow.ts';
import { generateStatement, type Truth } from '../generator/index.ts';
import { drawImageRef, embedRgbImage, pngToRgb } from '../generator/raw-image.ts';
import { FakeSlack } from '../helpers/fake-slack.ts';
import { startRuntimeWithoutWorker, startWorkerProcess, type WorkerProcess } from '../helpers/worker-process.ts';
import { waitUntil } from '../helpers/wait-until.ts';

const HEARTBEAT_TIMEOUT = '10 seconds';

/** The worker process currently serving the task queue. */
let worker: WorkerProcess | null = null;


/** The digital statement as a scan: every page a 150-DPI image, no text layer. */
async function scanOf(pdf: Uint8Array): Promise<Uint8Array> {
  const src = await openPdf(pdf);
  const out = await PDFDocument.create();
  try {
    for (let p = 1; p <= src.numPages; p++) {
      const [x0, y0, x1, y1] = (await src.getPage(p)).view as [number, number, number, number];
      drawImageRef(out.addPage([x1 - x0, y1 - y0]), embedRgbImage(out, await pngToRgb(await renderPagePng(src, p, 150))));
    }
  } finally {
    await src.destroy();
  }
  return out.save();
}

type Handle = WorkflowHandle<typeof analyzeStatement>;

/** The workflow's result, or the worker's crash output if the worker process dies first. */
async function finished(handle: Handle) {
  let timer: NodeJS.Timeout | undefined;
  const crashed = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      try {
        worker?.assertAlive();
      } catch (e) {
        reject(e);
      }
    }, 250);
  });
  try {
    return await Promise.race([handle.result(), crashed]);
  } finally {
    clearInterval(timer);
  }
}

/** The reading activity as the server sees it: attempt, state, last heartbeat, last failure. */
async function pendingExtract(handle: Handle) {
  const { raw } = await handle.describe();
  const a = raw.pendingActivities?.find((p) => p.activityType?.name === 'extractStatement');
  if (!a) return undefined;
  const details = a.heartbeatDetails?.payloads?.[0];
  return {
    attempt: a.attempt ?? 1,
    started: Boolean(a.lastStartedTime),
    heartbeat: details ? defaultPayloadConverter.fromPayload<{ page?: number; of?: number }>(details) : undefined,
    lastFailure: a.lastFailure?.message ?? null,
    worker: a.lastWorkerIdentity ?? '',
  };
}

/** Every started attempt of an activity type, from the workflow history. */
async function attemptsOf(handle: Handle, activity: string) {
  const events = (await handle.fetchHistory()).events ?? [];
  const scheduled = new Set(events.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === activity).map((e) => String(e.eventId)));
  return events
    .filter((e) => e.activityTaskStartedEventAttributes && scheduled.has(String(e.activityTaskStartedEventAttributes.scheduledEventId)))
    .map((e) => {
      const s = e.activityTaskStartedEventAttributes!;
      return { attempt: s.attempt ?? 1, at: tsToMs(e.eventTime), identity: s.identity ?? '', lastFailure: s.lastFailure ?? null };
    });
}

const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

describe('fault tolerance: worker crash, Postgres restart, Slack errors', { timeout: 240_000 }, () => {
  const slack = new FakeSlack();
  let ctx: Awaited<ReturnType<typeof startRuntimeWithoutWorker>>;
  let truth: Truth;
  let storageKey: string;
  /** The same statement as a digital PDF: the Slack test is about delivery, and needs no OCR. */
  let digitalKey: string;
  const report: string[] = [];

  before(async () => {
    await slack.start();
    // The summary layout: two pages, as the crash needs (killed between them), at ~60 % of the
    // detailed layout's OCR time, which this file pays five times over.
    const generated = generateStatement({ seed: 4242, layout: 't2-summary', periods: ['2024-12-31', '2023-12-31'] });
    ctx = await startRuntimeWithoutWorker({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: slack.apiUrl });
    truth = (await generated).truth;
    storageKey = await ctx.rt.storage.put(await scanOf((await generated).pdf), { prefix: 'uploads', ext: '.pdf' });
    digitalKey = await ctx.rt.storage.put((await generated).pdf, { prefix: 'uploads', ext: '.pdf' });
  });

  after(async () => {
    await worker?.stop();
    await ctx?.cleanup();
    await slack.stop();
    for (const line of report) console.log(`# ${line}`);
  });

  const start = (name: string, reply: { channelId: string; threadTs: string }, key = storageKey): Promise<Handle> => {
    const input: AnalyzeStatementInput = {
      workspace: { kind: 'slack', externalId: `T-${name}`, name },
      userExternalId: 'U1',
      fileName: `${name}.pdf`,
      source: { kind: 'stored', storageKey: key },
      reply: { channel: 'slack', ...reply },
      threadKey: `slack:${reply.channelId}:${reply.threadTs}`,
      locale: 'tr',
      readingHeartbeatTimeout: HEARTBEAT_TIMEOUT,
    };
    return ctx.rt.client.workflow.start<typeof analyzeStatement>('analyzeStatement', { taskQueue: ctx.config.TEMPORAL_TASK_QUEUE, workflowId: `fault-${name}-${Date.now()}`, args: [input] });
  };

  /** What the user sees in a thread: posts (summary, progress) and completed uploads. */
  const thread = (threadTs: string, fileName: string) => {
    const all = slack.called('chat.postMessage').filter((c) => c.params.thread_ts === threadTs);
    // A company's first result ends with the one question about its sector (asked once, ever).
    const sectorQuestions = all.filter((c) => (c.params.text ?? '').includes('NACE'));
    assert.ok(sectorQuestions.length <= 1, 'the sector question at most once');
    const posts = all.filter((c) => !sectorQuestions.includes(c));
    return {
      summaries: posts.filter((c) => (c.params.text ?? '').includes('Doğrulama')),
      progress: posts.filter((c) => (c.params.text ?? '').includes(fileName)),
      posts,
      uploads: slack.called('files.completeUploadExternal').filter((c) => c.params.thread_ts === threadTs),
    };
  };

  /** One document for the workflow, with exactly one analysis and its statements, nothing else. */
  const assertWholeAnalysis = async (documentId: number, workspaceExternalId: string) => {
    const { db } = ctx.rt;
    const workspace = await db.selectFrom('workspaces').select('id').where('external_id', '=', workspaceExternalId).executeTakeFirstOrThrow();
    const docs = await db.selectFrom('documents').selectAll().where('workspace_id', '=', workspace.id).execute();
    assert.equal(docs.length, 1, 'one document');
    const doc = docs[0]!;
    assert.equal(doc.id, documentId);
    assert.equal(doc.status, 'done');
    assert.equal(doc.method, 'ocr');
    assert.ok(doc.company_id, 'the document names its company');
    const results = await db.selectFrom('analysis_results').select('document_id').where('document_id', '=', documentId).execute();
    assert.equal(results.length, 1, 'one analysis_results row');
    const statements = await db.selectFrom('financial_statements').selectAll().where('document_id', '=', documentId).execute();
    assert.equal(statements.length, truth.periods.length * truth.statements.length, 'one statement per period and type');
    assert.ok(statements.every((s) => s.company_id === doc.company_id && s.superseded_by === null), 'statements belong to the document’s company, none superseded');
    const companies = await db.selectFrom('companies').select('id').where('workspace_id', '=', workspace.id).execute();
    assert.deepEqual(companies.map((c) => c.id), [doc.company_id], 'no orphan company');
    const analyzed = await db.selectFrom('audit_log').select('id').where('action', '=', 'document.analyzed').where('subject', '=', `document:${documentId}`).execute();
    assert.equal(analyzed.length, 1, 'persisted once');
    // Globally: nothing points at a document or company that does not exist.
    const orphans = await db
      .selectFrom('financial_statements as s')
      .leftJoin('documents as d', 'd.id', 's.document_id')
      .leftJoin('companies as c', 'c.id', 's.company_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where((eb) => eb.or([eb('d.id', 'is', null), eb('c.id', 'is', null)]))
      .executeTakeFirstOrThrow();
    assert.equal(Number(orphans.n), 0, 'no orphan statements');
    const emptyCompanies = await db
      .selectFrom('companies as c')
      .leftJoin('documents as d', 'd.company_id', 'c.id')
      .select('c.id')
      .where('d.id', 'is', null)
      .execute();
    assert.deepEqual(emptyCompanies, [], 'no company without a document');
  };

  it('a worker killed in the middle of OCR: a new worker process finishes it, one reply', async () => {
    worker = await startWorkerProcess(ctx.env);
    const handle = await start('crash', { channelId: 'C1', threadTs: '1.1' });

    // Reading has begun and at least one page is done (heartbeat), but not the whole scan.
    const before = await waitUntil('a heartbeat from the reading activity', async () => {
      const a = await pendingExtract(handle);
      return a?.heartbeat?.page ? a : undefined;
    }, 90_000, 50);
    const killedAt = Date.now();
    await worker.kill();
    assert.equal(before.attempt, 1);
    assert.ok(before.heartbeat!.of! > 1, 'a multi-page scan');
    assert.equal((await pendingExtract(handle))?.attempt, 1, 'killed while attempt 1 was still reading');

    worker = await startWorkerProcess(ctx.env);
    const result = await finished(handle);
    const doneAt = Date.now();
    assert.equal(result.status, 'done');
    assert.equal(result.method, 'ocr');

    // Attempt 1 died with the worker (heartbeat timeout); attempt 2 ran on the new process.
    const attempts = await attemptsOf(handle, 'extractStatement');
    assert.deepEqual(attempts.map((a) => a.attempt), [2], 'the completed reading was attempt 2');
    assert.equal(decodeTimeoutType(attempts[0]!.lastFailure?.timeoutFailureInfo?.timeoutType), 'HEARTBEAT', 'attempt 1 timed out on heartbeats');

    const seen = thread('1.1', 'crash.pdf');
    assert.equal(seen.summaries.length, 1, 'exactly one summary');
    assert.equal(seen.progress.length, 1, 'exactly one progress message');
    assert.equal(seen.posts.length, 2, 'no other message');
    assert.equal(seen.uploads.length, 2, 'charts and files, once each');
    assert.ok(slack.called('chat.update').some((c) => /sayfa \d\/\d/.test(c.params.text ?? '')), 'page progress was shown');
    await assertWholeAnalysis(result.documentId, 'T-crash');

    report.push(`worker SIGKILL mid-OCR (page ${before.heartbeat!.page}/${before.heartbeat!.of} read; heartbeat timeout ${HEARTBEAT_TIMEOUT}): ` +
      `reading restarted on the new worker ${sec(attempts[0]!.at - killedAt)} after the kill, workflow done ${sec(doneAt - killedAt)} after the kill`);
  });

  it('Postgres stopped while a scan is read and started again: the activity retries, nothing half-written', async () => {
    const handle = await start('pgrestart', { channelId: 'C2', threadTs: '2.2' });
    await waitUntil('the reading activity to start', async () => (await pendingExtract(handle))?.started, 60_000, 50);

    const downAt = Date.now();
    await ctx.postgres.stop();
    // The read finishes while the database is down: recording its result fails, and Temporal
    // schedules attempt 2. Postgres comes back a few seconds after it went down.
    const failed = await waitUntil('the reading activity to fail on the database', async () => {
      const a = await pendingExtract(handle);
      return a && a.attempt >= 2 && a.lastFailure ? a : undefined;
    }, 60_000, 100);
    await new Promise((r) => setTimeout(r, Math.max(0, 3000 - (Date.now() - downAt))));
    await ctx.postgres.start();
    const upAt = Date.now();

    const result = await finished(handle);
    const doneAt = Date.now();
    assert.equal(result.status, 'done');
    const attempts = await attemptsOf(handle, 'extractStatement');
    assert.ok(attempts.at(-1)!.attempt >= 2, 'reading was retried');
    assert.match(failed.lastFailure ?? '', /ECONNREFUSED|connect|terminat|shutting down|Connection/i, 'it failed on the database');

    await assertWholeAnalysis(result.documentId, 'T-pgrestart');
    const seen = thread('2.2', 'pgrestart.pdf');
    assert.equal(seen.summaries.length, 1, 'exactly one summary');
    assert.equal(seen.progress.length, 1, 'exactly one progress message');

    report.push(`Postgres down ${sec(upAt - downAt)} during reading (attempt 1 failed: "${failed.lastFailure?.slice(0, 60)}"): ` +
      `workflow done ${sec(doneAt - upAt)} after Postgres was back (${attempts.at(-1)!.attempt} reading attempts)`);
  });

  it('Slack 429 (Retry-After) and 500s while delivering results: backed off, retried, never posted twice', async () => {
    const handle = await start('slack', { channelId: 'C3', threadTs: '3.3' }, digitalKey);
    await waitUntil('the progress message', () => thread('3.3', 'slack.pdf').progress.length > 0, 60_000, 20);
    // The next chat.postMessage is the summary: rate-limited for 1 s, then a 500, then fine —
    // all inside the Slack client's own retries.
    slack.failNext('chat.postMessage', 429, 1);
    slack.failNext('chat.postMessage', 500);
    // Completing the chart upload then fails more often than the client retries (1 + 5): the
    // activity fails after the summary went out, and Temporal's retry must not post it again.
    for (let i = 0; i < 6; i++) slack.failNext('files.completeUploadExternal', 500);

    const result = await finished(handle);
    assert.equal(result.status, 'done');

    const failures = slack.calls.filter((c) => c.method.includes('!'));
    assert.deepEqual(failures.map((c) => c.method), ['chat.postMessage!429', 'chat.postMessage!500', ...Array(6).fill('files.completeUploadExternal!500')]);
    const seen = thread('3.3', 'slack.pdf');
    assert.equal(seen.summaries.length, 1, 'exactly one summary');
    assert.equal(seen.progress.length, 1, 'exactly one progress message');
    assert.equal(seen.posts.length, 2, 'no other message');
    assert.equal(seen.uploads.length, 2, 'charts and files, once each');

    // Backoff: Retry-After honoured after the 429, growing gaps between the 500s.
    const postCalls = slack.calls.filter((c) => c.method.startsWith('chat.postMessage') && c.params.thread_ts === '3.3').slice(1);
    assert.ok(postCalls[1]!.at - postCalls[0]!.at >= 950, `waited ${postCalls[1]!.at - postCalls[0]!.at} ms after Retry-After: 1`);
    const uploadFails = failures.filter((c) => c.method.startsWith('files.'));
    const gaps = uploadFails.slice(1).map((c, i) => c.at - uploadFails[i]!.at);
    assert.ok(gaps.every((g, i) => i === 0 || g >= gaps[i - 1]! * 1.5), `gaps grow: ${gaps.join(', ')} ms`);
    const deliveries = await attemptsOf(handle, 'deliverResults');
    assert.deepEqual(deliveries.map((d) => d.attempt), [2], 'delivery retried once by Temporal');

    const lastUpload = seen.uploads.at(-1)!.at;
    report.push(`Slack 429 (Retry-After 1) + 500 on the summary: posted ${sec(postCalls.at(-1)!.at - postCalls[0]!.at)} after the 429; ` +
      `6 × 500 on upload: delivered ${sec(lastUpload - uploadFails[0]!.at)} after the first upload failure (client retries, then Temporal attempt 2); one summary`);
  });
});
