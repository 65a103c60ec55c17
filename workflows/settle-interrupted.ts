import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumAttempts: 3 },
});

/** Run every few minutes by a Temporal Schedule the worker ensures at start-up. */
export async function settleInterruptedDocuments(): Promise<{ checked: number; settled: number }> {
  return acts.settleInterrupted();
}
