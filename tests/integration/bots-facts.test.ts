import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ConversationCore } from '../../bot/core/conversation.ts';
import { createSlackApp } from '../../bot/slack/slack-app.ts';
import { createPosters } from '../../bot/chat/posters.ts';
import type { SlackPoster } from '../../bot/chat/slack-poster.ts';
import { callbackData } from '../../bot/chat/telegram-poster.ts';
import { loadAnalysis } from '../../db/queries/analysis.ts';
import { itemsOf } from '../../domain/statement-items.ts';
import { validateExtraction } from '../../domain/validate-extraction.ts';
import { readStatementPdf } from '../../reading/read-statement-pdf.ts';
import { loadConfig } from '../../lib/config.ts';
import { freePort } from '../../lib/ports.ts';
import type { AnalyzeStatementResult, WorkflowStatus } from '../../contracts/workflow.ts';
import { generateStatement, type Truth } from '../generator/index.ts';
import { FakeSlack, type SlackCall } from '../helpers/fake-slack.ts';
import { childEnv, startTestRuntime } from '../helpers/test-runtime.ts';
import { waitUntil } from '../helpers/wait-until.ts';

const SECRET = 'test-signing-secret';

/**
 * A statement printed in whole thousands with no line naming the unit: the reader takes the
 * figures as TL, unsure. Returns the PDF, the generator's truth (full TL) and the items as read.
 */
async function unitlessThousands(seed: number): Promise<{ pdf: Buffer; truth: Truth; read: Record<string, Record<string, number>>; status: string }> {
  const { pdf, truth } = await generateStatement({ seed, layout: 't1-detailed', unit: 'Bin TL', unitLine: false });
  const reading = (await readStatementPdf(pdf))!;
  assert.equal(reading.statement.unit, 'TL');
  assert.equal(reading.statement.facts?.unit.sure, false, 'no line declares the unit');
  return { pdf: Buffer.from(pdf), truth, read: itemsOf(reading.statement), status: validateExtraction(reading.statement).status };
}

const sign = (body: string) => {
  const ts = Math.floor(Date.now() / 1000);
  return { 'x-slack-signature': `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`, 'x-slack-request-timestamp': String(ts) };
};
const slackButtons = (call: SlackCall): { action_id: string; value: string; text: { text: string } }[] =>
  (JSON.parse(call.params.blocks ?? '[]') as { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] }[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

describe('An unsure unit is asked in the thread, answered by button or text, and applied exactly (fake Slack API)', () => {
  let ctx: Awaited<ReturnType<typeof startTestRuntime>>;
  const slack = new FakeSlack();
  let port = 0;
  let shortPort = 0;
  const stops: (() => Promise<void>)[] = [];

  const post = (to: number, body: string, contentType: string) =>
    fetch(`http://127.0.0.1:${to}/slack/events`, { method: 'POST', headers: { 'content-type': contentType, ...sign(body) }, body }).then(async (r) => (await r.arrayBuffer(), r.status));
  const slackEvent = (event: Record<string, unknown>, teamId: string, to = port) =>
    post(to, JSON.stringify({ type: 'event_callback', team_id: teamId, api_app_id: 'A1', event_id: `Ev${Math.random()}`, event_time: 1, event }), 'application/json');
  const shareFile = (fileId: string, pdf: Buffer, w: { teamId: string; channel: string; user: string; ts: string; port: number }) => {
    slack.files.set(fileId, pdf);
    return slackEvent({ type: 'message', subtype: 'file_share', channel: w.channel, user: w.user, ts: w.ts, text: '', files: [{ id: fileId, name: `${fileId}.pdf`, mimetype: 'application/pdf', size: pdf.length, url_private_download: slack.fileUrl(fileId, `${fileId}.pdf`) }] }, w.teamId, w.port);
  };
  const pressButton = (button: { action_id: string; value: string }, w: { teamId: string; user: string; channel: string; ts: string }) => {
    const payload = {
      type: 'block_actions', api_app_id: 'A1', token: 'legacy', trigger_id: `trig-${Math.random()}`,
      team: { id: w.teamId, domain: 'acme' }, user: { id: w.user, team_id: w.teamId }, channel: { id: w.channel, name: 'finance' },
      container: { type: 'message', message_ts: `${w.ts}9`, channel_id: w.channel, is_ephemeral: false, thread_ts: w.ts },
      message: { type: 'message', ts: `${w.ts}9`, thread_ts: w.ts, text: '' },
      actions: [{ type: 'button', action_id: button.action_id, block_id: 'b1', value: button.value, action_ts: String(Date.now() / 1000) }],
    };
    return post(port, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
  };
  const inThread = (ts: string, text: RegExp) => slack.called('chat.postMessage').filter((c) => c.params.thread_ts === ts && text.test(`${c.params.text ?? ''} ${c.params.blocks ?? ''}`));
  const workflow = (id: string) => ctx.rt.client.workflow.getHandle(id);
  /** Read items (kuruş) as analysis.json holds them (full units), times a scale. */
  const scaled = (read: Record<string, Record<string, number>>, scale: number) =>
    Object.fromEntries(Object.entries(read).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).map(([p, x]) => [p, (x * scale) / 100]))]));
  const fullText = (c: SlackCall) => `${c.params.text ?? ''} ${c.params.blocks ?? ''}`;

  /** The run nobody answers, on the bot whose questions wait only 3 s. */
  const B = { teamId: 'TF2', channel: 'C2', user: 'U2', ts: '1700002000.000100', get port() { return shortPort; } };
  let unanswered: Promise<{ read: Record<string, Record<string, number>>; http: number }>;

  before(async () => {
    await slack.start();
    port = await freePort();
    shortPort = await freePort();
    ctx = await startTestRuntime({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, SLACK_FILE_HOSTS: '127.0.0.1' });
    const posters = await createPosters(ctx.config);
    const app = createSlackApp({ token: 'xoxb-test', signingSecret: SECRET, apiUrl: slack.apiUrl, poster: posters.slack as SlackPoster, core: new ConversationCore(ctx.rt) });
    await app.start(port);
    stops.push(async () => void (await app.stop()));
    // A second bot whose questions wait only 3 s, for the run nobody answers.
    const short = loadConfig(childEnv(ctx.env, { REVIEW_TIMEOUT_MINUTES: '0.05' }));
    const shortApp = createSlackApp({ token: 'xoxb-test', signingSecret: SECRET, apiUrl: slack.apiUrl, poster: posters.slack as SlackPoster, core: new ConversationCore({ ...ctx.rt, config: short }) });
    await shortApp.start(shortPort);
    stops.push(async () => void (await shortApp.stop()));
    // The unanswered run's upload, shared now: its analysis and 3 s wait for an answer that
    // never comes overlap the first tests (own workspace, thread and bot; they filter by thread).
    unanswered = unitlessThousands(5102).then(async (u) => ({ read: u.read, http: await shareFile('FFACT2', u.pdf, B) }));
    // A failure surfaces in the test that awaits it, not as an unhandled rejection before.
    unanswered.catch(() => {});
  });

  after(async () => {
    for (const stop of stops) await stop();
    await ctx?.cleanup();
    await slack.stop();
  });

  it('asked with TL / bin TL / milyon TL buttons; "bin TL" pressed: the stored amounts are ×1000 of the read ones, validation as before', async () => {
    const A = { teamId: 'TF1', channel: 'C1', user: 'U1', ts: '1700001000.000100', port };
    const { pdf, truth, read, status } = await unitlessThousands(5101);
    await shareFile('FFACT1', pdf, A);
    const question = await waitUntil('the question about the unit', () => inThread(A.ts, /emin değilim/)[0]);
    assert.match(question.params.blocks!, /tam birim/, 'says what was read');
    assert.match(question.params.blocks!, /birim bin TL/, 'and how to answer in words');
    const buttons = slackButtons(question);
    assert.deepEqual(buttons.map((b) => b.text.text), ['TL', 'bin TL', 'milyon TL']);
    for (const b of buttons) {
      assert.match(b.value, /^[0-9a-f]{16}$/);
      assert.ok(Buffer.byteLength(callbackData({ actionId: b.action_id, value: b.value })) <= 64, 'fits a Telegram button too');
    }
    const id = 'analyze-slack-TF1-FFACT1';
    await waitUntil('waiting for the answer', async () => ((await workflow(id).query<WorkflowStatus>('status')).stage === 'awaiting_review' ? true : undefined));
    assert.deepEqual((await workflow(id).query<WorkflowStatus>('status')).facts, ['unit', 'currency']);

    assert.equal(await pressButton(buttons[1]!, A), 200);
    await waitUntil('the acknowledgement', () => inThread(A.ts, /birim: bin TL; yeniden hesaplıyorum/)[0]);
    const result = (await workflow(id).result()) as AnalyzeStatementResult;
    const analysis = (await loadAnalysis(ctx.rt.db, result.documentId))!;
    assert.deepEqual(analysis.items, scaled(read, 1000));
    assert.deepEqual(analysis.items, truth.items, 'which is what the statement printed, in full TL');
    assert.equal(analysis.unit, 'Bin TL');
    assert.deepEqual(analysis.facts?.unit, { sure: true, source: 'user', text: 'Bin TL' });
    assert.equal(result.validationStatus, status, 'validation as before the answer');
    // The currency nobody answered stays marked in the summary; the unit does not.
    const summary = await waitUntil('the summary', () => inThread(A.ts, /Doğrulama/)[0]);
    assert.match(fullText(summary), /Belgede açıkça yazmıyor, kontrol edin — para birimi: TRY/);
    assert.doesNotMatch(fullText(summary), /tam birim/);
  });

  it('"bin TL" typed in the thread answers the question the same way', async () => {
    const C = { teamId: 'TF3', channel: 'C3', user: 'U3', ts: '1700003000.000100', port };
    const { pdf, read } = await unitlessThousands(5103);
    await shareFile('FFACT3', pdf, C);
    await waitUntil('the question about the unit', () => inThread(C.ts, /emin değilim/)[0]);
    await slackEvent({ type: 'message', channel: C.channel, user: C.user, ts: '1700003001.000100', thread_ts: C.ts, text: 'bin TL' }, C.teamId);
    await waitUntil('the acknowledgement', () => inThread(C.ts, /birim: bin TL; yeniden hesaplıyorum/)[0]);
    const result = (await workflow('analyze-slack-TF3-FFACT3').result()) as AnalyzeStatementResult;
    const analysis = (await loadAnalysis(ctx.rt.db, result.documentId))!;
    assert.deepEqual(analysis.items, scaled(read, 1000));
    assert.equal(analysis.facts?.unit?.source, 'user');
  });

  it('nobody answers: the analysis goes on as read, marked; "birim bin TL" typed afterwards re-runs it with the corrected summary, once', async () => {
    const { read, http } = await unanswered;
    assert.equal(http, 200);
    await waitUntil('the workflow started', () => workflow('analyze-slack-TF2-FFACT2').describe().then(() => true, () => undefined));
    const first = (await workflow('analyze-slack-TF2-FFACT2').result()) as AnalyzeStatementResult;
    const before = (await loadAnalysis(ctx.rt.db, first.documentId))!;
    assert.equal(before.unit, 'TL');
    assert.equal(before.facts?.unit?.sure, false);
    assert.deepEqual(before.items, scaled(read, 1));
    const marked = await waitUntil('the marked summary', () => inThread(B.ts, /Doğrulama/)[0]);
    assert.match(fullText(marked), /tam birim olarak alındı.*yanlışsa doğrusunu yazın/);

    await slackEvent({ type: 'message', channel: B.channel, user: B.user, ts: '1700002001.000100', thread_ts: B.ts, text: 'birim bin TL' }, B.teamId, shortPort);
    await waitUntil('the re-run acknowledged', () => inThread(B.ts, /yeniden analiz ediliyor/)[0]);
    const corrected = await waitUntil('the corrected analysis', async () => {
      const a = await loadAnalysis(ctx.rt.db, first.documentId);
      return a?.unit === 'Bin TL' ? a : undefined;
    });
    assert.deepEqual(corrected.items, scaled(read, 1000));
    assert.equal(corrected.facts?.unit?.source, 'user');
    await waitUntil('the corrected summary', () => inThread(B.ts, /Doğrulama/).length >= 2 ? true : undefined);
    const doc = await ctx.rt.db.selectFrom('documents').select(['status', 'workflow_id']).where('id', '=', first.documentId).executeTakeFirstOrThrow();
    assert.match(doc.workflow_id!, /^analyze-slack-TF2-FFACT2--fact-[0-9a-f]{12}$/);
    await workflow(doc.workflow_id!).result();
    assert.equal((await ctx.rt.db.selectFrom('documents').select('status').where('id', '=', first.documentId).executeTakeFirstOrThrow()).status, 'done');

    // The same correction again: already applied, nothing re-run.
    const summaries = inThread(B.ts, /Doğrulama/).length;
    await slackEvent({ type: 'message', channel: B.channel, user: B.user, ts: '1700002002.000100', thread_ts: B.ts, text: 'birim bin TL' }, B.teamId, shortPort);
    await waitUntil('already applied', () => inThread(B.ts, /zaten uygulandı/)[0]);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(inThread(B.ts, /Doğrulama/).length, summaries);

    // The file gone (retention): the correction is refused with a clear message, the analysis kept.
    const { storage_key } = await ctx.rt.db.selectFrom('documents').select('storage_key').where('id', '=', first.documentId).executeTakeFirstOrThrow();
    await ctx.rt.storage.delete(storage_key);
    await slackEvent({ type: 'message', channel: B.channel, user: B.user, ts: '1700002003.000100', thread_ts: B.ts, text: 'birim milyon TL' }, B.teamId, shortPort);
    await waitUntil('the refusal', () => inThread(B.ts, /artık saklanmıyor/)[0]);
    assert.deepEqual((await loadAnalysis(ctx.rt.db, first.documentId))!.items, scaled(read, 1000));
  });
});
