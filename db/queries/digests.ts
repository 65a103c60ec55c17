import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function createSubscription(
  db: Db,
  s: { workspaceId: number; channel: string; cadence: 'weekly' | 'monthly' | 'quarterly'; companyId: number | null; time: string; timezone: string; alertsOnly: boolean; createdBy: number | null },
): Promise<number> {
  const row = await db
    .insertInto('digest_subscriptions')
    .values({ workspace_id: s.workspaceId, channel: s.channel, cadence: s.cadence, company_id: s.companyId, time_of_day: s.time, timezone: s.timezone, alerts_only: s.alertsOnly, created_by: s.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A subscription of this workspace only: another workspace's ids do not resolve. */
export async function getSubscription(db: Db, workspaceId: number | null, id: number) {
  let q = db.selectFrom('digest_subscriptions').selectAll().where('id', '=', id);
  if (workspaceId !== null) q = q.where('workspace_id', '=', workspaceId);
  return q.executeTakeFirst();
}

export async function listSubscriptions(db: Db, workspaceId: number) {
  return db
    .selectFrom('digest_subscriptions')
    .leftJoin('companies', 'companies.id', 'digest_subscriptions.company_id')
    .select(['digest_subscriptions.id', 'cadence', 'time_of_day', 'timezone', 'paused', 'alerts_only', 'companies.name as company'])
    .where('digest_subscriptions.workspace_id', '=', workspaceId)
    .orderBy('digest_subscriptions.id')
    .execute();
}

export async function setSchedule(db: Db, id: number, scheduleId: string): Promise<void> {
  await db.updateTable('digest_subscriptions').set({ schedule_id: scheduleId }).where('id', '=', id).execute();
}

export async function setPaused(db: Db, id: number, paused: boolean): Promise<void> {
  await db.updateTable('digest_subscriptions').set({ paused }).where('id', '=', id).execute();
}

export async function deleteSubscription(db: Db, id: number): Promise<void> {
  await db.deleteFrom('digest_subscriptions').where('id', '=', id).execute();
}

/** Alert ids reported by this subscription's earlier digests, so only new ones are repeated. */
export async function previousAlertIds(db: Db, subscriptionId: number): Promise<Set<string>> {
  const rows = await db.selectFrom('digest_runs').select('content').where('subscription_id', '=', subscriptionId).where('posted_at', 'is not', null).execute();
  return new Set(rows.flatMap((r) => ((r.content as { alertIds?: string[] }).alertIds ?? [])));
}

/** Every company of the workspace whose name, folded name or tax id matches (at most `limit`). */
export async function findCompaniesByName(db: Db, workspaceId: number, needle: string, limit = 6) {
  return db
    .selectFrom('companies')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb.or([eb('name', 'ilike', `%${needle}%`), eb('normalized_name', 'ilike', `%${needle.toLowerCase()}%`), eb('tax_id', '=', needle)]))
    .orderBy('name')
    .limit(limit)
    .execute();
}

/** A company by id, only inside its workspace (a button's value is not trusted across workspaces). */
export async function companyInWorkspace(db: Db, workspaceId: number, id: number) {
  return db.selectFrom('companies').select(['id', 'name']).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** Opens a digest run (once per run key; a retried activity finds it open). */
export async function openDigestRun(db: Db, subscriptionId: number, runKey: string): Promise<void> {
  await db
    .insertInto('digest_runs')
    .values({ subscription_id: subscriptionId, run_key: runKey, content: JSON.stringify({}) })
    .onConflict((oc) => oc.column('run_key').doNothing())
    .execute();
}

/** Marks a digest run posted with what it said; false when the run row is missing. */
export async function markDigestRunPosted(db: Db, runKey: string, content: unknown): Promise<boolean> {
  const res = await db
    .updateTable('digest_runs')
    .set({ posted_at: new Date(), content: JSON.stringify(content) })
    .where('run_key', '=', runKey)
    .executeTakeFirst();
  return Boolean(res.numUpdatedRows);
}

/** What the latest run of a subscription posted since `since`, once it has posted. */
export async function postedDigestContent(db: Db, subscriptionId: number, since: Date): Promise<unknown> {
  const run = await db
    .selectFrom('digest_runs')
    .select('content')
    .where('subscription_id', '=', subscriptionId)
    .where('posted_at', 'is not', null)
    .where('created_at', '>=', since)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return run?.content;
}

/** The companies a digest covers: the subscription's one, else all of the workspace, by name. */
export async function digestCompanies(db: Db, workspaceId: number, companyId: number | null): Promise<{ id: number; name: string }[]> {
  let q = db.selectFrom('companies').select(['id', 'name']).where('workspace_id', '=', workspaceId);
  if (companyId !== null) q = q.where('id', '=', companyId);
  return q.orderBy('name').execute();
}
