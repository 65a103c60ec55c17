import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../lib/config.ts';
import { freePort } from '../../lib/ports.ts';
import { findTemporalCli } from '../../lib/temporal-cli.ts';
import { makeDataFolder, removeDataFolder } from '../helpers/data-folder.ts';
import { commandArgs, REPO_ROOT } from '../helpers/command.ts';

const repo = REPO_ROOT;
const sample = path.join(repo, 'samples', 'ornek-bilanco-2024.pdf');

function analyze(env: Record<string, string>, extra: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, commandArgs('analyze', [sample, '--out', path.join(env.DATA_DIR ?? os.tmpdir(), 'out'), ...extra]), {
    cwd: repo,
    env: { ...process.env, DATABASE_URL: '', TEMPORAL_ADDRESS: '', LOG_LEVEL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Exactly one line on stderr, and no stack trace or unhandled 'error' event. */
function oneLine(stderr: string): string {
  // First-start progress is allowed: the cluster being made, and (as root, in a private
  // folder such as this test's) where it is placed.
  const lines = stderr.trim().split('\n').filter((l) => !/^Initialising embedded Postgres|^Postgres runs as the \w+ user/.test(l));
  assert.equal(lines.length, 1, stderr);
  assert.doesNotMatch(stderr, /^\s+at |Unhandled|node:internal/m, stderr);
  return lines[0]!;
}

/** Something that is not our service holds the port: accepts and says nothing. */
function squatter(port: number): Promise<net.Server> {
  const server = net.createServer((socket) => socket.on('error', () => {}));
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

// The cases share nothing (each its own data folder and ports) and mostly wait: on a
// connection to a squatter that never answers, or on a server started beside the failing one
// and stopped again. Side by side, the file takes as long as its slowest case.
describe('a service that cannot start ends the command with one clear line', { concurrency: true }, () => {
  let dir: string;
  let cli: string;
  before(async () => {
    const found = findTemporalCli(loadConfig());
    assert.ok(found, 'no Temporal CLI: set TEMPORAL_CLI_PATH or run `npm run temporal:ensure` once');
    cli = found;
    dir = await makeDataFolder('lodge-errors');
  });
  after(async () => removeDataFolder(dir));

  const env = async (sub: string) => ({
    DATA_DIR: path.join(dir, sub),
    TEMPORAL_CLI_PATH: cli,
    EMBEDDED_PG_PORT: String(await freePort()),
    TEMPORAL_DEV_PORT: String(await freePort()),
  });

  it('Postgres port held by another program: names the port and the variable (Turkish by default)', async () => {
    const e = await env('pg-port');
    const server = await squatter(Number(e.EMBEDDED_PG_PORT));
    try {
      const r = await analyze(e);
      assert.equal(r.code, 1);
      const line = oneLine(r.stderr);
      assert.match(line, /^Postgres başlatılamadı: \d+ numaralı port başka bir program tarafından kullanılıyor\./);
      assert.ok(line.includes(e.EMBEDDED_PG_PORT) && line.includes('EMBEDDED_PG_PORT'), line);
    } finally {
      server.close();
    }
  });

  it('Temporal port held by another program, in English with --locale en', async () => {
    const e = await env('temporal-port');
    const server = await squatter(Number(e.TEMPORAL_DEV_PORT));
    try {
      const r = await analyze(e, ['--locale', 'en']);
      assert.equal(r.code, 1);
      const line = oneLine(r.stderr);
      assert.match(line, /^Could not start Temporal: port \d+ is used by another program\. .*TEMPORAL_DEV_PORT\.$/);
      assert.ok(line.includes(e.TEMPORAL_DEV_PORT), line);
    } finally {
      server.close();
    }
  });

  it('a data folder that cannot be written (its path runs through a file): says which folder and what to do', async () => {
    const file = path.join(dir, 'a-file');
    await writeFile(file, 'not a folder');
    const e = { ...(await env('unused')), DATA_DIR: path.join(file, 'data') };
    const r = await analyze(e);
    assert.equal(r.code, 1);
    const line = oneLine(r.stderr);
    assert.equal(line, `Veri klasörüne yazılamıyor: ${e.DATA_DIR} (ENOTDIR). DATA_DIR ile yazılabilir bir klasör seçin.`);
  });

  it('a full disk (a 2 MB tmpfs as DATA_DIR; initdb needs ~40 MB): says the disk is full', async (t) => {
    // Its own folder, not one below the test's private one: the mount's mode (755) lets the
    // Postgres user in, so initdb really meets the full disk instead of being placed elsewhere.
    const small = await makeDataFolder('lodge-small-disk');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m,mode=755', 'tmpfs', small], { stdio: 'ignore' });
    } catch {
      await removeDataFolder(small);
      t.skip('mounting a small tmpfs needs privileges this machine does not give');
      return;
    }
    try {
      const e = { ...(await env('unused')), DATA_DIR: path.join(small, 'data') };
      const r = await analyze(e);
      assert.equal(r.code, 1);
      assert.equal(oneLine(r.stderr), `Diskte yer kalmadı: ${e.DATA_DIR}. Yer açın ya da DATA_DIR ile başka bir diskte bir klasör seçin.`);
    } finally {
      execFileSync('umount', [small]);
      await removeDataFolder(small);
    }
  });
});
