import { deliverOnce } from '../db/queries/deliveries.ts';
import { inert } from '../contracts/outgoing.ts';
import { userMessage } from '../lib/user-errors.ts';
import type { ReplyTarget } from '../contracts/workflow.ts';
import { posterFor } from './chat-posters.ts';
import type { ActivityDeps } from './deps.ts';
import type { Locale } from '../contracts/locale.ts';

/** Tells the user, in their language, why their file could not be analysed. */
export function createPostFailure(deps: ActivityDeps) {
  return async function postFailure(input: { reply: ReplyTarget; key: string; locale: Locale; code: string; params?: Record<string, string | number>; fileName: string }): Promise<void> {
    if (input.reply.channel === 'none') return;
    const poster = posterFor(deps, input.reply);
    const text = `❌ *${inert(input.fileName)}*: ${userMessage(input.code, input.locale, input.params ?? {})}`;
    await deliverOnce(deps.db, `failure:${input.key}`, null, () => poster.post(input.reply, { text }));
  };
}
