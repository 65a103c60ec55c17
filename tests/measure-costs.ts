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
import path from 'node:path';
import { REPO_ROOT } from './helpers/command.ts';
import { startSuiteServers } from './helpers/suite-servers.ts';
import { processEntry } from './process-groups.ts';
import { inTree, NODE_FLAGS, testFiles } from './helpers/test-tree.ts';

const TIME = '/usr/bin/time';

/** CPU seconds of `node --test <file>` and whether it passed. */
function measure(file: string, env: NodeJS.ProcessEnv): { seconds: number; ok: boolean } {
  const args = [...NODE_FLAGS, '--test', file];
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
  const units = await testFiles('tests/unit');
  const unitEntry = processEntry({ files: units, cost: 0 }, 0, path.join(servers.dataDir, 'processes'), inTree);
  const runs: [string, string][] = [['tests/unit', unitEntry], ...(await testFiles('tests/integration')).map((f): [string, string] => [f, inTree(f)])];
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
