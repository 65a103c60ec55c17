import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, Document, DocumentStatus } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface DocumentIntake {
  workspaceId: number;
  uploadedBy: number | null;
  fileName: string;
  sha256: string;
  storageKey: string;
  sizeBytes: number;
  workflowId: string | null;
  threadKey?: string | null;
}

/**
 * One row per (workspace, sha256): the same file uploaded twice is the same document, so a
 * re-run re-analyses it instead of piling up copies.
 */
export async function upsertDocument(db: Db, d: DocumentIntake): Promise<number> {
  const row = await db
    .insertInto('documents')
    .values({
      workspace_id: d.workspaceId,
      uploaded_by: d.uploadedBy,
      file_name: d.fileName,
      sha256: d.sha256,
      storage_key: d.storageKey,
      size_bytes: d.sizeBytes,
      status: 'received',
      workflow_id: d.workflowId,
      thread_key: d.threadKey ?? null,
      timings: JSON.stringify({}),
    })
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'sha256']).doUpdateSet({
        file_name: d.fileName,
        status: 'received',
        error_code: null,
        error_message: null,
        workflow_id: d.workflowId,
        thread_key: d.threadKey ?? null,
        updated_at: new Date(),
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateDocument(
  db: Db,
  id: number,
  patch: { status?: DocumentStatus; pages?: number; method?: string; errorCode?: string | null; errorMessage?: string | null; companyId?: number | null },
): Promise<void> {
  await db
    .updateTable('documents')
    .set({
      ...(patch.status && { status: patch.status }),
      ...(patch.pages !== undefined && { pages: patch.pages }),
      ...(patch.method !== undefined && { method: patch.method }),
      ...(patch.errorCode !== undefined && { error_code: patch.errorCode }),
      ...(patch.errorMessage !== undefined && { error_message: patch.errorMessage }),
      ...(patch.companyId !== undefined && { company_id: patch.companyId }),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** Merges stage durations (ms) into the document's timings. */
export async function recordTimings(db: Db, id: number, timings: Record<string, number>): Promise<void> {
  await db
    .updateTable('documents')
    .set({ timings: sql`timings || ${JSON.stringify(timings)}::jsonb` as never, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function getDocument(db: Db, id: number): Promise<Document | undefined> {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The workflow of a document still being read, by its short reference (sha256 prefix) within a workspace. */
export async function activeWorkflowByRef(db: Db, workspaceId: number, ref: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('documents')
    .select('workflow_id')
    .where('workspace_id', '=', workspaceId)
    .where('sha256', 'like', `${ref}%`)
    .where('status', 'in', ['received', 'processing'])
    .executeTakeFirst();
  return row?.workflow_id ?? undefined;
}

/** The sha256 of the latest document a workflow worked on. */
export async function shaOfWorkflow(db: Db, workflowId: string): Promise<string | undefined> {
  const doc = await db.selectFrom('documents').select('sha256').where('workflow_id', '=', workflowId).orderBy('updated_at', 'desc').executeTakeFirst();
  return doc?.sha256;
}

/** Does another document still point at this storage key? (Uploads are content-addressed.) */
export async function storageKeySharedWith(db: Db, key: string, exceptDocumentId: number): Promise<boolean> {
  const shared = await db.selectFrom('documents').select('id').where('storage_key', '=', key).where('id', '!=', exceptDocumentId).executeTakeFirst();
  return Boolean(shared);
}

/** Locks the document's row (inside the caller's transaction) and returns its status and workflow. */
export async function lockDocument(trx: Transaction<Database>, documentId: number): Promise<{ status: DocumentStatus; workflow_id: string | null } | undefined> {
  return trx.selectFrom('documents').select(['status', 'workflow_id']).where('id', '=', documentId).forUpdate().executeTakeFirst();
}

/** What re-running a finished document's analysis needs: its workflow id and its stored file. */
export async function rerunSource(db: Db, documentId: number): Promise<{ workflowId: string | null; storageKey: string } | undefined> {
  const row = await db.selectFrom('documents').select(['workflow_id', 'storage_key']).where('id', '=', documentId).executeTakeFirst();
  return row ? { workflowId: row.workflow_id, storageKey: row.storage_key } : undefined;
}
