import { ApplicationFailure } from '@temporalio/common';
import { getSubscription, markDigestRunPosted, openDigestRun } from '../db/queries/digests.ts';
import type { OutgoingMessage } from '../contracts/outgoing.ts';
import { deliverOnce } from '../db/queries/deliveries.ts';
import { ReplyTarget } from '../contracts/workflow.ts';
import { posterFor } from './chat-posters.ts';
import type { ActivityDeps } from './deps.ts';

/**
 * Posts a digest to its channel once per run (the run key is the scheduled workflow's id, so a
 * retried run finds its earlier post) and records the run for the next digest's "new alerts".
 */
export function createPostDigest(deps: ActivityDeps) {
  return async function postDigest(input: { subscriptionId: number; runKey: string; message: OutgoingMessage; chartKey: string | null; alertIds: string[] }): Promise<void> {
    const { db } = deps;
    const sub = await getSubscription(db, null, input.subscriptionId);
    if (!sub) return;
    const target = ReplyTarget.parse(JSON.parse(sub.channel));
    await openDigestRun(db, sub.id, input.runKey);
    if (target.channel === 'none') {
      // The local chat reads the digest from digest_runs; nothing to post.
    } else {
      const poster = posterFor(deps, target);
      await deliverOnce(db, `digest:${input.runKey}:text`, sub.workspace_id, () => poster.post(target, input.message));
      if (input.chartKey) {
        const png = await deps.storage.get(input.chartKey);
        await deliverOnce(db, `digest:${input.runKey}:chart`, sub.workspace_id, () => poster.upload(target, [{ name: 'digest.png', title: 'digest', bytes: png, kind: 'image' }]));
      }
    }
    if (!(await markDigestRunPosted(db, input.runKey, { message: input.message, alertIds: input.alertIds }))) throw ApplicationFailure.create({ message: 'digest run row missing', nonRetryable: false });
  };
}
