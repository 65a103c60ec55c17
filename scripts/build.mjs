/**
 * Compiles the TypeScript sources to plain ESM JavaScript under `.build/`, one file per source
 * file (esbuild, ~0.5 s), so commands and tests run on plain `node` instead of a TypeScript
 * loader: loading the app under tsx took ~2.2 s and ~400 MB per process (pdf.js alone +174 MB,
 * paid again by every worker thread); the compiled files load in ~1.3 s and ~185 MB.
 * Type-checking stays with `tsc --noEmit` (`npm test`); this only strips types.
 *
 * The tree is mirrored (`.build/reading/pdf.js` for `reading/pdf.ts`), relative imports are
 * rewritten from `.ts` to `.js`, and the folders that code reaches by relative path (data,
 * fixtures, fonts under node_modules) are linked in, so every `new URL('../x', import.meta.url)`
 * resolves the same from either tree. A build is skipped when nothing changed since the last.
 *
 *   node scripts/build.mjs          build if stale
 *   node scripts/build.mjs --force  always build
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUILD_DIR = path.join(ROOT, '.build');
const SOURCE_DIRS = ['app', 'bot', 'workflows', 'activities', 'reading', 'reports', 'db', 'domain', 'contracts', 'lib', 'scripts', 'bench', 'tests'];
// Reached by relative path from compiled code: linked (relative links, so a copied repo keeps working).
const LINKS = ['data', 'samples', 'node_modules', 'tests/fixtures', 'package.json'];
const STAMP = path.join(BUILD_DIR, '.stamp');
/**
 * Packages of hundreds of small files, bundled into one file each under `.build/vendor/`:
 * node's loader pays per file, so kysely (263 files) took ~100 ms of every process's start-up
 * and loads in ~15 ms as one; exceljs and the packages only it uses (~450 CommonJS files)
 * took ~0.2 s of the rendering thread's. Only packages nothing else in node_modules imports
 * (a second copy of one that others share would split its identity). `exports` is what the
 * bundle re-exports, as our code imports it.
 */
const VENDORED = {
  kysely: "export * from 'kysely';",
  exceljs: "export { default } from 'exceljs';",
};

function sources() {
  const files = [];
  for (const dir of SOURCE_DIRS) {
    const abs = path.join(ROOT, dir);
    if (!existsSync(abs)) continue;
    for (const e of readdirSync(abs, { recursive: true, withFileTypes: true })) {
      if (!e.isFile() || !e.name.endsWith('.ts') || e.name.endsWith('.d.ts')) continue;
      const file = path.join(e.parentPath, e.name);
      if (!file.includes(`${path.sep}fixtures${path.sep}`)) files.push(file);
    }
  }
  return files.sort();
}

/**
 * What the build was made from: every source's path, size and mtime, the builder's own, and
 * the lockfile (the vendored bundles are packages: an upgrade must rebuild them).
 */
function fingerprint(files) {
  const lock = path.join(ROOT, 'package-lock.json');
  const parts = [fileURLToPath(import.meta.url), ...(existsSync(lock) ? [lock] : []), ...files].map((f) => {
    const s = statSync(f);
    return `${f}:${s.size}:${s.mtimeMs}`;
  });
  return parts.join('\n');
}

function link(dir, rel) {
  const target = path.join(dir, rel);
  if (existsSync(target) || !existsSync(path.join(ROOT, rel))) return;
  mkdirSync(path.dirname(target), { recursive: true });
  symlinkSync(path.relative(path.dirname(target), path.join(ROOT, rel)), target);
}

/** The import of a vendored package from `importer` (a source file): its bundle, relative to the compiled file. */
function vendorPath(importer, name) {
  const rel = path.relative(path.dirname(path.relative(ROOT, importer)), path.join('vendor', `${name}.js`));
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** Builds `.build/` unless it is current; returns whether it built. */
export async function build({ force = false } = {}) {
  const files = sources();
  const print = fingerprint(files);
  if (!force && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === print) return false;
  const esbuild = await import('esbuild');
  // Built beside and swapped in whole: a command already running from `.build/` (a worker
  // whose threads import modules later) never finds it half-written or emptied, and a source
  // removed since the last build does not linger as a loadable module.
  const next = `${BUILD_DIR}.next-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: files,
    outdir: next,
    outbase: ROOT,
    // Bundling mode only for its resolver hook: every relative import stays external (one
    // output file per source), rewritten to the compiled file's name; packages stay imports.
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [
      {
        name: 'relative-ts-to-js',
        setup(b) {
          b.onResolve({ filter: /^\.\.?\// }, (a) => (a.kind === 'entry-point' ? undefined : { path: a.path.replace(/\.ts$/, '.js'), external: true }));
          b.onResolve({ filter: new RegExp(`^(${Object.keys(VENDORED).join('|')})$`) }, (a) => ({ path: vendorPath(a.importer, a.path), external: true }));
        },
      },
    ],
  });
  for (const [name, contents] of Object.entries(VENDORED)) {
    await esbuild.build({
      stdin: { contents, resolveDir: ROOT, sourcefile: `vendor-${name}.js` },
      outfile: path.join(next, 'vendor', `${name}.js`),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
      // A CommonJS package's require() of node's own modules, from inside an ES module.
      banner: { js: "import { createRequire as __vendorRequire } from 'node:module'; const require = __vendorRequire(import.meta.url);" },
    });
  }
  // esbuild's service is a child process that would otherwise live as long as the command.
  await esbuild.stop();
  for (const rel of LINKS) link(next, rel);
  writeFileSync(path.join(next, '.stamp'), print);
  const old = `${BUILD_DIR}.old-${process.pid}`;
  try {
    if (existsSync(BUILD_DIR)) renameSync(BUILD_DIR, old);
    renameSync(next, BUILD_DIR);
  } catch {
    // Another command built the same sources at the same moment and swapped its tree in first.
    rmSync(next, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  const built = await build({ force: process.argv.includes('--force') });
  console.error(built ? `built .build/ in ${Date.now() - t0} ms` : '.build/ is up to date');
}
