import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from './config.ts';

/** Later tags carry a `replace` directive in go.mod and cannot be `go install`ed. */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const MODULE = `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`;

function onPath(bin: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() || null : null;
}

export function cachedCliPath(config: Config): string {
  return path.join(config.CACHE_DIR, 'temporal', TEMPORAL_CLI_VERSION, 'temporal');
}

/** $TEMPORAL_CLI_PATH, then PATH, then our cache; null when it has to be built. */
export function findTemporalCli(config: Config): string | null {
  if (config.TEMPORAL_CLI_PATH) {
    if (!existsSync(config.TEMPORAL_CLI_PATH)) {
      throw new Error(`TEMPORAL_CLI_PATH points at ${config.TEMPORAL_CLI_PATH}, which does not exist`);
    }
    return config.TEMPORAL_CLI_PATH;
  }
  const cached = cachedCliPath(config);
  if (existsSync(cached)) return cached;
  return onPath('temporal');
}

/**
 * Builds the CLI with the Go toolchain into the cache (outside the repo, shared by clones).
 * It takes a few minutes once, so the go command's progress (-x is too noisy; -v lists each
 * package as it compiles) is relayed with a ticking counter.
 */
export async function buildTemporalCli(config: Config, log: (m: string) => void = console.error): Promise<string> {
  const target = cachedCliPath(config);
  if (!onPath('go')) {
    throw new Error(
      'The Temporal CLI is not installed and Go is not available to build it. Install it ' +
        '(https://docs.temporal.io/cli), set TEMPORAL_CLI_PATH, or point TEMPORAL_ADDRESS at a server.',
    );
  }
  await mkdir(path.dirname(target), { recursive: true });
  log(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with Go (one time, a few minutes)…`);
  const started = Date.now();
  let packages = 0;
  await new Promise<void>((resolve, reject) => {
    const child = spawn('go', ['install', '-v', MODULE], {
      env: { ...process.env, GOBIN: path.dirname(target), CGO_ENABLED: '0' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const timer = setInterval(() => {
      log(`  … ${Math.round((Date.now() - started) / 1000)} s, ${packages} packages compiled`);
    }, 15_000);
    let tail = '';
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      packages += text.split('\n').filter((l) => l && !l.startsWith('go: downloading')).length;
      tail = (tail + text).slice(-4000);
    });
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      if (code === 0) resolve();
      else reject(new Error(`go install ${MODULE} failed (exit ${code}):\n${tail}`));
    });
  });
  log(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)} s: ${target}`);
  return target;
}

export async function ensureTemporalCli(config: Config, log?: (m: string) => void): Promise<string> {
  return findTemporalCli(config) ?? (await buildTemporalCli(config, log));
}
