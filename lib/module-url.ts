/**
 * The URL of a module next to `base` (an `import.meta.url`), with base's own extension: the
 * sources are `.ts` under tsx and `.js` in the compiled tree (`.build/`, scripts/build.mjs),
 * and a module named at run time (a thread-pool task, the workflow bundle's entry) must be
 * the one of the tree that is running.
 */
export function moduleUrl(base: string, relative: string): URL {
  const ext = base.endsWith('.ts') ? '.ts' : '.js';
  return new URL(relative.replace(/\.(ts|js)$/, '') + ext, base);
}

/** Whether this module runs from the compiled tree (plain node) rather than from TypeScript. */
export function isCompiled(base: string): boolean {
  return !base.endsWith('.ts');
}
