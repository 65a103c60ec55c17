import { Worker } from 'node:worker_threads';
import { isCompiled, moduleUrl } from '../module-url.ts';
import { ThreadTaskError, type ThreadReply, type ThreadRequest } from './protocol.ts';

export { ThreadTaskError } from './protocol.ts';

/** A thread that died (crash, out of memory) with tasks on it; the pool replaces it. */
export class ThreadCrashedError extends Error {
  override name = 'ThreadCrashedError';
  readonly code = 'thread_crashed';
}

export interface RunOptions {
  /** Called with what the task reports through `ctx.progress(...)`. */
  onProgress?: (data: unknown) => void;
  /** ArrayBuffers handed over to the thread instead of copied. */
  transfer?: ArrayBuffer[];
}

/** What a pool function receives as its last argument. */
export interface ThreadContext {
  progress(data: unknown): void;
  /** Whether other tasks wait in this thread: work done ahead of need (a warm-up) stops for them. */
  othersWaiting(): boolean;
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: unknown): void;
  onProgress?: (data: unknown) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * A small pool of worker threads for CPU-heavy work (pdf.js, OCR clean-up, chart and report
 * rendering), so none of it runs on the event loop that serves Temporal workflow tasks. A
 * task is `module#fn(...args)`: the function runs in a thread that imports the module once.
 * Each thread takes several tasks at once (the least busy thread gets the next one); threads
 * start on first use and do not keep the process alive while idle.
 */
export class ThreadPool {
  private slots: (Slot | undefined)[];
  private nextId = 1;
  private closed = false;

  /** `owner`: see lease(). */
  constructor(
    readonly size: number,
    private readonly owner?: ThreadPool,
  ) {
    this.slots = owner ? [] : new Array(Math.max(1, size)).fill(undefined);
  }

  /**
   * These threads for a borrower that closes what it is given (a runtime closes its worker's
   * threads when it stops): closing the lease refuses its further work and leaves the threads
   * running for the owner. Tests lend one pool to the runtimes a process starts one after
   * another, instead of starting and warming new threads for each.
   */
  lease(): ThreadPool {
    return new ThreadPool(this.size, this);
  }

  /**
   * Starts every thread now (module loading overlaps other start-up work), then has each run
   * `then` once, if given (a first run of the real work, so the first task does not pay for it).
   */
  warm(modules: string[] = [], then?: { module: string; fn: string }): void {
    if (this.owner) return this.owner.warm(modules, then);
    for (let i = 0; i < this.slots.length; i++) {
      const slot = this.slot(i);
      // A hint, answered to nobody (id 0): a module that fails to load fails the first real
      // task instead, and a failed warm-up only leaves that task its first-run costs.
      for (const m of modules) slot.worker.postMessage({ id: 0, module: m, fn: '', args: [] } satisfies ThreadRequest);
      if (then) slot.worker.postMessage({ id: 0, module: then.module, fn: then.fn, args: [] } satisfies ThreadRequest);
    }
  }

  run<T>(module: string, fn: string, args: unknown[], opts: RunOptions = {}): Promise<T> {
    if (this.closed) return Promise.reject(new Error('thread pool closed'));
    if (this.owner) return this.owner.run<T>(module, fn, args, opts);
    const index = this.leastBusy();
    const slot = this.slot(index);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      slot.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress: opts.onProgress });
      slot.worker.ref();
      slot.worker.postMessage({ id, module, fn, args } satisfies ThreadRequest, opts.transfer ?? []);
    });
  }

  /** Tasks in flight, per thread (for logs and tests). */
  load(): number[] {
    if (this.owner) return this.owner.load();
    return this.slots.map((s) => s?.pending.size ?? 0);
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.filter((s): s is Slot => !!s);
    this.slots = this.slots.map(() => undefined);
    await Promise.allSettled(slots.map((s) => s.worker.terminate()));
  }

  private leastBusy(): number {
    let best = 0;
    for (let i = 1; i < this.slots.length; i++) {
      if ((this.slots[i]?.pending.size ?? 0) < (this.slots[best]?.pending.size ?? 0)) best = i;
    }
    return best;
  }

  private slot(index: number): Slot {
    const existing = this.slots[index];
    if (existing) return existing;
    // Compiled, the thread runs thread.js on plain node; from TypeScript, boot.mjs registers
    // tsx first. execArgv: [] — inheriting `--test` or tsx's CLI flags would make the thread
    // act on them.
    const entry = isCompiled(import.meta.url) ? moduleUrl(import.meta.url, './thread') : new URL('./boot.mjs', import.meta.url);
    const worker = new Worker(entry, { execArgv: [] });
    const pending = new Map<number, Pending>();
    const slot: Slot = { worker, pending };
    worker.unref();
    worker.on('message', (m: ThreadReply) => {
      const p = pending.get(m.id);
      if (!p) return;
      if (m.kind === 'progress') return p.onProgress?.(m.data);
      pending.delete(m.id);
      if (!pending.size) worker.unref();
      if (m.kind === 'done') p.resolve(m.value);
      else p.reject(new ThreadTaskError(m.error));
    });
    const fail = (cause: unknown) => {
      if (this.slots[index] === slot) this.slots[index] = undefined;
      for (const p of pending.values()) p.reject(new ThreadCrashedError(`worker thread stopped: ${String((cause as Error)?.message ?? cause)}`, { cause }));
      pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    this.slots[index] = slot;
    return slot;
  }
}
