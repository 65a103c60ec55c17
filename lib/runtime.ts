import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { createDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/schema.ts';
import type { Config } from './config.ts';
import { ensurePostgres } from './postgres-server.ts';
import { LocalFileStorage, type FileStorage } from './storage.ts';
import { storageDir } from './config.ts';
import { createTemporalClient } from './temporal-client.ts';
import { ensureTemporal } from './temporal-server.ts';
import { createWorker, type WorkerGroup } from './worker.ts';
import { createPosters } from './chat/posters.ts';
import { createVisionReader } from './vision/index.ts';
import { logger } from './logger.ts';

/** The daily purge of expired files: created once per cluster, kept if it already exists. */
async function ensureRetentionSchedule(client: Client, config: Config): Promise<void> {
  await client.schedule
    .create({
      scheduleId: 'retention-daily',
      spec: { calendars: [{ hour: 3, minute: 30 }], timezone: 'Europe/Istanbul' },
      action: { type: 'startWorkflow', workflowType: 'purgeExpiredFiles', taskQueue: config.TEMPORAL_TASK_QUEUE, args: [] },
    })
    .catch((e: Error) => {
      if (e.name !== 'ScheduleAlreadyRunning') throw e;
    });
}

/**
 * Every 10 minutes, and once now: documents whose run no longer exists are settled as failed
 * (`interrupted`) instead of saying "processing" forever.
 */
async function ensureInterruptedSweepSchedule(client: Client, config: Config): Promise<void> {
  const created = await client.schedule
    .create({
      scheduleId: 'settle-interrupted',
      spec: { intervals: [{ every: '10 minutes' }] },
      action: { type: 'startWorkflow', workflowType: 'settleInterruptedDocuments', taskQueue: config.TEMPORAL_TASK_QUEUE, args: [] },
    })
    .catch((e: Error) => {
      if (e.name !== 'ScheduleAlreadyRunning') throw e;
      return client.schedule.getHandle('settle-interrupted');
    });
  await created.trigger();
}

export interface AppRuntime {
  config: Config;
  db: Kysely<Database>;
  storage: FileStorage;
  client: Client;
  worker: WorkerGroup | null;
  shutdown(): Promise<void>;
}

/**
 * Starts what is not already running: Postgres (DATABASE_URL or embedded), Temporal
 * (TEMPORAL_ADDRESS or the CLI dev server), migrations, and optionally an in-process worker.
 */
export async function startRuntime(config: Config, opts: { worker: boolean; log?: (m: string) => void }): Promise<AppRuntime> {
  const log = opts.log ?? (() => {});
  logger.level = config.LOG_LEVEL ?? 'info';
  const [pgResult, temporalResult] = await Promise.allSettled([ensurePostgres(config, log), ensureTemporal(config, log)]);
  if (pgResult.status === 'rejected' || temporalResult.status === 'rejected') {
    // Do not leave the half that did start running (it would keep this process alive).
    if (pgResult.status === 'fulfilled') await pgResult.value.stop();
    if (temporalResult.status === 'fulfilled') await temporalResult.value.stop();
    const reason = pgResult.status === 'rejected' ? pgResult.reason : (temporalResult as PromiseRejectedResult).reason;
    throw new Error(`Could not start ${pgResult.status === 'rejected' ? 'Postgres' : 'Temporal'}: ${String(reason)}`, { cause: reason });
  }
  const pg = pgResult.value;
  const temporal = temporalResult.value;
  const db = createDb(pg.url);
  await migrateToLatest(db);
  const storage = new LocalFileStorage(storageDir(config));
  const client = await createTemporalClient(config, temporal.address);

  let worker: WorkerGroup | null = null;
  let workerDone: Promise<void> = Promise.resolve();
  let closeConnection = async () => {};
  if (opts.worker) {
    const vision = config.OPENAI_API_KEY
      ? createVisionReader({ apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, model: config.OPENAI_MODEL, timeoutMs: config.OPENAI_TIMEOUT_MS })
      : undefined;
    const created = await createWorker({ config, db, storage, posters: createPosters(config), vision }, temporal.address);
    worker = created.worker;
    await ensureRetentionSchedule(client, config);
    await ensureInterruptedSweepSchedule(client, config);
    workerDone = worker.run();
    closeConnection = () => created.connection.close();
  }

  return {
    config,
    db,
    storage,
    client,
    worker,
    async shutdown() {
      if (worker) {
        worker.shutdown();
        await workerDone;
        await closeConnection();
      }
      await client.connection.close();
      await db.destroy();
      await temporal.stop();
      await pg.stop();
    },
  };
}
