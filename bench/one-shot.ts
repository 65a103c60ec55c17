/**
 * Whole-process timings for the bench: `npm run analyze` on one file from a cold process
 * (its own Postgres, Temporal dev server and worker), and `pdftotext -layout` on the same
 * file as the floor of what reading a PDF can cost.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../lib/ports.ts';

function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const t0 = performance.now();
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve((performance.now() - t0) / 1000) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${err.slice(-2000)}`)))),
  );
}

/**
 * `npm run analyze -- <file>`, through npm as a user types it, in a data folder of its own: the
 * first run initialises Postgres (cold), the next ones find it (a developer's usual case), a
 * few seconds apart as commands are typed. A command does not wait for its Temporal dev
 * server to stop (~1.5 s); one started within that time waits for it: `backToBackS` is a run
 * started the moment the one before it ended.
 */
export async function oneShotAnalyze(file: string, runs: number): Promise<{ coldS: number; warm: number[]; backToBackS: number }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'lodge-bench-analyze-'));
  await chmod(dataDir, 0o755);
  try {
    const env = {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
      EMBEDDED_PG_PORT: String(await freePort()),
      TEMPORAL_DEV_PORT: String(await freePort()),
      METRICS_PORT: '0',
    };
    const args = ['run', '--silent', 'analyze', '--', file, '--out', path.join(dataDir, 'out')];
    const pause = () => new Promise((r) => setTimeout(r, 3000));
    const coldS = await timed('npm', args, env);
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) {
      await pause();
      warm.push(await timed('npm', args, env));
    }
    const backToBackS = await timed('npm', args, env);
    return { coldS, warm, backToBackS };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Seconds per `pdftotext -layout <file> -`, or null where poppler-utils is not installed. */
export function pdftotextSeconds(file: string, runs: number): number[] | null {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync('pdftotext', ['-layout', file, '-'], { stdio: 'ignore' });
    if (r.error) return null;
    out.push((performance.now() - t0) / 1000);
  }
  return out;
}
