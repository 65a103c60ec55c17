import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { isCompiled } from '../../lib/module-url.ts';

/**
 * Where the test runners (tests/run.ts, tests/measure-costs.ts) find the test files: the tree
 * they run from, `.build/` (compiled, `.js`) or the repository (`.ts`, under tsx). Files are
 * named as in the repository (`tests/integration/x.test.ts`) whichever tree runs.
 */
export const TREE = path.resolve(import.meta.dirname, '..', '..');
const EXT = isCompiled(import.meta.url) ? '.js' : '.ts';

/** `tests/x.test.ts` in the running tree. */
export const inTree = (name: string) => path.join(TREE, name.replace(/\.(ts|js)$/, EXT));

/** The test files under `dir` (`tests`, `tests/unit`, …), by name, sorted. */
export async function testFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(TREE, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(`.test${EXT}`))
    .map((e) => path.relative(TREE, path.join(e.parentPath, e.name)).replace(/\.js$/, '.ts'))
    .sort();
}

/**
 * node's flags for a test process: tsx from the sources; compiled, stack traces still name the
 * TypeScript lines. A larger young generation: test processes allocate fast and live briefly,
 * and with V8's default (16 MB) they spent ~12 % of their time in scavenges.
 */
export const NODE_FLAGS = [...(EXT === '.ts' ? ['--import', 'tsx'] : ['--enable-source-maps']), '--max-semi-space-size=32'];
