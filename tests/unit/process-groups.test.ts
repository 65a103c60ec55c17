import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { planProcesses, processEntry } from '../process-groups.ts';

const small = Object.fromEntries(['f', 'g', 'h', 'i', 'j', 'k'].map((n) => [`tests/integration/${n}.test.ts`, 2]));
const costs: Record<string, number> = { 'tests/integration/a.test.ts': 30, 'tests/integration/b.test.ts': 12, 'tests/integration/c.test.ts': 8, 'tests/integration/d.test.ts': 4, 'tests/integration/e.test.ts': 3, ...small, 'tests/integration/ft.test.ts': 40, 'tests/unit': 45 };
const files = [...Object.keys(costs).filter((f) => f !== 'tests/unit'), 'tests/integration/new.test.ts', 'tests/unit/x.test.ts', 'tests/unit/y.test.ts'];

test('every file runs once; alone files alone and first; units together; groups within budget, costliest first', () => {
  const plan = planProcesses(files, costs, { alone: ['tests/integration/ft.test.ts'], slots: 3 });
  assert.deepEqual(plan.flatMap((p) => p.files).sort(), [...files].sort());
  assert.deepEqual(plan[0]!.files, ['tests/integration/ft.test.ts']);
  assert.ok(plan.some((p) => p.files.join() === 'tests/unit/x.test.ts,tests/unit/y.test.ts'));
  // A group holds at most half of what was left per slot, or its costliest file (30 here); a
  // file not listed costs the median (3). Later groups are no dearer than the first.
  const groups = plan.slice(1).filter((p) => !p.files[0]!.startsWith('tests/unit/'));
  assert.ok(groups.every((g) => g.cost <= 30), groups.map((g) => g.cost).join());
  assert.ok(groups.length < files.length - 3, 'some files share a process');
  assert.ok(groups.every((g) => g.cost <= groups[0]!.cost));
  const order = plan.slice(1).map((p) => p.cost);
  assert.deepEqual(order, [...order].sort((a, b) => b - a));
});

test('a process is an entry importing its files in order, named so that path order is plan order', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'groups-'));
  try {
    const inTree = (f: string) => path.join('/repo', f);
    const lone = processEntry({ files: ['tests/integration/z.test.ts'], cost: 1 }, 0, dir, inTree);
    assert.equal(path.basename(lone), '00-z.test.mjs');
    const entry = processEntry({ files: ['tests/integration/b.test.ts', 'tests/integration/c.test.ts'], cost: 2 }, 3, dir, inTree);
    assert.ok(lone < entry, 'node:test starts files in path order');
    assert.match(path.basename(entry), /^03-b-and-1-more\.test\.mjs$/);
    const imports = [...readFileSync(entry, 'utf8').matchAll(/await import\("([^"]+)"\)/g)].map((m) => m[1]);
    assert.deepEqual(imports, ['file:///repo/tests/integration/b.test.ts', 'file:///repo/tests/integration/c.test.ts']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
