import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from './config.ts';
import { isListening, waitFor } from './ports.ts';
import { processAlive as alive } from './process-alive.ts';
import { Connection } from '@temporalio/client';
import { diskFullError, fsStartupError, StartupError } from './startup-error.ts';
import { ensureTemporalCli } from './temporal-cli.ts';

export interface TemporalHandle {
  address: string;
  /**
   * Asks a dev server this process started to stop. It takes ~1.5 s to stop and keeps its
   * state in its own SQLite file, so by default this returns at once and the server finishes
   * on its own; the next start in the same DATA_DIR waits for it (waitForStoppingTemporal).
   * `wait: true` returns once it has exited (before removing its folder).
   */
  stop(opts?: { wait?: boolean }): Promise<void>;
}

/** Written when a dev server is asked to stop: its pid, until it has exited. */
const STOPPING_FILE = 'temporal-stopping.pid';
const LOG_FILE = 'temporal.log';

/**
 * A dev server of an earlier command in `dataDir` that is still stopping: waits until it has
 * exited (killing it after `timeoutMs`), so a new one does not find the old one's port still
 * open, or open its SQLite file while the old one closes it. Returns at once when there is none.
 */
export async function waitForStoppingTemporal(dataDir: string, timeoutMs = 10_000): Promise<void> {
  const marker = path.join(dataDir, STOPPING_FILE);
  const pid = Number((await readFile(marker, 'utf8').catch(() => '')).trim());
  if (pid > 0 && isOurServer(pid, dataDir)) {
    const deadline = Date.now() + timeoutMs;
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  await rm(marker, { force: true });
}

/** The pid is a dev server on this data folder (a recycled pid is someone else's process). */
function isOurServer(pid: number, dataDir: string): boolean {
  if (!alive(pid)) return false;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('start-dev') && cmdline.includes(path.join(dataDir, 'temporal.sqlite'));
  } catch {
    return process.platform !== 'linux'; // no /proc to ask: trust the marker
  }
}

/**
 * Temporal is always a real server: TEMPORAL_ADDRESS for a cluster, otherwise the Temporal
 * CLI's dev server (the real server with SQLite) started here with its file under DATA_DIR.
 */
export async function ensureTemporal(config: Config, log: (m: string) => void = () => {}): Promise<TemporalHandle> {
  if (config.TEMPORAL_ADDRESS) return { address: config.TEMPORAL_ADDRESS, stop: async () => {} };
  await waitForStoppingTemporal(config.DATA_DIR);

  const port = config.TEMPORAL_DEV_PORT;
  const address = `127.0.0.1:${port}`;
  const portInUse = (p: number, variable: string, cause?: unknown) => new StartupError('port_in_use', { service: 'Temporal', port: p, variable }, { cause });
  // Another process of ours may run the dev server already; anything else on the port is not ours.
  if (await isListening(port)) {
    await Connection.connect({ address, connectTimeout: 5000 }).then((c) => c.close(), (e) => {
      throw portInUse(port, 'TEMPORAL_DEV_PORT', e);
    });
    return { address, stop: async () => {} };
  }
  const uiPort = config.TEMPORAL_DEV_UI_PORT;
  if (uiPort && (await isListening(uiPort))) throw portInUse(uiPort, 'TEMPORAL_DEV_UI_PORT');

  const cli = await ensureTemporalCli(config, log);
  await mkdir(config.DATA_DIR, { recursive: true }).catch((e) => {
    throw fsStartupError(e, config.DATA_DIR) ?? e;
  });
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(port),
    '--db-filename', path.join(config.DATA_DIR, 'temporal.sqlite'),
    // A write-ahead log synced at checkpoints instead of a rollback journal synced on every
    // commit: ~30 % less server CPU per workflow and a quicker start. A crash of the process
    // loses nothing; a power cut may lose the last commits, never the file's consistency.
    '--sqlite-pragma', 'journal_mode=WAL',
    '--sqlite-pragma', 'synchronous=NORMAL',
    '--namespace', config.TEMPORAL_NAMESPACE,
    '--log-level', 'error',
  ];
  if (config.TEMPORAL_DEV_UI_PORT) args.push('--ui-port', String(config.TEMPORAL_DEV_UI_PORT));
  else args.push('--headless');

  // Its own process group: a Ctrl-C in the terminal reaches only us, and we stop it in order.
  // Its log goes to a file, not a pipe to us: it may still write while stopping after we exit.
  const logFile = path.join(config.DATA_DIR, LOG_FILE);
  const logFd = openSync(logFile, 'w');
  let child: ChildProcess;
  try {
    child = spawn(cli, args, { stdio: ['ignore', 'ignore', logFd], detached: true });
  } finally {
    closeSync(logFd);
  }
  const stderr = () => readFileSync(logFile, 'utf8').slice(-4000);
  let exited = false;
  let spawnError: Error | undefined;
  child.once('error', (e) => (spawnError = e));
  child.once('exit', () => (exited = true));
  // If this process dies, the dev server must not linger holding the port.
  const kill = () => child.kill('SIGTERM');
  process.once('exit', kill);

  try {
    await waitFor(async () => {
      if (spawnError) throw spawnError;
      if (exited) throw new Error(`temporal server start-dev exited: ${stderr().trim().split('\n').slice(-2).join(' ')}`);
      return isListening(port);
    }, `the Temporal dev server on ${address}`);
  } catch (e) {
    process.off('exit', kill);
    if (!exited && !spawnError) child.kill('SIGKILL');
    if (await isListening(port)) throw portInUse(port, 'TEMPORAL_DEV_PORT', e);
    throw (await diskFullError(config.DATA_DIR, e)) ?? new Error(`the Temporal dev server did not start: ${(e as Error).message}`, { cause: e });
  }

  const stop = async ({ wait = false } = {}) => {
    process.off('exit', kill);
    if (!exited && !spawnError) await stopDevServer(child, config.DATA_DIR, wait);
  };
  return { address, stop };
}

/** SIGTERM; then either wait for the exit, or leave the marker the next start waits on. */
async function stopDevServer(child: ChildProcess, dataDir: string, wait: boolean): Promise<void> {
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Without the marker (the folder is gone) there is no next start here to wait for it.
  if (!wait) await writeFile(path.join(dataDir, STOPPING_FILE), String(child.pid)).catch(() => {});
  child.kill('SIGTERM');
  if (!wait) return void child.unref();
  setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  await gone;
}
