import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Removes what a run stored for a document (statements, analysis, export rows) and returns the
 * export files' keys for the caller to delete. Used when the run fails or was interrupted: a
 * failed document carries no half result. Statements it had superseded become current again
 * (superseded_by is set null by the foreign key).
 */
export async function discardDocumentResults(db: Db, documentId: number): Promise<string[]> {
  const exports = await db.deleteFrom('exports').where('document_id', '=', documentId).returning('storage_key').execute();
  await db.deleteFrom('financial_statements').where('document_id', '=', documentId).execute();
  await db.deleteFrom('analysis_results').where('document_id', '=', documentId).execute();
  return exports.map((e) => e.storage_key);
}

/** Documents still marked received/processing whose last change is older than `minutes`. */
export async function unsettledDocuments(db: Db, minutes: number): Promise<{ id: number; workflow_id: string | null; workspace_id: number }[]> {
  return db
    .selectFrom('documents')
    .select(['id', 'workflow_id', 'workspace_id'])
    .where('status', 'in', ['received', 'processing'])
    .where('updated_at', '<', sql<Date>`now() - make_interval(mins => ${minutes})`)
    .orderBy('id')
    .limit(500)
    .execute();
}
