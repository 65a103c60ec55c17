import { discardDocumentResults } from '../db/queries/document-results.ts';
import { updateDocument, lockDocument } from '../db/queries/documents.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { documentsTotal } from '../lib/metrics.ts';
import type { FileStorage } from '../lib/storage.ts';
import { isUserErrorCode } from '../lib/user-errors.ts';
import { activityLog } from './activity-log.ts';
import { dropReadingCheckpoint } from './reading-checkpoint.ts';
import type { ActivityDeps } from './deps.ts';

/**
 * Marks a document failed with a code the user can be told, and removes anything the run had
 * already stored for it (all of a result or none of it). A code we have no text for (a JS class
 * name from an unclassified error, a timeout) is stored as internal_error, the original in the
 * message.
 */
export async function settleFailed(
  deps: { db: Kysely<Database>; storage: FileStorage },
  documentId: number,
  code: string,
  message: string,
  /** Only if the document is still unsettled and still belongs to this workflow (the sweep). */
  onlyIf?: { workflowId: string | null },
): Promise<string | null> {
  const stored = isUserErrorCode(code) ? code : 'internal_error';
  const detail = stored === code ? message : `${code}: ${message}`;
  const files = await deps.db.transaction().execute(async (trx) => {
    if (onlyIf) {
      const doc = await lockDocument(trx, documentId);
      if (!doc || doc.workflow_id !== onlyIf.workflowId || (doc.status !== 'received' && doc.status !== 'processing')) return null;
    }
    const keys = await discardDocumentResults(trx, documentId);
    await updateDocument(trx, documentId, { status: 'failed', errorCode: stored, errorMessage: detail.slice(0, 2000) });
    return keys;
  });
  if (!files) return null;
  // Rows first, then files: a crash in between leaves an orphan file, never a row without one.
  for (const key of files) await deps.storage.delete(key).catch(() => {});
  await dropReadingCheckpoint(deps.storage, documentId);
  return stored;
}

export function createFailDocument(deps: ActivityDeps) {
  return async function failDocument(input: { documentId: number; code: string; message: string; rerun?: boolean }): Promise<void> {
    if (input.rerun) {
      // A re-run with a user's fact answer (bot/core/fact-rerun.ts) starts from a finished
      // document: the analysis stored before it stands, untouched, and the document is done again.
      await updateDocument(deps.db, input.documentId, { status: 'done' });
      await dropReadingCheckpoint(deps.storage, input.documentId);
      activityLog({ documentId: input.documentId }).warn({ code: input.code }, 're-run failed; the earlier analysis stands');
      return;
    }
    const code = (await settleFailed(deps, input.documentId, input.code, input.message))!;
    documentsTotal.inc({ status: 'failed', method: code });
    activityLog({ documentId: input.documentId }).warn({ code, raw: input.code }, 'document failed');
  };
}
