import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  folderLoops,
  importEdges,
  longFiles,
  longFunctions,
  MAX_FILE_LINES,
  MAX_FUNCTION_LINES,
  upwardReason,
  type LongThing,
} from '../helpers/layout-walk.ts';
import { REPO_ROOT } from '../helpers/command.ts';

/**
 * The house layout (README "Architecture"): imports only go downward, scripts → app → bot,
 * workflows, activities → reading, reports → domain, db → contracts, lib; `domain/` imports
 * nothing but `contracts/`; no loop between folders; files under 300 lines, functions under 80.
 */
const ROOT = REPO_ROOT;

/**
 * Known offenders still to be split, each named with its length today. The list may only
 * shrink: an entry that no longer offends fails the test too, so it is removed when fixed,
 * and a new long file or function is never added silently.
 */
const KNOWN_LONG_FILES: Record<string, number> = {};
const KNOWN_LONG_FUNCTIONS: Record<string, number> = {
};

test('every import between source folders goes downward', () => {
  const upward = importEdges(ROOT)
    .map((e) => ({ e, why: upwardReason(e.from, e.to) }))
    .filter((x) => x.why)
    .map(({ e, why }) => `${e.file}:${e.line} imports ${e.specifier} (${why})`);
  assert.deepEqual(upward, []);
});

test('no loop between source folders', () => {
  assert.deepEqual(folderLoops(importEdges(ROOT)), []);
});

test('the walker sees an upward import and a loop when there is one', () => {
  // Guards the walker itself: a rule that never fires would pass any tree.
  assert.match(upwardReason('domain', 'db') ?? '', /domain/);
  assert.match(upwardReason('lib', 'app') ?? '', /above/);
  assert.equal(upwardReason('activities', 'reading'), null);
  const edge = (from: string, to: string) => ({ file: `${from}/x.ts`, line: 1, from, to, specifier: '' });
  assert.deepEqual(folderLoops([edge('bot', 'activities'), edge('activities', 'bot'), edge('bot', 'lib')]), [['activities', 'bot']]);
  const edges = importEdges(ROOT);
  assert.ok(edges.some((e) => e.from === 'app' && e.to === 'activities'), 'app/ wires the activities');
  assert.ok(edges.some((e) => e.from === 'domain' && e.to === 'contracts'));
});

function offenders(found: LongThing[], known: Record<string, number>, key: (t: LongThing) => string): { added: string[]; fixed: string[] } {
  const keys = new Set(found.map(key));
  return {
    added: found.filter((t) => !(key(t) in known)).map((t) => `${key(t)}: ${t.lines} lines`),
    fixed: Object.keys(known).filter((k) => !keys.has(k)),
  };
}

test(`no source file over ${MAX_FILE_LINES} lines`, () => {
  assert.deepEqual(offenders(longFiles(ROOT), KNOWN_LONG_FILES, (t) => t.file), { added: [], fixed: [] });
});

test(`no function over ${MAX_FUNCTION_LINES} lines`, () => {
  const found = longFunctions(ROOT);
  assert.ok(found.every((f) => f.lines > MAX_FUNCTION_LINES));
  assert.deepEqual(offenders(found, KNOWN_LONG_FUNCTIONS, (t) => `${t.file} ${t.name}`), { added: [], fixed: [] });
});
