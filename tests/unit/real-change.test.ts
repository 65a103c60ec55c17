import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { PriceIndexSeries } from '../../domain/price-index.ts';
import { describeIndexUsed, describeRealRow } from '../../domain/real-change-text.ts';
import { indexMonths, realChange, type RealChange } from '../../domain/real-change.ts';
import type { Locale } from '../../contracts/locale.ts';

/** A computed real change worded as every output words a stored row (or why there is none). */
const describeRealChange = (label: string, rc: RealChange, locale: Locale): string =>
  rc.status === 'ok' ? describeRealRow(label, { nominalPct: rc.nominal.changePct, realPct: rc.real.changePct }, rc.index, locale) : `${label}: ${rc.message[locale]}`;
import { loadPriceIndices } from '../../db/price-indices.ts';

let tufe: PriceIndexSeries;
let yiufe: PriceIndexSeries;
before(async () => ({ tufe, yiufe } = await loadPriceIndices()));

const TL = (units: number) => Math.round(units * 100);
function ok(rc: RealChange): Extract<RealChange, { status: 'ok' }> {
  assert.equal(rc.status, 'ok', JSON.stringify(rc));
  return rc as Extract<RealChange, { status: 'ok' }>;
}

describe('index months for a period', () => {
  it('a stock takes its date’s month; a flow the months from January (or its start) to its end', () => {
    assert.deepEqual(indexMonths('stock', { end: '2024-12-31' }), ['2024-12']);
    assert.deepEqual(indexMonths('flow', { end: '2024-06-30' }), ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
    assert.equal(indexMonths('flow', { end: '2024-12-31' }).length, 12);
    assert.deepEqual(indexMonths('flow', { start: '2024-10-01', end: '2024-12-31' }), ['2024-10', '2024-11', '2024-12']);
  });
});

describe('real change, computed by hand', () => {
  it('net sales (a flow) 2023 -> 2024: +%4,3 nominal, −%34,2 real by the TÜFE annual means', () => {
    // By hand: TÜFE 2023 months sum to 17.866,97 (mean 1.488,914…), 2024 months to
    // 28.320,30 (mean 2.360,025). 10.000.000 TL of 2023 sales in 2024 lira:
    // 10.000.000 × 28.320,30 / 17.866,97 = 15.850.645,07 TL. Real change:
    // 10.430.000 / 15.850.645,07 − 1 = −34,198 %; nominal 10.430.000 / 10.000.000 − 1 = +4,3 %.
    const rc = ok(realChange({ kind: 'flow', from: { end: '2023-12-31', amount: TL(10_000_000) }, to: { end: '2024-12-31', amount: TL(10_430_000) }, series: tufe }));
    assert.equal(rc.real.fromRestated, 1_585_064_507);
    assert.equal(rc.real.changeKurus, TL(10_430_000) - 1_585_064_507);
    assert.ok(Math.abs(rc.real.changePct! - -34.1983) < 1e-4, String(rc.real.changePct));
    assert.ok(Math.abs(rc.nominal.changePct! - 4.3) < 1e-9);
    assert.equal(rc.from.months.length, 12);
    assert.equal(rc.to.months[11], '2024-12');
    assert.equal(describeRealChange('Net satışlar', rc, 'tr'), 'Net satışlar +%4,3 nominal, −%34,2 reel (TÜFE)');
    assert.equal(describeRealChange('Net sales', rc, 'en'), 'Net sales +4.3% nominal, −34.2% real by CPI (TÜFE)');
    assert.equal(describeIndexUsed(rc, 'tr'), 'TÜFE (2003=100) 2023-01…2023-12 ortalaması 1.488,91 → 2024-01…2024-12 ortalaması 2.360,03');
    assert.equal(rc.basisAssumed, true); // no basis given: taken as historical, and said so
  });

  it('total assets (a stock) 31.12.2023 -> 31.12.2024: −%10,0 real by TÜFE, +%1,1 by Yİ-ÜFE', () => {
    // By hand: TÜFE 2023-12 = 1.859,38, 2024-12 = 2.684,55. 50.000.000 × 2.684,55 / 1.859,38 =
    // 72.189.385,71 TL; 65.000.000 / 72.189.385,71 − 1 = −9,959 %. Yİ-ÜFE 2.915,02 -> 3.746,52:
    // 50.000.000 × 3.746,52 / 2.915,02 = 64.262.337,82 TL; 65.000.000 / that − 1 = +1,148 %.
    const from = { end: '2023-12-31', amount: TL(50_000_000), basis: 'historical' as const };
    const to = { end: '2024-12-31', amount: TL(65_000_000), basis: 'historical' as const };
    const byTufe = ok(realChange({ kind: 'stock', from, to, series: tufe }));
    assert.equal(byTufe.real.fromRestated, 7_218_938_571);
    assert.deepEqual([byTufe.from, byTufe.to], [{ months: ['2023-12'], level: 1859.38 }, { months: ['2024-12'], level: 2684.55 }]);
    assert.equal(byTufe.basisAssumed, false);
    assert.equal(describeRealChange('Aktif toplamı', byTufe, 'tr'), 'Aktif toplamı +%30,0 nominal, −%10,0 reel (TÜFE)');
    assert.equal(describeIndexUsed(byTufe, 'en'), 'CPI (TÜFE) (2003=100) 2023-12: 1,859.38 → 2024-12: 2,684.55');
    const byYiufe = ok(realChange({ kind: 'stock', from, to, series: yiufe }));
    assert.equal(byYiufe.real.fromRestated, 6_426_233_782);
    assert.ok(Math.abs(byYiufe.real.changePct! - 1.1479) < 1e-4);
    assert.equal(describeRealChange('Aktif toplamı', byYiufe, 'tr'), 'Aktif toplamı +%30,0 nominal, +%1,1 reel (Yİ-ÜFE)');
  });

  it('a loss unchanged in lira is a smaller loss in real terms: a positive real change, signed as the comparison table signs it', () => {
    const rc = ok(realChange({ kind: 'stock', from: { end: '2023-12-31', amount: TL(-1_000_000) }, to: { end: '2024-12-31', amount: TL(-1_000_000) }, series: tufe }));
    assert.equal(rc.nominal.changePct, 0);
    assert.ok(rc.real.changePct! > 30); // the same nominal loss is a smaller loss in real terms
  });
});

describe('no real change where it would mislead', () => {
  it('a period past the last index month gets the plain message, never an extrapolation', () => {
    const rc = realChange({ kind: 'stock', from: { end: '2025-12-31', amount: TL(1) }, to: { end: '2026-09-30', amount: TL(2) }, series: tufe });
    assert.deepEqual(rc, {
      status: 'index_not_available', index: 'tufe', month: '2026-09', first: '2003-01', last: '2026-07',
      message: {
        tr: 'TÜFE 2026-09 için henüz yok (son ay: 2026-07); reel değişim hesaplanmadı, endeks tahmin edilmez.',
        en: 'CPI (TÜFE) is not available for 2026-09 yet (last month: 2026-07); no real change computed, and the index is not estimated.',
      },
    });
    // A 2026 year flow needs 2026-08 first: that is the month named.
    const flow = realChange({ kind: 'flow', from: { end: '2025-12-31', amount: TL(1) }, to: { end: '2026-12-31', amount: TL(2) }, series: yiufe });
    assert.equal(flow.status === 'index_not_available' && flow.month, '2026-08');
    assert.equal(describeRealChange('Net satışlar', flow, 'tr'), 'Net satışlar: Yİ-ÜFE 2026-08 için henüz yok (son ay: 2026-07); reel değişim hesaplanmadı, endeks tahmin edilmez.');
    const early = realChange({ kind: 'stock', from: { end: '2002-12-31', amount: TL(1) }, to: { end: '2003-12-31', amount: TL(2) }, series: tufe });
    assert.equal(early.status === 'index_not_available' && early.message.en, 'CPI (TÜFE) is not available for 2002-12 (the series starts in 2003-01); no real change computed.');
  });

  it('inflation-adjusted figures are never deflated again; mixed bases are not compared', () => {
    const adj = realChange({
      kind: 'stock', series: tufe,
      from: { end: '2023-12-31', amount: TL(100), basis: 'inflation_adjusted' },
      to: { end: '2024-12-31', amount: TL(120), basis: 'inflation_adjusted' },
    });
    assert.equal(adj.status, 'already_inflation_adjusted');
    assert.match(describeRealChange('Net satışlar', adj, 'tr'), /^Net satışlar: Bu tutarlar enflasyona göre düzeltilmiş .*yeniden reelleştirilmez\.$/);
    const mixed = realChange({ kind: 'stock', series: tufe, from: { end: '2023-12-31', amount: TL(100), basis: 'historical' }, to: { end: '2024-12-31', amount: TL(120), basis: 'inflation_adjusted' } });
    assert.equal(mixed.status, 'mixed_basis');
  });

  it('flows of different lengths (a half year against a year) are not compared', () => {
    const rc = realChange({ kind: 'flow', series: tufe, from: { end: '2023-12-31', amount: TL(100) }, to: { end: '2024-06-30', amount: TL(60) } });
    assert.equal(rc.status === 'period_lengths_differ' && rc.months.join('/'), '12/6');
  });

  it('amounts must be whole kuruş', () => {
    assert.throws(() => realChange({ kind: 'stock', series: tufe, from: { end: '2023-12-31', amount: 1.5 }, to: { end: '2024-12-31', amount: 2 } }), RangeError);
  });
});
