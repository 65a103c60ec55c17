import type { Analysis } from '../domain/analysis-contract.ts';
import { buildAnalysis } from '../domain/build-analysis.ts';
import type { ValidationSummary } from '../domain/validate-extraction.ts';
import type { ActivityDeps } from './deps.ts';
import type { ExtractionResult } from './extract-statement.ts';

/** Ratios, comparison and alerts for one extraction. */
export function createAnalyzeFinancials({ config }: ActivityDeps) {
  return async function analyzeFinancials(input: {
    documentId: number;
    fileName: string;
    sha256: string;
    extraction: ExtractionResult;
    validation: ValidationSummary;
  }): Promise<Analysis> {
    const { extraction } = input;
    return buildAnalysis({
      file: input.fileName,
      sha256: input.sha256,
      pages: extraction.pages,
      method: extraction.method,
      pagesByMethod: extraction.pagesByMethod,
      statement: extraction.statement,
      validation: input.validation,
      thresholds: { changeAlertPct: config.ALERT_CHANGE_PCT, materialityPct: config.ALERT_MATERIALITY_PCT },
    });
  };
}
