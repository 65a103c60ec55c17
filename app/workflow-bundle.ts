import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import { moduleUrl } from '../lib/module-url.ts';

const require = createRequire(import.meta.url);

/**
 * The workflow bundle (webpack of workflows/*.ts into Temporal's sandbox) takes ~0.8 s to
 * build, on every worker start. It depends only on the workflow sources (activities are
 * imported as types) and the SDK version, so it is cached under CACHE_DIR by their hash.
 */
export async function workflowBundle(cacheDir: string): Promise<{ code: string }> {
  const entry = fileURLToPath(moduleUrl(import.meta.url, '../workflows/index'));
  const ext = path.extname(entry);
  const dir = path.dirname(entry);
  const hash = createHash('sha256');
  hash.update(JSON.parse(await readFile(require.resolve('@temporalio/workflow/package.json'), 'utf8')).version);
  for (const f of (await readdir(dir)).filter((f) => f.endsWith(ext)).sort()) {
    hash.update(f).update(await readFile(path.join(dir, f)));
  }
  const file = path.join(cacheDir, 'workflow-bundles', `${hash.digest('hex').slice(0, 24)}.js`);
  const cached = await readFile(file, 'utf8').catch(() => null);
  if (cached) return { code: cached };
  const { code } = await bundleWorkflowCode({ workflowsPath: entry, logger: { info() {}, warn() {}, error() {}, debug() {}, trace() {}, log() {} } as never });
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, code);
  await rename(tmp, file);
  return { code };
}
