import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../../lib/config.ts';
import { freePort } from '../../lib/ports.ts';
import { ensurePostgres, type PostgresHandle } from '../../lib/postgres-server.ts';
import { startRuntime, type AppRuntime } from '../../app/runtime.ts';
import { makeDataFolder, removeDataFolder } from './data-folder.ts';
import { commandArgs, REPO_ROOT } from './command.ts';


/**
 * Like startTestRuntime (throwaway DATA_DIR, free ports, real Postgres and Temporal dev
 * server), but with NO in-process worker — workers run as child processes
 * (startWorkerProcess) that can be killed — and with the embedded Postgres owned by the test,
 * so it can be stopped and started again mid-run. The runtime finds that Postgres listening and
 * reuses it.
 */
export async function startRuntimeWithoutWorker(overrides: Record<string, string> = {}): Promise<{
  rt: AppRuntime;
  config: Config;
  env: Record<string, string>;
  postgres: { stop(): Promise<void>; start(): Promise<void> };
  cleanup: () => Promise<void>;
}> {
  const dataDir = await makeDataFolder('lodge-fault');
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
    TEMPORAL_DEV_PORT: String(await freePort()),
    TEMPORAL_TASK_QUEUE: `fault-${process.pid}`,
    METRICS_PORT: '0',
    LOG_LEVEL: 'error',
    ...overrides,
  };
  const config = loadConfig({ ...process.env, DATABASE_URL: '', TEMPORAL_ADDRESS: '', ...env });
  let pg: PostgresHandle | null = await ensurePostgres(config);
  const rt = await startRuntime(config, { worker: false });
  return {
    rt,
    config,
    env,
    postgres: {
      async stop() {
        await pg?.stop();
        pg = null;
      },
      async start() {
        pg ??= await ensurePostgres(config);
      },
    },
    cleanup: async () => {
      await rt.shutdown();
      await pg?.stop();
      await removeDataFolder(dataDir);
    },
  };
}

export interface WorkerProcess {
  readonly pid: number;
  /** Resolves with the exit code (or signal name) when the process has exited. */
  readonly exited: Promise<number | string>;
  /** stdout + stderr so far (for failure messages). */
  output(): string;
  /** Throws (with the process's last output) if it has exited: a crashed worker fails the test at once instead of at its timeout. */
  assertAlive(): void;
  /** SIGKILL: no shutdown hooks, no goodbye to Temporal — a crashed machine. */
  kill(): Promise<void>;
  /** SIGTERM, a graceful worker shutdown (SIGKILL after 10 s). */
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of live) c.kill('SIGKILL');
});

/**
 * Starts scripts/test-worker.ts as a child process on the runtime's environment (same DATA_DIR,
 * ports, task queue) and resolves once it polls. `extra` adds variables such as the OCR knobs.
 */
export async function startWorkerProcess(env: Record<string, string>, extra: Record<string, string> = {}, timeoutMs = 90_000): Promise<WorkerProcess> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: '', TEMPORAL_ADDRESS: '', ...env, ...extra };
  delete childEnv.NODE_TEST_CONTEXT; // the child is a program, not a node:test subprocess
  const child = spawn(process.execPath, commandArgs('test-worker'), { cwd: REPO_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let out = '';
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve(code ?? signal ?? 'unknown');
    }),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker process not ready after ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const onData = (c: Buffer) => {
      out = (out + c.toString()).slice(-20_000);
      if (out.includes('worker ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`worker process exited (${code}) before it was ready:\n${out}`));
    });
  });
  return {
    pid: child.pid!,
    exited,
    output: () => out,
    assertAlive() {
      const code = child.exitCode ?? child.signalCode;
      if (code !== null) throw new Error(`worker process ${child.pid} exited (${code}):\n${out.slice(-3000)}`);
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(force);
    },
  };
}
