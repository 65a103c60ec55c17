import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { formatPercent, formatRatioValue } from '../../domain/wording/format-number.ts';
import { generateModel, generateStatement, modelTruth, type Truth } from '../generator/index.ts';
import { renderStatementPdf } from '../generator/render-pdf.ts';
import { runChatScript } from '../helpers/chat-script.ts';
import { startTestRuntime } from '../helpers/test-runtime.ts';

const EGE = 'Ege Mobilya A.Ş.';
const GUNEY = 'Güney Metal A.Ş.';
const [Y24, Y23] = ['2024-12-31', '2023-12-31'];

/**
 * One session of `npm run chat`, as the README tells a user to hold it: two companies in one
 * chat, a statement whose totals do not tie corrected with `düzelt`, a chain of five
 * follow-ups about the first company, a question that names the second, and a digest with its
 * arguments in the README's order. Every number is recomputed from the generated statements'
 * own figures, not read from what the bot stored.
 */
describe('chat: a scripted session with two companies, a correction, follow-ups and a digest', () => {
  let ctx: Awaited<ReturnType<typeof startTestRuntime>>;
  let ege: Truth;
  let guney: Truth;
  let out = '';
  let blocks: string[] = [];

  before(async () => {
    // The chat child runs the workflows on a worker of its own; this process only reads rows.
    ctx = await startTestRuntime({}, { worker: false });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lodge-session-'));
    const g = await generateStatement({ seed: 8310, layout: 't1-detailed', periods: [Y24, Y23], companyName: EGE });
    ege = g.truth;
    await writeFile(path.join(dir, 'ege.pdf'), g.pdf);
    // Güney's 102 Bankalar printed 12.345,67 TL off in 2024 while its group keeps the true total.
    const model = generateModel({ seed: 8311, layout: 't1-detailed', periods: [Y24, Y23], companyName: GUNEY });
    guney = modelTruth(model);
    model.balanceSheet.find((l) => l.key === '102')!.values[Y24]! += 1_234_567;
    await writeFile(path.join(dir, 'guney.pdf'), await renderStatementPdf(model));
    const correct = (guney.itemsKurus['102']![Y24]! / 100).toLocaleString('tr-TR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    out = await runChatScript(ctx.env, [
      `/file ${path.join(dir, 'ege.pdf')}`,
      `/file ${path.join(dir, 'guney.pdf')}`,
      `düzelt 102 2024 ${correct}`,
      'Ege Mobilya cari oranı kaç?',
      "peki 2023'te?",
      'ya nakit oranı?',
      'neden?',
      'brüt kar marjını 2023 ile 2024 karşılaştır',
      'Güney Metal net kar marjı',
      '/digest weekly Ege Mobilya 09:30 alerts-only',
      '/digest list',
      '/quit',
    ], 'session');
    blocks = out.split(/^(?=(?:Ege Mobilya|Güney Metal) A\.Ş\. — \d{4})/m);
  });
  after(async () => ctx?.cleanup());

  const line = (t: Truth, key: string, p: string) => t.items[key]![p]!;
  const ratio = (v: number) => formatRatioValue(v, 'ratio', 'tr');
  const answer = (head: string, includes: string) => blocks.find((b) => b.startsWith(head) && b.includes(includes));

  it('the flagged statement waits for the correction and then ties', () => {
    assert.match(out, /Bazı toplamlar tutmuyor/);
    assert.match(out, /Teşekkürler, yeniden hesaplıyorum\./);
    assert.match(out, /Güney Metal A\.Ş\. — 2024, 2023[\s\S]*Doğrulama: tutarlı/, out);
  });

  it('five follow-ups about the first company keep its subject, although the second was uploaded last', () => {
    const cr = (p: string) => line(ege, '1', p) / line(ege, '3', p);
    const cash = (p: string) => (line(ege, '10', p)) / line(ege, '3', p);
    assert.ok(answer(`${EGE} — 2024`, `Cari Oran 2024: ${ratio(cr(Y24))}`), out);
    assert.ok(answer(`${EGE} — 2023`, `Cari Oran 2023: ${ratio(cr(Y23))}`), out);
    assert.ok(answer(`${EGE} — 2023`, `Nakit Oranı 2023: ${ratio(cash(Y23))}`), out);
    assert.ok(answer(`${EGE} — 2023 → 2024`, `Nakit Oranı: 2023 ${ratio(cash(Y23))} → 2024 ${ratio(cash(Y24))}`), out);
    const gm = (p: string) => formatPercent(line(ege, 'GROSS_PROFIT', p) / line(ege, 'NET_SALES', p), 'tr');
    assert.ok(answer(`${EGE} — 2023 → 2024`, `Brüt Kar Marjı: 2023 ${gm(Y23)} → 2024 ${gm(Y24)}`), out);
    // Besides its upload summary, the other company has one answer: the question that names it.
    const aboutGuney = blocks.filter((b) => b.startsWith(GUNEY) && !b.startsWith(`${GUNEY} — 2024, 2023`));
    assert.equal(aboutGuney.length, 1, aboutGuney.join('\n---\n'));
  });

  it('a question naming the second company answers about it, from its corrected figures', () => {
    const nm = formatRatioValue(line(guney, 'NET_PROFIT', Y24) / line(guney, 'NET_SALES', Y24), 'percent', 'tr');
    assert.ok(answer(`${GUNEY} — 2024`, `Net Kar Marjı 2024: ${nm}`), out);
  });

  it('a digest with company, time and alerts-only in the README order is created and listed', () => {
    assert.match(out, /Özet aboneliği #\d+ oluşturuldu: weekly, 09:30 \(Europe\/Istanbul\)\./);
    assert.match(out, /#\d+ weekly 09:30 Europe\/Istanbul · Ege Mobilya A\.Ş\. · alerts-only/);
  });
});
