import { createAnalyzeFinancials } from './analyze-financials.ts';
import { createCompleteDocument } from './complete-document.ts';
import type { ActivityDeps } from './deps.ts';
import { createExtractStatement } from './extract-statement.ts';
import { createFailDocument } from './fail-document.ts';
import { createIntakeDocument } from './intake-document.ts';
import { createPersistAnalysis } from './persist-analysis.ts';
import { createRenderReports } from './render-reports.ts';
import { createValidateStatement } from './validate-statement.ts';

/** All activities, bound to the worker's shared clients. Workflows import only the type. */
export function createActivities(deps: ActivityDeps) {
  return {
    intakeDocument: createIntakeDocument(deps),
    extractStatement: createExtractStatement(deps),
    validateStatement: createValidateStatement(),
    analyzeFinancials: createAnalyzeFinancials(deps),
    persistAnalysis: createPersistAnalysis(deps),
    renderReports: createRenderReports(deps),
    completeDocument: createCompleteDocument(deps),
    failDocument: createFailDocument(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
