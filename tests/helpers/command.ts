import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository's root, whichever tree the tests run from: the sources, or the compiled copy
 * under `.build/` (scripts/build.mjs), whose folders mirror the sources but hold no scripts/run.mjs.
 */
export const REPO_ROOT = (() => {
  let dir = import.meta.dirname;
  while (!existsSync(path.join(dir, 'scripts', 'run.mjs'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no scripts/run.mjs above ${import.meta.dirname}`);
    dir = up;
  }
  return dir;
})();

/**
 * Arguments for `spawn(process.execPath, …)` that run an npm command as `npm run <name>` does
 * (scripts/run.mjs: build if stale, then the compiled script), without npm's own start-up.
 * `root` is the checkout to run it in (a test's fresh clone, say).
 */
export function commandArgs(name: string, args: string[] = [], root: string = REPO_ROOT): string[] {
  return [path.join(root, 'scripts', 'run.mjs'), name, ...args];
}
