import { ApplicationFailure } from '@temporalio/common';
import type { ChatPoster } from '../bot/chat/chat-poster.ts';
import type { ReplyTarget } from '../contracts/workflow.ts';
import type { ActivityDeps } from './deps.ts';

/** The poster for a reply target; a missing token is a configuration error, not retryable. */
export function posterFor(deps: ActivityDeps, target: ReplyTarget): ChatPoster {
  const poster = target.channel === 'slack' ? deps.posters?.slack : target.channel === 'telegram' ? deps.posters?.telegram : undefined;
  if (!poster) {
    throw ApplicationFailure.create({ message: `No ${target.channel} client configured in this worker`, type: 'channel_not_configured', nonRetryable: true });
  }
  return poster;
}
