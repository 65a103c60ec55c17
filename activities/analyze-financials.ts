import { bundledPriceIndices } from '../db/price-indices.ts';
import { documentWorkspace, findCompany } from '../db/queries/history.ts';
import { loadCompanySeries } from './company-extras.ts';
import type { Analysis } from '../contracts/analysis.ts';
import { buildAnalysis } from '../domain/build-analysis.ts';
import type { Items } from '../domain/types.ts';
import type { ValidationSummary } from '../domain/validate-extraction.ts';
import type { ActivityDeps } from './deps.ts';
import type { ExtractionResult } from './extract-statement.ts';

/**
 * Ratios, comparison and alerts for one extraction, against the company's stored history: the
 * newest period is compared with the one before it even when that one came from an earlier
 * upload. Read-only: the company is looked up, never created (persistAnalysis does that).
 */
export function createAnalyzeFinancials({ config, db, priceIndices }: ActivityDeps) {
  return async function analyzeFinancials(input: {
    documentId: number;
    fileName: string;
    sha256: string;
    extraction: ExtractionResult;
    validation: ValidationSummary;
  }): Promise<Analysis> {
    const { extraction } = input;
    const { statement } = extraction;
    let history: Items = {};
    const workspaceId = await documentWorkspace(db, input.documentId);
    const company = workspaceId === undefined ? undefined : await findCompany(db, workspaceId, statement.companyName, statement.taxId);
    if (company) {
      // The document's own periods and statements are its own; figures in another currency
      // are not comparable, and periods after the document's newest do not judge it.
      const series = await loadCompanySeries(db, company.id, {
        documentId: input.documentId,
        printed: { periods: statement.periods, statements: statement.statements },
        currency: statement.currency,
        upTo: [...statement.periods].sort().pop(),
      });
      history = series.items;
    }
    const indices = priceIndices ?? (await bundledPriceIndices());
    return buildAnalysis({
      file: input.fileName,
      sha256: input.sha256,
      pages: extraction.pages,
      method: extraction.method,
      pagesByMethod: extraction.pagesByMethod,
      statement,
      validation: input.validation,
      history,
      thresholds: { changeAlertPct: config.ALERT_CHANGE_PCT, materialityPct: config.ALERT_MATERIALITY_PCT },
      priceIndex: indices[config.PRICE_INDEX],
    });
  };
}
