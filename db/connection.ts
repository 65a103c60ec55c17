import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { logger } from '../lib/logger.ts';
import type { Database } from './schema.ts';

// `date` columns stay ISO strings (YYYY-MM-DD): a period end is a calendar date, and turning
// it into a JS Date would shift it by the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export function createDb(url: string, max = 10): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // When the server closes an idle pooled connection (Postgres restart or failover, an idle
  // kill), pg reports it as an 'error' event on the pool; without a listener Node turns that
  // into an uncaught exception and the whole worker or bot dies. The pool has already dropped
  // the connection: the next query opens a new one, or fails and its activity is retried.
  pool.on('error', (err) => logger.warn({ err: err.message }, 'idle Postgres connection lost'));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** A round trip to Postgres, for health checks: throws when the database does not answer. */
export async function pingDb(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
