/** npm run chat — the bot's conversation in the terminal, on the embedded defaults. */
import { ConversationCore } from '../bot/core/conversation.ts';
import { runLocalChat } from '../bot/local/local-chat.ts';
import { argLocale, loadConfigOrExit, startRuntimeOrExit, stopOnSignals } from '../app/command-edge.ts';

const locale = argLocale();
// Interactive commands print their own results; the JSON log only speaks up for problems.
const config = loadConfigOrExit(locale, (c) => ({ ...c, LOG_LEVEL: c.LOG_LEVEL ?? 'warn' }));
const rt = await startRuntimeOrExit(config, { worker: true, log: (m) => console.error(m) }, locale);
// Ctrl-C ends the session like /quit or the end of input does.
stopOnSignals(rt, { code: 0 });
const core = new ConversationCore(rt);
await runLocalChat(rt, core, { input: process.stdin, output: process.stdout, outDir: 'out/chat' });
await rt.shutdown();
process.exit(0);
