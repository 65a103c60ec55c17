import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Documents past retention whose files are still stored, with every file key they own. */
export async function expiredFiles(db: Kysely<Database>, days: number, limit = 500) {
  const docs = await db
    .selectFrom('documents')
    .select(['id', 'storage_key', 'workspace_id', 'sha256'])
    .where('created_at', '<', sql<Date>`now() - make_interval(days => ${days})`)
    .where('storage_key', '!=', '')
    .orderBy('id')
    .limit(limit)
    .execute();
  if (!docs.length) return [];
  const exports = await db.selectFrom('exports').select(['document_id', 'storage_key']).where('document_id', 'in', docs.map((d) => d.id)).execute();
  return docs.map((d) => ({ ...d, exports: exports.filter((e) => e.document_id === d.id).map((e) => e.storage_key) }));
}

/** Marks a document's files as removed: its analysis stays, its exports rows go. */
export async function markFilesRemoved(db: Kysely<Database>, documentId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('exports').where('document_id', '=', documentId).execute();
    await trx.updateTable('documents').set({ storage_key: '' }).where('id', '=', documentId).execute();
  });
}
