/** Messages between the pool (main thread) and its threads. */
export interface ThreadRequest {
  id: number;
  /** Module URL (file://…); the thread imports it once. */
  module: string;
  /** Exported function to call; empty: only import the module (warm-up). */
  fn: string;
  args: unknown[];
}

export type ThreadReply =
  | { id: number; kind: 'progress'; data: unknown }
  | { id: number; kind: 'done'; value: unknown }
  | { id: number; kind: 'failed'; error: SerializedError };

/** An error as it crosses the thread boundary: classes do not survive structured clone, fields do. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  /** Own enumerable fields (`code`, `params`, …): what callers classify by. */
  fields: Record<string, unknown>;
  cause?: SerializedError;
}

export function serializeError(err: unknown, depth = 0): SerializedError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(err)) {
    if (k === 'cause' || typeof v === 'function') continue;
    try {
      fields[k] = structuredClone(v);
    } catch {
      fields[k] = String(v);
    }
  }
  return {
    name: err.name,
    message: err.message,
    stack: err.stack,
    fields,
    ...(err.cause !== undefined && depth < 4 ? { cause: serializeError(err.cause, depth + 1) } : {}),
  };
}

/** Rebuilt on the caller's side: an Error with the thread's name, message, stack and fields. */
export class ThreadTaskError extends Error {
  [field: string]: unknown;
  constructor(s: SerializedError) {
    super(s.message, s.cause ? { cause: new ThreadTaskError(s.cause) } : undefined);
    Object.assign(this, s.fields);
    this.name = s.name;
    if (s.stack) this.stack = s.stack;
  }
}
