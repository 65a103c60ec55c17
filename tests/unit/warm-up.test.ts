import assert from 'node:assert/strict';
import { test } from 'node:test';
import { warmUp, warmUpAnalysis } from '../../app/warm-up-task.ts';
import { renderAllReports } from '../../reports/render-all.ts';

// The warm-up is only worth its CPU if it takes the paths a real document takes: a statement
// read from positioned words, both statements keyed, the sums tying, and every renderer used.
test('the warm-up statement is read, analysed and rendered as a real one is', async () => {
  const a = warmUpAnalysis();
  assert.deepEqual(a.periods, ['2024-12-31', '2023-12-31']);
  assert.deepEqual(a.statements, ['balance_sheet', 'income_statement']);
  assert.ok(a.validation.checks.length >= 10 && a.validation.checks.every((c) => c.ok), 'its sums tie');
  assert.ok(Object.values(a.ratios).filter((r) => Object.keys(r).length > 0).length >= 10, 'ratios computed');
  const rendered = await renderAllReports(a, 'tr');
  const names = rendered.map((r) => r.name);
  for (const name of ['summary.md', 'report.xlsx', 'report.pdf']) assert.ok(names.includes(name), name);
  assert.ok(names.filter((n) => n.startsWith('charts/')).length >= 6, `charts: ${names.join(', ')}`);
});

test('the warm-up stops at its next step once a real task waits in its thread', async () => {
  let asked = 0;
  await warmUp({ progress: () => {}, othersWaiting: () => ++asked > 2 });
  assert.equal(asked, 3, 'two steps done, none after the task arrived');
  let steps = 0;
  await warmUp({ progress: () => {}, othersWaiting: () => (steps++, false) });
  assert.ok(steps >= 8, `every step when nothing waits (${steps})`);
});
