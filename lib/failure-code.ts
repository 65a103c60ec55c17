import { ApplicationFailure } from '@temporalio/common';
import { StorageFullError } from './storage.ts';

/** Digs the user-error code out of a workflow failure (workflow → activity → application). */
export function failureCode(err: unknown): { code: string; params: Record<string, string | number>; message: string } {
  let e: unknown = err;
  const chain: string[] = [];
  for (let depth = 0; e && depth < 6; depth++) {
    if (e instanceof Error && e.message && !chain.includes(e.message)) chain.push(e.message);
    if (e instanceof ApplicationFailure && e.type) {
      const params = (e.details?.[0] ?? {}) as Record<string, string | number>;
      return { code: e.type, params, message: e.message };
    }
    // Raised before any workflow exists (storing the upload): still the user's storage message.
    if (e instanceof StorageFullError) return { code: e.code, params: {}, message: e.message };
    e = (e as { cause?: unknown }).cause;
  }
  // Untyped all the way down: every message of the chain, so an operator sees the real cause.
  return { code: 'internal_error', params: {}, message: chain.length ? chain.join(' ← ') : String(err) };
}
