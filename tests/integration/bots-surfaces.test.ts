import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { ConversationCore } from '../../bot/core/conversation.ts';
import type { Incoming } from '../../contracts/incoming.ts';
import { createSlackApp, shareRequest } from '../../bot/slack/slack-app.ts';
import { createTelegramBot } from '../../bot/telegram/telegram-bot.ts';
import { launchTelegram } from '../../bot/telegram/telegram-launch.ts';
import { progressMessage } from '../../domain/wording/progress-text.ts';
import { SlackPoster } from '../../bot/chat/slack-poster.ts';
import { TelegramPoster } from '../../bot/chat/telegram-poster.ts';
import { ConfigError, loadConfig } from '../../lib/config.ts';
import { startHealthServer } from '../../lib/health-server.ts';
import { freePort } from '../../lib/ports.ts';
import { FakeSlack } from '../helpers/fake-slack.ts';
import { FakeTelegram } from '../helpers/fake-telegram.ts';
import { waitUntil } from '../helpers/wait-until.ts';

const SECRET = 'surface-signing-secret';
const TG_TOKEN = '321:surface';
const HOSTILE_NAME = '<!channel> *urgent* <https://evil.example|bank.com> _x_.pdf';

/** A conversation core that records what reaches it (these tests stop requests before it). */
function recordingCore() {
  const seen: Incoming[] = [];
  const core = { handle: async (m: Incoming) => (seen.push(m), []), handleAction: async () => [] } as unknown as ConversationCore;
  return { core, seen };
}

describe('bot surfaces: webhook secret, escaping, Slack replay window, health binding', () => {
  const slack = new FakeSlack();
  const telegram = new FakeTelegram(TG_TOKEN);
  before(async () => {
    await slack.start();
    await telegram.start();
  });
  after(async () => {
    await slack.stop();
    await telegram.stop();
  });

  it('a Telegram webhook URL without a secret is refused at start-up', async () => {
    assert.throws(() => loadConfig({ TELEGRAM_BOT_TOKEN: TG_TOKEN, TELEGRAM_WEBHOOK_URL: 'https://bot.example/tg' }), ConfigError);
    // An empty value (docker-compose with the variable unset) is no secret either.
    assert.throws(() => loadConfig({ TELEGRAM_BOT_TOKEN: TG_TOKEN, TELEGRAM_WEBHOOK_URL: 'https://bot.example/tg', TELEGRAM_WEBHOOK_SECRET: '' }), /TELEGRAM_WEBHOOK_SECRET/);
    const { core } = recordingCore();
    const bot = createTelegramBot({ token: TG_TOKEN, apiRoot: telegram.apiRoot, poster: new TelegramPoster(TG_TOKEN, telegram.apiRoot), core });
    await assert.rejects(launchTelegram(bot, { TELEGRAM_WEBHOOK_URL: 'https://bot.example/tg' }, { port: 0 }), ConfigError);
    assert.equal(telegram.called('setWebhook').length, 0, 'no webhook registered');
  });

  it('a Telegram webhook is registered with its secret, and forged updates never reach the core', async () => {
    const { core, seen } = recordingCore();
    const bot = createTelegramBot({ token: TG_TOKEN, apiRoot: telegram.apiRoot, poster: new TelegramPoster(TG_TOKEN, telegram.apiRoot), core });
    const port = await freePort();
    const secret = 'a-long-webhook-secret-0123456789';
    assert.equal(await launchTelegram(bot, { TELEGRAM_WEBHOOK_URL: 'https://bot.example/tg/hook', TELEGRAM_WEBHOOK_SECRET: secret }, { port, host: '127.0.0.1' }), 'webhook');
    try {
      const set = telegram.called('setWebhook').at(-1);
      assert.equal(set?.params.secret_token, secret);
      assert.equal(set?.params.url, 'https://bot.example/tg/hook');
      const update = (id: number) => JSON.stringify({ update_id: id, message: { message_id: id, date: 1, chat: { id: 777, type: 'private' }, from: { id: 7, is_bot: false, first_name: 'M' }, text: '/digest weekly Örnek 09:00' } });
      const post = (body: string, headers: Record<string, string>) => fetch(`http://127.0.0.1:${port}/tg/hook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      assert.equal((await post(update(1), {})).status, 403);
      assert.equal((await post(update(2), { 'x-telegram-bot-api-secret-token': 'guessed' })).status, 403);
      assert.equal((await post(update(3), { 'x-telegram-bot-api-secret-token': secret })).status, 200);
      await waitUntil('the signed update handled', () => seen.length === 1);
      assert.equal(seen[0]!.eventId, 'update:3');
    } finally {
      bot.stop();
    }
  });

  it('user-supplied text cannot mention, link or format in Slack mrkdwn or Telegram HTML', async () => {
    const message = progressMessage('reading', 'en', { fileName: HOSTILE_NAME });
    await new SlackPoster('xoxb-test', { apiUrl: slack.apiUrl, fileHosts: [] }).post({ channel: 'slack', channelId: 'C1', threadTs: '1.1' }, message);
    const call = slack.called('chat.postMessage').at(-1)!;
    for (const shown of [call.params.text!, call.params.blocks!]) {
      assert.ok(!shown.includes('<!channel>'), `no channel mention in ${shown}`);
      assert.ok(!shown.includes('<https://'), `no link in ${shown}`);
      assert.match(shown, /&lt;!channel&gt;/);
      assert.ok(!/\*urgent\*|_x_/.test(shown), `no formatting from the name in ${shown}`);
    }
    await new TelegramPoster(TG_TOKEN, telegram.apiRoot).post({ channel: 'telegram', chatId: '9' }, progressMessage('reading', 'en', { fileName: '<b>x</b> *bold*.pdf' }));
    const html = String(telegram.called('sendMessage').at(-1)!.params.text);
    assert.match(html, /&lt;b&gt;x&lt;\/b&gt;/);
    assert.ok(!html.includes('<b>bold</b>'), html);
    assert.match(html, /^<b>/, 'our own bold markup still renders');
  });

  it('Slack requests are accepted only within ±5 minutes of now, and health is not on the public port', async () => {
    const { core, seen } = recordingCore();
    const app = createSlackApp({ token: 'xoxb-test', signingSecret: SECRET, apiUrl: slack.apiUrl, poster: new SlackPoster('xoxb-test', { apiUrl: slack.apiUrl, fileHosts: [] }), core });
    const port = await freePort();
    await app.start(port);
    try {
      const send = async (offsetSeconds: number, id: string) => {
        const body = JSON.stringify({ type: 'event_callback', team_id: 'T1', api_app_id: 'A1', event_id: id, event_time: 1, event: { type: 'message', channel: 'D1', channel_type: 'im', user: 'U1', ts: '1.1', text: `hello ${id}` } });
        const ts = Math.floor(Date.now() / 1000) + offsetSeconds;
        const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
        const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-signature': signature, 'x-slack-request-timestamp': String(ts) }, body });
        return res.status;
      };
      assert.equal(await send(10 * 60, 'EvFuture'), 401);
      assert.equal(await send(-10 * 60, 'EvPast'), 401);
      assert.equal(await send(4 * 60, 'EvSkewed'), 200);
      assert.equal(await send(0, 'EvNow'), 200);
      await waitUntil('fresh events handled', () => seen.length === 2);
      assert.deepEqual(seen.map((m) => m.eventId).sort(), ['EvNow', 'EvSkewed']);
      for (const path of ['/metrics', '/healthz']) {
        assert.notEqual((await fetch(`http://127.0.0.1:${port}${path}`)).status, 200, `${path} not served on the events port`);
      }
    } finally {
      await app.stop();
    }
  });

  it('health and metrics bind to METRICS_HOST, loopback by default', async () => {
    const config = loadConfig({});
    assert.equal(config.METRICS_HOST, '127.0.0.1');
    const server = await startHealthServer(0, async () => true, config.METRICS_HOST);
    try {
      const addr = server.address() as AddressInfo;
      assert.equal(addr.address, '127.0.0.1');
      assert.equal((await fetch(`http://127.0.0.1:${addr.port}/healthz`)).status, 200);
    } finally {
      server.close();
    }
  });

  it('a Telegram message over 4096 characters is split between lines, not cut', async () => {
    const lines = Array.from({ length: 400 }, (_, i) => `• Line ${i}: *${i * 1000}* TL`);
    const before = telegram.called('sendMessage').length;
    await new TelegramPoster(TG_TOKEN, telegram.apiRoot).post({ channel: 'telegram', chatId: '9' }, { text: lines.join('\n'), buttons: [{ actionId: 'export_pdf', label: 'PDF', value: '0123456789abcdef' }] });
    const sent = telegram.called('sendMessage').slice(before);
    assert.ok(sent.length >= 2, `${sent.length} messages`);
    const texts = sent.map((c) => String(c.params.text));
    assert.ok(texts.every((t) => t.length <= 4096));
    assert.equal(texts.join('\n'), lines.map((l) => l.replace(/\*([^*]+)\*/g, '<b>$1</b>')).join('\n'), 'every line arrives whole');
    assert.ok(sent.at(-1)!.params.reply_markup && !sent[0]!.params.reply_markup, 'buttons under the last part');
  });

  it('/lodge answers privately unless asked to share', () => {
    assert.deepEqual(shareRequest('ratios 2024'), { text: 'ratios 2024', share: false });
    assert.deepEqual(shareRequest('ratios 2024 share'), { text: 'ratios 2024', share: true });
    assert.deepEqual(shareRequest('oranlar paylaş'), { text: 'oranlar', share: true });
  });
});
