import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancelledFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createExtractStatement } from '../../activities/extract-statement.ts';
import type { ActivityDeps } from '../../activities/deps.ts';
import { loadConfig } from '../../lib/config.ts';
import type { ThreadPool } from '../../lib/thread-pool/index.ts';

/**
 * A reading attempt the server has given up on (its heartbeats timed out, so the worker cancels
 * it) must end even while its thread is still busy: an attempt that kept awaiting the thread
 * held one of the heavy worker's few activity slots, and with all of them held the worker
 * stopped polling and the scheduled retries never ran.
 */
describe('extractStatement when its attempt is cancelled mid-read', () => {
  it('ends with the cancellation, without waiting for the busy thread', async () => {
    let asked = 0;
    // A reading thread still busy long after the cancellation (a 100-page report in its first
    // pages); it answers after 3 s so that, were the attempt to keep waiting, the file still ends.
    const threads = { run: () => (asked++, new Promise((r) => setTimeout(() => r(null), 3000))) } as unknown as ThreadPool;
    const deps = {
      config: loadConfig({}),
      threads,
      storage: { get: async () => new Uint8Array([0x25, 0x50, 0x44, 0x46]) },
    } as unknown as ActivityDeps;
    const env = new MockActivityEnvironment({ heartbeatTimeoutMs: 4000 });
    const run = env.run(createExtractStatement(deps), { documentId: 1, storageKey: 'uploads/x.pdf' });
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(asked, 1, 'the reading went to the thread');
    env.cancel('TIMED_OUT');
    const outcome = await Promise.race([run.then(() => 'finished', (e: unknown) => e), new Promise((r) => setTimeout(() => r('still waiting'), 2000))]);
    assert.ok(outcome instanceof CancelledFailure, `expected a CancelledFailure, got ${String(outcome)}`);
  });
});
