import { createAnalyzeFinancials } from './analyze-financials.ts';
import { createApplyCorrections } from './apply-corrections.ts';
import { createApplyFactAnswers } from './apply-fact-answers.ts';
import { createRequestFacts } from './request-facts.ts';
import { createDeliverResults } from './deliver-results.ts';
import { createDownloadUpload } from './download-upload.ts';
import { createPostDigest } from './post-digest.ts';
import { createPostFailure } from './post-failure.ts';
import { createPrepareDigest } from './prepare-digest.ts';
import { createPurgeExpiredFiles } from './purge-expired-files.ts';
import { createPostProgress } from './post-progress.ts';
import { createRequestReview } from './request-review.ts';
import { createCompleteDocument } from './complete-document.ts';
import type { ActivityDeps } from './deps.ts';
import { createExtractStatement } from './extract-statement.ts';
import { createFailDocument } from './fail-document.ts';
import { createIntakeDocument } from './intake-document.ts';
import { createPersistAnalysis } from './persist-analysis.ts';
import { createRenderReports } from './render-reports.ts';
import { createValidateStatement } from './validate-statement.ts';
import { withClassifiedErrors } from './classify-errors.ts';
import { createSettleInterrupted } from './settle-interrupted.ts';

/**
 * All activities, bound to the worker's shared clients, each failing with a classified code.
 * Workflows import only the type.
 */
export function createActivities(deps: ActivityDeps) {
  return withClassifiedErrors({
    intakeDocument: createIntakeDocument(deps),
    extractStatement: createExtractStatement(deps),
    validateStatement: createValidateStatement(),
    analyzeFinancials: createAnalyzeFinancials(deps),
    persistAnalysis: createPersistAnalysis(deps),
    renderReports: createRenderReports(deps),
    completeDocument: createCompleteDocument(deps),
    failDocument: createFailDocument(deps),
    downloadUpload: createDownloadUpload(deps),
    postProgress: createPostProgress(deps),
    requestReview: createRequestReview(deps),
    applyCorrections: createApplyCorrections(),
    requestFacts: createRequestFacts(deps),
    applyFactAnswers: createApplyFactAnswers(),
    deliverResults: createDeliverResults(deps),
    postFailure: createPostFailure(deps),
    prepareDigest: createPrepareDigest(deps),
    postDigest: createPostDigest(deps),
    purgeExpiredFiles: createPurgeExpiredFiles(deps),
    settleInterrupted: createSettleInterrupted(deps),
  });
}

export type Activities = ReturnType<typeof createActivities>;
