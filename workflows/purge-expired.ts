import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';

const acts = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumAttempts: 5 },
});

/** Run daily by a Temporal Schedule the worker ensures at start-up. */
export async function purgeExpiredFiles(): Promise<{ documents: number; files: number }> {
  return acts.purgeExpiredFiles();
}
