import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConversationCore } from '../../bot/core/conversation.ts';
import type { Incoming } from '../../contracts/incoming.ts';
import { loadAnalysis } from '../../db/queries/analysis.ts';
import type { Analysis } from '../../contracts/analysis.ts';
import { formatRatioValue } from '../../domain/wording/format-number.ts';
import type { RatioId } from '../../domain/ratio-definitions.ts';
import type { AnalyzeStatementResult } from '../../contracts/workflow.ts';
import { generateStatement } from '../generator/index.ts';
import { startTestRuntime } from '../helpers/test-runtime.ts';

const GIDA = 'Örnek Gıda San. ve Tic. A.Ş.';
const INSAAT = 'Örnek İnşaat A.Ş.';
const DENIZ = 'Deniz Lojistik A.Ş.';
const OTHER = 'Başka Kanal Ltd. Şti.';

/**
 * Which statement a question is about, through the conversation core with real Temporal and
 * Postgres: companies named in any spelling, threads keep their statement, channels never
 * see each other's, follow-ups carry the subject, a re-upload selects its statement again.
 */
describe('conversation context: company, scope, follow-ups', () => {
  let ctx: Awaited<ReturnType<typeof startTestRuntime>>;
  let core: ConversationCore;
  const analyses = new Map<string, Analysis>();
  let n = 0;

  const base = (channel: string, thread?: string): Omit<Incoming, 'text' | 'file'> => ({
    channel: 'slack', workspace: { kind: 'slack', externalId: 'TCTX' }, userId: 'U1', reply: { channel: 'none' },
    threadKey: `${channel}:${thread ?? `top${++n}`}`, scope: channel, conversationKey: thread ? `${channel}:${thread}` : channel,
  });
  const ask = async (text: string, channel: string, thread?: string) => (await core.handle({ ...base(channel, thread), text, eventId: `e${++n}` }))[0]!.message.text;
  const upload = async (company: string, seed: number, channel: string, thread: string, uniqueId = `F${seed}`) => {
    const g = await generateStatement({ seed, layout: 't1-detailed', periods: ['2024-12-31', '2023-12-31'], companyName: company });
    const storageKey = await ctx.rt.storage.put(g.pdf, { prefix: 'uploads', ext: '.pdf' });
    const msg: Incoming = { ...base(channel, thread), file: { name: `${seed}.pdf`, size: g.pdf.length, uniqueId, source: { kind: 'stored', storageKey } } };
    await core.handle(msg);
    const result = (await ctx.rt.client.workflow.getHandle(core.workflowIdFor(msg)).result()) as AnalyzeStatementResult;
    analyses.set(company, (await loadAnalysis(ctx.rt.db, result.documentId!))!);
    return msg;
  };
  const ratio = (company: string, id: RatioId, year: string, kind: 'ratio' | 'percent' = 'ratio') =>
    formatRatioValue(analyses.get(company)!.ratios[id]![`${year}-12-31`]!, kind, 'tr');

  before(async () => {
    ctx = await startTestRuntime();
    core = new ConversationCore(ctx.rt);
    // C1's three in order (a channel's latest statement is its subject); C2's beside them.
    const c1 = async () => {
      await upload(GIDA, 5101, 'C1', '100');
      await upload(INSAAT, 5102, 'C1', '200');
      await upload(DENIZ, 5103, 'C1', '300');
    };
    await Promise.all([c1(), upload(OTHER, 5104, 'C2', '400')]);
  });
  after(async () => ctx?.cleanup());

  it('a company named in the question is resolved, in any spelling; two matches are asked about', async () => {
    assert.notEqual(ratio(GIDA, 'net_margin', '2024', 'percent'), ratio(DENIZ, 'net_margin', '2024', 'percent'));
    for (const q of ['Örnek Gıda 2024 net kar marjı', 'ornek gida net kar marji', "örnek gıda'nın net kar marjı"]) {
      const a = await ask(q, 'C1');
      assert.ok(a.startsWith(`*${GIDA} — 2024*\n`), a);
      assert.ok(a.includes(ratio(GIDA, 'net_margin', '2024', 'percent')), a);
    }
    assert.ok((await ask('deniz cari oranı', 'C1')).startsWith(`*${DENIZ} — 2024*`));
    const at = base('C1');
    const [which] = await core.handle({ ...at, text: 'Örnek cari oran', eventId: `e${++n}` });
    assert.match(which!.message.text, /hangisini/);
    assert.ok(which!.message.text.includes(GIDA) && which!.message.text.includes(INSAAT), which!.message.text);
    // Buttons name the candidates; pressing one answers the waiting question for that company.
    const gida = which!.message.buttons?.find((b) => b.label === GIDA);
    assert.ok(gida && which!.message.buttons!.length === 2);
    const { workspace, userId, threadKey, scope, conversationKey, reply } = at;
    const [picked] = await core.handleAction({ channel: 'slack', workspace, userId, threadKey, scope, conversationKey, reply, action: 'pick_company', value: gida.value, eventId: `e${++n}` });
    assert.ok(picked!.message.text.startsWith(`*${GIDA} — 2024*\nCari Oran 2024: ${ratio(GIDA, 'current_ratio', '2024')}`), picked!.message.text);
  });

  it('a thread keeps its statement; outside a thread the channel, never another channel', async () => {
    const inThread = await ask('cari oran kaç?', 'C1', '100');
    assert.ok(inThread.startsWith(`*${GIDA} — 2024*`), inThread);
    // The channel's conversation keeps the company it last talked about (picked above).
    assert.ok((await ask('cari oran kaç?', 'C1')).startsWith(`*${GIDA} — 2024*`), 'the company last chosen');
    const other = await ask('cari oran kaç?', 'C2');
    assert.ok(other.startsWith(`*${OTHER} — 2024*`), other);
    // A company of another channel cannot be named into this one.
    assert.ok(!(await ask('Örnek Gıda cari oranı', 'C2')).includes(GIDA));
    assert.match(await ask('cari oran kaç?', 'C3'), /henüz analiz edilmiş bir tablo yok/);
  });

  it('follow-ups carry the subject: period, ratio, why, and the company', async () => {
    await ask('cari oran kaç?', 'C1', '100');
    const y2023 = await ask("peki 2023'te?", 'C1', '100');
    assert.ok(y2023.startsWith(`*${GIDA} — 2023*`), y2023);
    assert.ok(y2023.includes(`Cari Oran 2023: ${ratio(GIDA, 'current_ratio', '2023')}`), y2023);
    const cash = await ask('ya nakit oranı?', 'C1', '100');
    assert.ok(cash.includes(`Nakit Oranı 2023: ${ratio(GIDA, 'cash_ratio', '2023')}`), cash);
    assert.match(await ask('neden?', 'C1', '100'), /Nakit Oranı: 2023 .* → 2024/);
    // The company named at channel level stays the subject of the next question there.
    await ask('Örnek Gıda net kar marjı', 'C1');
    assert.ok((await ask("peki 2023'te?", 'C1')).startsWith(`*${GIDA} — 2023*`));
  });

  it('a thread subject survives a restart: it is read back from Postgres by a new process core', async () => {
    // Long enough not to be read as a follow-up of the thread's earlier questions.
    assert.ok((await ask('2024 cari oranımız kaç acaba?', 'C1', '100')).startsWith(`*${GIDA} — 2024*`));
    assert.ok((await ask("peki 2023'te?", 'C1', '100')).startsWith(`*${GIDA} — 2023*`));
    // A new core shares nothing in memory with the first one, only the database.
    const restarted = new ConversationCore(ctx.rt);
    const [reply] = await restarted.handle({ ...base('C1', '100'), text: 'ya nakit oranı?', eventId: `e${++n}` });
    const text = reply!.message.text;
    assert.ok(text.startsWith(`*${GIDA} — 2023*`), text);
    assert.ok(text.includes(`Nakit Oranı 2023: ${ratio(GIDA, 'cash_ratio', '2023')}`), text);
    const [why] = await new ConversationCore(ctx.rt).handle({ ...base('C1', '100'), text: 'neden?', eventId: `e${++n}` });
    assert.match(why!.message.text, /Nakit Oranı: 2023 .* → 2024/);
  });

  it('exports are named by company and period', async () => {
    const [reply] = await core.handle({ ...base('C1', '100'), text: 'excel gönder', eventId: `e${++n}` });
    assert.deepEqual(reply!.files?.map((f) => f.name), ['ornek-gida-san-ve-tic-a-s-2024-report.xlsx']);
  });

  it('a re-upload selects that statement again', async () => {
    const first = await upload(GIDA, 5101, 'C5', '500', 'FR1');
    await upload(DENIZ, 5103, 'C5', '500', 'FR2');
    assert.ok((await ask('cari oran kaç?', 'C5', '500')).startsWith(`*${DENIZ}`));
    await core.handle({ ...first, eventId: `e${++n}` });
    const again = await ask("cari oran kaç?", "C5", "500");
    assert.ok(again.startsWith(`*${GIDA}`), again);
  });
});
