import type { Kysely, Transaction } from 'kysely';
import type { Locale } from '../../contracts/locale.ts';
import type { Database, WorkspaceKind } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function ensureWorkspace(db: Db, kind: WorkspaceKind, externalId: string, name?: string | null): Promise<number> {
  const row = await db
    .insertInto('workspaces')
    .values({ kind, external_id: externalId, name: name ?? null })
    .onConflict((oc) => oc.columns(['kind', 'external_id']).doUpdateSet((eb) => ({ name: eb.fn.coalesce('excluded.name', 'workspaces.name') })))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function ensureUser(db: Db, workspaceId: number, externalId: string, displayName?: string | null): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({ workspace_id: workspaceId, external_id: externalId, display_name: displayName ?? null })
    .onConflict((oc) => oc.columns(['workspace_id', 'external_id']).doUpdateSet({ external_id: externalId }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The language a user chose ('tr' unless they chose English). */
export async function userLocale(db: Db, userId: number): Promise<Locale> {
  const stored = await db.selectFrom('users').select('locale').where('id', '=', userId).executeTakeFirstOrThrow();
  return stored.locale === 'en' ? 'en' : 'tr';
}

export async function setUserLocale(db: Db, userId: number, locale: Locale): Promise<void> {
  await db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}

export async function workspaceTimezone(db: Db, workspaceId: number): Promise<string> {
  const ws = await db.selectFrom('workspaces').select('timezone').where('id', '=', workspaceId).executeTakeFirstOrThrow();
  return ws.timezone;
}
