import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../lib/config.ts';
import { freePort } from '../../lib/ports.ts';
import { ensurePostgres, type PostgresHandle } from '../../lib/postgres-server.ts';
import { findTemporalCli } from '../../lib/temporal-cli.ts';
import { ensureTemporal, type TemporalHandle } from '../../lib/temporal-server.ts';
import { generateStatement } from '../generator/index.ts';
import { makeDataFolder, removeDataFolder } from '../helpers/data-folder.ts';
import { commandArgs, REPO_ROOT } from '../helpers/command.ts';
import { sharedServers } from '../helpers/shared-servers.ts';

const repo = REPO_ROOT;
const RUNS = 5;

/**
 * `npm run chat` with uploads on piped stdin, ending with the input. It used to crash on
 * exit about one run in four ("Channel has been shut down"): a status query retried on a
 * timer after the connection had closed. Every run must now end with 0 and no stack trace.
 * The servers are started once (here, or the suite's) and found running by each chat (as a
 * second command finds them), so the runs cost their worker and analyses only.
 * The first run uploads two statements (a session goes on after an analysis); the others one:
 * the race is at the exit, right after the last analysis's status polling, so every run still
 * ends that way, and an extra analysis per run would only add ~5 s without another exit.
 */
describe('chat with piped uploads ends cleanly at the end of input', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let servers: [PostgresHandle, TemporalHandle] | undefined;
  before(async () => {
    const cli = findTemporalCli(loadConfig());
    assert.ok(cli, 'no Temporal CLI: set TEMPORAL_CLI_PATH or run `npm run temporal:ensure` once');
    dir = await makeDataFolder('lodge-chat-exit');
    env = {
      ...process.env,
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
      LOG_LEVEL: '',
      DATA_DIR: path.join(dir, 'data'),
      TEMPORAL_CLI_PATH: cli,
      EMBEDDED_PG_PORT: String(await freePort()),
      TEMPORAL_DEV_PORT: String(await freePort()),
      METRICS_PORT: '0',
    };
    // Under `npm test` the suite's Postgres and Temporal dev server are already running: each
    // chat finds them on their ports exactly as it would find ones started here, so this file
    // does not pay for a cluster (initdb) and a dev server of its own. Alone, it starts them.
    const shared = sharedServers();
    if (shared) {
      env.EMBEDDED_PG_PORT = new URL(shared.adminUrl).port;
      env.TEMPORAL_DEV_PORT = shared.temporalAddress.split(':').pop();
      return;
    }
    const config = loadConfig(env);
    servers = await Promise.all([ensurePostgres(config), ensureTemporal(config)]);
  });
  after(async () => {
    await servers?.[0].stop();
    await servers?.[1].stop({ wait: true });
    await removeDataFolder(dir);
  });

  it(`${RUNS} runs, each exits 0 after its analyses`, async () => {
    for (let run = 0; run < RUNS; run++) {
      // New documents every run, so each run analyses (and polls status) for real.
      const files: string[] = [];
      const periods = run === 0 ? ['2023-12-31', '2024-12-31'] : ['2024-12-31'];
      for (const [i, period] of periods.entries()) {
        const g = await generateStatement({ seed: 9300 + run * 2 + i, layout: 't1-detailed', periods: [period], companyName: `Deneme ${run} A.Ş.`, taxId: String(1000000000 + run) });
        const file = path.join(dir, `run${run}-${i}.pdf`);
        await writeFile(file, g.pdf);
        files.push(file);
      }
      const child = spawn(process.execPath, commandArgs('chat'), { cwd: repo, env: { ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
      child.stdin.end(files.map((f) => `/file ${f}`).join('\n') + '\n');
      let out = '';
      let err = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      const code = await new Promise<number | null>((r) => child.on('close', r));
      assert.equal(code, 0, `run ${run + 1}: ${err}`);
      assert.doesNotMatch(err, /^\s+at |Error:/m, `run ${run + 1}: ${err}`);
      assert.equal(out.match(new RegExp(`^Deneme ${run} A\\.Ş\\. — 20\\d\\d$`, 'gm'))?.length, periods.length, out);
    }
  });
});
