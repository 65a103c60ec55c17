import { NativeConnection, Runtime, Worker, DefaultLogger } from '@temporalio/worker';
import { createActivities } from '../activities/index.ts';
import type { ActivityDeps } from '../activities/deps.ts';
import { createOcrEngine } from './ocr/index.ts';
import { workflowBundle } from './workflow-bundle.ts';

let runtimeInstalled = false;

/**
 * A worker for the statements task queue. Activities share the deps' clients (pg pool,
 * storage); workflows are bundled from workflows/index.ts into Temporal's sandbox.
 */
export async function createWorker(deps: ActivityDeps, address: string): Promise<{ worker: Worker; connection: NativeConnection }> {
  if (!runtimeInstalled) {
    // Core SDK logs at WARN only: the CLI's output stays readable.
    Runtime.install({ logger: new DefaultLogger(({ debug: 'DEBUG', info: 'WARN', warn: 'WARN', error: 'ERROR' } as const)[deps.config.LOG_LEVEL]) });
    runtimeInstalled = true;
  }
  // The OCR pool is expensive (one tesseract worker per core): made once here, shared by every
  // extract activity, terminated when the worker stops.
  const ocr = deps.ocr ?? (await createOcrEngine());
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    namespace: deps.config.TEMPORAL_NAMESPACE,
    taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
    workflowBundle: await workflowBundle(deps.config.CACHE_DIR),
    activities: createActivities({ ...deps, ocr }),
    // OCR and rendering are CPU-bound: more parallel activities than cores only adds queueing.
    maxConcurrentActivityTaskExecutions: 8,
  });
  if (!deps.ocr) {
    const run = worker.run.bind(worker);
    worker.run = () => run().finally(() => ocr.terminate());
  }
  return { worker, connection };
}
