/**
 * A command does not wait ~1.5 s for the Temporal dev server it started to stop: the server
 * finishes stopping on its own, and the next command in the same data folder waits for it
 * instead of finding the old server's port still open and reusing a server about to exit.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Connection } from '@temporalio/client';
import { loadConfig, type Config } from '../../lib/config.ts';
import { freePort } from '../../lib/ports.ts';
import { processAlive as alive } from '../../lib/process-alive.ts';
import { findTemporalCli } from '../../lib/temporal-cli.ts';
import { ensureTemporal, type TemporalHandle } from '../../lib/temporal-server.ts';
import { makeDataFolder, removeDataFolder } from '../helpers/data-folder.ts';

/** Pids of dev servers on this folder's SQLite file. */
async function serverPids(dataDir: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes('start-dev') && cmdline.includes(path.join(dataDir, 'temporal.sqlite'))) pids.push(Number(entry));
  }
  return pids;
}

describe('a dev server left stopping by the last command', { skip: process.platform !== 'linux' && 'reads /proc' }, () => {
  let dir: string;
  let config: Config;
  let second: TemporalHandle | undefined;
  before(async () => {
    const cli = findTemporalCli(loadConfig());
    assert.ok(cli, 'no Temporal CLI: set TEMPORAL_CLI_PATH or run `npm run temporal:ensure` once');
    dir = await makeDataFolder('lodge-temporal-stop');
    config = loadConfig({ ...process.env, TEMPORAL_ADDRESS: '', DATA_DIR: dir, TEMPORAL_CLI_PATH: cli, TEMPORAL_DEV_PORT: String(await freePort()) });
  });
  after(async () => {
    await second?.stop({ wait: true });
    await removeDataFolder(dir);
  });

  it('is not waited for by the command that stops it, and is by the next start', async () => {
    const first = await ensureTemporal(config);
    const [oldPid] = await serverPids(dir);
    assert.ok(oldPid, 'the first dev server runs');
    const t0 = performance.now();
    await first.stop();
    assert.ok(performance.now() - t0 < 500, `stop() returned after ${Math.round(performance.now() - t0)} ms`);
    assert.ok(alive(oldPid), 'the dev server is still stopping when stop() returns');

    second = await ensureTemporal(config);
    assert.equal(alive(oldPid), false, 'the next start waited for the old server to exit');
    const pids = await serverPids(dir);
    assert.equal(pids.length, 1, `one dev server on the folder: ${pids}`);
    assert.notEqual(pids[0], oldPid);
    // The server found is the new one and stays: a reused dying server would be gone by now.
    await new Promise((r) => setTimeout(r, 2000));
    const connection = await Connection.connect({ address: second.address, connectTimeout: 5000 });
    try {
      const info = await connection.workflowService.getSystemInfo({});
      assert.ok(info.serverVersion, 'the dev server answers');
    } finally {
      await connection.close();
    }
  });
});
