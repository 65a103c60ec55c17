import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { Telegraf } from 'telegraf';
import { SlackPoster } from '../../bot/chat/slack-poster.ts';
import { loadConfig } from '../../lib/config.ts';
import { createLogger } from '../../lib/logger.ts';
import { LocalFileStorage } from '../../lib/storage.ts';

describe('security', () => {
  it('storage keys cannot escape the storage folder', async () => {
    const storage = new LocalFileStorage(await mkdtemp(path.join(os.tmpdir(), 'lodge-sec-')));
    for (const key of ['../etc/passwd', 'uploads/../../x', '/etc/passwd', 'a//b', 'uploads/.hidden/../x']) {
      await assert.rejects(storage.putAt(key, Buffer.from('x')), /Unsafe storage key/, key);
      await assert.rejects(storage.get(key), /Unsafe storage key/, key);
    }
  });

  it('Slack files are downloaded only from Slack file hosts, never following redirects elsewhere', async () => {
    const poster = new SlackPoster('xoxb-secret', { fileHosts: ['files.slack.com'] });
    await assert.rejects(poster.download({ fileId: 'F1', url: 'https://evil.example/steal' }, 1000), /Refusing to download from evil\.example/);
    await assert.rejects(poster.download({ fileId: 'F1', url: 'http://169.254.169.254/latest/meta-data' }, 1000), /Refusing/);
  });

  it('secrets are redacted from the project logger', () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, cb) { lines.push(chunk.toString()); cb(); } });
    const log = createLogger('info', sink);
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-very-secret', TELEGRAM_BOT_TOKEN: '123:tg-secret', OPENAI_API_KEY: 'sk-secret', DATABASE_URL: 'postgres://u:pw-secret@h/db' });
    log.info({ config, headers: { authorization: 'Bearer xoxb-very-secret' } }, 'starting');
    const out = lines.join('');
    for (const secret of ['xoxb-very-secret', 'tg-secret', 'sk-secret', 'pw-secret']) assert.ok(!out.includes(secret), secret);
    assert.match(out, /\[redacted\]/);
  });

  it('the Telegram webhook accepts only requests carrying the secret token', async () => {
    const bot = new Telegraf('123:test', { telegram: { apiRoot: 'http://127.0.0.1:9' } });
    // Known bot identity: no getMe call to a Bot API server that is not there.
    bot.botInfo = { id: 1, is_bot: true, first_name: 'Lodge', username: 'lodge_bot', can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false } as never;
    let handled = 0;
    bot.on('message', () => void handled++);
    const server = http.createServer(bot.webhookCallback('/tg', { secretToken: 'shh' }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tg`;
    const update = JSON.stringify({ update_id: 1, message: { message_id: 1, date: 1, chat: { id: 1, type: 'private' }, text: 'hi' } });
    const bad = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: update });
    const wrong = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'nope' }, body: update });
    const good = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'shh' }, body: update });
    server.close();
    assert.equal(bad.status, 403);
    assert.equal(wrong.status, 403);
    assert.equal(good.status, 200);
    assert.equal(handled, 1);
  });
});

describe('storage', () => {
  it('concurrent writers of the same key both succeed and leave one whole file', async () => {
    const storage = new LocalFileStorage(await mkdtemp(path.join(os.tmpdir(), 'lodge-store-')));
    const bytes = Buffer.alloc(256 * 1024, 7);
    const keys = await Promise.all(Array.from({ length: 8 }, () => storage.put(bytes, { prefix: 'uploads', ext: '.pdf' })));
    assert.equal(new Set(keys).size, 1);
    assert.deepEqual(await storage.get(keys[0]!), bytes);
  });
});
