import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../lib/config.ts';
import { freePort } from '../../lib/ports.ts';
import { startRuntime, type AppRuntime } from '../../lib/runtime.ts';

/**
 * A real Postgres (embedded) and a real Temporal dev server on free ports with a throwaway
 * data folder, plus an in-process worker. The Temporal CLI comes from the shared cache
 * (built once by .ci/run or the first `npm run analyze`).
 */
export async function startTestRuntime(overrides: Record<string, string> = {}): Promise<{ rt: AppRuntime; config: Config; env: Record<string, string>; cleanup: () => Promise<void> }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'lodge-test-'));
  // As root, Postgres runs as a separate 'postgres' user, which must be able to enter it.
  await chmod(dataDir, 0o755);
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
    TEMPORAL_DEV_PORT: String(await freePort()),
    TEMPORAL_TASK_QUEUE: `test-${process.pid}`,
    LOG_LEVEL: 'error',
    ...overrides,
  };
  // DATABASE_URL / TEMPORAL_ADDRESS from the developer's shell must not leak into tests.
  const base = { ...process.env, DATABASE_URL: '', TEMPORAL_ADDRESS: '' };
  const config = loadConfig({ ...base, ...env });
  const rt = await startRuntime(config, { worker: true });
  return {
    rt,
    config,
    env,
    cleanup: async () => {
      await rt.shutdown();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
