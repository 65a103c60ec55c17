import os from 'node:os';
import { NativeConnection, Runtime, Worker, DefaultLogger } from '@temporalio/worker';
import { createActivities } from '../activities/index.ts';
import type { ActivityDeps } from '../activities/deps.ts';
import { heavyQueue } from '../workflows/queues.ts';
import { logger } from '../lib/logger.ts';
import type { ThreadPool } from '../lib/thread-pool/index.ts';
import { startHeavyThreads, type WorkerRole } from './heavy-threads.ts';
import { workflowBundle } from './workflow-bundle.ts';

let runtimeInstalled = false;

/**
 * The workers of one process, run and stopped together. `main` polls the task queue for
 * workflows and the quick activities; `heavy` polls `<queue>-heavy` for the CPU-bound ones
 * (reading/OCR, rendering), so OCR capacity scales by adding heavy workers on other machines.
 */
export class WorkerGroup {
  constructor(
    readonly workers: Worker[],
    private readonly threads: ThreadPool | undefined,
  ) {}

  async run(): Promise<void> {
    try {
      await Promise.all(this.workers.map((w) => w.run()));
    } finally {
      await this.threads?.close();
    }
  }

  shutdown(): void {
    for (const w of this.workers) if (w.getState() === 'RUNNING') w.shutdown();
  }

  /** Stops a group that never ran (start-up failed elsewhere): its workers and threads end. */
  async close(): Promise<void> {
    const done = this.run();
    this.shutdown();
    await done.catch(() => {});
  }

  getState(): string {
    const states = this.workers.map((w) => w.getState());
    return states.every((s) => s === 'RUNNING') ? 'RUNNING' : states.find((s) => s !== 'RUNNING')!;
  }
}

export async function createWorker(
  deps: ActivityDeps,
  address: string,
  role: WorkerRole = deps.config.WORKER_ROLE,
  threads: ThreadPool | undefined = startHeavyThreads(deps.config, { role }),
): Promise<{ worker: WorkerGroup; connection: NativeConnection }> {
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
  const activities = createActivities({ ...deps, threads });
  const bundle = role === 'heavy' ? undefined : workflowBundle(deps.config.CACHE_DIR);
  bundle?.catch(() => {}); // awaited below
  const connection = await NativeConnection.connect({ address }).catch(async (e: unknown) => {
    await threads?.close();
    throw e;
  });
  try {
    return { worker: new WorkerGroup(await createWorkers(deps, connection, role, activities, bundle), threads), connection };
  } catch (e) {
    await threads?.close();
    await connection.close();
    throw e;
  }
}

async function createWorkers(deps: ActivityDeps, connection: NativeConnection, role: WorkerRole, activities: ReturnType<typeof createActivities>, bundle: Promise<{ code: string }> | undefined): Promise<Worker[]> {
  const workers: Worker[] = [];
  if (bundle) {
    workers.push(
      await Worker.create({
        connection,
        namespace: deps.config.TEMPORAL_NAMESPACE,
        taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
        workflowBundle: await bundle,
        activities,
        maxConcurrentActivityTaskExecutions: 20,
      }),
    );
  }
  if (role !== 'main') {
    workers.push(
      await Worker.create({
        connection,
        namespace: deps.config.TEMPORAL_NAMESPACE,
        taskQueue: heavyQueue(deps.config.TEMPORAL_TASK_QUEUE),
        activities,
        // CPU-bound: more parallel activities than cores only adds queueing (and memory).
        maxConcurrentActivityTaskExecutions: Math.max(2, os.availableParallelism()),
        // The SDK holds heartbeats for 80 % of the heartbeat timeout by default, leaving a busy
        // machine 20 % to deliver the next one before the server gives up on a live reading.
        maxHeartbeatThrottleInterval: '2 seconds',
      }),
    );
  }
  return workers;
}
