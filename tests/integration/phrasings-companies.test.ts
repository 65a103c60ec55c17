import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConversationCore } from '../../bot/core/conversation.ts';
import type { Incoming } from '../../contracts/incoming.ts';
import type { AnalyzeStatementResult } from '../../contracts/workflow.ts';
import { generateStatement } from '../generator/index.ts';
import { loadPhrasings } from '../helpers/phrasing-score.ts';
import { startTestRuntime } from '../helpers/test-runtime.ts';

const COMPANIES = ['Kuzey Tekstil A.Ş.', 'Batı Enerji A.Ş.', 'Doğu Gıda A.Ş.'] as const;
// Kinds whose answer is about a statement, so it opens with "*Company — period*".
const ABOUT_A_STATEMENT = new Set(['line', 'ratio_value', 'judgement', 'growth', 'family', 'weak', 'compare', 'why', 'ratios']);

/**
 * The owners' phrasing corpus asked through the conversation core in one workspace holding
 * three companies: each phrasing in the thread of one of them, and again outside the threads
 * with that company named first. No answer may be about a company other than the one meant.
 */
describe('the phrasing corpus with three companies in one workspace', () => {
  let ctx: Awaited<ReturnType<typeof startTestRuntime>>;
  let core: ConversationCore;
  const rows = loadPhrasings('tests/fixtures/phrasings.json');
  let n = 0;
  const at = (thread?: string): Omit<Incoming, 'text' | 'file'> => ({
    channel: 'slack', workspace: { kind: 'slack', externalId: 'TCORPUS' }, userId: 'U1', reply: { channel: 'none' },
    threadKey: `C1:${thread ?? `top${++n}`}`, scope: 'C1', conversationKey: thread ? `C1:${thread}` : 'C1',
  });
  const ask = async (text: string, thread?: string) => (await core.handle({ ...at(thread), text, eventId: `e${++n}` }))[0]?.message.text ?? '';
  const head = (answer: string) => /^\*(.+?) — /.exec(answer)?.[1] ?? null;

  before(async () => {
    ctx = await startTestRuntime();
    core = new ConversationCore(ctx.rt);
    // Three threads, three companies, nothing shared: analysed side by side, not one by one.
    await Promise.all(COMPANIES.map(async (company, i) => {
      const g = await generateStatement({ seed: 6100 + i, layout: 't1-detailed', periods: ['2024-12-31', '2023-12-31'], companyName: company });
      const storageKey = await ctx.rt.storage.put(g.pdf, { prefix: 'uploads', ext: '.pdf' });
      const msg: Incoming = { ...at(`t${i}`), file: { name: `${i}.pdf`, size: g.pdf.length, uniqueId: `FC${i}`, source: { kind: 'stored', storageKey } } };
      await core.handle(msg);
      assert.equal(((await ctx.rt.client.workflow.getHandle(core.workflowIdFor(msg)).result()) as AnalyzeStatementResult).status, 'done');
    }));
  });
  after(async () => ctx?.cleanup());

  it('in each company’s thread, every answer about a statement is about that company', async () => {
    const wrong: string[] = [];
    let about = 0;
    for (const [i, [text, kind]] of rows.entries()) {
      const meant = COMPANIES[i % 3]!;
      const answer = await ask(text, `t${i % 3}`);
      const said = head(answer);
      if (said !== null && said !== meant) wrong.push(`${text} → ${said} (meant ${meant})`);
      if (ABOUT_A_STATEMENT.has(kind) && said === meant) about++;
    }
    console.log(`# corpus in threads: ${about} answers about the thread's company, ${wrong.length} about another`);
    assert.deepEqual(wrong, []);
    const expected = rows.filter(([, kind]) => ABOUT_A_STATEMENT.has(kind)).length;
    assert.ok(about / expected >= 0.95, `${about}/${expected} answered with the company named`);
  });

  it('outside the threads, a phrasing with the company named first is about that company', async () => {
    const wrong: string[] = [];
    let named = 0;
    const sample = rows.filter(([, kind]) => ABOUT_A_STATEMENT.has(kind)).filter((_, i) => i % 4 === 0);
    for (const [i, [text]] of sample.entries()) {
      const meant = COMPANIES[i % 3]!;
      // "Batı Enerji: kasada ne kadar para var" — the name as people write it, without "A.Ş.".
      const said = head(await ask(`${meant.replace(/ A\.Ş\.$/, '')}: ${text}`));
      if (said !== null && said !== meant) wrong.push(`${meant}: ${text} → ${said}`);
      if (said === meant) named++;
    }
    console.log(`# corpus outside threads: ${named}/${sample.length} about the named company, ${wrong.length} about another`);
    assert.deepEqual(wrong, []);
    assert.ok(named / sample.length >= 0.95, `${named}/${sample.length}`);
  });
});
