import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';
import type { Locale } from '../contracts/locale.ts';
import type { DigestRunResult } from '../contracts/workflow.ts';

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

/**
 * One scheduled digest run. The schedule gives every run its own workflow id, which is the
 * run key: activity retries and re-deliveries of the same run post once.
 */
export async function periodDigest(input: { subscriptionId: number; locale?: Locale }): Promise<DigestRunResult> {
  const runKey = workflowInfo().workflowId;
  const prepared = await acts.prepareDigest({ subscriptionId: input.subscriptionId, runKey, locale: input.locale });
  // An alerts-only run with nothing new posts nothing, and says so to whoever started it.
  if (!prepared.message) return prepared.nothingNew ? { posted: false, nothingNew: true } : { posted: false };
  await acts.postDigest({ subscriptionId: input.subscriptionId, runKey, message: prepared.message, chartKey: prepared.chartKey, alertIds: prepared.alertIds });
  return { posted: true };
}
