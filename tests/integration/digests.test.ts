import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConversationCore } from '../../bot/core/conversation.ts';
import type { Incoming } from '../../contracts/incoming.ts';
import { formatRatioValue } from '../../domain/wording/format-number.ts';
import { submitStatement } from '../../app/submit-statement.ts';
import { generateStatement, type Truth } from '../generator/index.ts';
import { FakeSlack } from '../helpers/fake-slack.ts';
import { FakeTelegram } from '../helpers/fake-telegram.ts';
import { startTestRuntime } from '../helpers/test-runtime.ts';
import { waitUntil } from '../helpers/wait-until.ts';


describe('period digests on Temporal Schedules', () => {
  let ctx: Awaited<ReturnType<typeof startTestRuntime>>;
  let core: ConversationCore;
  const slack = new FakeSlack();
  const telegram = new FakeTelegram('123:digest');
  const truths: Truth[] = [];

  const slackMsg = (text: string, team = 'T1'): Incoming => ({
    channel: 'slack', workspace: { kind: 'slack', externalId: team }, userId: 'U1', threadKey: 'C1:1', reply: { channel: 'slack', channelId: 'C1', threadTs: '1' }, text, eventId: `ev-${Math.random()}`,
  });
  const tgMsg = (text: string): Incoming => ({
    channel: 'telegram', workspace: { kind: 'telegram', externalId: '555' }, userId: '9', threadKey: '555', reply: { channel: 'telegram', chatId: '555' }, text, eventId: `up-${Math.random()}`,
  });
  const say = async (m: Incoming) => (await core.handle(m)).map((r) => r.message.text).join('\n');
  const idOf = (reply: string) => Number(/#(\d+)/.exec(reply)?.[1]);

  before(async () => {
    await slack.start();
    await telegram.start();
    ctx = await startTestRuntime({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: slack.apiUrl, TELEGRAM_BOT_TOKEN: '123:digest', TELEGRAM_API_ROOT: telegram.apiRoot });
    core = new ConversationCore(ctx.rt);
    // One company, two single-period uploads, in a Slack and a Telegram workspace.
    for (const [i, period] of ['2023-12-31', '2024-12-31'].entries()) {
      const g = await generateStatement({ seed: 900 + i, layout: 't1-detailed', periods: [period], companyName: 'Deniz Gıda Sanayi A.Ş.', taxId: '1234567890' });
      truths.push(g.truth);
      // The workspaces share nothing, so both read side by side; the periods stay in order.
      const workspaces = [{ kind: 'slack' as const, externalId: 'T1' }, { kind: 'telegram' as const, externalId: '555' }];
      await Promise.all(workspaces.map(async (workspace) => (await submitStatement(ctx.rt, { workspace, fileName: `deniz-${period}.pdf`, bytes: g.pdf })).result()));
    }
  });
  after(async () => {
    await ctx?.cleanup();
    await slack.stop();
    await telegram.stop();
  });

  const expectedCurrent = () => {
    const cr = (t: Truth, p: string) => t.items['1']![p]! / t.items['3']![p]!;
    return `${formatRatioValue(cr(truths[0]!, '2023-12-31'), 'ratio', 'tr')} → ${formatRatioValue(cr(truths[1]!, '2024-12-31'), 'ratio', 'tr')}`;
  };

  it('creates a schedule, runs it now, and the digest reaches Slack with the right numbers', async () => {
    const created = await say(slackMsg('/digest weekly 08:30'));
    const id = idOf(created);
    assert.ok(id > 0, created);
    const sub = await ctx.rt.db.selectFrom('digest_subscriptions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(sub.schedule_id, `digest-${id}`);
    const desc = await ctx.rt.client.schedule.getHandle(sub.schedule_id!).describe();
    assert.equal(desc.spec.timezone, 'Europe/Istanbul');
    assert.equal(desc.spec.calendars?.[0]?.dayOfWeek?.[0]?.start, 'MONDAY');

    await say(slackMsg(`/digest run-now ${id}`));
    const post = await waitUntil('digest in Slack', () => slack.called('chat.postMessage').find((c) => c.params.text?.includes('şirket') && c.params.channel === 'C1'));
    assert.ok(post.params.blocks!.includes('Deniz Gıda'), 'company named');
    assert.ok(post.params.blocks!.includes(expectedCurrent()), `current ratio ${expectedCurrent()} in ${post.params.blocks}`);
    assert.equal(post.params.thread_ts, undefined, 'posted to the channel, not a thread');
    await waitUntil('digest chart', () => slack.called('files.completeUploadExternal').length > 0);
    const audit = await ctx.rt.db.selectFrom('audit_log').select('action').where('subject', '=', `digest:${id}`).execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['digest.create', 'digest.run-now']);
  });

  it('reaches Telegram the same way', async () => {
    const id = idOf(await say(tgMsg('/digest aylık')));
    await say(tgMsg(`/digest run-now ${id}`));
    const msg = await waitUntil('digest in Telegram', () => telegram.called('sendMessage').find((c) => String(c.params.text).includes('Deniz Gıda')));
    assert.ok(String(msg.params.text).includes(expectedCurrent()));
  });

  it('pause stops the schedule, another workspace cannot touch it, delete removes it from Temporal', async () => {
    const id = idOf(await say(slackMsg('/digest quarterly Deniz 07:00')));
    const foreign = await say(slackMsg(`/digest pause ${id}`, 'T2'));
    assert.match(foreign, /bu çalışma alanında yok/);
    await say(slackMsg(`/digest pause ${id}`));
    const handle = ctx.rt.client.schedule.getHandle(`digest-${id}`);
    assert.equal((await handle.describe()).state.paused, true);
    assert.match(await say(slackMsg('/digest list')), new RegExp(`#${id} quarterly 07:00 .*durduruldu`));
    await say(slackMsg(`/digest delete ${id}`));
    await assert.rejects(handle.describe(), /not found/i);
    assert.equal(await ctx.rt.db.selectFrom('digest_subscriptions').select('id').where('id', '=', id).executeTakeFirst(), undefined);
  });

  it('a retried run (same workflow id) posts once', async () => {
    const id = idOf(await say(slackMsg('/digest weekly')));
    const before = slack.called('chat.postMessage').length;
    for (let i = 0; i < 2; i++) {
      await ctx.rt.client.workflow.execute('periodDigest', { taskQueue: ctx.config.TEMPORAL_TASK_QUEUE, workflowId: `digest-${id}-retried`, args: [{ subscriptionId: id }] });
    }
    assert.equal(slack.called('chat.postMessage').slice(before).length, 1);
    const runs = await ctx.rt.db.selectFrom('digest_runs').selectAll().where('subscription_id', '=', id).execute();
    assert.equal(runs.length, 1);
    assert.ok(runs[0]!.posted_at);
  });

  it('an alerts-only run with nothing new says so at once, and posts nothing', async () => {
    const id = idOf(await say(slackMsg('/digest weekly sadece-uyarı')));
    const sub = await ctx.rt.db.selectFrom('digest_subscriptions').select('alerts_only').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(sub.alerts_only, true);
    // The first run reports whatever alerts there are; the second has nothing new by definition.
    await say(slackMsg(`/digest run-now ${id}`));
    // The first run may outlast the command's wait on a busy machine: the second starts after it.
    await waitUntil('the first run recorded', async () => (await ctx.rt.db.selectFrom('digest_runs').select('id').where('subscription_id', '=', id).execute()).length > 0);
    const posts = slack.called('chat.postMessage').length;
    const again = await say(slackMsg(`/digest run-now ${id}`));
    assert.match(again, new RegExp(`^#${id}: son özetten bu yana yeni uyarı yok`), again);
    assert.equal(slack.called('chat.postMessage').length, posts, 'nothing posted to the channel');
  });

  it('a company name that matches two companies is asked about with buttons, never guessed', async () => {
    const g = await generateStatement({ seed: 902, layout: 't1-detailed', periods: ['2024-12-31'], companyName: 'Deniz Lojistik A.Ş.' });
    await (await submitStatement(ctx.rt, { workspace: { kind: 'slack', externalId: 'T1' }, fileName: 'lojistik.pdf', bytes: g.pdf })).result();
    const count = async () => (await ctx.rt.db.selectFrom('digest_subscriptions').select('id').execute()).length;
    const before = await count();
    const [asked] = await core.handle(slackMsg('/digest monthly Deniz 08:30 alerts-only'));
    assert.match(asked!.message.text, /birden fazla şirketle eşleşiyor/);
    assert.deepEqual(asked!.message.buttons?.map((b) => b.label).sort(), ['Deniz Gıda Sanayi A.Ş.', 'Deniz Lojistik A.Ş.']);
    assert.equal(await count(), before, 'no subscription until a company is picked');
    // Pressing a button runs the waiting command for that company.
    const lojistik = asked!.message.buttons!.find((b) => b.label === 'Deniz Lojistik A.Ş.')!;
    const m = slackMsg('');
    const [done] = await core.handleAction({ channel: m.channel, workspace: m.workspace, userId: m.userId, threadKey: m.threadKey, reply: m.reply, action: 'pick_company', value: lojistik.value, eventId: `act-${Math.random()}` });
    const id = idOf(done!.message.text);
    const sub = await ctx.rt.db.selectFrom('digest_subscriptions').innerJoin('companies', 'companies.id', 'digest_subscriptions.company_id')
      .select(['companies.name', 'alerts_only', 'time_of_day', 'cadence']).where('digest_subscriptions.id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual({ ...sub, time_of_day: sub.time_of_day.slice(0, 5) }, { name: 'Deniz Lojistik A.Ş.', alerts_only: true, time_of_day: '08:30', cadence: 'monthly' });
    // The full name is not ambiguous.
    assert.match(await say(slackMsg('/digest weekly Deniz Gıda Sanayi A.Ş.')), /oluşturuldu/);
  });
});
