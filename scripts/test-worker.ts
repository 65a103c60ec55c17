/**
 * A worker process for fault-tolerance tests (tests/helpers/worker-process.ts spawns it): the
 * production worker (createWorker: same activities, workflows, task queue) against the Postgres
 * and Temporal dev server the test already runs, configured from the same environment.
 *
 * TEST_OCR_WORKERS: tesseract workers in the pool (default 1, so pages are read one after
 * another and "one page read, the next one not yet" lasts a page's OCR time, ~2–4 s: a kill
 * after the first heartbeat lands in the middle of OCR).
 *
 * Prints "worker ready" on stdout once it polls the task queue.
 */
import { createDb } from '../db/connection.ts';
import { createPosters } from '../bot/chat/posters.ts';
import { loadConfig, storageDir } from '../lib/config.ts';
import { createOcrEngine } from '../reading/ocr/index.ts';
import { ensurePostgres } from '../lib/postgres-server.ts';
import { LocalFileStorage } from '../lib/storage.ts';
import { ensureTemporal } from '../lib/temporal-server.ts';
import { createWorker } from '../app/worker.ts';

const config = loadConfig();
// Both are already running (started by the test): these only find them, and never stop them.
const pg = await ensurePostgres(config);
const temporal = await ensureTemporal(config);
const db = createDb(pg.url);

// One OCR worker: pages are read one after another, so a kill lands between two heartbeats.
const ocr = await createOcrEngine({ workers: 1 });

const { worker, connection } = await createWorker({ config, db, storage: new LocalFileStorage(storageDir(config)), posters: await createPosters(config), ocr }, temporal.address);
const running = worker.run();
console.log('worker ready');
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => worker.shutdown());
await running;
await ocr.terminate();
await connection.close();
await db.destroy();
