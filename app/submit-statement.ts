import type { Client } from '@temporalio/client';
import type { AnalyzeStatementInput, AnalyzeStatementResult, WorkspaceRef } from '../contracts/workflow.ts';
import type { Config } from '../lib/config.ts';
import { analysisWorkflowId, startAnalysisWorkflow } from '../bot/core/start-analysis.ts';
import { sha256Hex, type FileStorage } from '../lib/storage.ts';
import type { Locale } from '../contracts/locale.ts';

/** Puts the upload in storage and starts `analyzeStatement`, keyed by the file's hash. */
export async function submitStatement(
  deps: { client: Client; storage: FileStorage; config: Config },
  upload: { workspace: WorkspaceRef; fileName: string; bytes: Uint8Array; userExternalId?: string; locale?: Locale; threadKey?: string },
): Promise<{ workflowId: string; result: () => Promise<AnalyzeStatementResult> }> {
  const sha = sha256Hex(upload.bytes);
  const sourceKey = await deps.storage.put(upload.bytes, { prefix: 'uploads', ext: '.pdf' });
  const workflowId = analysisWorkflowId(upload.workspace, sha.slice(0, 32));
  const input: AnalyzeStatementInput = {
    workspace: upload.workspace,
    userExternalId: upload.userExternalId ?? null,
    fileName: upload.fileName,
    sourceKey,
    locale: upload.locale ?? 'tr',
    // Questions read the statements of their thread (db/queries/chat-scope.ts).
    ...(upload.threadKey ? { threadKey: upload.threadKey } : {}),
  };
  // A finished run may be repeated (re-analysis); a running one is joined, not duplicated.
  await startAnalysisWorkflow({ client: deps.client, taskQueue: deps.config.TEMPORAL_TASK_QUEUE }, input, { workflowId, whenFinished: 'rerun' });
  return { workflowId, result: () => deps.client.workflow.getHandle(workflowId).result() as Promise<AnalyzeStatementResult> };
}
