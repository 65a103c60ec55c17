import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MockActivityEnvironment } from '@temporalio/testing';
import { Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type DatabaseConnection, type Driver } from 'kysely';
import type { ActivityDeps } from '../../activities/deps.ts';
import { createExtractStatement } from '../../activities/extract-statement.ts';
import { readingCheckpointKey } from '../../activities/reading-checkpoint.ts';
import type { Database } from '../../db/schema.ts';
import { loadConfig } from '../../lib/config.ts';
import { LocalFileStorage } from '../../lib/storage.ts';
import type { ThreadPool } from '../../lib/thread-pool/index.ts';
import type { PdfReading } from '../../reading/read-statement-pdf.ts';

/** A database that refuses every query while `down` (Postgres restarting), and records them otherwise. */
function switchableDb(): { db: Kysely<Database>; state: { down: boolean; queries: number } } {
  const state = { down: true, queries: 0 };
  const connection: DatabaseConnection = {
    async executeQuery() {
      if (state.down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      state.queries++;
      return { rows: [] };
    },
    // eslint-disable-next-line require-yield
    async *streamQuery() {
      throw new Error('not used');
    },
  };
  const driver: Driver = {
    async init() {},
    async acquireConnection() {
      return connection;
    },
    async beginTransaction() {},
    async commitTransaction() {},
    async rollbackTransaction() {},
    async releaseConnection() {},
    async destroy() {},
  };
  const dialect = { createAdapter: () => new PostgresAdapter(), createDriver: () => driver, createIntrospector: (k: Kysely<unknown>) => new PostgresIntrospector(k), createQueryCompiler: () => new PostgresQueryCompiler() };
  return { db: new Kysely<Database>({ dialect }), state };
}

const line = (key: string, value: number) => ({ key, label: key, values: { '2024-12-31': value }, confidence: 0.99 });
/** What a thread returns for a scanned statement: enough lines to pass as a statement. */
const READING = {
  statement: { periods: ['2024-12-31'], lines: [line('1', 100), line('2', 50), line('5', 150)] },
  pages: 3,
  pagesByMethod: { text: [], ocr: [1, 2, 3], vision: [] },
  method: 'ocr',
  pagesRead: [1, 2, 3],
} as unknown as PdfReading;

describe('extractStatement retried after the database refused its result', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'lodge-checkpoint-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const setUp = () => {
    const calls: string[] = [];
    // The reading, and the renderers' preparation extractStatement asks for once it has a reading.
    const threads = { run: async (_module: string, fn: string) => (calls.push(fn), fn === 'readStatementTask' ? structuredClone(READING) : undefined) } as unknown as ThreadPool;
    const reads = () => calls.filter((c) => c === 'readStatementTask').length;
    const storage = new LocalFileStorage(path.join(dir, String(Math.random()).slice(2)));
    const { db, state } = switchableDb();
    const deps = { config: loadConfig({}), threads, storage, db } as unknown as ActivityDeps;
    return { deps, storage, state, reads, calls };
  };
  const attempt = (n: number, runId = 'run-1') =>
    new MockActivityEnvironment({ attempt: n, activityId: '3', workflowExecution: { workflowId: 'analyze-x', runId }, heartbeatTimeoutMs: 60_000 });
  const input = { documentId: 7, storageKey: 'uploads/x.pdf' };

  it('takes the reading the failed attempt saved, without reading again, and removes it once stored', async () => {
    const { deps, storage, state, reads, calls } = setUp();
    await storage.putAt(input.storageKey, Buffer.from('%PDF-1.4'));
    await assert.rejects(attempt(1).run(createExtractStatement(deps), input), /ECONNREFUSED/);
    assert.equal(reads(), 1);
    assert.deepEqual(calls, ['readStatementTask'], 'read once; nothing to render yet');
    assert.ok(await storage.exists(readingCheckpointKey(7)), 'the reading was saved');

    await assert.rejects(attempt(2).run(createExtractStatement(deps), input), /ECONNREFUSED/, 'still down: fails again');
    state.down = false;
    const result = await attempt(3).run(createExtractStatement(deps), input);
    assert.equal(reads(), 1, 'read once over three attempts');
    assert.deepEqual(calls, ['readStatementTask', 'prepareRender'], 'once stored, the renderers are prepared while the analysis runs');
    assert.deepEqual(result, READING);
    assert.equal(state.queries, 2, 'method and timings stored');
    assert.equal(await storage.exists(readingCheckpointKey(7)), false, 'removed once stored');
  });

  it('never takes a reading another run saved for the same document', async () => {
    const { deps, storage, state, reads } = setUp();
    await storage.putAt(input.storageKey, Buffer.from('%PDF-1.4'));
    await assert.rejects(attempt(1, 'run-1').run(createExtractStatement(deps), input), /ECONNREFUSED/);
    state.down = false;
    await attempt(2, 'run-2').run(createExtractStatement(deps), input);
    assert.equal(reads(), 2, 'the other run read the document itself');
    assert.equal(await storage.exists(readingCheckpointKey(7)), false, 'and left no reading behind');
  });
});
