/** Functions the thread-pool tests run inside pool threads. */
import { threadId } from 'node:worker_threads';
import type { ThreadContext } from '../../lib/thread-pool/index.ts';

export function whereAmI(): number {
  return threadId;
}

export async function countTo(n: number, ctx: ThreadContext): Promise<number> {
  for (let i = 1; i <= n; i++) ctx.progress({ i });
  return n;
}

export function failCoded(): never {
  throw Object.assign(new Error('over budget', { cause: new Error('inner') }), { code: 'scan_too_large', params: { limitMp: 7 } });
}

export function crash(): never {
  process.exit(3);
}

let warmed = 0;

/** A warm-up: counts its runs in this thread. */
export function warm(): void {
  warmed++;
}

export function warmedRuns(): number {
  return warmed;
}
