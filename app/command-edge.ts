import type { z } from 'zod';
import { ConfigError, loadConfig, type Config } from '../lib/config.ts';
import type { AppRuntime, startRuntime } from './runtime.ts';
import { isListening } from '../lib/ports.ts';
import { StartupError, startupFailureLine } from '../lib/startup-error.ts';
import { userMessage } from '../lib/user-errors.ts';
import type { Locale } from '../contracts/locale.ts';

/**
 * The edge shared by the commands (analyze, chat, worker, bot): start-up failures become one
 * line in the user's language, and signals stop everything in order before exiting.
 */

/** `--locale en` anywhere on the command line; Turkish otherwise. */
export function argLocale(argv = process.argv): Locale {
  const i = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  const arg = argv[i] ?? '';
  const value = i < 0 ? undefined : arg.includes('=') ? arg.split('=')[1] : argv[i + 1];
  return value === 'en' ? 'en' : 'tr';
}

/** Prints the one line (the stack too with LOG_LEVEL=debug) and exits 1. */
export function exitWithStartupFailure(err: unknown, locale: Locale, debug: boolean): never {
  let line: string;
  if (err instanceof ConfigError) {
    const issues = (err.cause as z.ZodError | undefined)?.issues ?? [];
    line = userMessage('config_invalid', locale, { problems: issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') || err.message });
  } else {
    line = startupFailureLine(err, locale);
  }
  console.error(line);
  if (debug) console.error(err);
  process.exit(1);
}

/** loadConfig, or the one line naming the bad variable. */
export function loadConfigOrExit(locale: Locale, patch: (c: Config) => Config = (c) => c): Config {
  try {
    return patch(loadConfig());
  } catch (e) {
    exitWithStartupFailure(e, locale, process.env.LOG_LEVEL === 'debug');
  }
}

/** startRuntime, or the one line saying what could not start, why, and what to do. */
export async function startRuntimeOrExit(config: Config, opts: Parameters<typeof startRuntime>[1], locale: Locale): Promise<AppRuntime> {
  // The servers run in their own process group, so a signal during start-up must go through
  // process.exit: its 'exit' hooks stop whatever had started (a signal's default would not).
  const interrupted = () => process.exit(130);
  for (const s of SIGNALS) process.on(s, interrupted);
  try {
    // Imported here, not above: a command may start its threads before the runtime's modules load.
    const { startRuntime } = await import('./runtime.ts');
    return await startRuntime(config, opts);
  } catch (e) {
    return exitWithStartupFailure(e, locale, config.LOG_LEVEL === 'debug');
  } finally {
    for (const s of SIGNALS) process.off(s, interrupted);
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Ports this command will listen on itself (metrics, bot receivers): checked before anything starts. */
export async function portsFreeOrExit(ports: { port: number; service: string; variable: string }[], locale: Locale, debug: boolean): Promise<void> {
  for (const p of ports) {
    if (p.port && (await isListening(p.port))) exitWithStartupFailure(new StartupError('port_in_use', p), locale, debug);
  }
}

/**
 * On SIGINT/SIGTERM/SIGHUP: `before` (stop taking work: bots, input), then the runtime in order, then
 * exit with `code`. A second signal exits at once.
 */
export function stopOnSignals(rt: AppRuntime, opts: { code: number; before?: () => Promise<void> }): void {
  let stopping = false;
  const onSignal = () => {
    if (stopping) process.exit(130);
    stopping = true;
    void (async () => {
      await opts.before?.().catch(() => {});
      await rt.shutdown({ drainMs: 1000 });
      process.exit(opts.code);
    })();
  };
  for (const s of SIGNALS) process.on(s, onSignal);
}
