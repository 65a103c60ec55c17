import { randomBytes } from 'node:crypto';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';
import pg from 'pg';

/**
 * The one Postgres and one Temporal dev server that tests/run.ts starts for the whole suite,
 * announced to the test files through these variables. A file run on its own (node --test
 * FILE) finds neither and starts its own servers instead.
 */
export const SHARED_PG_ENV = 'LODGE_TEST_SHARED_DATABASE_URL';
export const SHARED_TEMPORAL_ENV = 'LODGE_TEST_SHARED_TEMPORAL_ADDRESS';

export interface SharedServers {
  /** The maintenance database of the shared cluster (CREATE DATABASE runs there). */
  adminUrl: string;
  temporalAddress: string;
}

export function sharedServers(env: NodeJS.ProcessEnv = process.env): SharedServers | null {
  const adminUrl = env[SHARED_PG_ENV];
  const temporalAddress = env[SHARED_TEMPORAL_ENV];
  return adminUrl && temporalAddress ? { adminUrl, temporalAddress } : null;
}

/**
 * A database and a Temporal namespace of their own on the shared servers, so files running at
 * the same time never see each other's rows, workflow ids or schedules (ids such as
 * `digest-1` or `retention-daily` repeat in every file). Migrations run when the runtime
 * starts, as in production.
 */
export async function isolatedPlace(shared: SharedServers): Promise<{ databaseUrl: string; namespace: string }> {
  // Lowercase letters, digits and underscores: valid unquoted in SQL and as a namespace.
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: shared.adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const databaseUrl = new URL(shared.adminUrl);
  databaseUrl.pathname = `/${name}`;

  const connection = await Connection.connect({ address: shared.temporalAddress });
  try {
    await connection.workflowService.registerNamespace({ namespace: name, workflowExecutionRetentionPeriod: msToTs('1 day') });
  } finally {
    await connection.close();
  }
  return { databaseUrl: databaseUrl.toString(), namespace: name };
}
