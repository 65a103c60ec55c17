import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, lstatSync, readlinkSync, statSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../../lib/config.ts';
import { freePort } from '../../lib/ports.ts';
import { findTemporalCli } from '../../lib/temporal-cli.ts';
import { commandArgs, REPO_ROOT } from '../helpers/command.ts';

const repo = REPO_ROOT;

/**
 * The README's first command in a fresh clone that sits in a private (mode 700) folder, with a
 * file and an output folder whose names have spaces and Turkish letters. As root this is
 * issue 18: Postgres runs as the `postgres` user, which cannot enter the folder.
 */
describe('first start in a fresh clone inside a private folder', () => {
  let parent: string;
  let relocated: string | undefined;
  after(async () => {
    if (relocated) await rm(relocated, { recursive: true, force: true });
    if (parent) await rm(parent, { recursive: true, force: true });
  });

  it('analyses the sample to validation=ok and opens nothing up', async () => {
    const cli = findTemporalCli(loadConfig());
    assert.ok(cli, 'no Temporal CLI: set TEMPORAL_CLI_PATH or run `npm run temporal:ensure` once');
    parent = await mkdtemp(path.join(os.tmpdir(), 'lodge-private-'));
    const app = path.join(parent, 'app');
    // The committed tree (what a user clones) plus the installed packages, hard-linked.
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', repo, app]);
    execFileSync('cp', ['-al', path.join(repo, 'node_modules'), path.join(app, 'node_modules')]);
    const docs = path.join(app, 'Şirket Belgeleri');
    await mkdir(docs);
    const pdf = path.join(docs, 'Örnek bilanço (2024).pdf');
    await copyFile(path.join(app, 'samples', 'ornek-bilanco-2024.pdf'), pdf);

    const env = {
      ...process.env,
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
      DATA_DIR: '',
      TEMPORAL_CLI_PATH: cli,
      EMBEDDED_PG_PORT: String(await freePort()),
      TEMPORAL_DEV_PORT: String(await freePort()),
      LOG_LEVEL: '',
    };
    const started = Date.now();
    const child = spawn(process.execPath, commandArgs('analyze', [path.relative(app, pdf), '--out', 'çıktı klasörü'], app), { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((r) => child.on('close', r));
    const cluster = path.join(app, '.data', 'postgres');
    if (lstatSync(cluster, { throwIfNoEntry: false })?.isSymbolicLink()) relocated = readlinkSync(cluster);
    assert.equal(code, 0, `${out}\n${err}`);
    assert.match(out, /^ok {6}Örnek bilanço \(2024\)\.pdf .* validation=ok /m);
    assert.ok(existsSync(path.join(app, 'çıktı klasörü', 'Örnek bilanço (2024)', 'analysis.json')));
    console.log(`first start in a fresh clone: ${((Date.now() - started) / 1000).toFixed(1)} s`);

    assert.equal(statSync(parent).mode & 0o777, 0o700, 'the private folder stays private');
    const clusterDir = relocated ?? cluster;
    assert.equal(statSync(clusterDir).mode & 0o777, 0o700, 'the cluster is readable by its owner only');
    if (process.getuid?.() === 0) {
      const postgresUid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
      assert.equal(statSync(clusterDir).uid, postgresUid);
      assert.ok(relocated, 'as root the cluster moves out of the private folder');
    }
  });
});
