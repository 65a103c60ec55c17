import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Telegraf } from 'telegraf';
import { ConversationCore } from '../../bot/core/conversation.ts';
import { createSlackApp } from '../../bot/slack/slack-app.ts';
import { createTelegramBot } from '../../bot/telegram/telegram-bot.ts';
import { loadAnalysis } from '../../db/queries/analysis.ts';
import { createPosters } from '../../bot/chat/posters.ts';
import type { SlackPoster } from '../../bot/chat/slack-poster.ts';
import type { TelegramPoster } from '../../bot/chat/telegram-poster.ts';
import { loadConfig } from '../../lib/config.ts';
import { freePort } from '../../lib/ports.ts';
import type { AnalyzeStatementResult, WorkflowStatus } from '../../contracts/workflow.ts';
import { generateModel, modelTruth, type Truth } from '../generator/index.ts';
import { renderStatementPdf } from '../generator/render-pdf.ts';
import { FakeSlack, type SlackCall } from '../helpers/fake-slack.ts';
import { FakeTelegram, type TelegramCall } from '../helpers/fake-telegram.ts';
import { childEnv, startTestRuntime } from '../helpers/test-runtime.ts';
import { waitUntil } from '../helpers/wait-until.ts';

const SECRET = 'test-signing-secret';
const TG_TOKEN = '123:test';
const P24 = '2024-12-31';


const trAmount = (kurus: number) => (kurus / 100).toLocaleString('tr-TR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * A statement whose printed numbers do not tie: one account (102 Bankalar) is printed with a
 * different value in 2024 while its group (10) keeps the true total. Returns the truth of the
 * consistent statement, so a correction back to it must make the check pass.
 */
async function mismatchedStatement(seed: number, deltaKurus = 1_234_567): Promise<{ pdf: Buffer; truth: Truth; printed: number }> {
  const model = generateModel({ seed, layout: 't1-detailed', periods: [P24, '2023-12-31'] });
  const truth = modelTruth(model);
  const line = model.balanceSheet.find((l) => l.key === '102')!;
  line.values[P24] = line.values[P24]! + deltaKurus;
  return { pdf: Buffer.from(await renderStatementPdf(model)), truth, printed: line.values[P24]! };
}

async function consistentStatement(seed: number): Promise<Buffer> {
  return Buffer.from(await renderStatementPdf(generateModel({ seed, layout: 't1-detailed', periods: [P24, '2023-12-31'] })));
}

const sign = (body: string, ts = Math.floor(Date.now() / 1000), secret = SECRET) => ({
  'x-slack-signature': `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`,
  'x-slack-request-timestamp': String(ts),
});

/** Slack Block Kit buttons of a recorded chat.postMessage. */
const slackButtons = (call: SlackCall): { action_id: string; value: string }[] =>
  (JSON.parse(call.params.blocks ?? '[]') as { type: string; elements?: { action_id: string; value: string }[] }[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

/** Telegram inline keyboard of a recorded sendMessage (JSON body or multipart string). */
const telegramButtons = (call: TelegramCall): { text: string; callback_data: string }[] => {
  const markup = typeof call.params.reply_markup === 'string' ? JSON.parse(call.params.reply_markup) : call.params.reply_markup;
  return ((markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard ?? []).flat();
};

describe('Human in the loop, buttons, slash commands and limits, against fake Slack and Telegram APIs', () => {
  let ctx: Awaited<ReturnType<typeof startTestRuntime>>;
  const slack = new FakeSlack();
  const telegram = new FakeTelegram(TG_TOKEN);
  let slackPort = 0;
  let limitedPort = 0;
  const stops: (() => Promise<void>)[] = [];
  let tgBot: Telegraf;

  const post = (port: number, body: string, headers: Record<string, string>) =>
    fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers, body }).then(async (r) => (await r.arrayBuffer(), r.status));

  const slackEvent = (event: Record<string, unknown>, opts: { teamId?: string; port?: number; ts?: number; secret?: string } = {}) => {
    const body = JSON.stringify({ type: 'event_callback', team_id: opts.teamId ?? 'T1', api_app_id: 'A1', event_id: `Ev${Math.random()}`, event_time: 1, event });
    return post(opts.port ?? slackPort, body, { 'content-type': 'application/json', ...sign(body, opts.ts, opts.secret) });
  };

  /** A Block Kit button press as Slack sends it: form-encoded `payload=<json>`, signed. */
  const slackButton = (button: { action_id: string; value: string }, where: { teamId: string; userId: string; channel: string; messageTs: string; threadTs: string }) => {
    const payload = {
      type: 'block_actions',
      api_app_id: 'A1',
      token: 'legacy',
      trigger_id: `trig-${Math.random()}`,
      team: { id: where.teamId, domain: 'acme' },
      user: { id: where.userId, team_id: where.teamId },
      channel: { id: where.channel, name: 'finance' },
      container: { type: 'message', message_ts: where.messageTs, channel_id: where.channel, is_ephemeral: false, thread_ts: where.threadTs },
      message: { type: 'message', ts: where.messageTs, thread_ts: where.threadTs, text: '' },
      actions: [{ type: 'button', action_id: button.action_id, block_id: 'b1', value: button.value, action_ts: String(Date.now() / 1000) }],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return post(slackPort, body, { 'content-type': 'application/x-www-form-urlencoded', ...sign(body) });
  };

  const slashCommand = (text: string, opts: { ts?: number; secret?: string; responseId: string; teamId?: string; channel?: string }) => {
    const body = new URLSearchParams({
      token: 'legacy', team_id: opts.teamId ?? 'TR1', team_domain: 'acme', channel_id: opts.channel ?? 'C10', channel_name: 'finance', user_id: 'U10', user_name: 'ayse',
      command: '/lodge', text, api_app_id: 'A1', response_url: slack.responseUrl(opts.responseId), trigger_id: `trig-${Math.random()}`,
    }).toString();
    return post(slackPort, body, { 'content-type': 'application/x-www-form-urlencoded', ...sign(body, opts.ts, opts.secret) });
  };

  const shareFile = (fileId: string, pdf: Buffer, where: { teamId: string; channel: string; user: string; ts: string; port?: number; secret?: string; eventTs?: number }) => {
    slack.files.set(fileId, pdf);
    return slackEvent(
      { type: 'message', subtype: 'file_share', channel: where.channel, user: where.user, ts: where.ts, text: '', files: [{ id: fileId, name: `${fileId}.pdf`, mimetype: 'application/pdf', size: pdf.length, url_private_download: slack.fileUrl(fileId, `${fileId}.pdf`) }] },
      { teamId: where.teamId, port: where.port, secret: where.secret, ts: where.eventTs },
    );
  };

  const inThread = (method: string, threadTs: string, text: RegExp) => slack.called(method).filter((c) => c.params.thread_ts === threadTs && text.test(c.params.text ?? ''));
  const workflow = (id: string) => ctx.rt.client.workflow.getHandle(id);
  const stageOf = async (id: string) => (await workflow(id).query<WorkflowStatus>('status')).stage;
  const workflowExists = (id: string) => workflow(id).describe().then(() => true, () => false);
  const documentOf = (workflowId: string) => ctx.rt.db.selectFrom('documents').selectAll().where('workflow_id', '=', workflowId).executeTakeFirst();

  /** The upload nobody answers (the timeout test), on the bot with the short review timeout. */
  const D = { teamId: 'TRL', channel: 'C40', user: 'U41', ts: '1700000400.000100', get port() { return limitedPort; } };
  let timeoutUpload: Promise<number>;

  before(async () => {
    await slack.start();
    await telegram.start();
    slackPort = await freePort();
    limitedPort = await freePort();
    ctx = await startTestRuntime({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      SLACK_FILE_HOSTS: '127.0.0.1',
      TELEGRAM_BOT_TOKEN: TG_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
    });
    const posters = await createPosters(ctx.config);
    const core = new ConversationCore(ctx.rt);
    const app = createSlackApp({ token: 'xoxb-test', signingSecret: SECRET, apiUrl: slack.apiUrl, poster: posters.slack as SlackPoster, core });
    await app.start(slackPort);
    stops.push(async () => void (await app.stop()));

    // A second bot on the same Temporal and Postgres with short review and tight upload limits,
    // configured the way production is: environment variables through the zod config.
    const limitedConfig = loadConfig(childEnv(ctx.env, { REVIEW_TIMEOUT_MINUTES: '0.05', RATE_LIMIT_UPLOADS_PER_HOUR: '1' }));
    assert.equal(limitedConfig.REVIEW_TIMEOUT_MINUTES, 0.05);
    const limitedCore = new ConversationCore({ client: ctx.rt.client, db: ctx.rt.db, storage: ctx.rt.storage, config: limitedConfig });
    const limitedApp = createSlackApp({ token: 'xoxb-test', signingSecret: SECRET, apiUrl: slack.apiUrl, poster: posters.slack as SlackPoster, core: limitedCore });
    await limitedApp.start(limitedPort);
    stops.push(async () => void (await limitedApp.stop()));

    tgBot = createTelegramBot({ token: TG_TOKEN, apiRoot: telegram.apiRoot, poster: posters.telegram as TelegramPoster, core });
    void tgBot.launch();
    // The timeout test's upload, shared now: its analysis and its 3 s wait for an answer that
    // never comes overlap the tests before it instead of adding ~9 s of waiting at its turn.
    // It has a workspace, channel and thread of its own; the tests in between filter by thread.
    timeoutUpload = mismatchedStatement(4404).then(({ pdf }) => shareFile('FREV4', pdf, D));
    // A failure surfaces in the test that awaits it, not as an unhandled rejection before.
    timeoutUpload.catch(() => {});
  });

  after(async () => {
    tgBot?.stop();
    for (const stop of stops) await stop();
    await ctx?.cleanup();
    await slack.stop();
    await telegram.stop();
  });

  // ---- Slack: a correction typed in the thread --------------------------------------------------

  const A = { teamId: 'TR1', channel: 'C10', user: 'U10', ts: '1700000100.000100' };
  const workflowA = 'analyze-slack-TR1-FREV1';
  let truthA: Truth;

  it('Slack: numbers that do not tie get a review request with the failing check, both numbers and a confirm button', async () => {
    const { pdf, truth, printed } = await mismatchedStatement(4101);
    truthA = truth;
    assert.equal(await shareFile('FREV1', pdf, A), 200);
    const review = await waitUntil('the review request', () => inThread('chat.postMessage', A.ts, /kontroller başarısız/)[0]);
    const blocks = review.params.blocks!;
    assert.match(blocks, /Bazı toplamlar tutmuyor/);
    assert.match(blocks, /10 grubunun alt kalemlerinin toplamı/, 'names the group whose items do not add up');
    assert.match(blocks, new RegExp(P24));
    // Both numbers: the printed group total and the sum of its printed items.
    const group = truth.itemsKurus['10']![P24]!;
    assert.ok(blocks.includes(trAmount(group)), `the group total ${trAmount(group)} is shown`);
    assert.ok(blocks.includes(trAmount(group - truth.itemsKurus['102']![P24]! + printed)), 'the sum of the items as read is shown');
    const [button] = slackButtons(review);
    assert.equal(button?.action_id, 'review_confirm');
    assert.match(button!.value, /^[0-9a-f]{16}$/);
    assert.equal(await stageOf(workflowA), 'awaiting_review');
  });

  it('Slack: `düzelt <key> <year> <amount>` in the thread recomputes; the stored analysis has the corrected value and the check ties', async () => {
    const correct = truthA.itemsKurus['102']![P24]!;
    await slackEvent({ type: 'message', channel: A.channel, user: A.user, ts: '1700000101.000100', thread_ts: A.ts, text: `düzelt 102 2024 ${trAmount(correct)}` }, { teamId: A.teamId });
    await waitUntil('the acknowledgement', () => inThread('chat.postMessage', A.ts, /yeniden hesaplıyorum/)[0]);
    await waitUntil('the summary', () => inThread('chat.postMessage', A.ts, /Doğrulama/)[0]);
    const result = (await workflow(workflowA).result()) as AnalyzeStatementResult;
    assert.notEqual(result.validationStatus, 'failed');
    const analysis = (await loadAnalysis(ctx.rt.db, result.documentId))!;
    assert.equal(analysis.items['102']![P24], truthA.items['102']![P24]);
    const check = analysis.validation.checks.find((c) => c.id === 'sum:10' && c.period === P24);
    assert.equal(check?.ok, true, 'the group check ties after the correction');
    assert.ok(analysis.validation.checks.every((c) => c.ok));
  });

  it('Slack: the summary has Excel / PDF / language buttons that answer in the thread like the typed commands', async () => {
    const summary = inThread('chat.postMessage', A.ts, /Doğrulama/)[0]!;
    const buttons = slackButtons(summary);
    assert.deepEqual(buttons.map((b) => b.action_id), ['export_xlsx', 'export_pdf', 'lang_en']);
    const where = { teamId: A.teamId, userId: A.user, channel: A.channel, messageTs: '1700009999.000100', threadTs: A.ts };

    const uploadsBefore = slack.called('files.completeUploadExternal').length;
    assert.equal(await slackButton(buttons.find((b) => b.action_id === 'export_pdf')!, where), 200);
    const pdfUpload = await waitUntil('the PDF report in the thread', () =>
      slack.called('files.completeUploadExternal').slice(uploadsBefore).find((u) => u.params.thread_ts === A.ts && /\.pdf"/.test(u.params.files ?? '')));
    assert.equal(pdfUpload.params.channel_id, A.channel);

    const xlsxBefore = slack.called('files.completeUploadExternal').length;
    await slackButton(buttons.find((b) => b.action_id === 'export_xlsx')!, where);
    await waitUntil('the workbook in the thread', () =>
      slack.called('files.completeUploadExternal').slice(xlsxBefore).find((u) => u.params.thread_ts === A.ts && /\.xlsx"/.test(u.params.files ?? '')));

    await slackButton(buttons.find((b) => b.action_id === 'lang_en')!, where);
    await waitUntil('the language switch', () => inThread('chat.postMessage', A.ts, /answer in English from now on/)[0]);
    const user = await ctx.rt.db.selectFrom('users').select('locale').where('external_id', '=', A.user).executeTakeFirstOrThrow();
    assert.equal(user.locale, 'en');
    // Pressing a button is recorded like a typed question.
    const questions = await ctx.rt.db.selectFrom('questions').select(['question', 'intent']).where('source_event_id', 'like', 'action:%').execute();
    assert.deepEqual(questions.map((q) => q.question).sort(), ['/export excel', '/export pdf', '/lang en']);
    // A question without a language signal is now answered in English.
    await slackEvent({ type: 'message', channel: A.channel, user: A.user, ts: '1700000102.000100', thread_ts: A.ts, text: 'ROE' }, { teamId: A.teamId });
    await waitUntil('an English answer', () => inThread('chat.postMessage', A.ts, /Return on equity/i)[0]);
    // Back to Turkish for the tests below.
    await ctx.rt.db.updateTable('users').set({ locale: 'tr' }).where('external_id', '=', A.user).execute();
  });

  // ---- Slack: the confirm button ------------------------------------------------------------------

  it('Slack: pressing "confirm as read" (a signed block_actions payload) finishes the analysis, flagged as inconsistent', async () => {
    const B = { teamId: 'TR1', channel: 'C10', user: 'U10', ts: '1700000200.000100' };
    const { pdf } = await mismatchedStatement(4202);
    await shareFile('FREV2', pdf, B);
    const review = await waitUntil('the review request', () => inThread('chat.postMessage', B.ts, /kontroller başarısız/)[0]);
    const button = slackButtons(review).find((b) => b.action_id === 'review_confirm')!;
    assert.equal(await slackButton(button, { teamId: B.teamId, userId: B.user, channel: B.channel, messageTs: '1700000201.000100', threadTs: B.ts }), 200);
    await waitUntil('the acknowledgement', () => inThread('chat.postMessage', B.ts, /okunan değerlerle devam/)[0]);
    const summary = await waitUntil('the summary', () => inThread('chat.postMessage', B.ts, /Doğrulama/)[0]);
    assert.match(summary.params.text!, /tutarsızlık var/);
    const result = (await workflow('analyze-slack-TR1-FREV2').result()) as AnalyzeStatementResult;
    assert.equal(result.status, 'done');
    assert.equal(result.validationStatus, 'failed', 'confirmed as read: the check still fails and says so');
    assert.equal((await documentOf('analyze-slack-TR1-FREV2'))?.status, 'done');
    // The button again, now that nothing waits: a clear answer, no error.
    await slackButton(button, { teamId: B.teamId, userId: B.user, channel: B.channel, messageTs: '1700000201.000100', threadTs: B.ts });
    await waitUntil('the "not waiting" answer', () => inThread('chat.postMessage', B.ts, /onay beklemiyor/)[0]);
  });

  // ---- Telegram: the callback button with a long workflow id ---------------------------------------

  it('Telegram: the confirm button fits the 64-byte callback_data although the workflow id does not; only the own chat can press it', async () => {
    const chatId = -1001234567890123;
    const uniqueId = 'AgADrRcAAlT0kUsAAgADrRcAAlT0kUs';
    const workflowId = `analyze-telegram-${chatId}-${uniqueId}`.replace(/[^\w.-]/g, '_');
    assert.ok(Buffer.byteLength(`review_confirm:${workflowId}`) > 64, 'the old callback data (action:workflow id) would not fit');
    const { pdf } = await mismatchedStatement(4303);
    telegram.addFile('TGREV1', pdf);
    const from = { id: 77, is_bot: false, first_name: 'Ayşe' };
    telegram.push({ update_id: 100, message: { message_id: 500, date: 1, chat: { id: chatId, type: 'supergroup', title: 'Finans' }, from, document: { file_id: 'TGREV1', file_unique_id: uniqueId, file_name: 'mizan.pdf', mime_type: 'application/pdf', file_size: pdf.length } } });
    const review = await waitUntil('the review request', () => telegram.called('sendMessage').find((c) => String(c.params.text).includes('kontroller başarısız')));
    assert.equal(Number(review.params.chat_id), chatId);
    const [button] = telegramButtons(review);
    assert.match(button!.callback_data, /^review_confirm:[0-9a-f]{16}$/);
    assert.ok(Buffer.byteLength(button!.callback_data) <= 64);
    assert.equal(await stageOf(workflowId), 'awaiting_review');

    // The same callback data from another chat (another workspace) confirms nothing.
    const stranger = { id: 88, is_bot: false, first_name: 'Eve' };
    telegram.push({ update_id: 101, callback_query: { id: 'cb-stranger', from: stranger, chat_instance: 'ci2', data: button!.callback_data, message: { message_id: 900, date: 1, chat: { id: 31337, type: 'private' }, text: 'x' } } });
    await waitUntil('the stranger told nothing waits', () => telegram.called('sendMessage').find((c) => Number(c.params.chat_id) === 31337 && String(c.params.text).includes('onay beklemiyor')));
    assert.equal(await stageOf(workflowId), 'awaiting_review');

    telegram.push({ update_id: 102, callback_query: { id: 'cb-1', from, chat_instance: 'ci1', data: button!.callback_data, message: { message_id: 501, date: 1, chat: { id: chatId, type: 'supergroup' }, text: 'x' } } });
    await waitUntil('the callback answered', () => telegram.called('answerCallbackQuery').find((c) => c.params.callback_query_id === 'cb-1'));
    const summary = await waitUntil('the summary', () => telegram.called('sendMessage').find((c) => Number(c.params.chat_id) === chatId && String(c.params.text).includes('Doğrulama')));
    const result = (await workflow(workflowId).result()) as AnalyzeStatementResult;
    assert.equal(result.status, 'done');
    assert.equal(result.validationStatus, 'failed');

    // Summary buttons in the inline keyboard: the PDF export arrives in the same chat as a document.
    const buttons = telegramButtons(summary);
    assert.deepEqual(buttons.map((b) => b.callback_data.split(':')[0]), ['export_xlsx', 'export_pdf', 'lang_en']);
    assert.ok(buttons.every((b) => Buffer.byteLength(b.callback_data) <= 64));
    const docsBefore = telegram.called('sendDocument').length;
    telegram.push({ update_id: 103, callback_query: { id: 'cb-2', from, chat_instance: 'ci1', data: buttons[1]!.callback_data, message: { message_id: 502, date: 1, chat: { id: chatId, type: 'supergroup' }, text: 'x' } } });
    const sent = await waitUntil('the PDF report', () => telegram.called('sendDocument').slice(docsBefore).find((c) => c.files.some((f) => /\.pdf:/.test(f))));
    assert.equal(Number(sent.params.chat_id), chatId);
    telegram.push({ update_id: 104, callback_query: { id: 'cb-3', from, chat_instance: 'ci1', data: buttons[2]!.callback_data, message: { message_id: 503, date: 1, chat: { id: chatId, type: 'supergroup' }, text: 'x' } } });
    await waitUntil('the language switch', () => telegram.called('sendMessage').find((c) => Number(c.params.chat_id) === chatId && String(c.params.text).includes('answer in English')));
  });

  // ---- Timeout -----------------------------------------------------------------------------------

  it('nobody answers: after REVIEW_TIMEOUT_MINUTES the analysis finishes with the values as read', async () => {
    assert.equal(await timeoutUpload, 200);
    const review = await waitUntil('the review request', () => inThread('chat.postMessage', D.ts, /kontroller başarısız/)[0]);
    assert.match(review.params.blocks!, /0,05 dakika içinde/);
    const result = (await workflow('analyze-slack-TRL-FREV4').result()) as AnalyzeStatementResult;
    const summary = inThread('chat.postMessage', D.ts, /Doğrulama/)[0]!;
    assert.ok(summary.at - review.at >= 3000, `waited ${summary.at - review.at} ms for an answer (0.05 min = 3 s)`);
    assert.equal(result.status, 'done');
    assert.equal(result.validationStatus, 'failed');
    assert.match(summary.params.text!, /tutarsızlık var/);
  });

  // ---- Slash command and request verification -----------------------------------------------------

  it('Slack: /lodge answers only the asker (ephemeral) unless asked to share; files follow; never another channel\'s statement', async () => {
    assert.equal(await slashCommand('help', { responseId: 'r-help' }), 200);
    const help = await waitUntil('help', () => slack.called('response_url').find((c) => c.params.path === '/respond/r-help'));
    assert.equal(help.params.response_type, 'ephemeral');
    assert.match(help.params.text!, /Sorabilecekleriniz/);

    await slashCommand('ratios', { responseId: 'r-ratios' });
    const ratios = await waitUntil('ratios', () => slack.called('response_url').find((c) => c.params.path === '/respond/r-ratios'));
    assert.match(ratios.params.text!, /Cari oran/i);
    assert.equal(ratios.params.response_type, 'ephemeral');

    // Private: the PDF goes to the asker's direct messages, not the channel.
    let uploadsBefore = slack.called('files.completeUploadExternal').length;
    await slashCommand('export pdf', { responseId: 'r-export' });
    await waitUntil('export answer', () => slack.called('response_url').find((c) => c.params.path === '/respond/r-export'));
    const mine = await waitUntil('the PDF for the asker', () => slack.called('files.completeUploadExternal').slice(uploadsBefore)[0]);
    assert.notEqual(mine.params.channel_id, 'C10');
    assert.match(mine.params.files!, /\.pdf"/);

    // Shared: the answer and the file go to the channel.
    uploadsBefore = slack.called('files.completeUploadExternal').length;
    await slashCommand('export pdf share', { responseId: 'r-export-shared' });
    const shared = await waitUntil('shared answer', () => slack.called('response_url').find((c) => c.params.path === '/respond/r-export-shared'));
    assert.equal(shared.params.response_type, 'in_channel');
    const upload = await waitUntil('the PDF in the channel', () => slack.called('files.completeUploadExternal').slice(uploadsBefore).find((u) => u.params.channel_id === 'C10'));
    assert.match(upload.params.files!, /\.pdf"/);

    // A channel with no statement of its own gets none of another channel's.
    uploadsBefore = slack.called('files.completeUploadExternal').length;
    await slashCommand('export pdf share', { responseId: 'r-export-elsewhere', channel: 'C77' });
    const none = await waitUntil('no statement here', () => slack.called('response_url').find((c) => c.params.path === '/respond/r-export-elsewhere'));
    assert.match(none.params.text!, /henüz analiz edilmiş bir tablo yok/);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(slack.called('files.completeUploadExternal').length, uploadsBefore);
  });

  it('Slack: a forged signature or a replayed (older than 5 minutes) request is rejected with 401 and starts nothing', async () => {
    const calls = slack.calls.length;
    const pdf = await consistentStatement(4505);
    const where = { teamId: 'TR1', channel: 'C10', user: 'U10', ts: '1700000500.000100' };
    assert.equal(await shareFile('FFORGED', pdf, { ...where, secret: 'not-the-secret' }), 401);
    assert.equal(await shareFile('FREPLAY', pdf, { ...where, eventTs: Math.floor(Date.now() / 1000) - 6 * 60 }), 401);
    assert.equal(await slashCommand('export pdf', { responseId: 'r-forged', secret: 'not-the-secret' }), 401);
    assert.equal(await slashCommand('help', { responseId: 'r-replay', ts: Math.floor(Date.now() / 1000) - 6 * 60 }), 401);
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(await workflowExists('analyze-slack-TR1-FFORGED'), false);
    assert.equal(await workflowExists('analyze-slack-TR1-FREPLAY'), false);
    assert.equal(slack.calls.length, calls, 'nothing was downloaded, posted or answered');
    // The same request, correctly signed and fresh, is accepted: the checks above are the signature's.
    assert.equal(await slashCommand('help', { responseId: 'r-fresh' }), 200);
    await waitUntil('the fresh command answered', () => slack.called('response_url').find((c) => c.params.path === '/respond/r-fresh'));
  });

  // ---- Rate limits ------------------------------------------------------------------------------

  it('RATE_LIMIT_UPLOADS_PER_HOUR=1: a second upload gets a clear message in the user\'s language and starts no workflow', async () => {
    const E = { teamId: 'TRL', channel: 'D50', user: 'U50', port: limitedPort };
    // The user chose English earlier (a direct message).
    await slackEvent({ type: 'message', channel: E.channel, channel_type: 'im', user: E.user, ts: '1700000600.000100', text: 'English please' }, { teamId: E.teamId, port: limitedPort });
    await waitUntil('the language switch', () => slack.called('chat.postMessage').find((c) => c.params.channel === E.channel && /English/.test(c.params.text ?? '')));

    await shareFile('FRL1', await consistentStatement(4606), { ...E, ts: '1700000601.000100' });
    await waitUntil('the first upload recorded', () => documentOf('analyze-slack-TRL-FRL1'));
    await shareFile('FRL2', await consistentStatement(4607), { ...E, ts: '1700000602.000100' });
    const refusal = await waitUntil('the refusal', () => inThread('chat.postMessage', '1700000602.000100', /.+/)[0]);
    assert.match(refusal.params.text!, /You have reached the hourly upload limit \(1\)/);
    assert.equal(await workflowExists('analyze-slack-TRL-FRL2'), false);
    assert.equal(await documentOf('analyze-slack-TRL-FRL2'), undefined);
    // The first one is analysed normally, in English.
    await waitUntil('the first summary', () => inThread('chat.postMessage', '1700000601.000100', /Validation:/)[0]);
  });
});
