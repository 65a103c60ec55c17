import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { formatAmount, formatPercent, formatRatioValue } from '../../domain/wording/format-number.ts';
import { generateStatement, type Truth } from '../generator/index.ts';
import { runChatScript } from '../helpers/chat-script.ts';
import { startTestRuntime } from '../helpers/test-runtime.ts';

const COMPANY = 'Ege Mobilya A.Ş.';
const [Y24, Y23] = ['2024-12-31', '2023-12-31'];

/**
 * A five-question conversation in one chat, through `npm run chat` (scripts/chat.ts) with real
 * Temporal and Postgres: an uploaded statement, then a ratio, a change between periods, a
 * "why", a comparison and a follow-up that only makes sense after the comparison. Every
 * number is recomputed here from the generated statement's own figures (its truth), not
 * from the analysis the bot stored.
 */
describe('chat: five follow-up questions about one statement', () => {
  let ctx: Awaited<ReturnType<typeof startTestRuntime>>;
  let truth: Truth;
  let answers: string[] = [];

  // The statement's own lines, in TL, and the textbook formulas over them.
  const line = (key: string, p: string) => truth.items[key]![p]!;
  const dso = (p: string) => (365 * line('12', p)) / line('NET_SALES', p);
  const currentRatio = (p: string) => line('1', p) / line('3', p);
  const margin = (key: string, p: string) => line(key, p) / line('NET_SALES', p);
  const ratio = (v: number) => formatRatioValue(v, 'ratio', 'tr');

  before(async () => {
    // The chat child runs the workflows on a worker (and task queue) of its own: a worker here
    // would only idle on another queue, for ~2 s of start-up CPU.
    ctx = await startTestRuntime({}, { worker: false });
    const g = await generateStatement({ seed: 8300, layout: 't1-detailed', periods: [Y24, Y23], companyName: COMPANY });
    truth = g.truth;
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'lodge-five-')), 'ege-2024.pdf');
    await writeFile(file, g.pdf);

    const questions = [
      'alacak tahsil süresi kaç gün?',
      'satışlar geçen yıla göre ne kadar arttı?',
      'cari oran neden değişti?',
      'brüt kar marjını 2023 ile 2024 karşılaştır',
      'ya net kar marjı?',
    ];
    const out = await runChatScript(ctx.env, [`/file ${file}`, ...questions, '/quit'], 'five');
    // Each answer opens with a "Company — period" line; the upload summary comes first.
    const blocks = out.split(/^(?=Ege Mobilya A\.Ş\. — \d{4})/m);
    answers = blocks.slice(-questions.length);
    assert.equal(answers.length, questions.length, out);
  });
  after(async () => ctx?.cleanup());

  it('1. a ratio: the collection period in days, with its worked formula', () => {
    const a = answers[0]!;
    assert.ok(a.startsWith(`${COMPANY} — 2024\n`), a);
    assert.ok(a.includes(`Alacak Tahsil Süresi 2024: ${formatRatioValue(dso(Y24), 'days', 'tr')} = 365 × `), a);
    assert.ok(a.includes(formatAmount(line('12', Y24), 'tr')) && a.includes(formatAmount(line('NET_SALES', Y24), 'tr')), a);
  });

  it('2. a change between periods: net sales growth, in TL and percent', () => {
    const a = answers[1]!;
    assert.ok(a.startsWith(`${COMPANY} — 2023 → 2024\n`), a);
    const [s23, s24] = [line('NET_SALES', Y23), line('NET_SALES', Y24)];
    assert.ok(a.includes(formatAmount(s23, 'tr')) && a.includes(formatAmount(s24, 'tr')), a);
    assert.ok(a.includes(formatAmount(s24 - s23, 'tr')), `the change ${formatAmount(s24 - s23, 'tr')}: ${a}`);
    assert.ok(a.includes(formatPercent(s24 / s23 - 1, 'tr')), `growth ${formatPercent(s24 / s23 - 1, 'tr')}: ${a}`);
  });

  it('3. why: the current ratio from 2023 to 2024 and the lines that moved it', () => {
    const a = answers[2]!;
    assert.ok(a.includes(`Cari Oran: 2023 ${ratio(currentRatio(Y23))} → 2024 ${ratio(currentRatio(Y24))}`), a);
    // Current assets and short-term liabilities both moved: both are named with their amounts.
    for (const key of ['1', '3']) {
      assert.ok(a.includes(`${formatAmount(line(key, Y23), 'tr')} → ${formatAmount(line(key, Y24), 'tr')}`), `${key}: ${a}`);
    }
  });

  it('4. a comparison: gross margin in both years', () => {
    const a = answers[3]!;
    const [g23, g24] = [margin('GROSS_PROFIT', Y23), margin('GROSS_PROFIT', Y24)];
    assert.ok(a.includes(`Brüt Kar Marjı: 2023 ${formatPercent(g23, 'tr')} → 2024 ${formatPercent(g24, 'tr')}`), a);
  });

  it('5. a follow-up: "ya net kar marjı?" keeps the comparison and its periods', () => {
    const a = answers[4]!;
    const [n23, n24] = [margin('NET_PROFIT', Y23), margin('NET_PROFIT', Y24)];
    assert.ok(a.includes(`Net Kar Marjı: 2023 ${formatPercent(n23, 'tr')} → 2024 ${formatPercent(n24, 'tr')}`), a);
  });
});
