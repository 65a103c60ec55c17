import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { StorageFullError } from '../lib/storage.ts';

/**
 * The edge of every activity: an error leaves as an ApplicationFailure whose type is a code the
 * user has a message for, decided by the error's class (never its text). Failures already typed
 * (bad input, download_failed, …) and cancellations pass unchanged. Retry behaviour is kept:
 * only the type changes, so a JS class name (TypeError, Error) is never what a document stores.
 */
export function classifyError(e: unknown): unknown {
  if (e instanceof ApplicationFailure || e instanceof CancelledFailure) return e;
  if (e instanceof StorageFullError) return ApplicationFailure.create({ type: 'storage_full', message: e.message, cause: e });
  if (e instanceof Error) return ApplicationFailure.create({ type: 'internal_error', message: `${e.name}: ${e.message}`, cause: e });
  return ApplicationFailure.create({ type: 'internal_error', message: String(e) });
}

type AnyActivity = (...args: never[]) => Promise<unknown>;

export function withClassifiedErrors<T extends Record<string, AnyActivity>>(activities: T): T {
  const wrapped: Record<string, AnyActivity> = {};
  for (const [name, fn] of Object.entries(activities)) {
    wrapped[name] = async (...args: never[]) => {
      try {
        return await fn(...args);
      } catch (e) {
        throw classifyError(e);
      }
    };
  }
  return wrapped as T;
}
