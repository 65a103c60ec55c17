import type { Client, WorkflowHandle } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { AnalyzeStatementInput, WorkspaceRef } from '../../contracts/workflow.ts';

/**
 * The one way to start `analyzeStatement`: the chat core and the CLI (app/submit-statement.ts)
 * both come here. The workflow id is the business key —
 * workspace plus a key of the file (the platform's file id, or the bytes' hash) — so a repeated
 * delivery of the same file joins the running workflow instead of starting a second one.
 */
export function analysisWorkflowId(workspace: WorkspaceRef, fileKey: string): string {
  return `analyze-${workspace.kind}-${workspace.externalId}-${fileKey}`.replace(/[^\w.-]/g, '_');
}

export async function startAnalysisWorkflow(
  deps: { client: Client; taskQueue: string },
  input: AnalyzeStatementInput,
  opts: { workflowId: string; /** A finished run of the same file: run again (CLI re-analysis) or keep it (a chat redelivery). */ whenFinished: 'rerun' | 'keep' },
): Promise<WorkflowHandle | undefined> {
  return deps.client.workflow
    .start('analyzeStatement', {
      taskQueue: deps.taskQueue,
      workflowId: opts.workflowId,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      ...(opts.whenFinished === 'keep' ? { workflowIdReusePolicy: 'REJECT_DUPLICATE' as const } : {}),
    })
    .catch((e: unknown) => {
      // Only reachable with 'keep': the finished run stands, and its result is already posted.
      if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
      return undefined;
    });
}
