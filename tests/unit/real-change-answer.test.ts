import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerQuestion } from '../../domain/answers/answers.ts';
import { parseIntent } from '../../domain/questions/intents.ts';
import { analysisOf, SAMPLE } from './reports-fixtures.ts';
import { bundled, cutAfter, handChange, mean, SAMPLE_FIGURES, signed, TUFE_2023, TUFE_2024 } from './real-change-fixture.ts';

const ask = async (q: string, priceIndex?: Awaited<ReturnType<typeof bundled>>) => {
  const a = await analysisOf(SAMPLE);
  const { intent, locale } = parseIntent(q);
  return answerQuestion(intent, { analysis: a, locale, question: q, ...(priceIndex ? { priceIndex } : {}) });
};

test('"net satışlar reel olarak ne kadar değişti?": nominal and real side by side, with the index months and levels', async () => {
  const answer = await ask('net satışlar reel olarak ne kadar değişti?', await bundled('tufe'));
  const hand = handChange(SAMPLE_FIGURES.NET_SALES[0], SAMPLE_FIGURES.NET_SALES[1], mean(TUFE_2023), mean(TUFE_2024));
  assert.ok(answer.text.includes(signed(hand.nominal, 'tr')), answer.text);
  assert.ok(answer.text.includes(`Enflasyondan arındırınca (TÜFE) ${signed(hand.real, 'tr')} reel`), answer.text);
  assert.match(answer.text, /2023-01…2023-12 ortalaması .* → 2024-01…2024-12 ortalaması/);
  // The real figure is cited, so the LLM answerer's validator accepts it.
  assert.ok(answer.citations.some((c) => Math.abs(c.value - hand.real) < 1e-9));
});

test('"how much did total assets grow?" in English: a stock, December to December', async () => {
  const answer = await ask('how much did total assets grow?', await bundled('tufe'));
  const hand = handChange(SAMPLE_FIGURES.TOTAL_ASSETS[0], SAMPLE_FIGURES.TOTAL_ASSETS[1], TUFE_2023[11]!, TUFE_2024[11]!);
  assert.ok(answer.text.includes(`Adjusted for inflation by CPI (TÜFE), that is ${signed(hand.real, 'en')} in real terms`), answer.text);
  assert.match(answer.text, /2023-12: 1,859\.38 → 2024-12: 2,684\.55/);
});

test('growth answers: without an index they say the amounts are nominal; past the series they say the month is missing', async () => {
  assert.match((await ask('net satışlar ne kadar arttı?')).text, /Tutarlar nominaldir/);
  const past = await ask('net satışlar ne kadar arttı?', cutAfter(await bundled('tufe'), '2024-03'));
  assert.match(past.text, /TÜFE 2024-04 için henüz yok \(son ay: 2024-03\)/);
  assert.doesNotMatch(past.text, /reel:/);
});
