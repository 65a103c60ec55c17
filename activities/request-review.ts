import { shaOfWorkflow } from '../db/queries/documents.ts';
import { deliverOnce } from '../db/queries/deliveries.ts';
import { ACTIONS, documentRef } from '../contracts/outgoing.ts';
import { reviewMessage } from '../domain/wording/review-message.ts';
import type { ReplyTarget, WorkflowStatus } from '../contracts/workflow.ts';
import { posterFor } from './chat-posters.ts';
import type { ActivityDeps } from './deps.ts';
import type { Locale } from '../contracts/locale.ts';

/**
 * Asks the user about the specific values that do not tie: confirm as read, or reply with a
 * correction (`düzelt 102 2024 1.234,56`). The workflow waits for the answer as a signal.
 * The confirm button carries the document's short reference, not the workflow id: Telegram
 * callback data is capped at 64 bytes, and the bot resolves the reference within the
 * workspace the press came from.
 */
export function createRequestReview(deps: ActivityDeps) {
  return async function requestReview(input: { reply: ReplyTarget; key: string; workflowId: string; locale: Locale; checks: WorkflowStatus['review']; timeoutMinutes: number }): Promise<void> {
    if (input.reply.channel === 'none') return;
    const tr = input.locale === 'tr';
    const poster = posterFor(deps, input.reply);
    const sha256 = await shaOfWorkflow(deps.db, input.workflowId);
    await deliverOnce(deps.db, `review:${input.key}`, null, () =>
      poster.post(input.reply, {
        ...reviewMessage(input.checks, input.locale, input.timeoutMinutes),
        ...(sha256 ? { buttons: [{ actionId: ACTIONS.reviewConfirm, label: tr ? 'Okunduğu gibi onayla' : 'Confirm as read', value: documentRef(sha256) }] } : {}),
      }),
    );
  };
}
