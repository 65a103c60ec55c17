/**
 * npm run bot — Slack (HTTP receiver on BOT_PORT, or Socket Mode) and Telegram (long polling,
 * or a webhook when TELEGRAM_WEBHOOK_URL is set). With no TEMPORAL_ADDRESS it also runs a
 * worker in-process, so one command is enough locally.
 */
import { ConversationCore } from '../bot/core/conversation.ts';
import { createSlackApp } from '../bot/slack/slack-app.ts';
import { createTelegramBot } from '../bot/telegram/telegram-bot.ts';
import { launchTelegram } from '../bot/telegram/telegram-launch.ts';
import { pingDb } from '../db/connection.ts';
import { startHealthServer } from '../lib/health-server.ts';
import { createPosters } from '../bot/chat/posters.ts';
import type { SlackPoster } from '../bot/chat/slack-poster.ts';
import type { TelegramPoster } from '../bot/chat/telegram-poster.ts';
import { argLocale, loadConfigOrExit, portsFreeOrExit, startRuntimeOrExit, stopOnSignals } from '../app/command-edge.ts';

const locale = argLocale();
const config = loadConfigOrExit(locale);
if (!config.SLACK_BOT_TOKEN && !config.TELEGRAM_BOT_TOKEN) {
  console.error('Set SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET and/or TELEGRAM_BOT_TOKEN (or try `npm run chat`, which needs no token).');
  process.exit(2);
}
if (config.SLACK_BOT_TOKEN && !config.SLACK_SIGNING_SECRET) {
  console.error('SLACK_SIGNING_SECRET is required with SLACK_BOT_TOKEN.');
  process.exit(2);
}
await portsFreeOrExit(
  [
    ...(config.SLACK_BOT_TOKEN && !config.SLACK_APP_TOKEN ? [{ port: config.BOT_PORT, service: 'Slack', variable: 'BOT_PORT' }] : []),
    ...(config.TELEGRAM_BOT_TOKEN && config.TELEGRAM_WEBHOOK_URL ? [{ port: config.BOT_PORT + 1, service: 'Telegram', variable: 'BOT_PORT' }] : []),
  ],
  locale,
  config.LOG_LEVEL === 'debug',
);
const rt = await startRuntimeOrExit(config, { worker: !config.TEMPORAL_ADDRESS, warmUp: true, log: (m) => console.error(m) }, locale);
const stops: (() => Promise<void>)[] = [];
// The channels stop taking messages first, then the runtime stops in order; exit 0.
stopOnSignals(rt, { code: 0, before: async () => void (await Promise.all(stops.map((s) => s()))) });
const core = new ConversationCore(rt);
const posters = await createPosters(config);

if (config.SLACK_BOT_TOKEN) {
  const app = createSlackApp({ token: config.SLACK_BOT_TOKEN, signingSecret: config.SLACK_SIGNING_SECRET!, apiUrl: config.SLACK_API_URL, appToken: config.SLACK_APP_TOKEN, poster: posters.slack as SlackPoster, core });
  await app.start(config.BOT_PORT);
  stops.push(async () => {
    await app.stop();
  });
  console.error(`Slack app listening on :${config.BOT_PORT}/slack/events`);
}
if (config.TELEGRAM_BOT_TOKEN) {
  const bot = createTelegramBot({ token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, poster: posters.telegram as TelegramPoster, core });
  const mode = await launchTelegram(bot, config, { port: config.BOT_PORT + 1 });
  stops.push(async () => bot.stop());
  console.error(`Telegram bot started (${mode})`);
}
if (config.BOT_METRICS_PORT) {
  const health = await startHealthServer(config.BOT_METRICS_PORT, async () => {
    await pingDb(rt.db);
    return true;
  }, config.METRICS_HOST);
  stops.push(async () => void health.close());
}
