import type { Config } from '../lib/config.ts';
import { moduleUrl } from '../lib/module-url.ts';
import { ThreadPool } from '../lib/thread-pool/index.ts';
import { INSPECT_TASK_MODULE, READ_TASK_MODULE } from '../reading/off-thread.ts';
import { RENDER_MODULE } from '../reports/off-thread.ts';

/** What the heavy threads load at start, so the first document does not wait for it. */
const HEAVY_MODULES = [INSPECT_TASK_MODULE, READ_TASK_MODULE, RENDER_MODULE];
const WARM_UP = { module: moduleUrl(import.meta.url, './warm-up-task').href, fn: 'warmUp' };

/** Which task queues a worker process serves (WORKER_ROLE): all, the main one, or the heavy one. */
export type WorkerRole = Config['WORKER_ROLE'];

/**
 * The threads that read, OCR and render, started and loading their modules now: reading, OCR
 * and rendering run there, never on the event loop that also serves workflow tasks in the
 * default `all` role. Each thread starts its OCR engine on its first scanned page. None for a
 * `main` worker. A command starts them first thing, before its own modules load (they take
 * as long as the threads' do, on the other core), and hands them to the runtime.
 *
 * `warmUp`: each thread also reads and renders a small made-up statement once, step by step
 * and no further once a real task arrives, so the first real document does not pay for a
 * first run (~0.6 s). For a long-running process whose first document comes later (a worker,
 * the bot); not for `npm run analyze` or the chat, where a file may arrive as the start ends
 * and the warm-up would only compete with it on a small machine, nor for tests.
 */
export function startHeavyThreads(config: Pick<Config, 'HEAVY_THREADS' | 'WORKER_ROLE'>, opts: { role?: WorkerRole; warmUp?: boolean } = {}): ThreadPool | undefined {
  if ((opts.role ?? config.WORKER_ROLE) === 'main') return undefined;
  const threads = new ThreadPool(config.HEAVY_THREADS);
  threads.warm(HEAVY_MODULES, opts.warmUp ? WARM_UP : undefined);
  return threads;
}
