import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';

/**
 * Which test files share a process (tests/run.ts). A process costs ~2 s of CPU before its
 * first test (node, the app's modules, a worker's threads warming up), and `npm test` is
 * CPU-bound on two cores, so files run one after another in a few processes: all unit files
 * in one, the integration files in groups that shrink as the plan goes on (each about half of
 * what is left per slot, never under a fifth of the total per slot), costliest first, so the
 * last processes are short and the slots finish near each other. A file marked `alone` (it
 * starts its own servers, kills processes) keeps a process of its own.
 *
 * Costs come from tests/file-costs.json: CPU seconds per integration file (user + sys, its
 * child processes included, with the suite's shared servers), measured by running each file
 * on its own (tests/measure-costs.ts refreshes it); a file not listed counts as the median. They only order and group the files:
 * a stale figure costs some wall time, never a test.
 */
export interface TestProcess {
  files: string[];
  cost: number;
}

const Costs = z.record(z.string(), z.number());

export function loadCosts(file: string): Record<string, number> {
  try {
    return Costs.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return {};
  }
}

/**
 * `files` named as in the repository (`tests/integration/x.test.ts`); units are every file
 * under tests/unit/. Returns the processes in the order to start them.
 */
export function planProcesses(files: string[], costs: Record<string, number>, opts: { alone: string[]; slots: number }): TestProcess[] {
  const units = files.filter((f) => f.startsWith('tests/unit/'));
  const others = files.filter((f) => !units.includes(f));
  const known = Object.entries(costs).filter(([f]) => f !== 'tests/unit').map(([, c]) => c).sort((a, b) => a - b);
  const median = known.length ? known[Math.floor(known.length / 2)]! : 10;
  const cost = (f: string) => costs[f] ?? median;

  const alone = others.filter((f) => opts.alone.includes(f)).map((f) => ({ files: [f], cost: cost(f) }));
  const grouped = others.filter((f) => !opts.alone.includes(f)).sort((a, b) => cost(b) - cost(a) || a.localeCompare(b));
  const total = grouped.reduce((s, f) => s + cost(f), 0);
  const groups: TestProcess[] = [];
  for (let left = grouped; left.length > 0; ) {
    const rest = left.reduce((s, f) => s + cost(f), 0);
    const budget = Math.max(cost(left[0]!), rest / (opts.slots * 2), total / (opts.slots * 5));
    // Costliest first, each file that still fits.
    const g: TestProcess = { files: [], cost: 0 };
    for (const f of left) {
      if (g.files.length > 0 && g.cost + cost(f) > budget) continue;
      g.files.push(f);
      g.cost += cost(f);
    }
    groups.push(g);
    left = left.filter((f) => !g.files.includes(f));
  }
  const unitProcess = units.length ? [{ files: units, cost: costs['tests/unit'] ?? units.length }] : [];
  return [...alone, ...[...unitProcess, ...groups].sort((a, b) => b.cost - a.cost)];
}

/**
 * The file node:test runs for a process: an entry written under `dir` that imports its files
 * one after another. Each file's tests still run and report on their own (every integration
 * file is one top-level describe). Also for a lone file: node:test starts the files it is
 * given in the order of their paths, whatever the order given, so the entries' names are
 * what puts the plan's first process first.
 */
export function processEntry(p: TestProcess, index: number, dir: string, inTree: (f: string) => string): string {
  const first = path.basename(p.files[0]!).replace(/\.test\.ts$/, '');
  const more = p.files.length > 1 ? `-and-${p.files.length - 1}-more` : '';
  const entry = path.join(dir, `${String(index).padStart(2, '0')}-${first}${more}.test.mjs`);
  mkdirSync(dir, { recursive: true });
  const lines = p.files.map((f) => `await import(${JSON.stringify(pathToFileURL(inTree(f)).href)});`);
  writeFileSync(entry, `// Written by tests/run.ts (tests/process-groups.ts): these files, one after another, in one process.\n${lines.join('\n')}\n`);
  return entry;
}
