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
