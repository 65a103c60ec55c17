import { sql, type Kysely, type Transaction } from 'kysely';
import { Analysis } from '../../contracts/analysis.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The document a question is about: the newest finished one shared in the same thread, else
 * the newest in the workspace. Always scoped by workspace: nobody sees another tenant's data.
 */
export async function documentForThread(db: Db, workspaceId: number, threadKey: string | null) {
  const base = db
    .selectFrom('documents')
    .innerJoin('analysis_results', 'analysis_results.document_id', 'documents.id')
    .select(['documents.id', 'documents.company_id', 'documents.file_name', 'analysis_results.analysis'])
    .where('documents.workspace_id', '=', workspaceId)
    .where('documents.status', '=', 'done')
    .orderBy('documents.updated_at', 'desc')
    .limit(1);
  const inThread = threadKey ? await base.where('documents.thread_key', '=', threadKey).executeTakeFirst() : undefined;
  const row = inThread ?? (await base.executeTakeFirst());
  return row ? { id: row.id, companyId: row.company_id, fileName: row.file_name, analysis: Analysis.parse(row.analysis) } : undefined;
}

/** The running workflow of a thread that waits for a review answer, if any. */
export async function workflowForThread(db: Db, workspaceId: number, threadKey: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('documents')
    .select('workflow_id')
    .where('workspace_id', '=', workspaceId)
    .where('thread_key', '=', threadKey)
    .where('status', 'in', ['received', 'processing'])
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  return row?.workflow_id ?? undefined;
}

/** Records a question once per source event; false when this event was already answered. */
export async function claimEvent(db: Db, workspaceId: number, eventId: string): Promise<boolean> {
  const res = await db
    .insertInto('questions')
    .values({ workspace_id: workspaceId, question: '', answer: '', duration_ms: 0, source_event_id: eventId })
    .onConflict((oc) => oc.columns(['workspace_id', 'source_event_id']).where('source_event_id', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return res !== undefined;
}

export async function recordQuestion(
  db: Db,
  q: { workspaceId: number; userId: number | null; documentId: number | null; companyId: number | null; question: string; answer: string; intent: string; durationMs: number; eventId?: string },
): Promise<void> {
  if (q.eventId) {
    await db
      .updateTable('questions')
      .set({ user_id: q.userId, document_id: q.documentId, company_id: q.companyId, question: q.question, answer: q.answer, intent: q.intent, duration_ms: q.durationMs })
      .where('workspace_id', '=', q.workspaceId)
      .where('source_event_id', '=', q.eventId)
      .execute();
    return;
  }
  await db
    .insertInto('questions')
    .values({ workspace_id: q.workspaceId, user_id: q.userId, document_id: q.documentId, company_id: q.companyId, question: q.question, answer: q.answer, intent: q.intent, duration_ms: q.durationMs })
    .execute();
}

/** Requests of one user in the last hour (questions and uploads), for the per-user limits. */
export async function recentActivity(db: Db, workspaceId: number, userId: number): Promise<{ messages: number; uploads: number }> {
  const since = sql<Date>`now() - interval '1 hour'`;
  const q = await db.selectFrom('questions').select((eb) => eb.fn.countAll<string>().as('n')).where('workspace_id', '=', workspaceId).where('user_id', '=', userId).where('created_at', '>', since).executeTakeFirstOrThrow();
  // Uploads are counted when accepted (audit row written before the workflow starts), not
  // when the workflow reaches intake: several files at once cannot slip past the limit.
  const d = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('action', '=', 'upload.accepted')
    .where('actor', '=', `user:${userId}`)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return { messages: Number(q.n), uploads: Number(d.n) };
}

export async function uploadSeen(db: Db, workspaceId: number, workflowId: string): Promise<boolean> {
  const row = await db.selectFrom('audit_log').select('id').where('workspace_id', '=', workspaceId).where('action', '=', 'upload.accepted').where('subject', '=', workflowId).executeTakeFirst();
  return row !== undefined;
}

export async function recordUpload(db: Db, workspaceId: number, userId: number, workflowId: string): Promise<void> {
  await db.insertInto('audit_log').values({ workspace_id: workspaceId, actor: `user:${userId}`, action: 'upload.accepted', subject: workflowId, details: JSON.stringify({}) }).execute();
}
