import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ScheduleAlreadyRunning, type Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { createDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/schema.ts';
import type { Config } from '../lib/config.ts';
import { ensurePostgres } from '../lib/postgres-server.ts';
import { LocalFileStorage, type FileStorage } from '../lib/storage.ts';
import { storageDir } from '../lib/config.ts';
import { closeTemporalClient, createTemporalClient, drainTemporalClient } from '../lib/temporal-client.ts';
import { ensureTemporal } from '../lib/temporal-server.ts';
import type { createWorker, WorkerGroup } from './worker.ts';
import { startHeavyThreads } from './heavy-threads.ts';
import type { ThreadPool } from '../lib/thread-pool/index.ts';
import { logger } from '../lib/logger.ts';
import { fsStartupError } from '../lib/startup-error.ts';

/** The daily purge of expired files: created once per cluster, kept if it already exists. */
async function ensureRetentionSchedule(client: Client, config: Config): Promise<void> {
  await client.schedule
    .create({
      scheduleId: 'retention-daily',
      spec: { calendars: [{ hour: 3, minute: 30 }], timezone: 'Europe/Istanbul' },
      action: { type: 'startWorkflow', workflowType: 'purgeExpiredFiles', taskQueue: config.TEMPORAL_TASK_QUEUE, args: [] },
    })
    .catch((e: unknown) => {
      if (!(e instanceof ScheduleAlreadyRunning)) throw e;
    });
}

/** The data folder exists and takes a write, or the command stops here with one clear line. */
async function ensureDataDir(dir: string): Promise<void> {
  const probe = path.join(dir, `.write-test-${process.pid}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(probe, 'ok');
    await rm(probe, { force: true });
  } catch (e) {
    throw fsStartupError(e, dir) ?? e;
  }
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
    .catch((e: unknown) => {
      if (!(e instanceof ScheduleAlreadyRunning)) throw e;
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
  /** Stops everything this process started; `drainMs` bounds the wait for client calls in flight. */
  shutdown(opts?: { drainMs?: number }): Promise<void>;
}

/**
 * Starts what is not already running: Postgres (DATABASE_URL or embedded), Temporal
 * (TEMPORAL_ADDRESS or the CLI dev server), migrations, and optionally an in-process worker.
 * A failure at any step stops what had started and is thrown (a StartupError when the cause
 * is known) for the command's edge to print. `threads`: the worker's reading and rendering
 * threads, when the command started them first thing; `warmUp`: see startHeavyThreads.
 */
export async function startRuntime(config: Config, opts: { worker: boolean; log?: (m: string) => void; threads?: ThreadPool; warmUp?: boolean }): Promise<AppRuntime> {
  const log = opts.log ?? (() => {});
  logger.level = config.LOG_LEVEL ?? 'info';
  // Only when something of ours lives there (with DATABASE_URL, TEMPORAL_ADDRESS and
  // STORAGE_DIR all set, DATA_DIR is unused and may well be read-only).
  if (!config.DATABASE_URL || !config.TEMPORAL_ADDRESS || !config.STORAGE_DIR) await ensureDataDir(config.DATA_DIR);
  // The worker's modules (the SDK's worker, every activity, the chat SDKs: ~0.5 s) load while
  // the servers start in their own processes, not before or after.
  const workerModules = opts.worker ? loadWorkerModules(config, opts.threads ?? startHeavyThreads(config, { warmUp: opts.warmUp })) : null;
  if (!opts.worker) await opts.threads?.close();
  workerModules?.catch(() => {}); // awaited below; a failure then is the one reported
  const [pgResult, temporalResult] = await Promise.allSettled([ensurePostgres(config, log), ensureTemporal(config, log)]);
  // Side by side: Temporal keeps its state in its own SQLite file, not in this Postgres. Its
  // dev server takes ~1.5 s to stop: a command that worked does not wait for it (the next
  // start does, if it comes that soon); one that failed to start does, so that the user who
  // then frees the folder (or its disk) finds nothing of ours still holding it.
  const stopServers = async ({ wait = false } = {}) => {
    await Promise.all([pgResult.status === 'fulfilled' && pgResult.value.stop(), temporalResult.status === 'fulfilled' && temporalResult.value.stop({ wait })]);
  };
  if (pgResult.status === 'rejected' || temporalResult.status === 'rejected') {
    // Do not leave the half that did start running (it would keep this process alive).
    await stopServers({ wait: true });
    await workerModules?.then((m) => m.threads?.close(), () => {});
    throw pgResult.status === 'rejected' ? pgResult.reason : (temporalResult as PromiseRejectedResult).reason;
  }
  const db = createDb(pgResult.value.url);
  const storage = new LocalFileStorage(storageDir(config));
  const address = temporalResult.value.address;
  // Side by side: the migrations, the client and its schedules, and the worker (loading the
  // workflow bundle is most of its ~0.7 s) need only the servers, not each other. The worker
  // polls only once the schedules exist, and its first tasks find the tables migrated.
  const [migrated, clientResult, workerResult] = await Promise.allSettled([
    migrateToLatest(db),
    clientWithSchedules(config, address, opts.worker),
    workerModules ? workerModules.then((m) => startWorker(m, config, db, storage, address)) : Promise.resolve(null),
  ]);
  if (migrated.status === 'rejected' || clientResult.status === 'rejected' || workerResult.status === 'rejected') {
    if (clientResult.status === 'fulfilled') await closeTemporalClient(clientResult.value);
    if (workerResult.status === 'fulfilled' && workerResult.value) {
      await workerResult.value.worker.close();
      await workerResult.value.connection.close();
    }
    await db.destroy();
    await stopServers({ wait: true });
    throw [migrated, clientResult, workerResult].flatMap((r) => (r.status === 'rejected' ? [r.reason] : []))[0];
  }
  return startApp(config, db, storage, clientResult.value, workerResult.value, stopServers);
}

/** The client; with a worker here, also the schedules it serves (created once per cluster). */
async function clientWithSchedules(config: Config, address: string, schedules: boolean): Promise<Client> {
  const client = await createTemporalClient(config, address);
  if (!schedules) return client;
  try {
    await Promise.all([ensureRetentionSchedule(client, config), ensureInterruptedSweepSchedule(client, config)]);
    return client;
  } catch (e) {
    await closeTemporalClient(client);
    throw e;
  }
}

type CreatedWorker = Awaited<ReturnType<typeof createWorker>>;

/**
 * What only a process with a worker needs, imported on demand, beside its reading and
 * rendering threads (the command's own, started before anything else loaded, or started now).
 */
async function loadWorkerModules(config: Config, threads: ThreadPool | undefined) {
  // The OpenAI SDK (~90 ms) only where a key is set.
  const [{ createWorker }, posters, vision] = await Promise.all([
    import('./worker.ts'),
    import('../bot/chat/posters.ts').then((m) => m.createPosters(config)),
    config.OPENAI_API_KEY ? import('../reading/vision/vision-reader.ts') : undefined,
  ]);
  return { createWorker, posters, createVisionReader: vision?.createVisionReader, threads };
}

function startWorker(
  { createWorker, posters, createVisionReader, threads }: Awaited<ReturnType<typeof loadWorkerModules>>,
  config: Config,
  db: Kysely<Database>,
  storage: FileStorage,
  address: string,
): Promise<CreatedWorker> {
  const vision = config.OPENAI_API_KEY && createVisionReader
    ? createVisionReader({ apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, model: config.OPENAI_MODEL, timeoutMs: config.OPENAI_TIMEOUT_MS })
    : undefined;
  return createWorker({ config, db, storage, posters, vision }, address, config.WORKER_ROLE, threads);
}

function startApp(config: Config, db: Kysely<Database>, storage: FileStorage, client: Client, created: CreatedWorker | null, stopServers: () => Promise<void>): AppRuntime {
  const worker = created?.worker ?? null;
  const workerDone = worker ? worker.run() : Promise.resolve();
  const closeConnection = async () => created?.connection.close();

  let stopped: Promise<void> | undefined;
  return {
    config,
    db,
    storage,
    client,
    worker,
    /**
     * In dependency order: calls in flight finish while a worker can still answer them (a
     * status query), then the workers stop and their connection closes, then the client's
     * connection, the database pool, and last the servers they talk to. Idempotent: a
     * signal arriving during a normal exit joins the same shutdown.
     */
    shutdown(opts = {}) {
      stopped ??= (async () => {
        await drainTemporalClient(client, opts.drainMs ?? 5000);
        if (worker) {
          worker.shutdown();
          await workerDone;
          await closeConnection();
        }
        await closeTemporalClient(client);
        await db.destroy();
        await stopServers();
      })();
      return stopped;
    },
  };
}
