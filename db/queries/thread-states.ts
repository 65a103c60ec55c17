import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A thread's stored state as written (the caller parses it). */
export async function loadThreadState(db: Db, workspaceId: number, key: string): Promise<unknown> {
  const row = await db.selectFrom('thread_states').select('state').where('workspace_id', '=', workspaceId).where('key', '=', key).executeTakeFirst();
  return row?.state;
}

/**
 * Merges `patch` into a thread's state in one statement (jsonb `||`), so two messages of the
 * same thread handled at once each keep the other's fields. A null in the patch clears a field.
 */
export async function mergeThreadState(db: Db, workspaceId: number, key: string, patch: Record<string, unknown>): Promise<void> {
  const json = JSON.stringify(patch);
  await db
    .insertInto('thread_states')
    .values({ workspace_id: workspaceId, key, state: json })
    .onConflict((oc) => oc.columns(['workspace_id', 'key']).doUpdateSet({ state: sql`thread_states.state || excluded.state`, updated_at: new Date() }))
    .execute();
}
