/** A long-running worker process (production: TEMPORAL_ADDRESS and DATABASE_URL set). */
import { loadConfig } from '../lib/config.ts';
import { startRuntime } from '../lib/runtime.ts';

const config = loadConfig();
const rt = await startRuntime(config, { worker: true, log: (m) => console.error(m) });
console.error(`Worker polling task queue "${config.TEMPORAL_TASK_QUEUE}"`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void rt.shutdown().then(() => process.exit(0)));
}
