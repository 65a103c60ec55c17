import { parentPort } from 'node:worker_threads';
import type { ThreadRequest, ThreadReply } from './protocol.ts';
import { serializeError } from './protocol.ts';

/**
 * The thread side of the pool: runs `module#fn(...args, ctx)` for each request, several at
 * once (they are async and mostly wait on each other's CPU or on OCR), and posts progress
 * and the result back. Modules are imported once per thread and then stay loaded.
 */
const port = parentPort!;
const modules = new Map<string, Promise<Record<string, unknown>>>();
/** Real tasks (not preloads or warm-ups, id 0) received and not yet answered. */
let tasksInFlight = 0;

port.on('message', (req: ThreadRequest) => {
  void handle(req);
});

async function handle(req: ThreadRequest): Promise<void> {
  const reply = (m: ThreadReply) => port.postMessage(m);
  const real = req.id !== 0;
  if (real) tasksInFlight++;
  try {
    let mod = modules.get(req.module);
    if (!mod) modules.set(req.module, (mod = import(req.module) as Promise<Record<string, unknown>>));
    if (!req.fn) return void (await mod.catch(() => {})); // a preload: nothing to answer
    const fn = (await mod)[req.fn];
    if (typeof fn !== 'function') throw new Error(`${req.module} has no function ${req.fn}`);
    const ctx = { progress: (data: unknown) => reply({ id: req.id, kind: 'progress', data }), othersWaiting: () => tasksInFlight > (real ? 1 : 0) };
    const value: unknown = await fn(...req.args, ctx);
    reply({ id: req.id, kind: 'done', value });
  } catch (err) {
    reply({ id: req.id, kind: 'failed', error: serializeError(err) });
  } finally {
    if (real) tasksInFlight--;
  }
}
