import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * Posts at most once per key. A retried activity (worker crash, 500 from the platform after
 * an earlier part succeeded) skips what was already posted. The window between posting and
 * recording is a few milliseconds; a crash exactly there can still repeat one message.
 */
export async function deliverOnce(db: Kysely<Database>, key: string, workspaceId: number | null, post: () => Promise<string>): Promise<string> {
  const done = await db.selectFrom('chat_deliveries').select('ref').where('delivery_key', '=', key).executeTakeFirst();
  if (done) return done.ref ?? '';
  const ref = await post();
  await db
    .insertInto('chat_deliveries')
    .values({ delivery_key: key, workspace_id: workspaceId, ref })
    .onConflict((oc) => oc.column('delivery_key').doNothing())
    .execute();
  return ref;
}
