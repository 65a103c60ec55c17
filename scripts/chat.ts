/** npm run chat — the bot's conversation in the terminal, on the embedded defaults. */
import { ConversationCore } from '../bot/core/conversation.ts';
import { runLocalChat } from '../bot/local/local-chat.ts';
import { loadConfig } from '../lib/config.ts';
import { startRuntime } from '../lib/runtime.ts';

const loaded = loadConfig();
// Interactive commands print their own results; the JSON log only speaks up for problems.
const config = { ...loaded, LOG_LEVEL: loaded.LOG_LEVEL ?? ('warn' as const) };
const rt = await startRuntime(config, { worker: true, log: (m) => console.error(m) });
const core = new ConversationCore(rt);
await runLocalChat(rt, core, { input: process.stdin, output: process.stdout, outDir: 'out/chat' });
await rt.shutdown();
process.exit(0);
