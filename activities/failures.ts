import { ApplicationFailure } from '@temporalio/common';
import { userMessage, type UserErrorCode } from '../lib/user-errors.ts';

/**
 * Bad input is never retried: the failure's type is the user-error code, its details carry
 * the message parameters so the edge can render TR or EN text.
 */
export function badInput(code: UserErrorCode, params: Record<string, string | number> = {}, cause?: unknown): ApplicationFailure {
  return ApplicationFailure.create({
    message: userMessage(code, 'en', params),
    type: code,
    nonRetryable: true,
    details: [params],
    cause: cause instanceof Error ? cause : undefined,
  });
}
