import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { unsettledDocuments } from '../db/queries/document-results.ts';
import type { Database } from '../db/schema.ts';
import type { FileStorage } from '../lib/storage.ts';
import { logger } from '../lib/logger.ts';
import type { ActivityDeps } from './deps.ts';
import { settleFailed } from './fail-document.ts';

/** Younger documents are left alone: their workflow may be starting right now. */
const MIN_AGE_MINUTES = 5;

/**
 * Documents left in received/processing by a run that no longer exists (terminated, timed out,
 * lost with the server's state) would say "processing" forever. Each one whose workflow
 * Temporal no longer reports as running is settled as failed with code `interrupted`, with
 * whatever its run had stored removed. Run by a schedule (see lib/runtime.ts).
 */
export async function settleInterruptedDocuments(
  deps: { db: Kysely<Database>; storage: FileStorage },
  client: Client,
  opts: { minAgeMinutes?: number } = {},
): Promise<{ checked: number; settled: number[] }> {
  const settled: number[] = [];
  const docs = await unsettledDocuments(deps.db, opts.minAgeMinutes ?? MIN_AGE_MINUTES);
  for (const doc of docs) {
    if (doc.workflow_id && (await isRunning(client, doc.workflow_id))) continue;
    const done = await settleFailed(deps, doc.id, 'interrupted', `workflow ${doc.workflow_id ?? '(none)'} is no longer running`, { workflowId: doc.workflow_id });
    if (!done) continue;
    settled.push(doc.id);
    logger.warn({ documentId: doc.id, workspaceId: doc.workspace_id, workflowId: doc.workflow_id }, 'interrupted document settled as failed');
  }
  return { checked: docs.length, settled };
}

async function isRunning(client: Client, workflowId: string): Promise<boolean> {
  try {
    return (await client.workflow.getHandle(workflowId).describe()).status.name === 'RUNNING';
  } catch (e) {
    if (e instanceof WorkflowNotFoundError) return false;
    throw e;
  }
}

export function createSettleInterrupted(deps: ActivityDeps) {
  return async function settleInterrupted(): Promise<{ checked: number; settled: number }> {
    const r = await settleInterruptedDocuments(deps, Context.current().client);
    return { checked: r.checked, settled: r.settled.length };
  };
}
