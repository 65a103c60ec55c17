/** A long-running worker process (production: TEMPORAL_ADDRESS and DATABASE_URL set). */
import { argLocale, loadConfigOrExit, portsFreeOrExit, startRuntimeOrExit, stopOnSignals } from '../app/command-edge.ts';
import { pingDb } from '../db/connection.ts';
import { startHealthServer } from '../lib/health-server.ts';
import { logger } from '../lib/logger.ts';

const locale = argLocale();
const config = loadConfigOrExit(locale);
logger.level = config.LOG_LEVEL ?? 'info';
await portsFreeOrExit([{ port: config.METRICS_PORT, service: 'metrics', variable: 'METRICS_PORT' }], locale, config.LOG_LEVEL === 'debug');
const rt = await startRuntimeOrExit(config, { worker: true, warmUp: true, log: (m) => logger.info(m) }, locale);
// SIGTERM is how a worker is normally stopped: in-flight tasks go back to the queue, exit 0.
stopOnSignals(rt, { code: 0 });
if (config.METRICS_PORT) {
  await startHealthServer(config.METRICS_PORT, async () => {
    await pingDb(rt.db);
    return rt.worker?.getState() === 'RUNNING';
  }, config.METRICS_HOST);
}
logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, metricsPort: config.METRICS_PORT }, 'worker polling');
