import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Telegraf } from 'telegraf';
import { ConversationCore } from '../../bot/core/conversation.ts';
import { createTelegramBot } from '../../bot/telegram/telegram-bot.ts';
import { createPosters } from '../../bot/chat/posters.ts';
import type { TelegramPoster } from '../../bot/chat/telegram-poster.ts';
import { upsertBenchmarks } from '../../db/queries/benchmarks.ts';
import { quartileOf } from '../../domain/benchmarks.ts';
import { generateStatement, type Truth } from '../generator/index.ts';
import { FakeTelegram, type TelegramCall } from '../helpers/fake-telegram.ts';
import { startTestRuntime } from '../helpers/test-runtime.ts';
import { waitUntil } from '../helpers/wait-until.ts';

const TG_TOKEN = '123:sector';
const P24 = '2024-12-31';
const COMPANY = 'Sektör Deneme Havacılık A.Ş.';
const CHAT = -100777;

const buttonsOf = (call: TelegramCall): { text: string; callback_data: string }[] => {
  const markup = typeof call.params.reply_markup === 'string' ? JSON.parse(call.params.reply_markup) : call.params.reply_markup;
  return ((markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard ?? []).flat();
};

/**
 * The bot asks a company's sector once, after its first result (typed NACE code or a button
 * per loaded quartile table), remembers the answer, and shows where the company stands.
 */
describe('the sector question, through Telegram, Temporal and Postgres', () => {
  let ctx: Awaited<ReturnType<typeof startTestRuntime>>;
  const telegram = new FakeTelegram(TG_TOKEN);
  let bot: Telegraf;
  let truth: Truth;
  let update = 1;
  const from = { id: 501, is_bot: false, first_name: 'Deniz' };
  const chat = { id: CHAT, type: 'supergroup', title: 'Finans' };
  const texts = () => telegram.called('sendMessage').filter((c) => Number(c.params.chat_id) === CHAT).map((c) => String(c.params.text));
  const say = (text: string) => telegram.push({ update_id: update++, message: { message_id: update, date: 1, chat, from, text } });
  const send = async (fileId: string, pdf: Uint8Array) => {
    telegram.addFile(fileId, Buffer.from(pdf));
    telegram.push({ update_id: update++, message: { message_id: update, date: 1, chat, from, document: { file_id: fileId, file_unique_id: `u${fileId}`, file_name: `${fileId}.pdf`, mime_type: 'application/pdf', file_size: pdf.length } } });
  };

  before(async () => {
    await telegram.start();
    ctx = await startTestRuntime({ TELEGRAM_BOT_TOKEN: TG_TOKEN, TELEGRAM_API_ROOT: telegram.apiRoot });
    const posters = await createPosters(ctx.config);
    bot = createTelegramBot({ token: TG_TOKEN, apiRoot: telegram.apiRoot, poster: posters.telegram as TelegramPoster, core: new ConversationCore(ctx.rt) });
    void bot.launch();
    ({ truth } = await generateStatement({ seed: 8801, layout: 't1-detailed', periods: [P24, '2023-12-31'], companyName: COMPANY }));
    // A quartile table made up here for air transport (H51), around the company's own current ratio.
    const cr = truth.items['1']![P24]! / truth.items['3']![P24]!;
    await upsertBenchmarks(ctx.rt.db, [{ sectorCode: 'H51', ratioId: 'current_ratio', year: 2024, q1: cr / 2, median: cr * 0.9, q3: cr * 2, source: 'Test tablosu' }]);
  });
  after(async () => {
    bot?.stop();
    await ctx?.cleanup();
    await telegram.stop();
  });

  it('asks once after the first result, with a button per loaded table; the button stores the sector and answers with the position', async () => {
    const { pdf } = await generateStatement({ seed: 8801, layout: 't1-detailed', periods: [P24, '2023-12-31'], companyName: COMPANY });
    await send('SEC1', pdf);
    const question = await waitUntil('the sector question', () => telegram.called('sendMessage').find((c) => String(c.params.text).includes('NACE')));
    assert.match(String(question.params.text), /Sektör Deneme Havacılık A\.Ş\. oranlarını sektörüyle karşılaştırabilmem için/);
    // Recorded right after the post: wait for it rather than race it.
    const company = await waitUntil('the question recorded', async () => (await ctx.rt.db.selectFrom('companies').select(['id', 'sector', 'sector_asked_at']).where('name', '=', COMPANY).executeTakeFirst())?.sector_asked_at ? ctx.rt.db.selectFrom('companies').select(['id', 'sector', 'sector_asked_at']).where('name', '=', COMPANY).executeTakeFirstOrThrow() : null);
    assert.equal(company.sector, null);
    assert.ok(company.sector_asked_at, 'the question is recorded as asked');
    const [button] = buttonsOf(question);
    assert.equal(button?.text, 'H51');
    assert.equal(button?.callback_data, `pick_sector:${company.id}:H51`);
    assert.ok(Buffer.byteLength(button!.callback_data) <= 64);

    const before = texts().length;
    telegram.push({ update_id: update++, callback_query: { id: 'cb-sector', from, chat_instance: 'ci', data: button!.callback_data, message: { message_id: 900, date: 1, chat, text: 'x' } } });
    const saved = await waitUntil('the sector saved', () => texts().slice(before).find((t) => t.includes('sektör kaydedildi: H51')));
    const cr = truth.items['1']![P24]! / truth.items['3']![P24]!;
    const quartile = quartileOf(cr, { q1: cr / 2, median: cr * 0.9, q3: cr * 2 });
    assert.equal(quartile, 3, 'between the median and Q3 by construction');
    assert.match(saved, /Cari Oran .*: sektör medyanının üstünde \(medyan ile üçüncü çeyrek arasında\) \(2024, Test tablosu/);
    const stored = await ctx.rt.db.selectFrom('companies').select('sector').where('id', '=', company.id).executeTakeFirstOrThrow();
    assert.equal(stored.sector, 'H51');
    // A ratio question now says where the ratio stands in the sector too.
    const asked = texts().length;
    say('cari oran kaç?');
    const answer = await waitUntil('the ratio answer', () => texts().slice(asked).find((t) => t.includes('Cari Oran 2024')));
    assert.match(answer, /Sektörde: Cari Oran .*: sektör medyanının üstünde/);
  });

  it('remembers it: the next statement of the company is compared with the sector, and nobody is asked again', async () => {
    const before = texts().length;
    const { pdf } = await generateStatement({ seed: 8802, layout: 't1-detailed', periods: [P24, '2023-12-31'], companyName: COMPANY, taxId: truth.company.taxId });
    await send('SEC2', pdf);
    const summary = await waitUntil('the second summary', () => texts().slice(before).find((t) => t.includes('Doğrulama')));
    assert.match(summary, /Cari Oran .*\(2024, Test tablosu/, 'the position in the summary');
    await waitUntil('the files of the second result', () => telegram.called('sendDocument').length >= 2);
    assert.ok(!texts().slice(before).some((t) => t.includes('NACE')), 'no second sector question');
  });

  it('a typed code is read as NACE (a class keeps its division); a contradicting code is refused with an example', async () => {
    let before = texts().length;
    say('sektör C51');
    const refused = await waitUntil('the refusal', () => texts().slice(before).find((t) => t.includes('NACE kodu değil')));
    assert.match(refused, /sektör C10/);
    before = texts().length;
    say('sektör 51.10');
    await waitUntil('the class kept at its division', () => texts().slice(before).find((t) => t.includes('sektör kaydedildi: H51')));
    before = texts().length;
    say('sektör 10.11');
    const noTable = await waitUntil('no table for C10', () => texts().slice(before).find((t) => t.includes('sektör kaydedildi: C10')));
    assert.match(noTable, /C10 sektörü için yüklenmiş bir sektör karşılaştırma tablosu yok/);
  });
});
