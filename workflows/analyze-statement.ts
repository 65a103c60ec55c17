import { ApplicationFailure, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';
import type { AnalyzeStatementInput, AnalyzeStatementResult } from './types.ts';

// Quick database and storage steps: retried a few times for a restarting Postgres.
const quick = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '20 seconds', maximumAttempts: 5 },
});

// Reading a PDF can take minutes for scans; the activity heartbeats per page, so a dead
// worker is noticed within the heartbeat timeout instead of the whole start-to-close.
const reading = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '60 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 3 },
});

const rendering = proxyActivities<Activities>({
  startToCloseTimeout: '3 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 3 },
});

/**
 * One uploaded statement: intake → extract → validate → analyze → persist → render.
 * Orchestration only; every side effect is an activity so Temporal retries it.
 */
export async function analyzeStatement(input: AnalyzeStatementInput): Promise<AnalyzeStatementResult> {
  const started = Date.now();
  const intake = await quick.intakeDocument({ ...input, workflowId: workflowInfo().workflowId });
  try {
    const t0 = Date.now();
    const extraction = await reading.extractStatement({ documentId: intake.documentId, storageKey: intake.storageKey });
    const t1 = Date.now();
    const validation = await quick.validateStatement({ extraction });
    const analysis = await quick.analyzeFinancials({
      documentId: intake.documentId,
      fileName: input.fileName,
      sha256: intake.sha256,
      extraction,
      validation,
    });
    const t2 = Date.now();
    await quick.persistAnalysis({ documentId: intake.documentId, workspaceId: intake.workspaceId, analysis });
    const exports = await rendering.renderReports({
      documentId: intake.documentId,
      workspaceId: intake.workspaceId,
      locale: input.locale ?? 'tr',
    });
    const timings = { extractMs: t1 - t0, analyzeMs: t2 - t1, renderMs: Date.now() - t2, totalMs: Date.now() - started };
    await quick.completeDocument({ documentId: intake.documentId, timings });
    return {
      documentId: intake.documentId,
      status: 'done',
      method: extraction.method,
      pages: extraction.pages,
      validationStatus: validation.status,
      exports,
      timings,
    };
  } catch (err) {
    // Keep the stored status true: the document is failed, with the reason's code.
    const failure = err instanceof ApplicationFailure ? err : (err as { cause?: unknown }).cause;
    const code = failure instanceof ApplicationFailure && failure.type ? failure.type : 'internal_error';
    const message = failure instanceof Error ? failure.message : String(err);
    await quick.failDocument({ documentId: intake.documentId, code, message });
    throw err;
  }
}
