import { progressMessage } from '../domain/wording/progress-text.ts';
import type { ReplyTarget, Stage } from '../contracts/workflow.ts';
import { posterFor } from './chat-posters.ts';
import type { ActivityDeps } from './deps.ts';
import { deliverOnce } from '../db/queries/deliveries.ts';
import type { Locale } from '../contracts/locale.ts';

/**
 * One progress message per upload, edited as the workflow moves. The first post is keyed by
 * the workflow id so a retry never creates a second progress message.
 */
export function createPostProgress(deps: ActivityDeps) {
  return async function postProgress(input: {
    reply: ReplyTarget;
    ref: string | null;
    stage: Stage;
    locale: Locale;
    key: string;
    fileName?: string;
    detail?: string;
  }): Promise<string | null> {
    if (input.reply.channel === 'none') return null;
    const poster = posterFor(deps, input.reply);
    const message = progressMessage(input.stage, input.locale, { fileName: input.fileName });
    if (input.detail) message.text += `\n${input.detail}`;
    if (!input.ref) return deliverOnce(deps.db, `progress:${input.key}`, null, () => poster.post(input.reply, message));
    await poster.update(input.reply, input.ref, message);
    return input.ref;
  };
}
