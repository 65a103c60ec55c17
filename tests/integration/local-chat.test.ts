import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { formatRatioValue } from '../../domain/wording/format-number.ts';
import { generateModel, generateStatement, modelTruth, type Truth } from '../generator/index.ts';
import { renderStatementPdf } from '../generator/render-pdf.ts';
import { runChatScript } from '../helpers/chat-script.ts';
import { startTestRuntime } from '../helpers/test-runtime.ts';

/** `npm run chat` with piped standard input: each line handled to the end before the next. */
describe('local chat (scripted stdin)', () => {
  let ctx: Awaited<ReturnType<typeof startTestRuntime>>;
  const truths: Truth[] = [];
  const files: string[] = [];

  before(async () => {
    // The chat child runs the workflows on a worker of its own; this process only reads rows.
    ctx = await startTestRuntime({}, { worker: false });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lodge-chat-'));
    for (const [i, period] of ['2023-12-31', '2024-12-31'].entries()) {
      const g = await generateStatement({ seed: 8100 + i, layout: 't1-detailed', periods: [period], companyName: 'Kuzey Tekstil A.Ş.', taxId: '9876543210' });
      truths.push(g.truth);
      const file = path.join(dir, `kuzey-${period.slice(0, 4)}.pdf`);
      await writeFile(file, g.pdf);
      files.push(file);
    }
  });
  after(async () => ctx?.cleanup());

  /**
   * Both tests' lines in ONE chat session (a chat process costs seconds of start-up): the
   * uploads and questions, then the review, which starts at its "nothing waits" answer to
   * "onayla". Each test asserts on its own part of the output only.
   */
  const NOTHING_WAITS = 'Şu anda onay bekleyen bir tablo yok.';
  let session: Promise<string[]> | undefined;
  const parts = () =>
    (session ??= (async () => {
      const review = await reviewFile(path.dirname(files[0]!));
      const lines = [`/file ${files[0]}`, `/file ${files[1]}`, 'cari oran kaç?', '/digest weekly', '/digest run-now 1', 'onayla', `/file ${review.file}`, `düzelt 102 2024 ${review.correct}`, '/quit'];
      const out = await runChatScript(ctx.env, lines, 'chat');
      const at = out.indexOf(NOTHING_WAITS);
      assert.ok(at >= 0, `"onayla" with nothing waiting is answered: ${out}`);
      return [out.slice(0, at), out.slice(at)];
    })());

  it('analyses files, answers questions from stored data, and prints a digest on run-now', async () => {
    const out = (await parts())[0]!;

    const cr = (t: Truth, p: string) => t.items['1']![p]! / t.items['3']![p]!;
    assert.match(out, /Kuzey Tekstil A\.Ş\. — 2023/);
    assert.match(out, /Kuzey Tekstil A\.Ş\. — 2024/);
    assert.ok(out.includes(`Cari Oran 2024: ${formatRatioValue(cr(truths[1]!, '2024-12-31'), 'ratio', 'tr')}`), out);
    assert.match(out, /Özet aboneliği #1 oluşturuldu/);
    // The digest compares 2024 with 2023 across the two uploads.
    assert.ok(out.includes(`${formatRatioValue(cr(truths[0]!, '2023-12-31'), 'ratio', 'tr')} → ${formatRatioValue(cr(truths[1]!, '2024-12-31'), 'ratio', 'tr')}`), out);
    const q = await ctx.rt.db.selectFrom('questions').select(['question', 'answer']).where('question', '=', 'cari oran kaç?').executeTakeFirstOrThrow();
    // Every answer starts with the company and period it is about.
    assert.match(q.answer, /^\*Kuzey Tekstil A\.Ş\. — 2024\*\nCari Oran 2024/);
  });

  it('waits for "düzelt" like Slack and Telegram when totals do not tie, and says when nothing waits', async () => {
    const out = (await parts())[1]!;
    assert.ok(out.startsWith(NOTHING_WAITS));
    assert.match(out, /Bazı toplamlar tutmuyor/);
    assert.match(out, /Teşekkürler, yeniden hesaplıyorum\./);
    // After the correction the statement ties.
    assert.match(out, /Güney Metal A\.Ş\. — 2024, 2023[\s\S]*Doğrulama: tutarlı/, out);
  });
});

/** A statement whose totals do not tie, in `dir`, and the correction that makes it tie. */
async function reviewFile(dir: string): Promise<{ file: string; correct: string }> {
  // 102 Bankalar printed off by 12.345,67 TL in 2024 while its group keeps the true total.
  const model = generateModel({ seed: 8200, layout: 't1-detailed', periods: ['2024-12-31', '2023-12-31'], companyName: 'Güney Metal A.Ş.' });
  const truth = modelTruth(model);
  const line = model.balanceSheet.find((l) => l.key === '102')!;
  line.values['2024-12-31'] = line.values['2024-12-31']! + 1_234_567;
  const file = path.join(dir, 'guney.pdf');
  await writeFile(file, await renderStatementPdf(model));
  const correct = (truth.itemsKurus['102']!['2024-12-31']! / 100).toLocaleString('tr-TR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return { file, correct };
}
