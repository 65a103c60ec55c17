import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from './config.ts';
import { isListening, waitFor } from './ports.ts';
import { Connection } from '@temporalio/client';
import { diskFullError, fsStartupError, StartupError } from './startup-error.ts';
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
  const portInUse = (p: number, variable: string, cause?: unknown) => new StartupError('port_in_use', { service: 'Temporal', port: p, variable }, { cause });
  // Another process of ours may run the dev server already; anything else on the port is not ours.
  if (await isListening(port)) {
    await Connection.connect({ address, connectTimeout: 5000 }).then((c) => c.close(), (e) => {
      throw portInUse(port, 'TEMPORAL_DEV_PORT', e);
    });
    return { address, stop: async () => {} };
  }
  const uiPort = config.TEMPORAL_DEV_UI_PORT;
  if (uiPort && (await isListening(uiPort))) throw portInUse(uiPort, 'TEMPORAL_DEV_UI_PORT');

  const cli = await ensureTemporalCli(config, log);
  await mkdir(config.DATA_DIR, { recursive: true }).catch((e) => {
    throw fsStartupError(e, config.DATA_DIR) ?? e;
  });
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

  // Its own process group: a Ctrl-C in the terminal reaches only us, and we stop it in order.
  const child: ChildProcess = spawn(cli, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  let exited = false;
  let spawnError: Error | undefined;
  child.once('error', (e) => (spawnError = e));
  child.once('exit', () => (exited = true));
  // If this process dies, the dev server must not linger holding the port.
  const kill = () => child.kill('SIGTERM');
  process.once('exit', kill);

  try {
    await waitFor(async () => {
      if (spawnError) throw spawnError;
      if (exited) throw new Error(`temporal server start-dev exited: ${stderr.trim().split('\n').slice(-2).join(' ')}`);
      return isListening(port);
    }, `the Temporal dev server on ${address}`);
  } catch (e) {
    process.off('exit', kill);
    if (!exited && !spawnError) child.kill('SIGKILL');
    if (await isListening(port)) throw portInUse(port, 'TEMPORAL_DEV_PORT', e);
    throw (await diskFullError(config.DATA_DIR, e)) ?? new Error(`the Temporal dev server did not start: ${(e as Error).message}`, { cause: e });
  }

  return {
    address,
    stop: async () => {
      process.off('exit', kill);
      if (exited || spawnError) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      });
    },
  };
}
