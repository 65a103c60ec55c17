import { sql, type Kysely, type Transaction } from 'kysely';
import { Analysis } from '../../contracts/analysis.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Which statements a chat question may read. A scope is a thread key (Slack
 * `<channel>:<thread ts>`, a Telegram chat id, the local chat) and the channel around it: a
 * question sees its own thread's statements, else its channel's, never another channel's or
 * another workspace's.
 */
export interface ChatScope {
  workspaceId: number;
  threadKey: string;
  /** The channel: Slack channel id (thread keys `<channel>:<ts>` belong to it), else the thread key itself. */
  channel: string;
}

export interface ScopedDocument {
  id: number;
  companyId: number | null;
  companyName: string | null;
  fileName: string;
  analysis: Analysis;
}

function finished(db: Db, s: ChatScope) {
  return db
    .selectFrom('documents')
    .innerJoin('analysis_results', 'analysis_results.document_id', 'documents.id')
    .leftJoin('companies', 'companies.id', 'documents.company_id')
    .select(['documents.id', 'documents.company_id', 'companies.name as company_name', 'documents.file_name', 'analysis_results.analysis'])
    .where('documents.workspace_id', '=', s.workspaceId)
    .where('documents.status', '=', 'done');
}

const inChannel = (s: ChatScope) => sql<boolean>`(documents.thread_key = ${s.channel} or documents.thread_key like ${`${s.channel.replace(/[\\%_]/g, '\\$&')}:%`})`;

const toDoc = (r: { id: number; company_id: number | null; company_name: string | null; file_name: string; analysis: unknown }): ScopedDocument => ({
  id: r.id,
  companyId: r.company_id,
  companyName: r.company_name,
  fileName: r.file_name,
  analysis: Analysis.parse(r.analysis),
});

/** The newest statement of the thread, else of its channel. */
export async function documentInScope(db: Db, s: ChatScope): Promise<ScopedDocument | undefined> {
  const newest = (q: ReturnType<typeof finished>) => q.orderBy('documents.updated_at', 'desc').orderBy('documents.id', 'desc').limit(1).executeTakeFirst();
  const row = (await newest(finished(db, s).where('documents.thread_key', '=', s.threadKey))) ?? (await newest(finished(db, s).where(inChannel(s))));
  return row ? toDoc(row) : undefined;
}

/** A statement by id, only when it lies in the scope's channel. */
export async function documentByIdInScope(db: Db, s: ChatScope, id: number): Promise<ScopedDocument | undefined> {
  const row = await finished(db, s).where('documents.id', '=', id).where(inChannel(s)).executeTakeFirst();
  return row ? toDoc(row) : undefined;
}

/** The document a (re-)uploaded file became, by its workflow id, in the workspace. */
export async function documentIdOfWorkflow(db: Db, workspaceId: number, workflowId: string): Promise<number | undefined> {
  const row = await db.selectFrom('documents').select('id').where('workspace_id', '=', workspaceId).where('workflow_id', '=', workflowId).executeTakeFirst();
  return row?.id;
}

/** Companies with a finished statement in the channel, for names typed in questions. */
export async function companiesInScope(db: Db, s: ChatScope): Promise<{ id: number; name: string }[]> {
  const rows = await finished(db, s).where(inChannel(s)).where('documents.company_id', 'is not', null).execute();
  const seen = new Map<number, string>();
  for (const r of rows) if (r.company_id !== null && !seen.has(r.company_id)) seen.set(r.company_id, r.company_name ?? '');
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** Every finished statement of a company in the channel, newest first (the company's history). */
export async function companyDocumentsInScope(db: Db, s: ChatScope, companyId: number): Promise<ScopedDocument[]> {
  const rows = await finished(db, s).where(inChannel(s)).where('documents.company_id', '=', companyId).orderBy('documents.updated_at', 'desc').orderBy('documents.id', 'desc').execute();
  return rows.map(toDoc);
}

/** A statement by a button's short reference (sha256 prefix), inside the presser's workspace. */
export async function documentByRef(db: Db, workspaceId: number, ref: string): Promise<ScopedDocument | undefined> {
  const row = await db
    .selectFrom('documents')
    .innerJoin('analysis_results', 'analysis_results.document_id', 'documents.id')
    .leftJoin('companies', 'companies.id', 'documents.company_id')
    .select(['documents.id', 'documents.company_id', 'companies.name as company_name', 'documents.file_name', 'analysis_results.analysis'])
    .where('documents.workspace_id', '=', workspaceId)
    .where('documents.sha256', 'like', `${ref}%`)
    .where('documents.status', '=', 'done')
    .executeTakeFirst();
  return row ? toDoc(row) : undefined;
}
