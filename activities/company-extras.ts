import type { Kysely, Transaction } from 'kysely';
import { sectorTable } from '../db/queries/benchmarks.ts';
import { companyById, findCompany, saveAnalysisExtras, storedAnalysisOf, storedExtras, storedStatements } from '../db/queries/history.ts';
import type { Database } from '../db/schema.ts';
import { buildAnalysisExtras, type AnalysisExtras } from '../domain/analysis-extras.ts';
import type { PriceIndexSeries } from '../domain/price-index.ts';
import { mergeStoredStatements, type CompanySeries, type HistoryFilter } from '../domain/company-history.ts';

/**
 * A company's history and a document's extras: the stored rows (db/queries/history.ts) put
 * through the pure domain (domain/company-history.ts, domain/analysis-extras.ts). Not an
 * activity itself; the analysing and persisting activities call it, inside their transaction
 * when they have one.
 */

type Db = Kysely<Database> | Transaction<Database>;

/** The company's series (kuruş), without what `filter` says the analysed document prints itself. */
export async function loadCompanySeries(db: Db, companyId: number, filter: HistoryFilter = {}): Promise<CompanySeries> {
  return mergeStoredStatements(await storedStatements(db, companyId), filter);
}

/**
 * Computes and stores a document's extras from its stored analysis, the company's other
 * stored statements and the benchmark tables of the company's sector. Call after the analysis
 * and statements are saved (inside the same transaction, or later: it is idempotent).
 * Returns undefined when the document has no stored analysis.
 */
export async function refreshAnalysisExtras(db: Db, documentId: number, priceIndex?: PriceIndexSeries): Promise<AnalysisExtras | undefined> {
  const row = await storedAnalysisOf(db, documentId);
  if (!row) return undefined;
  const { analysis } = row;
  const company = row.companyId !== null
    ? await companyById(db, row.companyId)
    : await findCompany(db, row.workspaceId, analysis.company.name, analysis.company.taxId);
  const series = company
    ? await loadCompanySeries(db, company.id, {
      documentId,
      printed: { periods: analysis.periods, statements: analysis.statements },
      currency: analysis.currency,
      upTo: [...analysis.periods].sort().pop(),
    })
    : { items: {}, periods: [], sources: {} };
  // A division without a loaded table is compared with its NACE section's table (said in the report).
  const table = company?.sector ? await sectorTable(db, company.sector) : null;
  const extras = buildAnalysisExtras({
    analysis,
    documentId,
    companyId: company?.id ?? null,
    history: series.items,
    historySources: series.sources,
    sector: table?.sector ?? null,
    benchmarks: table?.rows ?? [],
    ...(priceIndex ? { priceIndex } : {}),
  });
  await saveAnalysisExtras(db, documentId, extras);
  return extras;
}

/** The stored extras, computing them first when absent (older rows) or when `refresh` is asked. */
export async function analysisExtras(db: Db, documentId: number, opts: { refresh?: boolean; priceIndex?: PriceIndexSeries } = {}): Promise<AnalysisExtras | undefined> {
  if (!opts.refresh) {
    const stored = await storedExtras(db, documentId);
    if (stored !== null) return stored;
  }
  return refreshAnalysisExtras(db, documentId, opts.priceIndex);
}
