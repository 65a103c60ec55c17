/** A long-running worker process (production: TEMPORAL_ADDRESS and DATABASE_URL set). */
import { loadConfig } from '../lib/config.ts';
import { sql } from 'kysely';
import { startHealthServer } from '../lib/health-server.ts';
import { logger } from '../lib/logger.ts';
import { startRuntime } from '../lib/runtime.ts';

const config = loadConfig();
logger.level = config.LOG_LEVEL ?? 'info';
const rt = await startRuntime(config, { worker: true, log: (m) => logger.info(m) });
if (config.METRICS_PORT) {
  await startHealthServer(config.METRICS_PORT, async () => {
    await sql`select 1`.execute(rt.db);
    return rt.worker?.getState() === 'RUNNING';
  }, config.METRICS_HOST);
}
logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, metricsPort: config.METRICS_PORT }, 'worker polling');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void rt.shutdown().then(() => process.exit(0)));
}
