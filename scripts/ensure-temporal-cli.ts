/** CI and first-time setup: make sure a Temporal CLI exists (builds it once, into the cache). */
import { loadConfig } from '../lib/config.ts';
import { ensureTemporalCli } from '../lib/temporal-cli.ts';

const cli = await ensureTemporalCli(loadConfig(), (m) => console.error(m));
console.log(cli);
