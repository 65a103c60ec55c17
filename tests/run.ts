/**
 * `npm test`: type-checks (tsc, in a process of its own, beside the tests), starts ONE embedded
 * Postgres and ONE Temporal dev server for the whole suite, announces them to the test files
 * (tests/helpers/shared-servers.ts: each runtime then gets a database and a namespace of its
 * own), runs the files with node:test at TEST_CONCURRENCY (default 3) processes at a time,
 * and stops the servers. Files share processes, one after another in each
 * (tests/process-groups.ts: all unit files in one, the integration files in groups by cost,
 * costliest first); fault-tolerance, which starts its own servers and kills workers and
 * Postgres, has a process of its own and starts first.
 *
 * Compiled (`npm test`: scripts/run.mjs builds `.build/` first) the files run on plain node,
 * as the commands do; under tsx (`npx tsx tests/run.ts`) they run from the sources.
 *
 *   npm test -- [FILE…]    (no files: every tests/**\/*.test.ts)
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './helpers/command.ts';
import { inTree, NODE_FLAGS, testFiles } from './helpers/test-tree.ts';
import { loadCosts, planProcesses, processEntry } from './process-groups.ts';
import { startSuiteServers } from './helpers/suite-servers.ts';

/** In a process of its own, started first: it starts its own servers, kills workers and Postgres, and waits out real heartbeat timeouts. */
const ALONE = ['tests/integration/fault-tolerance.test.ts'];

/**
 * node --test on `files` (named as in the repository), grouped into processes
 * (tests/process-groups.ts; their entries are written under `dir`); resolves with its exit code.
 */
function nodeTest(files: string[], concurrency: number, env: NodeJS.ProcessEnv, dir: string): Promise<number> {
  if (files.length === 0) return Promise.resolve(0);
  const plan = planProcesses(files, loadCosts(path.join(REPO_ROOT, 'tests', 'file-costs.json')), { alone: ALONE, slots: concurrency });
  const entries = plan.map((p, i) => processEntry(p, i, dir, inTree));
  const args = [...NODE_FLAGS, '--test', `--test-concurrency=${concurrency}`, ...entries];
  const child = spawn(process.execPath, args, { env, stdio: 'inherit' });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

const requested = process.argv.slice(2);
const files = requested.length > 0 ? requested.map((f) => path.relative(REPO_ROOT, path.resolve(f)).replace(/\.js$/, '.ts')) : await testFiles('tests');
const concurrency = Number(process.env.TEST_CONCURRENCY ?? 3);
/** tsc --noEmit beside the tests (it needs no server and one core for ~15 s); its exit code. */
function typecheck(): Promise<number> {
  const tsc = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const child = spawn(process.execPath, [tsc, '--noEmit', '-p', path.join(REPO_ROOT, 'tsconfig.json')], { stdio: 'inherit' });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

const started = Date.now();
const typed = typecheck();
const servers = await startSuiteServers();
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
  code = await nodeTest(files, concurrency, { ...process.env, ...servers.env }, path.join(servers.dataDir, 'processes'));
} finally {
  await stopOnce();
}
const typeCode = await typed;
if (typeCode) console.log('# tsc --noEmit failed (see above)');
console.log(`# suite: ${files.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s (concurrency ${concurrency})`);
process.exit(code || typeCode);
