import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Telegraf } from 'telegraf';
import { ConversationCore } from '../../bot/core/conversation.ts';
import { createSlackApp } from '../../bot/slack/slack-app.ts';
import { createTelegramBot } from '../../bot/telegram/telegram-bot.ts';
import { formatRatioValue } from '../../domain/wording/format-number.ts';
import { createPosters } from '../../bot/chat/posters.ts';
import type { SlackPoster } from '../../bot/chat/slack-poster.ts';
import type { TelegramPoster } from '../../bot/chat/telegram-poster.ts';
import { freePort } from '../../lib/ports.ts';
import { generateStatement, type Truth } from '../generator/index.ts';
import { FakeSlack } from '../helpers/fake-slack.ts';
import { FakeTelegram } from '../helpers/fake-telegram.ts';
import { startTestRuntime } from '../helpers/test-runtime.ts';
import { waitUntil } from '../helpers/wait-until.ts';

const SECRET = 'test-signing-secret';
const TG_TOKEN = '123:test';


describe('Slack and Telegram bots against local fake APIs, through Temporal and Postgres', () => {
  let ctx: Awaited<ReturnType<typeof startTestRuntime>>;
  const slack = new FakeSlack();
  const telegram = new FakeTelegram(TG_TOKEN);
  let slackPort = 0;
  let stopSlack: () => Promise<void>;
  let tgBot: Telegraf;
  let pdf: Uint8Array;
  let truth: Truth;
  const ackMs: number[] = [];

  const slackEvent = async (event: Record<string, unknown>, opts: { teamId?: string; eventId?: string; retry?: number } = {}) => {
    const body = JSON.stringify({ type: 'event_callback', team_id: opts.teamId ?? 'T1', api_app_id: 'A1', event_id: opts.eventId ?? `Ev${Math.random()}`, event_time: 1, event });
    const ts = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${slackPort}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-slack-signature': signature, 'x-slack-request-timestamp': String(ts), ...(opts.retry ? { 'x-slack-retry-num': String(opts.retry), 'x-slack-retry-reason': 'http_timeout' } : {}) },
      body,
    });
    ackMs.push(performance.now() - t0);
    return res.status;
  };

  before(async () => {
    await slack.start();
    await telegram.start();
    slackPort = await freePort();
    ctx = await startTestRuntime({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      SLACK_FILE_HOSTS: '127.0.0.1',
      TELEGRAM_BOT_TOKEN: TG_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
    });
    const core = new ConversationCore(ctx.rt);
    const posters = await createPosters(ctx.config);
    const app = createSlackApp({ token: 'xoxb-test', signingSecret: SECRET, apiUrl: slack.apiUrl, poster: posters.slack as SlackPoster, core });
    await app.start(slackPort);
    stopSlack = async () => void (await app.stop());
    tgBot = createTelegramBot({ token: TG_TOKEN, apiRoot: telegram.apiRoot, poster: posters.telegram as TelegramPoster, core });
    void tgBot.launch();
    ({ pdf, truth } = await generateStatement({ seed: 777, layout: 't1-detailed', periods: ['2024-12-31', '2023-12-31'] }));
  });

  after(async () => {
    tgBot?.stop();
    await stopSlack?.();
    await ctx?.cleanup();
    await slack.stop();
    await telegram.stop();
    const sorted = [...ackMs].sort((a, b) => a - b);
    const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]?.toFixed(1);
    console.log(`# slack ack latency over ${sorted.length} requests: p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms`);
  });

  const expectedCurrentRatio = () => formatRatioValue(truth.items['1']!['2024-12-31']! / truth.items['3']!['2024-12-31']!, 'ratio', 'tr');
  const summaryPosts = () => slack.called('chat.postMessage').filter((c) => (c.params.text ?? '').includes('Doğrulama'));

  it('Slack: a shared PDF gets progress updates, a summary, charts and files in its thread', async () => {
    slack.files.set('F100', Buffer.from(pdf));
    const event = {
      type: 'message', subtype: 'file_share', channel: 'C1', user: 'U1', ts: '1700000001.000100', text: '',
      files: [{ id: 'F100', name: 'acme-2024.pdf', mimetype: 'application/pdf', size: pdf.length, url_private_download: slack.fileUrl('F100', 'acme-2024.pdf') }],
    };
    assert.equal(await slackEvent(event, { eventId: 'EvFile1' }), 200);
    // Slack retries the same event, and the file is shared again: still one analysis, one reply.
    assert.equal(await slackEvent(event, { eventId: 'EvFile1', retry: 1 }), 200);
    assert.equal(await slackEvent(event, { eventId: 'EvFile2' }), 200);

    await waitUntil('the summary in the thread', () => summaryPosts().length > 0);
    await waitUntil('files uploaded into the thread', () => slack.called('files.completeUploadExternal').length >= 2);
    const summary = summaryPosts();
    assert.equal(summary.length, 1, 'one summary despite three deliveries');
    assert.equal(summary[0]!.params.thread_ts, '1700000001.000100');
    assert.ok(summary[0]!.params.blocks?.includes(truth.company.name.slice(0, 10)));

    const progress = slack.called('chat.postMessage').filter((c) => c.params.text?.includes('acme-2024.pdf'));
    assert.equal(progress.length, 1, 'one progress message');
    const updates = slack.called('chat.update').map((c) => c.params.text ?? '');
    assert.ok(updates.some((t) => t.includes('Okunuyor')), 'reading stage shown');
    await waitUntil('the done stage', () => slack.called('chat.update').some((c) => c.params.text?.includes('tamamlandı')));

    const uploads = slack.called('files.completeUploadExternal');
    assert.ok(uploads.every((u) => u.params.thread_ts === '1700000001.000100' && u.params.channel_id === 'C1'));
    const names = uploads.flatMap((u) => JSON.parse(u.params.files!).map((f: { title: string }) => f.title)).join(' ');
    assert.match(names, /ratios-liquidity/);
    assert.match(names, /report\.xlsx/);
    // Uploads may arrive raw or as multipart: look for the PNG signature in the body.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.ok([...slack.uploads.values()].some((b) => b.includes(png)), 'a PNG reached Slack');
  });

  it('Slack: a follow-up question in the thread is answered with the stored numbers', async () => {
    const before = slack.called('chat.postMessage').length;
    await slackEvent({ type: 'message', channel: 'C1', user: 'U1', ts: '1700000002.000100', thread_ts: '1700000001.000100', text: 'cari oran kaç?' }, { eventId: 'EvQ1' });
    // The same question event redelivered is answered once.
    await slackEvent({ type: 'message', channel: 'C1', user: 'U1', ts: '1700000002.000100', thread_ts: '1700000001.000100', text: 'cari oran kaç?' }, { eventId: 'EvQ1' });
    const answer = await waitUntil('an answer', () => slack.called('chat.postMessage').slice(before).find((c) => c.params.thread_ts === '1700000001.000100'));
    assert.ok(answer.params.text!.includes(expectedCurrentRatio()), `answer ${answer.params.text} has ${expectedCurrentRatio()}`);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(slack.called('chat.postMessage').slice(before).length, 1, 'one answer');
    const stored = await ctx.rt.db.selectFrom('questions').selectAll().where('source_event_id', '=', 'EvQ1').execute();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.answer, answer.params.text);
  });

  it('Slack: a user of another workspace gets nothing of this one', async () => {
    const before = slack.called('chat.postMessage').length;
    await slackEvent({ type: 'message', channel: 'C9', user: 'U9', ts: '1700000003.000100', thread_ts: '1700000001.000100', text: 'cari oran kaç?' }, { teamId: 'T2', eventId: 'EvQ2' });
    const answer = await waitUntil('an answer', () => slack.called('chat.postMessage').slice(before).find((c) => c.params.channel === 'C9'));
    assert.ok(!answer.params.text!.includes(expectedCurrentRatio()));
    assert.match(answer.params.text!, /henüz analiz edilmiş bir tablo yok/);
  });

  it('Telegram: a PDF document gets an edited progress message, summary, charts and files; questions are answered once', async () => {
    telegram.addFile('TGF1', Buffer.from(pdf));
    const docUpdate = {
      update_id: 1,
      message: { message_id: 10, date: 1, chat: { id: 555, type: 'private' }, from: { id: 9, is_bot: false, first_name: 'Ayşe' }, document: { file_id: 'TGF1', file_unique_id: 'UQ1', file_name: 'acme-2024.pdf', mime_type: 'application/pdf', file_size: pdf.length } },
    };
    telegram.push(docUpdate);
    telegram.push({ ...docUpdate, update_id: 2 }); // the same document again
    await waitUntil('summary', () => telegram.called('sendMessage').find((c) => String(c.params.text).includes('Doğrulama')));
    await waitUntil('charts and files', () => telegram.called('sendMediaGroup').length && telegram.called('sendDocument').length);
    // The company's first result ends with the one sector question; the answer below comes after it.
    await waitUntil('the sector question', () => telegram.called('sendMessage').find((c) => String(c.params.text).includes('NACE')));
    assert.equal(telegram.called('sendMessage').filter((c) => String(c.params.text).includes('Doğrulama')).length, 1);
    assert.ok(telegram.called('editMessageText').some((c) => String(c.params.text).includes('Okunuyor')));
    assert.ok(telegram.called('sendDocument').some((c) => c.files.some((f) => f.includes('report.xlsx'))));

    const q = { message: { message_id: 11, date: 1, chat: { id: 555, type: 'private' }, from: { id: 9, is_bot: false, first_name: 'Ayşe' }, text: 'cari oran kaç?' } };
    const before = telegram.called('sendMessage').length;
    telegram.push({ update_id: 3, ...q });
    telegram.push({ update_id: 3, ...q });
    const answer = await waitUntil('answer', () => telegram.called('sendMessage').slice(before)[0]);
    assert.ok(String(answer.params.text).includes(expectedCurrentRatio()));
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(telegram.called('sendMessage').slice(before).length, 1);
  });
});
