import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { failureCode } from '../../lib/failure-code.ts';
import { submitStatement } from '../../app/submit-statement.ts';
import { userMessage } from '../../lib/user-errors.ts';
import { bombCases, giantImageCases, quadraticScanCase, type HostileCase } from '../generator/hostile/bombs.ts';
import { generateStatement } from '../generator/index.ts';
import { startTestRuntime } from '../helpers/test-runtime.ts';
import { startWorkerProcess, type WorkerProcess } from '../helpers/worker-process.ts';

/** Peak resident memory of a live process (VmHWM), in MB. */
async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
  return kb / 1024;
}

/**
 * Bombs through every filter chain, gigapixel images and a regex trap, against a real worker
 * process with the production limits: each is refused with its own code, and the same process
 * then reads a good statement.
 */
describe('decompression bombs and giant images against a worker process', { timeout: 600_000 }, () => {
  let ctx: Awaited<ReturnType<typeof startTestRuntime>>;
  let worker: WorkerProcess;
  let corpus: Record<string, HostileCase>;

  before(async () => {
    // Production limits (20 MB uploads, 256 MB decoded per file), not test-sized ones. No
    // worker here: the one child process reads every file. Nothing stops Postgres in this file,
    // so the servers are the suite's shared ones (a cluster and a dev server of its own cost
    // ~3 s of CPU); alone, the runtime starts them and the worker finds them on their ports.
    ctx = await startTestRuntime({}, { worker: false });
    worker = await startWorkerProcess(ctx.env, { METRICS_PORT: '0' });
    corpus = { ...bombCases(), ...giantImageCases(), ...quadraticScanCase() };
  });
  after(async () => {
    await worker?.stop();
    await ctx?.cleanup();
  });

  it('refuses each quickly with a specific TR/EN message; the worker stays up under 2 GB', async () => {
    const workspace = { kind: 'local' as const, externalId: 'bombs' };
    const timings: string[] = [];
    for (const [name, { bytes, expect }] of Object.entries(corpus)) {
      const t0 = Date.now();
      const run = await submitStatement(ctx.rt, { workspace, fileName: name, bytes });
      const outcome = await run.result().then(() => 'ok', (e: unknown) => failureCode(e).code);
      const seconds = (Date.now() - t0) / 1000;
      timings.push(`${name}: ${outcome} in ${seconds.toFixed(1)} s`);
      worker.assertAlive();
      assert.ok(expect.includes(outcome), `${name}: got ${outcome}, expected one of ${expect}`);
      assert.ok(seconds < 60, `${name} took ${seconds} s`);
      for (const locale of ['tr', 'en'] as const) assert.doesNotMatch(userMessage(outcome, locale), /unexpected|beklenmeyen/i, name);
      const doc = await ctx.rt.db.selectFrom('documents').select(['status', 'error_code']).where('file_name', '=', name).executeTakeFirstOrThrow();
      assert.deepEqual(doc, { status: 'failed', error_code: outcome }, name);
    }
    const good = await generateStatement({ seed: 2718, layout: 't1-detailed' });
    const run = await submitStatement(ctx.rt, { workspace, fileName: 'good-after-bombs.pdf', bytes: good.pdf });
    assert.equal((await run.result()).status, 'done');
    worker.assertAlive();
    const peak = await peakRssMb(worker.pid);
    console.log(`${timings.join('\n')}\nworker peak RSS ${peak.toFixed(0)} MB`);
    assert.ok(peak < 2048, `worker peak RSS ${peak.toFixed(0)} MB`);
  });
});
