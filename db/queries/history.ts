import type { Kysely, Transaction } from 'kysely';
import { Analysis } from '../../contracts/analysis.ts';
import { AnalysisExtrasSchema, type AnalysisExtras } from '../../domain/analysis-extras.ts';
import type { StoredStatement } from '../../domain/company-history.ts';
import type { Company, Database } from '../schema.ts';
import { normalizeCompanyName } from './companies.ts';
import { companyHistory } from './statements.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The company a statement belongs to, if it is already on file: the same rule as
 * `findOrCreateCompany` (tax id within the workspace, else the normalised name), but read-only,
 * so analysing never creates a company (persisting does, later, in its transaction). A
 * statement with neither name nor tax id matches nothing.
 */
export async function findCompany(db: Db, workspaceId: number, name: string | null, taxId: string | null): Promise<Company | undefined> {
  if (taxId) {
    return db.selectFrom('companies').selectAll().where('workspace_id', '=', workspaceId).where('tax_id', '=', taxId).executeTakeFirst();
  }
  // Statements with neither a name nor a tax id are not one company's history.
  if (!name) return undefined;
  return db
    .selectFrom('companies')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('normalized_name', '=', normalizeCompanyName(name))
    .orderBy('id')
    .executeTakeFirst();
}

/** The workspace a document was uploaded to. */
export async function documentWorkspace(db: Db, documentId: number): Promise<number | undefined> {
  const row = await db.selectFrom('documents').select('workspace_id').where('id', '=', documentId).executeTakeFirst();
  return row?.workspace_id;
}

/** The company's current (not superseded) statements as the domain reads them. */
export async function storedStatements(db: Db, companyId: number): Promise<StoredStatement[]> {
  const rows = await companyHistory(db, companyId);
  return rows.map((r) => ({ documentId: r.document_id, periodEnd: r.period_end, type: r.type, currency: r.currency, items: r.items }));
}

export async function saveAnalysisExtras(db: Db, documentId: number, extras: AnalysisExtras): Promise<void> {
  await db.updateTable('analysis_results').set({ extras: JSON.stringify(extras) }).where('document_id', '=', documentId).execute();
}

/** A document's stored analysis (parsed) with the company and workspace it was filed under. */
export async function storedAnalysisOf(db: Db, documentId: number): Promise<{ analysis: Analysis; companyId: number | null; workspaceId: number } | undefined> {
  const row = await db
    .selectFrom('analysis_results')
    .innerJoin('documents', 'documents.id', 'analysis_results.document_id')
    .select(['analysis_results.analysis', 'documents.company_id', 'documents.workspace_id'])
    .where('analysis_results.document_id', '=', documentId)
    .executeTakeFirst();
  return row ? { analysis: Analysis.parse(row.analysis), companyId: row.company_id, workspaceId: row.workspace_id } : undefined;
}

export async function companyById(db: Db, companyId: number): Promise<Company | undefined> {
  return db.selectFrom('companies').selectAll().where('id', '=', companyId).executeTakeFirst();
}

/** The stored extras of a document: undefined without an analysis, null when not computed yet (older rows). */
export async function storedExtras(db: Db, documentId: number): Promise<AnalysisExtras | null | undefined> {
  const row = await db.selectFrom('analysis_results').select('extras').where('document_id', '=', documentId).executeTakeFirst();
  if (!row) return undefined;
  return row.extras == null ? null : AnalysisExtrasSchema.parse(row.extras);
}
