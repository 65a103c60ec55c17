import type { Kysely } from 'kysely';

/**
 * What an analysis adds beyond analysis.json (company series, trends, ratio drivers, sector
 * position, English alert wordings): `domain/analysis-extras.ts`. Nullable, so rows stored
 * before this migration stay valid and get extras the next time they are computed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('analysis_results').addColumn('extras', 'jsonb').execute();
  await db.schema.createIndex('sector_benchmarks_sector_idx').on('sector_benchmarks').columns(['sector_code', 'ratio_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sector_benchmarks_sector_idx').ifExists().execute();
  await db.schema.alterTable('analysis_results').dropColumn('extras').execute();
}
