import type { Kysely, Transaction } from 'kysely';
import { foldLetters } from '../../domain/turkish-text.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** "ACME Gıda San. ve Tic. A.Ş." and "Acme Gida San ve Tic AS" are the same company. */
export function normalizeCompanyName(name: string): string {
  return foldLetters(name)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The company of a statement within a workspace: by tax id, else by normalised name. */
export async function findOrCreateCompany(db: Db, workspaceId: number, name: string | null, taxId: string | null): Promise<number> {
  const displayName = name ?? (taxId ? `VKN ${taxId}` : 'Bilinmeyen şirket');
  const normalized = normalizeCompanyName(displayName);
  if (taxId) {
    const existing = await db.selectFrom('companies').select('id').where('workspace_id', '=', workspaceId).where('tax_id', '=', taxId).executeTakeFirst();
    if (existing) return existing.id;
  } else {
    const existing = await db
      .selectFrom('companies')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('normalized_name', '=', normalized)
      .orderBy('id')
      .executeTakeFirst();
    if (existing) return existing.id;
  }
  const row = await db
    .insertInto('companies')
    .values({ workspace_id: workspaceId, name: displayName, normalized_name: normalized, tax_id: taxId, sector: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function companyName(db: Db, companyId: number): Promise<string | undefined> {
  const found = await db.selectFrom('companies').select('name').where('id', '=', companyId).executeTakeFirst();
  return found?.name;
}
