import type { Kysely, Transaction } from 'kysely';
import { Analysis } from '../../contracts/analysis.ts';
import { buildAnalysisExtras, type AnalysisExtras } from '../../domain/analysis-extras.ts';
import type { ComparisonOptions } from '../../domain/comparison.ts';
import { mergeStoredStatements, type CompanySeries, type HistoryFilter, type StoredStatement } from '../../domain/company-history.ts';
import type { Company, Database } from '../schema.ts';
import { benchmarksForSector } from './benchmarks.ts';
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

/** The company's series (kuruş), without what `filter` says the analysed document prints itself. */
export async function loadCompanySeries(db: Db, companyId: number, filter: HistoryFilter = {}): Promise<CompanySeries> {
  return mergeStoredStatements(await storedStatements(db, companyId), filter);
}

export async function saveAnalysisExtras(db: Db, documentId: number, extras: AnalysisExtras): Promise<void> {
  await db.updateTable('analysis_results').set({ extras: JSON.stringify(extras) }).where('document_id', '=', documentId).execute();
}

/**
 * Computes and stores a document's extras from its stored analysis, the company's other
 * stored statements and the benchmark tables of the company's sector. Call after the analysis
 * and statements are saved (inside the same transaction, or later: it is idempotent).
 * Returns undefined when the document has no stored analysis.
 */
export async function refreshAnalysisExtras(db: Db, documentId: number, thresholds?: Partial<ComparisonOptions>): Promise<AnalysisExtras | undefined> {
  const row = await db
    .selectFrom('analysis_results')
    .innerJoin('documents', 'documents.id', 'analysis_results.document_id')
    .select(['analysis_results.analysis', 'documents.company_id', 'documents.workspace_id'])
    .where('analysis_results.document_id', '=', documentId)
    .executeTakeFirst();
  if (!row) return undefined;
  const analysis = Analysis.parse(row.analysis);
  const company = row.company_id !== null
    ? await db.selectFrom('companies').selectAll().where('id', '=', row.company_id).executeTakeFirst()
    : await findCompany(db, row.workspace_id, analysis.company.name, analysis.company.taxId);
  const series = company
    ? await loadCompanySeries(db, company.id, {
      documentId,
      printed: { periods: analysis.periods, statements: analysis.statements },
      currency: analysis.currency,
      upTo: [...analysis.periods].sort().pop(),
    })
    : { items: {}, periods: [], sources: {} };
  const sector = company?.sector ?? null;
  const extras = buildAnalysisExtras({
    analysis,
    documentId,
    companyId: company?.id ?? null,
    history: series.items,
    historySources: series.sources,
    sector,
    benchmarks: sector ? await benchmarksForSector(db, sector) : [],
    ...(thresholds ? { thresholds } : {}),
  });
  await saveAnalysisExtras(db, documentId, extras);
  return extras;
}

/** The stored extras, computing them first when absent (older rows) or when `refresh` is asked. */
export async function analysisExtras(db: Db, documentId: number, opts: { refresh?: boolean; thresholds?: Partial<ComparisonOptions> } = {}): Promise<AnalysisExtras | undefined> {
  if (!opts.refresh) {
    const row = await db.selectFrom('analysis_results').select('extras').where('document_id', '=', documentId).executeTakeFirst();
    if (!row) return undefined;
    if (row.extras) return row.extras as AnalysisExtras;
  }
  return refreshAnalysisExtras(db, documentId, opts.thresholds);
}
