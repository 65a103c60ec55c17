import { recordTimings, updateDocument } from '../db/queries/documents.ts';
import { documentsTotal, stageSeconds } from '../lib/metrics.ts';
import type { ActivityDeps } from './deps.ts';

export function createCompleteDocument({ db }: ActivityDeps) {
  return async function completeDocument(input: { documentId: number; timings: Record<string, number>; method?: string }): Promise<void> {
    await recordTimings(db, input.documentId, input.timings);
    await updateDocument(db, input.documentId, { status: 'done', errorCode: null, errorMessage: null });
    documentsTotal.inc({ status: 'done', method: input.method ?? 'unknown' });
    for (const [k, ms] of Object.entries(input.timings)) stageSeconds.observe({ stage: k.replace(/Ms$/, '') }, ms / 1000);
  };
}
