/**
 * Refreshes tests/file-costs.json, the figures tests/process-groups.ts groups the integration
 * files by: each integration file run on its own (and every unit file together, as
 * `tests/unit`) against one shared Postgres and Temporal dev server, as `npm test` runs them,
 * and its CPU seconds (user + sys, child processes included) recorded. Run it on a quiet
 * machine after a change that makes a file much cheaper or dearer; ~6 minutes here.
 *
 *   node scripts/run.mjs tests/measure-costs
 *
 * Where /usr/bin/time is missing, wall seconds stand in for CPU (they only order the files).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { isCompiled } from '../lib/module-url.ts';
import { REPO_ROOT } from './helpers/command.ts';
import { startSuiteServers } from './helpers/suite-servers.ts';
import { processEntry } from './process-groups.ts';

const TREE = path.resolve(import.meta.dirname, '..');
const EXT = isCompiled(import.meta.url) ? '.js' : '.ts';
const TIME = '/usr/bin/time';
const loader = EXT === '.ts' ? ['--import', 'tsx'] : ['--enable-source-maps'];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(TREE, dir), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(`.test${EXT}`)).map((e) => path.relative(TREE, path.join(e.parentPath, e.name)).replace(/\.js$/, '.ts')).sort();
}

/** CPU seconds of `node --test <file>` and whether it passed. */
function measure(file: string, env: NodeJS.ProcessEnv): { seconds: number; ok: boolean } {
  const args = [...loader, '--test', file];
  const t0 = performance.now();
  if (!existsSync(TIME)) {
    const r = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
    return { seconds: (performance.now() - t0) / 1000, ok: r.status === 0 };
  }
  const r = spawnSync(TIME, ['-f', '%U %S', process.execPath, ...args], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const [user, sys] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { seconds: (user ?? 0) + (sys ?? 0), ok: r.status === 0 };
}

const servers = await startSuiteServers();
const costs: Record<string, number> = {};
try {
  const env = { ...process.env, ...servers.env };
  const inTree = (f: string) => path.join(TREE, f.replace(/\.ts$/, EXT));
  const units = await filesUnder('tests/unit');
  const unitEntry = processEntry({ files: units, cost: 0 }, 0, path.join(servers.dataDir, 'processes'), inTree);
  const runs: [string, string][] = [['tests/unit', unitEntry], ...(await filesUnder('tests/integration')).map((f): [string, string] => [f, inTree(f)])];
  for (const [name, file] of runs) {
    const { seconds, ok } = measure(file, env);
    costs[name] = Math.round(seconds * 10) / 10;
    console.log(`${ok ? 'ok    ' : 'FAILED'} ${costs[name]!.toFixed(1).padStart(6)} s  ${name}`);
  }
} finally {
  await servers.stop();
}
writeFileSync(path.join(REPO_ROOT, 'tests', 'file-costs.json'), JSON.stringify(costs, null, 2) + '\n');
console.log(`# wrote tests/file-costs.json (${Object.keys(costs).length} entries)`);
