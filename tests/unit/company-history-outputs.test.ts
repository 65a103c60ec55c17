import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnalysisExtrasSchema, buildAnalysisExtras } from '../../domain/analysis-extras.ts';
import { reportCharts } from '../../domain/chart-configs.ts';
import { itemsToKurus } from '../../domain/money.ts';
import { resultMessage } from '../../domain/wording/chat-summary.ts';
import { summaryMarkdown } from '../../domain/wording/summary-text.ts';
import { analysisOf, THREE_PERIODS } from './reports-fixtures.ts';
import { bundled, mean, TUFE_2023, TUFE_2024 } from './real-change-fixture.ts';

/** TÜFE 2022, copied by hand from data/price-indices/tufe.csv (checked against the file below). */
const TUFE_2022 = [763.23, 799.93, 843.64, 904.79, 931.76, 977.9, 1001.03, 1015.65, 1046.89, 1084.0, 1115.26, 1128.45];

test('company history: nominal and real compound growth over 2022–2024, the real trend chart, the summary and result message read the stored extras', async () => {
  const series = await bundled('tufe');
  assert.deepEqual([...series.values].filter(([m]) => m.startsWith('2022-')).map(([, v]) => v), TUFE_2022);
  const a = await analysisOf(THREE_PERIODS);
  const built = buildAnalysisExtras({ analysis: a, documentId: 1, companyId: 1, history: {}, sector: null, benchmarks: [], priceIndex: series });
  // What the database gives back is parsed, not cast: the same object after a JSON round trip.
  const extras = AnalysisExtrasSchema.parse(JSON.parse(JSON.stringify(built)));
  assert.deepEqual(extras, built);

  const ns = a.items.NET_SALES!;
  const [s22, s24] = [ns['2022-12-31']!, ns['2024-12-31']!];
  const nominal = Math.sqrt(s24 / s22) - 1;
  // Sales are a flow: 2022's sales in 2024 lira = × mean(2024) / mean(2022).
  const real = Math.sqrt(s24 / ((s22 * mean(TUFE_2024)) / mean(TUFE_2022))) - 1;
  assert.ok(Math.abs(extras.trends!.metrics.net_sales.cagr! - nominal) < 1e-12);
  assert.equal(extras.realTrends?.status, 'ok');
  if (extras.realTrends?.status !== 'ok') return;
  assert.ok(Math.abs(extras.realTrends.metrics.net_sales.cagr! - real) < 1e-9);
  // Assets are a stock: December levels.
  const ta = a.items.TOTAL_ASSETS!;
  const restated23 = (ta['2023-12-31']! * TUFE_2024[11]!) / TUFE_2023[11]!;
  assert.ok(Math.abs(extras.realTrends.metrics.total_assets.values[1]! - restated23) < 1e-6);

  const pct = (v: number) => `${v < 0 ? '−' : ''}%${Math.abs(v * 100).toFixed(1).replace('.', ',')}`;
  const line = `Net Satışlar 2022–2024 yıllık bileşik büyüme: nominal ${pct(nominal)}, reel ${pct(real)} (TÜFE).`;
  assert.ok(summaryMarkdown(a, 'tr', extras).includes(line), summaryMarkdown(a, 'tr', extras));
  const msg = resultMessage(a, 'tr', { buttons: false, extras });
  assert.ok(msg.sections?.find((s) => s.title === 'Şirket geçmişi')?.lines.includes(line));
  // The sector position is said too (here: why there is none).
  assert.match(summaryMarkdown(a, 'en', extras), /sector is not on file/);
});

test('history charts: drawn only when the stored history is longer than the document; the real chart plots the restated amounts', async () => {
  const series = await bundled('tufe');
  const a = await analysisOf(THREE_PERIODS);
  const extras = buildAnalysisExtras({ analysis: a, documentId: 1, companyId: 1, history: {}, sector: null, benchmarks: [], priceIndex: series });
  // The document prints all three years itself: its own trend charts cover them.
  assert.ok(!reportCharts(a, 'tr', extras).some((c) => c.name.startsWith('history-')));
  // A report of 2024 alone, with 2022 and 2023 from earlier uploads.
  const only24 = structuredClone(a);
  only24.periods = ['2024-12-31'];
  for (const [k, v] of Object.entries(only24.items)) only24.items[k] = v['2024-12-31'] === undefined ? {} : { '2024-12-31': v['2024-12-31'] };
  const history = itemsToKurus(Object.fromEntries(Object.entries(a.items).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).filter(([p]) => p !== '2024-12-31'))])));
  const ex = buildAnalysisExtras({ analysis: only24, documentId: 3, companyId: 1, history, historySources: { '2022-12-31': [1], '2023-12-31': [2] }, sector: null, benchmarks: [], priceIndex: series });
  const names = reportCharts(only24, 'en', ex).map((c) => c.name);
  assert.deepEqual(names.filter((n) => n.startsWith('history-')), ['history-amounts', 'history-real', 'history-ratios']);
  const realChart = reportCharts(only24, 'en', ex).find((c) => c.name === 'history-real')!;
  assert.deepEqual((realChart.config as { data: { labels: string[] } }).data.labels, ['2022', '2023', '2024']);
  assert.ok(ex.realTrends?.status === 'ok');
});
