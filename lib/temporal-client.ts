import { Client, Connection } from '@temporalio/client';
import type { Config } from './config.ts';

export async function createTemporalClient(config: Config, address: string): Promise<Client> {
  const connection = await Connection.connect({ address });
  return new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
}
