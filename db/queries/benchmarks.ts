import type { Kysely, Transaction } from 'kysely';
import type { BenchmarkRow } from '../../domain/benchmarks.ts';
import type { RatioId } from '../../domain/ratio-definitions.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Inserts or replaces benchmark rows (one per sector, ratio, year and source) in one
 * transaction, so a table is either loaded whole or not at all.
 */
export async function upsertBenchmarks(db: Kysely<Database>, rows: readonly BenchmarkRow[]): Promise<{ inserted: number; updated: number }> {
  return db.transaction().execute(async (trx) => {
    let inserted = 0;
    let updated = 0;
    for (const r of rows) {
      const existing = await trx
        .selectFrom('sector_benchmarks')
        .select('id')
        .where('sector_code', '=', r.sectorCode)
        .where('ratio_id', '=', r.ratioId)
        .where('year', '=', r.year)
        .where('source', '=', r.source)
        .executeTakeFirst();
      if (existing) {
        await trx.updateTable('sector_benchmarks').set({ q1: r.q1, median: r.median, q3: r.q3 }).where('id', '=', existing.id).execute();
        updated++;
      } else {
        await trx
          .insertInto('sector_benchmarks')
          .values({ sector_code: r.sectorCode, ratio_id: r.ratioId, year: r.year, q1: r.q1, median: r.median, q3: r.q3, source: r.source })
          .execute();
        inserted++;
      }
    }
    return { inserted, updated };
  });
}

export async function benchmarksForSector(db: Db, sectorCode: string): Promise<BenchmarkRow[]> {
  const rows = await db
    .selectFrom('sector_benchmarks')
    .select(['sector_code', 'ratio_id', 'year', 'q1', 'median', 'q3', 'source'])
    .where('sector_code', '=', sectorCode)
    .orderBy('ratio_id')
    .orderBy('year')
    .orderBy('source')
    .execute();
  return rows.map((r) => ({ sectorCode: r.sector_code, ratioId: r.ratio_id as RatioId, year: r.year, q1: r.q1, median: r.median, q3: r.q3, source: r.source }));
}

/**
 * The quartile table for a company's sector code: its division's (`H51`) when loaded, else
 * its NACE section's (`H`), with the code of the table used.
 */
export async function sectorTable(db: Db, sectorCode: string): Promise<{ sector: string; rows: BenchmarkRow[] }> {
  const own = await benchmarksForSector(db, sectorCode);
  if (own.length || sectorCode.length < 2) return { sector: sectorCode, rows: own };
  const section = sectorCode.slice(0, 1);
  const rows = await benchmarksForSector(db, section);
  return rows.length ? { sector: section, rows } : { sector: sectorCode, rows: own };
}

/** The sector codes that have a loaded quartile table (the choices offered), at most `limit`. */
export async function loadedSectors(db: Db, limit = 8): Promise<string[]> {
  const rows = await db.selectFrom('sector_benchmarks').select('sector_code').distinct().orderBy('sector_code').limit(limit).execute();
  return rows.map((r) => r.sector_code);
}

/** Whether the bot still owes a company its one sector question (no sector, never asked). */
export async function sectorQuestionDue(db: Db, companyId: number): Promise<boolean> {
  const row = await db.selectFrom('companies').select('id')
    .where('id', '=', companyId).where('sector', 'is', null).where('sector_asked_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Records that the sector question was posted, so it is never asked again. */
export async function markSectorAsked(db: Db, companyId: number): Promise<void> {
  await db.updateTable('companies').set({ sector_asked_at: new Date() }).where('id', '=', companyId).where('sector_asked_at', 'is', null).execute();
}

/** The sector code (as the benchmark tables use it) an operator assigns to a company. */
export async function setCompanySector(db: Db, companyId: number, sectorCode: string | null): Promise<void> {
  await db.updateTable('companies').set({ sector: sectorCode }).where('id', '=', companyId).execute();
}
