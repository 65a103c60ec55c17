/** CI and first-time setup: make sure a Temporal CLI exists (fetched or built once, into the cache). */
import { argLocale, exitWithStartupFailure, loadConfigOrExit } from '../app/command-edge.ts';
import { ensureTemporalCli } from '../lib/temporal-cli.ts';

const locale = argLocale();
const config = loadConfigOrExit(locale);
try {
  console.log(await ensureTemporalCli(config, (m) => console.error(m)));
} catch (e) {
  exitWithStartupFailure(e, locale, config.LOG_LEVEL === 'debug');
}
