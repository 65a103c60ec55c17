import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Analysis } from '../../contracts/analysis.ts';
import { answerQuestion } from '../../domain/answers/answers.ts';
import { itemsToKurus } from '../../domain/money.ts';
import { parseIntent } from '../../domain/questions/intents.ts';
import { computeRatios } from '../../domain/ratios.ts';
import { indexOf, monthRange } from '../../domain/price-index.ts';
import { analysisOf, THREE_PERIODS } from './reports-fixtures.ts';
import { bundled, mean, TUFE_2024 } from './real-change-fixture.ts';

/**
 * An earlier report of the same company: 2021 (every amount 80 % of 2022's) and its own 2022,
 * whose net profit the later report restated (printed 10 % lower here).
 */
function earlierReport(later: Analysis): Analysis {
  const a = structuredClone(later);
  a.periods = ['2022-12-31', '2021-12-31'];
  for (const [key, values] of Object.entries(a.items)) {
    const v22 = values['2022-12-31'];
    a.items[key] = v22 === undefined ? {} : { '2022-12-31': key === 'NET_PROFIT' ? Math.round(v22 * 90) / 100 : v22, '2021-12-31': Math.round(v22 * 80) / 100 };
  }
  a.ratios = computeRatios(itemsToKurus(a.items), a.periods);
  return a;
}

const pct1 = (v: number, locale: 'tr' | 'en') => (locale === 'tr' ? `%${(v * 100).toFixed(1).replace('.', ',')}` : `${(v * 100).toFixed(1)}%`);

test('"son 3 yılda net kâr marjı nasıl değişti?": every year from the history, the later report’s restated 2022, the difference said', async () => {
  const later = await analysisOf(THREE_PERIODS);
  const earlier = earlierReport(later);
  const q = 'son 3 yılda net kâr marjı nasıl değişti?';
  const { intent, locale } = parseIntent(q);
  assert.deepEqual(intent, { kind: 'compare', ratioId: 'net_margin', years: 3 });
  const answer = answerQuestion(intent, { analysis: later, history: [earlier], locale, question: q });
  const margin = (a: Analysis, p: string) => a.items.NET_PROFIT![p]! / a.items.NET_SALES![p]!;
  const expected = [
    ['2021', margin(earlier, '2021-12-31')],
    ['2022', margin(later, '2022-12-31')], // the restated figure, not the earlier report's
    ['2023', margin(later, '2023-12-31')],
    ['2024', margin(later, '2024-12-31')],
  ] as const;
  for (const [year, m] of expected) assert.ok(answer.text.includes(`${year} ${pct1(m, 'tr')}`), `${year} ${pct1(m, 'tr')}\n${answer.text}`);
  assert.ok(!answer.text.includes(`2022 ${pct1(margin(earlier, '2022-12-31'), 'tr')}`));
  const points = (expected[3][1] - expected[0][1]) * 100;
  assert.ok(answer.text.includes(`${points < 0 ? '−' : '+'}${Math.abs(points).toFixed(1).replace('.', ',')} puan`), answer.text);
  assert.match(answer.text, /2022 net kâr: sonraki raporun yeniden düzenlenmiş tutarı .* kullanıldı \(önceki rapor .*\)/);
});

test('"how did leverage change since 2021?" walks 2021 → 2024; with two periods only it stays the pair comparison', async () => {
  const later = await analysisOf(THREE_PERIODS);
  const earlier = earlierReport(later);
  const q = 'how did leverage change since 2021?';
  const { intent, locale } = parseIntent(q);
  const answer = answerQuestion(intent, { analysis: later, history: [earlier], locale, question: q });
  for (const p of ['2021-12-31', '2022-12-31', '2023-12-31', '2024-12-31']) {
    const owner = p === '2021-12-31' ? earlier : later;
    assert.ok(answer.text.includes(`${p.slice(0, 4)} ${pct1(owner.ratios.debt_ratio![p]!, 'en')}`), answer.text);
  }
  const pair = answerQuestion(parseIntent('how did leverage change since 2023?').intent, { analysis: later, locale: 'en' });
  assert.doesNotMatch(pair.text, /2022 /);
});

/** TÜFE 2021, copied by hand from data/price-indices/tufe.csv (checked against the file below). */
const TUFE_2021 = [513.3, 517.96, 523.53, 532.32, 537.05, 547.48, 557.36, 563.6, 570.66, 584.32, 604.84, 686.95];

test('"son 3 yılda net satışlar nasıl değişti?": every year-end and compound growth nominal and real (yearly means of TÜFE)', async () => {
  const series = await bundled('tufe');
  assert.deepEqual(monthRange('2021-01', '2021-12').map((m) => indexOf(series, m)), TUFE_2021);
  const later = await analysisOf(THREE_PERIODS);
  const earlier = earlierReport(later);
  const q = 'son 3 yılda net satışlar nasıl değişti?';
  const { intent, locale } = parseIntent(q);
  assert.deepEqual(intent, { kind: 'growth', line: 'NS', years: 3 });
  const answer = answerQuestion(intent, { analysis: later, history: [earlier], locale, question: q, priceIndex: series });
  const s21 = earlier.items.NET_SALES!['2021-12-31']!;
  const s24 = later.items.NET_SALES!['2024-12-31']!;
  const nominal = Math.cbrt(s24 / s21) - 1;
  const real = Math.cbrt(s24 / ((s21 * mean(TUFE_2024)) / mean(TUFE_2021))) - 1;
  const pct = (v: number) => `${v < 0 ? '−' : ''}%${Math.abs(v * 100).toFixed(1).replace('.', ',')}`;
  assert.ok(answer.text.includes(`Yıllık bileşik büyüme: nominal ${pct(nominal)}, reel ${pct(real)} (TÜFE;`), answer.text);
  for (const y of ['2021', '2022', '2023', '2024']) assert.match(answer.text, new RegExp(`${y} [\\d.]+ TL`));
});
