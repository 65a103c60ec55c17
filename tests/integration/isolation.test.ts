import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConversationCore } from '../../bot/core/conversation.ts';
import type { Incoming } from '../../contracts/incoming.ts';
import { documentForThread, workflowForThread } from '../../db/queries/conversations.ts';
import { findCompaniesByName, getSubscription, listSubscriptions } from '../../db/queries/digests.ts';
import { findCompany } from '../../db/queries/history.ts';
import { ensureWorkspace } from '../../db/queries/workspaces.ts';
import { submitStatement } from '../../app/submit-statement.ts';
import { generateStatement, type Truth } from '../generator/index.ts';
import { startTestRuntime } from '../helpers/test-runtime.ts';

/** Every query path a chat can reach is scoped by workspace: A's data never answers B. */
describe('workspace isolation on every query path', () => {
  let ctx: Awaited<ReturnType<typeof startTestRuntime>>;
  let truth: Truth;
  let wsA = 0;
  let wsB = 0;
  let core: ConversationCore;
  const msg = (team: string, text: string): Incoming => ({
    channel: 'slack', workspace: { kind: 'slack', externalId: team }, userId: 'U1', threadKey: 'C1:1', reply: { channel: 'none' }, text, eventId: `e-${Math.random()}`,
  });

  before(async () => {
    ctx = await startTestRuntime();
    core = new ConversationCore(ctx.rt);
    const g = await generateStatement({ seed: 2468, layout: 't1-detailed', companyName: 'Gizli Holding A.Ş.', taxId: '1112223334' });
    truth = g.truth;
    const run = await submitStatement(ctx.rt, { workspace: { kind: 'slack', externalId: 'TA' }, fileName: 'a.pdf', bytes: g.pdf });
    await run.result();
    await ctx.rt.db.updateTable('documents').set({ thread_key: 'C1:1' }).execute();
    wsA = await ensureWorkspace(ctx.rt.db, 'slack', 'TA');
    wsB = await ensureWorkspace(ctx.rt.db, 'slack', 'TB');
  });
  after(async () => ctx?.cleanup());

  it('documents, companies and running workflows resolve only in their workspace', async () => {
    const { db } = ctx.rt;
    assert.ok(await documentForThread(db, wsA, 'C1:1'));
    assert.equal(await documentForThread(db, wsB, 'C1:1'), undefined);
    assert.equal(await documentForThread(db, wsB, null), undefined);
    assert.ok(await findCompany(db, wsA, null, truth.company.taxId));
    assert.equal(await findCompany(db, wsB, null, truth.company.taxId), undefined);
    assert.equal(await findCompany(db, wsB, truth.company.name, null), undefined);
    assert.deepEqual(await findCompaniesByName(db, wsB, 'Gizli'), []);
    assert.equal(await workflowForThread(db, wsB, 'C1:1'), undefined);
  });

  it('answers, exports and digests of A are invisible from B', async () => {
    const { db } = ctx.rt;
    const a = (await core.handle(msg('TA', 'cari oran kaç?')))[0]!.message.text;
    assert.match(a, /Cari Oran/);
    for (const text of ['cari oran kaç?', '/export pdf', '/export excel', 'likidite grafiği', 'hangi oranlar zayıf?']) {
      const replies = await core.handle(msg('TB', text));
      assert.ok(replies.every((r) => !r.files?.length), `${text}: no file from A`);
      assert.ok(replies.every((r) => !r.message.text.includes('Gizli')), `${text}: nothing of A`);
    }
    const created = (await core.handle(msg('TA', '/digest weekly')))[0]!.message.text;
    const id = Number(/#(\d+)/.exec(created)?.[1]);
    assert.ok(await getSubscription(db, wsA, id));
    assert.equal(await getSubscription(db, wsB, id), undefined);
    assert.equal((await listSubscriptions(db, wsB)).length, 0);
    for (const action of ['pause', 'resume', 'run-now', 'delete']) {
      const reply = (await core.handle(msg('TB', `/digest ${action} ${id}`)))[0]!.message.text;
      assert.match(reply, /bu çalışma alanında yok/, action);
    }
    assert.equal((await ctx.rt.client.schedule.getHandle(`digest-${id}`).describe()).state.paused, false);
    // B's questions are stored under B only.
    const stored = await db.selectFrom('questions').select(['workspace_id', 'answer']).where('workspace_id', '=', wsB).execute();
    assert.ok(stored.length >= 5 && stored.every((q) => !q.answer.includes('Gizli')));
  });
});
