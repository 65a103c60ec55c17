import { statfs } from 'node:fs/promises';
import { userMessage, type StartupErrorCode } from './user-errors.ts';
import type { Locale } from '../contracts/locale.ts';

/**
 * An embedded service (Postgres, Temporal, the CLI that runs it, the data folder) could not be
 * started. It carries a code with TR/EN text in user-errors.ts, so the command's edge prints
 * one line the user can act on instead of a stack trace.
 */
export class StartupError extends Error {
  override name = 'StartupError';
  constructor(
    readonly code: StartupErrorCode,
    readonly params: Record<string, string | number>,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${JSON.stringify(params)}`, options);
  }
}

/** errno codes meaning "this folder cannot be written", whoever asks. */
const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ELOOP']);
const FULL = new Set(['ENOSPC', 'EDQUOT']);

/** Turns a file-system error on `dir` into a StartupError when its errno says what happened. */
export function fsStartupError(err: unknown, dir: string): StartupError | null {
  const code = (err as NodeJS.ErrnoException | null)?.code ?? '';
  if (FULL.has(code)) return new StartupError('disk_full', { dir }, { cause: err });
  if (UNWRITABLE.has(code)) return new StartupError('data_dir_unwritable', { dir, reason: code }, { cause: err });
  return null;
}

/** Below this much free space a failed start is reported as a full disk (initdb alone needs ~40 MB). */
const MIN_FREE_BYTES = 64 * 1024 * 1024;

/** A service died without a typed error: a nearly full disk under `dir` is the likely cause to name. */
export async function diskFullError(dir: string, cause: unknown): Promise<StartupError | null> {
  const s = await statfs(dir).catch(() => null);
  return s && s.bavail * s.bsize < MIN_FREE_BYTES ? new StartupError('disk_full', { dir }, { cause }) : null;
}

/** The one line a command prints when it cannot start; the stack only with LOG_LEVEL=debug. */
export function startupFailureLine(err: unknown, locale: Locale): string {
  if (err instanceof StartupError) return userMessage(err.code, locale, err.params);
  const reason = err instanceof Error ? err.message.split('\n')[0]! : String(err);
  return userMessage('service_failed', locale, { reason });
}
