import { recordTimings, updateDocument } from '../db/queries/documents.ts';
import type { ActivityDeps } from './deps.ts';

export function createCompleteDocument({ db }: ActivityDeps) {
  return async function completeDocument(input: { documentId: number; timings: Record<string, number> }): Promise<void> {
    await recordTimings(db, input.documentId, input.timings);
    await updateDocument(db, input.documentId, { status: 'done', errorCode: null, errorMessage: null });
  };
}
