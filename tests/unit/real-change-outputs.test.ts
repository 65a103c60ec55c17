import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indexOf, monthRange } from '../../domain/price-index.ts';
import { resultMessage } from '../../domain/wording/chat-summary.ts';
import { summaryMarkdown } from '../../domain/wording/summary-text.ts';
import { chatSummary } from '../../domain/wording/chat-summary.ts';
import { analysisOf, SAMPLE } from './reports-fixtures.ts';
import { bundled, cutAfter, handChange, mean, SAMPLE_FIGURES, signed, TUFE_2023, TUFE_2024 } from './real-change-fixture.ts';

test('the hand-copied TÜFE rows are the bundled ones', async () => {
  const s = await bundled('tufe');
  assert.deepEqual(monthRange('2023-01', '2023-12').map((m) => indexOf(s, m)), TUFE_2023);
  assert.deepEqual(monthRange('2024-01', '2024-12').map((m) => indexOf(s, m)), TUFE_2024);
});

test('summary and result message: sales and profit (flows, yearly means) and assets (December levels) nominal and real', async () => {
  const a = await analysisOf(SAMPLE, { priceIndex: await bundled('tufe') });
  const sales = handChange(SAMPLE_FIGURES.NET_SALES[0], SAMPLE_FIGURES.NET_SALES[1], mean(TUFE_2023), mean(TUFE_2024));
  const profit = handChange(SAMPLE_FIGURES.NET_PROFIT[0], SAMPLE_FIGURES.NET_PROFIT[1], mean(TUFE_2023), mean(TUFE_2024));
  const assets = handChange(SAMPLE_FIGURES.TOTAL_ASSETS[0], SAMPLE_FIGURES.TOTAL_ASSETS[1], TUFE_2023[11]!, TUFE_2024[11]!);
  assert.ok(sales.nominal > 0 && sales.real < 0, 'the sample is the case the issue describes: up nominally, down in real terms');

  const salesTr = `Net satışlar ${signed(sales.nominal, 'tr')} nominal, ${signed(sales.real, 'tr')} reel (TÜFE)`;
  const profitTr = `Net kâr ${signed(profit.nominal, 'tr')} nominal, ${signed(profit.real, 'tr')} reel (TÜFE)`;
  const assetsTr = `Aktif toplamı ${signed(assets.nominal, 'tr')} nominal, ${signed(assets.real, 'tr')} reel (TÜFE)`;
  const summaryTr = chatSummary(a, 'tr');
  for (const line of [salesTr, profitTr, assetsTr]) assert.ok(summaryTr.includes(line), `${line}\n${summaryTr}`);
  // Which months: the yearly means for flows, December for stocks, with their levels.
  // Two decimals half up as a spreadsheet shows them (2024's mean is 2.360,025 exactly).
  const lvl = (v: number) => new Intl.NumberFormat('tr-TR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.round(Number((v * 100).toPrecision(12))) / 100);
  assert.ok(summaryTr.includes(`TÜFE (2003=100) 2023-01…2023-12 ortalaması ${lvl(mean(TUFE_2023))} → 2024-01…2024-12 ortalaması ${lvl(mean(TUFE_2024))}`), summaryTr);
  assert.ok(summaryTr.includes(`TÜFE (2003=100) 2023-12: ${lvl(TUFE_2023[11]!)} → 2024-12: ${lvl(TUFE_2024[11]!)}`), summaryTr);

  const summaryEn = chatSummary(a, 'en');
  assert.ok(summaryEn.includes(`Net sales ${signed(sales.nominal, 'en')} nominal, ${signed(sales.real, 'en')} real by CPI (TÜFE)`), summaryEn);
  assert.ok(summaryMarkdown(a, 'en').includes(`Total assets ${signed(assets.nominal, 'en')} nominal, ${signed(assets.real, 'en')} real by CPI (TÜFE)`));

  const msg = resultMessage(a, 'tr', { buttons: false });
  const section = msg.sections?.find((s) => s.title === 'Reel değişim (TÜFE)');
  assert.ok(section?.lines.includes(salesTr), JSON.stringify(msg.sections));
});

test('Yİ-ÜFE selectable: the same rows measured with the producer index, named as such', async () => {
  const yi = await bundled('yiufe');
  const a = await analysisOf(SAMPLE, { priceIndex: yi });
  const m = (y: string) => mean(monthRange(`${y}-01`, `${y}-12`).map((x) => indexOf(yi, x)!));
  const sales = handChange(SAMPLE_FIGURES.NET_SALES[0], SAMPLE_FIGURES.NET_SALES[1], m('2023'), m('2024'));
  assert.ok(chatSummary(a, 'tr').includes(`Net satışlar ${signed(sales.nominal, 'tr')} nominal, ${signed(sales.real, 'tr')} reel (Yİ-ÜFE)`));
  assert.equal(a.realChange?.index, 'yiufe');
});

test('a period past the last index month gets the plain message, no real figure', async () => {
  const a = await analysisOf(SAMPLE, { priceIndex: cutAfter(await bundled('tufe'), '2024-06') });
  const tr = chatSummary(a, 'tr');
  assert.ok(tr.includes('TÜFE 2024-07 için henüz yok (son ay: 2024-06)'), tr);
  assert.doesNotMatch(tr, /reel \(TÜFE\)/);
  // The balance sheet's December is missing too: the stock rows name 2024-12.
  assert.ok(a.realChange?.rows.some((r) => r.key === 'TOTAL_ASSETS' && r.status === 'index_not_available' && r.message?.en.includes('2024-12')));
});

test('inflation-adjusted figures are not deflated again, and the summary says so', async () => {
  const a = await analysisOf(SAMPLE, { priceIndex: await bundled('tufe') });
  const { realComparison } = await import('../../domain/real-comparison.ts');
  const { itemsToKurus } = await import('../../domain/money.ts');
  const basis = Object.fromEntries(a.periods.map((p) => [p, { basis: 'inflation_adjusted' as const }]));
  a.realChange = realComparison({ items: itemsToKurus(a.items), from: '2023-12-31', to: '2024-12-31', series: await bundled('tufe'), basis, keys: ['NET_SALES', 'TOTAL_ASSETS'] });
  assert.ok(a.realChange.rows.every((r) => r.status === 'already_inflation_adjusted' && r.realPct === null));
  const tr = chatSummary(a, 'tr');
  assert.match(tr, /enflasyona göre düzeltilmiş/);
  assert.doesNotMatch(tr, /reel \(TÜFE\)/);
});
