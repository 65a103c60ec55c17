import type { Kysely, Transaction } from 'kysely';
import { Analysis } from '../../contracts/analysis.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function saveAnalysis(db: Db, documentId: number, a: Analysis): Promise<void> {
  const values = {
    analysis: JSON.stringify(a),
    ratios: JSON.stringify(a.ratios),
    comparison: JSON.stringify(a.comparison),
    validation: JSON.stringify(a.validation),
    alerts: JSON.stringify(a.alerts),
  };
  await db
    .insertInto('analysis_results')
    .values({ document_id: documentId, ...values })
    .onConflict((oc) => oc.column('document_id').doUpdateSet(values))
    .execute();
}

export async function loadAnalysis(db: Db, documentId: number): Promise<Analysis | undefined> {
  const row = await db.selectFrom('analysis_results').select('analysis').where('document_id', '=', documentId).executeTakeFirst();
  return row ? Analysis.parse(row.analysis) : undefined;
}

export async function recordExport(db: Db, e: { documentId: number; workspaceId: number; format: string; storageKey: string }): Promise<void> {
  await db
    .insertInto('exports')
    .values({ document_id: e.documentId, workspace_id: e.workspaceId, format: e.format, storage_key: e.storageKey })
    .onConflict((oc) => oc.columns(['document_id', 'format']).doUpdateSet({ storage_key: e.storageKey }))
    .execute();
}

export async function audit(db: Db, e: { workspaceId: number | null; actor: string; action: string; subject?: string; details?: Record<string, unknown> }): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ workspace_id: e.workspaceId, actor: e.actor, action: e.action, subject: e.subject ?? null, details: JSON.stringify(e.details ?? {}) })
    .execute();
}

/** A document's stored exports, in the order they were made. */
export async function exportsOf(db: Db, documentId: number): Promise<{ format: string; storage_key: string }[]> {
  return db.selectFrom('exports').select(['format', 'storage_key']).where('document_id', '=', documentId).orderBy('id').execute();
}
