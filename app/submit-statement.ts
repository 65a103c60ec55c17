import type { Client } from '@temporalio/client';
import type { AnalyzeStatementInput, AnalyzeStatementResult, WorkspaceRef } from '../contracts/workflow.ts';
import type { Config } from '../lib/config.ts';
import { sha256Hex, type FileStorage } from '../lib/storage.ts';

/**
 * Puts the upload in storage and starts `analyzeStatement`. The workflow id is the business
 * key (workspace + file hash): a repeated delivery of the same file joins the running
 * workflow instead of starting a second one.
 */
export async function submitStatement(
  deps: { client: Client; storage: FileStorage; config: Config },
  upload: { workspace: WorkspaceRef; fileName: string; bytes: Uint8Array; userExternalId?: string; locale?: 'tr' | 'en' },
): Promise<{ workflowId: string; result: () => Promise<AnalyzeStatementResult> }> {
  const sha = sha256Hex(upload.bytes);
  const sourceKey = await deps.storage.put(upload.bytes, { prefix: 'uploads', ext: '.pdf' });
  const workflowId = `analyze-${upload.workspace.kind}-${upload.workspace.externalId}-${sha.slice(0, 32)}`;
  const input: AnalyzeStatementInput = {
    workspace: upload.workspace,
    userExternalId: upload.userExternalId ?? null,
    fileName: upload.fileName,
    sourceKey,
    locale: upload.locale ?? 'tr',
  };
  const handle = await deps.client.workflow.start('analyzeStatement', {
    taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
    workflowId,
    args: [input],
    // A finished run may be repeated (re-analysis); a running one is joined, not duplicated.
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  return { workflowId, result: () => handle.result() as Promise<AnalyzeStatementResult> };
}
