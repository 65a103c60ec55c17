import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './migrations/0001-initial.ts';
import * as m0002 from './migrations/0002-analysis-extras.ts';
import * as m0003 from './migrations/0003-thread-states.ts';
import * as m0004 from './migrations/0004-sector-asked.ts';

/** Migrations are listed in code (not read from a folder) so bundlers and tsx see the same set. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-analysis-extras': m0002,
  '0003-thread-states': m0003,
  '0004-sector-asked': m0004,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/**
 * Runs at every start-up; idempotent. Kysely's migrator takes a Postgres advisory lock, so a
 * worker and a bot starting together do not race.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw new Error('Database migration failed', { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
