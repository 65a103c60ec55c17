import type { Kysely } from 'kysely';

/**
 * When the bot asked for a company's sector: it asks once per company, after the first
 * analysis, and never again whatever the answer (a user may ignore the question).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('companies').addColumn('sector_asked_at', 'timestamptz').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('companies').dropColumn('sector_asked_at').execute();
}
