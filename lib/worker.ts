import os from 'node:os';
import { NativeConnection, Runtime, Worker, DefaultLogger } from '@temporalio/worker';
import { createActivities } from '../activities/index.ts';
import type { ActivityDeps } from '../activities/deps.ts';
import { heavyQueue } from '../workflows/queues.ts';
import { logger } from './logger.ts';
import type { OcrEngine } from './ocr/index.ts';
import { lazyOcrEngine } from './ocr/lazy-engine.ts';
import { workflowBundle } from './workflow-bundle.ts';

let runtimeInstalled = false;

export type WorkerRole = 'all' | 'main' | 'heavy';

/**
 * The workers of one process, run and stopped together. `main` polls the task queue for
 * workflows and the quick activities; `heavy` polls `<queue>-heavy` for the CPU-bound ones
 * (reading/OCR, rendering), so OCR capacity scales by adding heavy workers on other machines.
 */
export class WorkerGroup {
  constructor(
    readonly workers: Worker[],
    private readonly ocr: OcrEngine | undefined,
    private readonly ownsOcr: boolean,
  ) {}

  async run(): Promise<void> {
    try {
      await Promise.all(this.workers.map((w) => w.run()));
    } finally {
      if (this.ownsOcr) await this.ocr?.terminate();
    }
  }

  shutdown(): void {
    for (const w of this.workers) if (w.getState() === 'RUNNING') w.shutdown();
  }

  getState(): string {
    const states = this.workers.map((w) => w.getState());
    return states.every((s) => s === 'RUNNING') ? 'RUNNING' : states.find((s) => s !== 'RUNNING')!;
  }
}

export async function createWorker(deps: ActivityDeps, address: string, role: WorkerRole = deps.config.WORKER_ROLE): Promise<{ worker: WorkerGroup; connection: NativeConnection }> {
  if (!runtimeInstalled) {
    // The SDK's own logs go into our JSON log (stderr), at WARN and above unless debugging. A
    // heavy-queue worker has no workflows by design: the SDK's note about it is not a warning.
    const level = ({ debug: 'DEBUG', info: 'WARN', warn: 'WARN', error: 'ERROR' } as const)[deps.config.LOG_LEVEL ?? 'info'];
    Runtime.install({
      logger: new DefaultLogger(level, (entry) => {
        if (entry.message.startsWith('No workflows registered')) return;
        const method = entry.level === 'ERROR' ? 'error' : entry.level === 'WARN' ? 'warn' : entry.level === 'INFO' ? 'info' : 'debug';
        logger[method]({ temporal: entry.meta }, entry.message);
      }),
    });
    runtimeInstalled = true;
  }
  const heavy = role !== 'main';
  // The OCR pool is expensive (one tesseract worker per core): made once, shared by every
  // extract activity of this process, terminated when the workers stop.
  const ocr = heavy ? deps.ocr ?? lazyOcrEngine() : undefined;
  const activities = createActivities({ ...deps, ocr });
  const connection = await NativeConnection.connect({ address });
  const workers: Worker[] = [];
  if (role !== 'heavy') {
    workers.push(
      await Worker.create({
        connection,
        namespace: deps.config.TEMPORAL_NAMESPACE,
        taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
        workflowBundle: await workflowBundle(deps.config.CACHE_DIR),
        activities,
        maxConcurrentActivityTaskExecutions: 20,
      }),
    );
  }
  if (heavy) {
    workers.push(
      await Worker.create({
        connection,
        namespace: deps.config.TEMPORAL_NAMESPACE,
        taskQueue: heavyQueue(deps.config.TEMPORAL_TASK_QUEUE),
        activities,
        // CPU-bound: more parallel activities than cores only adds queueing (and memory).
        maxConcurrentActivityTaskExecutions: Math.max(2, os.availableParallelism()),
      }),
    );
  }
  return { worker: new WorkerGroup(workers, ocr, heavy && !deps.ocr), connection };
}
