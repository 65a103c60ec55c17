import { audit, saveAnalysis } from '../db/queries/analysis.ts';
import { findOrCreateCompany } from '../db/queries/companies.ts';
import { updateDocument } from '../db/queries/documents.ts';
import { refreshAnalysisExtras } from './company-extras.ts';
import { bundledPriceIndices } from '../db/price-indices.ts';
import { replaceDocumentStatements, type StatementRow } from '../db/queries/statements.ts';
import { Analysis } from '../contracts/analysis.ts';
import { statementOf } from '../domain/comparison.ts';
import type { ActivityDeps } from './deps.ts';

/**
 * Stores the company, its statements per period and type, and the analysis in one
 * transaction: a retry after a crash either sees all of it or none of it.
 */
export function createPersistAnalysis({ db, config, priceIndices }: ActivityDeps) {
  return async function persistAnalysis(input: { documentId: number; workspaceId: number; analysis: unknown }): Promise<{ companyId: number }> {
    const analysis = Analysis.parse(input.analysis);
    const indices = priceIndices ?? (await bundledPriceIndices());
    return db.transaction().execute(async (trx) => {
      const companyId = await findOrCreateCompany(trx, input.workspaceId, analysis.company.name, analysis.company.taxId);
      const rows: StatementRow[] = [];
      for (const type of analysis.statements) {
        for (const period of analysis.periods) {
          const items: Record<string, number> = {};
          for (const [key, values] of Object.entries(analysis.items)) {
            if (statementOf(key) === type && values[period] !== undefined) items[key] = values[period]!;
          }
          if (Object.keys(items).length) rows.push({ periodEnd: period, type, currency: analysis.currency, unit: analysis.unit, items });
        }
      }
      await replaceDocumentStatements(trx, input.documentId, companyId, rows);
      await saveAnalysis(trx, input.documentId, analysis);
      await updateDocument(trx, input.documentId, { companyId });
      // Trends (nominal and real) and benchmark positions, stored beside the contract's analysis.json.
      await refreshAnalysisExtras(trx, input.documentId, indices[config.PRICE_INDEX]);
      await audit(trx, {
        workspaceId: input.workspaceId,
        actor: 'system',
        action: 'document.analyzed',
        subject: `document:${input.documentId}`,
        details: { companyId, periods: analysis.periods, validation: analysis.validation.status },
      });
      return { companyId };
    });
  };
}
