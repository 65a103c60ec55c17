import { loadConfig, type Config } from '../../lib/config.ts';
import { freePort } from '../../lib/ports.ts';
import { startRuntime, type AppRuntime } from '../../app/runtime.ts';
import { startHeavyThreads } from '../../app/heavy-threads.ts';
import type { ThreadPool } from '../../lib/thread-pool/index.ts';
import { makeDataFolder, removeDataFolder } from './data-folder.ts';
import { isolatedPlace, sharedServers } from './shared-servers.ts';

/**
 * A real Postgres and a real Temporal dev server, a throwaway data folder, and an in-process
 * worker. Under tests/run.ts (npm test) the servers are the suite's shared ones, with a
 * database and a namespace of this runtime's own; a file run alone starts an embedded
 * Postgres and a dev server of its own on free ports. The Temporal CLI comes from
 * TEMPORAL_CLI_PATH, PATH or the cache (`npm run temporal:ensure`).
 */
/**
 * `worker: false` for a test whose workflows run elsewhere (a chat child process, a worker it
 * builds itself at `temporalAddress`): an idle in-process worker would cost start-up CPU only.
 */
export async function startTestRuntime(
  overrides: Record<string, string> = {},
  opts: { worker?: boolean } = {},
): Promise<{ rt: AppRuntime; config: Config; env: Record<string, string>; temporalAddress: string; cleanup: () => Promise<void> }> {
  const dataDir = await makeDataFolder('lodge-test');
  const shared = sharedServers();
  const servers: Record<string, string> = shared
    ? await isolatedPlace(shared).then((p) => ({ DATABASE_URL: p.databaseUrl, TEMPORAL_ADDRESS: shared.temporalAddress, TEMPORAL_NAMESPACE: p.namespace }))
    : { EMBEDDED_PG_PORT: String(await freePort()), TEMPORAL_DEV_PORT: String(await freePort()) };
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    ...servers,
    TEMPORAL_TASK_QUEUE: `test-${process.pid}`,
    LOG_LEVEL: 'error',
    ...overrides,
  };
  const config = loadConfig(childEnv(env));
  const worker = opts.worker ?? true;
  const rt = await startRuntime(config, { worker, ...(worker ? { threads: lentThreads(config) } : {}) });
  return {
    rt,
    config,
    env,
    temporalAddress: shared ? shared.temporalAddress : `127.0.0.1:${env.TEMPORAL_DEV_PORT}`,
    cleanup: async () => {
      await rt.shutdown();
      await removeDataFolder(dataDir);
    },
  };
}

/**
 * The reading and rendering threads of this process, lent to each runtime it starts (files
 * share processes, tests/process-groups.ts): started and warmed once, not once per runtime.
 * They stop with the process (idle pool threads do not keep it alive).
 */
let threads: ThreadPool | undefined;
function lentThreads(config: Config): ThreadPool | undefined {
  threads ??= startHeavyThreads(config);
  return threads?.lease();
}

/**
 * The environment for a program the test starts (the analyze CLI, the chat) on the test's
 * runtime: its servers, database, namespace and data folder, plus `extra`. DATABASE_URL and
 * TEMPORAL_ADDRESS from the developer's shell must not leak in; the runtime's own win.
 */
export function childEnv(env: Record<string, string>, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: '', TEMPORAL_ADDRESS: '', ...env, ...extra };
}
