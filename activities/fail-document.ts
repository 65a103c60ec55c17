import { updateDocument } from '../db/queries/documents.ts';
import { documentsTotal } from '../lib/metrics.ts';
import { activityLog } from './activity-log.ts';
import type { ActivityDeps } from './deps.ts';

/** Keeps the stored status true when a run fails: the reason code is what the user is told. */
export function createFailDocument({ db }: ActivityDeps) {
  return async function failDocument(input: { documentId: number; code: string; message: string }): Promise<void> {
    await updateDocument(db, input.documentId, { status: 'failed', errorCode: input.code, errorMessage: input.message.slice(0, 2000) });
    documentsTotal.inc({ status: 'failed', method: input.code });
    activityLog({ documentId: input.documentId }).warn({ code: input.code }, 'document failed');
  };
}
