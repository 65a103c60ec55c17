import assert from 'node:assert/strict';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { settleInterruptedDocuments } from '../../activities/settle-interrupted.ts';
import { SlackPoster } from '../../bot/chat/slack-poster.ts';
import { storageDir } from '../../lib/config.ts';
import { failureCode } from '../../lib/failure-code.ts';
import { LocalFileStorage, type StorageFs } from '../../lib/storage.ts';
import { submitStatement } from '../../app/submit-statement.ts';
import { userMessage } from '../../lib/user-errors.ts';
import { createWorker, type WorkerGroup } from '../../app/worker.ts';
import { generateStatement } from '../generator/index.ts';
import { FakeSlack } from '../helpers/fake-slack.ts';
import { startTestRuntime } from '../helpers/test-runtime.ts';

/**
 * A file system whose writes fail like a full disk once `full(file)` says so: half the bytes
 * land in the file, then ENOSPC, as write(2) reports it.
 */
function fullDiskFs(full: (file: string) => boolean): StorageFs {
  return {
    ...fsp,
    async writeFile(file, data, opts) {
      if (!full(String(file))) return fsp.writeFile(file, data, opts);
      const bytes = data as Uint8Array;
      await fsp.writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
      throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    },
  };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fsp.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('storage faults, unclassified errors and interrupted runs', { timeout: 240_000 }, () => {
  let ctx: Awaited<ReturnType<typeof startTestRuntime>>;
  let worker: WorkerGroup;
  let workerDone: Promise<void>;
  let closeConnection: () => Promise<void>;
  let slack: FakeSlack;
  let valid: Awaited<ReturnType<typeof generateStatement>>;
  let root: string;
  /** Export writes after this many succeed hit a full disk (Infinity: the disk is fine). */
  let exportWritesLeft = Infinity;

  before(async () => {
    // No in-process worker (the test builds its own, on a storage whose disk fills up), on the
    // suite's servers under npm test: no cluster and dev server of the file's own to start.
    ctx = await startTestRuntime({}, { worker: false });
    slack = await new FakeSlack().start();
    valid = await generateStatement({ seed: 5150, layout: 't1-detailed' });
    root = storageDir(ctx.config);
    const storage = new LocalFileStorage(root, fullDiskFs((file) => file.includes(`${path.sep}exports${path.sep}`) && exportWritesLeft-- <= 0));
    // The token is wrong for file downloads on purpose: Slack answers 403, a blocked download.
    const posters = { slack: new SlackPoster('xoxb-not-allowed-to-download', { apiUrl: slack.apiUrl, fileHosts: ['127.0.0.1'] }) };
    const created = await createWorker({ config: ctx.config, db: ctx.rt.db, storage, posters }, ctx.temporalAddress);
    worker = created.worker;
    workerDone = worker.run();
    closeConnection = () => created.connection.close();
  });
  after(async () => {
    worker?.shutdown();
    await workerDone;
    await closeConnection?.();
    await slack?.stop();
    await ctx?.cleanup();
  });

  it('a full disk while rendering stores none of the result, leaves no temporary file, and says so in TR/EN', async () => {
    exportWritesLeft = 3;
    const t0 = Date.now();
    const run = await submitStatement(ctx.rt, { workspace: { kind: 'local', externalId: 'disk' }, fileName: 'full-disk.pdf', bytes: valid.pdf });
    const code = await run.result().then(() => 'ok', (e: unknown) => failureCode(e).code);
    exportWritesLeft = Infinity;
    assert.equal(code, 'storage_full');
    assert.ok(Date.now() - t0 < 60_000, `${Date.now() - t0} ms`);
    const doc = await ctx.rt.db.selectFrom('documents').selectAll().where('file_name', '=', 'full-disk.pdf').executeTakeFirstOrThrow();
    assert.equal(doc.status, 'failed');
    assert.equal(doc.error_code, 'storage_full');
    for (const table of ['analysis_results', 'financial_statements', 'exports'] as const) {
      const rows = await ctx.rt.db.selectFrom(table).select('id').where('document_id', '=', doc.id).execute();
      assert.deepEqual(rows, [], `${table} rows of the failed document`);
    }
    const files = await filesUnder(root);
    assert.deepEqual(files.filter((f) => f.endsWith('.tmp')), [], 'temporary files');
    assert.deepEqual(files.filter((f) => f.includes(`exports${path.sep}${doc.id}${path.sep}`)), [], 'export files');
    for (const locale of ['tr', 'en'] as const) assert.doesNotMatch(userMessage(code, locale), /unexpected|beklenmeyen/i);

    // The disk has room again: the same file goes through, whole.
    const again = await submitStatement(ctx.rt, { workspace: { kind: 'local', externalId: 'disk' }, fileName: 'full-disk.pdf', bytes: valid.pdf });
    assert.equal((await again.result()).status, 'done');
  });

  it('a full disk at upload is a storage_full message, with nothing half-written', async () => {
    const full = new LocalFileStorage(root, fullDiskFs(() => true));
    const err = await submitStatement({ ...ctx.rt, storage: full }, { workspace: { kind: 'local', externalId: 'disk' }, fileName: 'upload.pdf', bytes: valid.pdf }).then(
      () => null,
      (e: unknown) => e,
    );
    assert.equal(failureCode(err).code, 'storage_full');
    assert.deepEqual((await filesUnder(root)).filter((f) => f.endsWith('.tmp')), []);
  });

  it('a blocked Slack download fails quickly as download_failed, and the thread is told so', async () => {
    slack.files.set('F1', Buffer.from(valid.pdf));
    const t0 = Date.now();
    const handle = await ctx.rt.client.workflow.start('analyzeStatement', {
      taskQueue: ctx.config.TEMPORAL_TASK_QUEUE,
      workflowId: `blocked-download-${Date.now()}`,
      args: [{ workspace: { kind: 'slack', externalId: 'T1' }, fileName: 'blocked.pdf', source: { kind: 'slack', fileId: 'F1', url: slack.fileUrl('F1', 'blocked.pdf') }, reply: { channel: 'slack', channelId: 'C1', threadTs: '1.1' }, locale: 'tr' }],
    });
    const code = await handle.result().then(() => 'ok', (e: unknown) => failureCode(e).code);
    assert.equal(code, 'download_failed');
    assert.ok(Date.now() - t0 < 60_000, `${Date.now() - t0} ms`);
    const posted = slack.calls.filter((c) => c.method === 'chat.postMessage').map((c) => String(c.params.text ?? ''));
    assert.ok(posted.some((t) => t.includes(userMessage('download_failed', 'tr'))), posted.join('\n'));
    assert.ok(!posted.some((t) => /beklenmeyen/i.test(t)));
  });

  it('documents left processing by runs that no longer exist are settled as interrupted; running ones are left alone', async () => {
    const db = ctx.rt.db;
    const ws = await db.insertInto('workspaces').values({ kind: 'local', external_id: 'sweep', name: 'Sweep' } as never).returning('id').executeTakeFirstOrThrow();
    // A run that is still going: started on a queue nobody polls, so it waits for ever.
    const running = await ctx.rt.client.workflow.start('analyzeStatement', { taskQueue: 'nobody-polls', workflowId: `still-running-${Date.now()}`, args: [{}] });
    const terminated = await ctx.rt.client.workflow.start('analyzeStatement', { taskQueue: 'nobody-polls', workflowId: `killed-${Date.now()}`, args: [{}] });
    await terminated.terminate('the machine died');
    const doc = async (name: string, workflowId: string | null) =>
      (await db.insertInto('documents').values({ workspace_id: ws.id, file_name: name, sha256: name, storage_key: `documents/${name}.pdf`, size_bytes: 1, status: 'processing', workflow_id: workflowId, timings: '{}', updated_at: new Date(Date.now() - 3600_000) } as never).returning('id').executeTakeFirstOrThrow()).id;
    const ids = { running: await doc('running', running.workflowId), terminated: await doc('terminated', terminated.workflowId), lost: await doc('lost', 'never-existed'), fresh: 0 };
    ids.fresh = (await db.insertInto('documents').values({ workspace_id: ws.id, file_name: 'fresh', sha256: 'fresh', storage_key: 'documents/fresh.pdf', size_bytes: 1, status: 'received', workflow_id: 'starting', timings: '{}' } as never).returning('id').executeTakeFirstOrThrow()).id;

    // Through the scheduled workflow and its activity, as production runs it.
    const result = await ctx.rt.client.workflow.execute('settleInterruptedDocuments', { taskQueue: ctx.config.TEMPORAL_TASK_QUEUE, workflowId: `sweep-${Date.now()}`, args: [] });
    assert.equal((result as { settled: number }).settled, 2);
    const status = async (id: number) => db.selectFrom('documents').select(['status', 'error_code']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(await status(ids.terminated), { status: 'failed', error_code: 'interrupted' });
    assert.deepEqual(await status(ids.lost), { status: 'failed', error_code: 'interrupted' });
    assert.deepEqual(await status(ids.running), { status: 'processing', error_code: null });
    assert.deepEqual(await status(ids.fresh), { status: 'received', error_code: null }, 'too young to judge');
    for (const locale of ['tr', 'en'] as const) assert.doesNotMatch(userMessage('interrupted', locale), /unexpected|beklenmeyen/i);

    await running.terminate('test over');
    const second = await settleInterruptedDocuments({ db, storage: ctx.rt.storage }, ctx.rt.client);
    assert.deepEqual(second.settled, [ids.running]);
    assert.deepEqual(await status(ids.running), { status: 'failed', error_code: 'interrupted' });
  });
});
