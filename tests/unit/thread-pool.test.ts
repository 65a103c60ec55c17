import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { threadId } from 'node:worker_threads';
import { readStatementPdf } from '../../reading/read-statement-pdf.ts';
import { inspectPdfOffThread, readStatementOffThread } from '../../reading/off-thread.ts';
import { inspectPdf } from '../../reading/inspect-pdf.ts';
import { ThreadCrashedError, ThreadPool } from '../../lib/thread-pool/index.ts';
import { moduleUrl } from '../../lib/module-url.ts';
import { generateStatement } from '../generator/index.ts';

const fixture = moduleUrl(import.meta.url, './thread-pool-fixture').href;

describe('thread pool', () => {
  const pool = new ThreadPool(2);
  after(() => pool.close());

  it('runs the function in another thread, with progress reported back', async () => {
    const seen: unknown[] = [];
    const [where, n] = await Promise.all([
      pool.run<number>(fixture, 'whereAmI', []),
      pool.run<number>(fixture, 'countTo', [3], { onProgress: (p) => seen.push(p) }),
    ]);
    assert.notEqual(where, threadId);
    assert.equal(n, 3);
    assert.deepEqual(seen, [{ i: 1 }, { i: 2 }, { i: 3 }]);
  });

  it('a failure keeps its code, params and cause across the thread boundary', async () => {
    const err = await pool.run(fixture, 'failCoded', []).catch((e: unknown) => e);
    assert.ok(err instanceof Error);
    const { code, params } = err as Error & { code?: string; params?: unknown };
    assert.equal(code, 'scan_too_large');
    assert.deepEqual(params, { limitMp: 7 });
    assert.equal((err.cause as Error).message, 'inner');
  });

  it('a thread that dies fails its task with a typed error, and the pool carries on', async () => {
    await assert.rejects(pool.run(fixture, 'crash', []), ThreadCrashedError);
    assert.equal(await pool.run<number>(fixture, 'countTo', [2]), 2);
  });

  it('reading off-thread gives what reading in-process gives, with per-page progress', async () => {
    const g = await generateStatement({ seed: 4242, layout: 't1-detailed' });
    const pages: number[] = [];
    const off = await readStatementOffThread(pool, g.pdf, {}, (page) => pages.push(page));
    const here = await readStatementPdf(g.pdf);
    assert.ok(off && here);
    assert.deepEqual(off, here);
    assert.deepEqual(pages.sort(), Array.from({ length: here.pages }, (_, i) => i + 1));
  });

  it('inspecting an upload off-thread gives what inspecting it here gives', async () => {
    const g = await generateStatement({ seed: 4242, layout: 't1-detailed' });
    const limits = { maxInflatedBytes: 50_000_000, maxStreams: 20_000, maxPages: 100, maxPageSidePt: 5000 };
    const off = await inspectPdfOffThread(pool, g.pdf, limits);
    assert.deepEqual(off, await inspectPdf(g.pdf, limits));
    assert.equal(off.kind, 'read');
    assert.deepEqual(await inspectPdfOffThread(pool, g.pdf, { ...limits, maxPageSidePt: 100 }).then((r) => r.kind === 'read' && !!r.oversized), true);
    const broken = await inspectPdfOffThread(pool, Buffer.from('%PDF-1.4\nnot a pdf at all'), limits);
    assert.ok(broken.kind === 'refused' || broken.kind === 'unreadable', broken.kind);
  });

  it('warm: every thread runs the warm-up once, before the tasks that follow', async () => {
    const p = new ThreadPool(2);
    try {
      p.warm([fixture], { module: fixture, fn: 'warm' });
      // Each thread handles its messages in order: the warm-up was posted before these.
      const runs = await Promise.all([p.run<number>(fixture, 'warmedRuns', []), p.run<number>(fixture, 'warmedRuns', [])]);
      assert.deepEqual(runs, [1, 1]);
      assert.deepEqual(p.load(), [0, 0]);
    } finally {
      await p.close();
    }
  });

  it('a lease runs on its owner\'s threads; closing it refuses its work and leaves the threads running', async () => {
    const owner = new ThreadPool(1);
    try {
      const thread = await owner.run<number>(fixture, 'whereAmI', []);
      const lease = owner.lease();
      assert.equal(await lease.run<number>(fixture, 'whereAmI', []), thread);
      await lease.close();
      await assert.rejects(lease.run(fixture, 'whereAmI', []), /closed/);
      assert.equal(await owner.run<number>(fixture, 'whereAmI', []), thread, 'the same thread, still running');
    } finally {
      await owner.close();
    }
  });

  it('a closed pool refuses work', async () => {
    const p = new ThreadPool(1);
    await p.close();
    await assert.rejects(p.run(fixture, 'whereAmI', []), /closed/);
  });
});
