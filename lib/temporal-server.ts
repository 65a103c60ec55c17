import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from './config.ts';
import { isListening, waitFor } from './ports.ts';
import { ensureTemporalCli } from './temporal-cli.ts';

export interface TemporalHandle {
  address: string;
  stop(): Promise<void>;
}

/**
 * Temporal is always a real server: TEMPORAL_ADDRESS for a cluster, otherwise the Temporal
 * CLI's dev server (the real server with SQLite) started here with its file under DATA_DIR.
 */
export async function ensureTemporal(config: Config, log: (m: string) => void = () => {}): Promise<TemporalHandle> {
  if (config.TEMPORAL_ADDRESS) return { address: config.TEMPORAL_ADDRESS, stop: async () => {} };

  const port = config.TEMPORAL_DEV_PORT;
  const address = `127.0.0.1:${port}`;
  if (await isListening(port)) return { address, stop: async () => {} };

  const cli = await ensureTemporalCli(config, log);
  await mkdir(config.DATA_DIR, { recursive: true });
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(port),
    '--db-filename', path.join(config.DATA_DIR, 'temporal.sqlite'),
    '--namespace', config.TEMPORAL_NAMESPACE,
    '--log-level', 'error',
  ];
  if (config.TEMPORAL_DEV_UI_PORT) args.push('--ui-port', String(config.TEMPORAL_DEV_UI_PORT));
  else args.push('--headless');

  const child: ChildProcess = spawn(cli, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  let exited = false;
  child.once('exit', () => (exited = true));
  // If this process dies, the dev server must not linger holding the port.
  const kill = () => child.kill('SIGTERM');
  process.once('exit', kill);

  await waitFor(async () => {
    if (exited) throw new Error(`temporal server start-dev exited early:\n${stderr}`);
    return isListening(port);
  }, `the Temporal dev server on ${address}`);

  return {
    address,
    stop: async () => {
      process.off('exit', kill);
      if (exited) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      });
    },
  };
}
