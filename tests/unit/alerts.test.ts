import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alertSpecs, buildAlerts, renderAlert } from '../../domain/alerts.ts';
import type { Analysis } from '../../contracts/analysis.ts';
import { compareItems } from '../../domain/comparison.ts';
import { computeRatios } from '../../domain/ratios.ts';
import type { PriceIndexSeries } from '../../domain/price-index.ts';
import { realComparison } from '../../domain/real-comparison.ts';
import type { Items } from '../../domain/types.ts';

function tl(rows: Record<string, Record<string, number>>): Items {
  return Object.fromEntries(
    Object.entries(rows).map(([key, values]) => [key, Object.fromEntries(Object.entries(values).map(([p, v]) => [p, Math.round(v * 100)]))]),
  );
}

const P23 = '2023-12-31';
const P24 = '2024-12-31';

/*
 * 2023: CA 1,200 / STL 1,000 (current ratio 1.2), equity 400. 2024: CA 900 / STL 1,000 (0.9),
 * equity −300 after a loss of 700. Total assets 2,000 -> 1,400.
 */
const items = tl({
  '1': { [P23]: 1200, [P24]: 900 },
  '2': { [P23]: 800, [P24]: 500 },
  TOTAL_ASSETS: { [P23]: 2000, [P24]: 1400 },
  '3': { [P23]: 1000, [P24]: 1000 },
  '4': { [P23]: 600, [P24]: 700 },
  '5': { [P23]: 400, [P24]: -300 },
  NET_SALES: { [P23]: 3000, [P24]: 2500 },
  NET_PROFIT: { [P23]: 100, [P24]: -700 },
});

describe('alerts', () => {
  // Only 2024 is the document's; 2023 comes from an earlier upload (history).
  const ratios = computeRatios(items, [P24]);
  const comparison = compareItems(items, P23, P24);
  const checks = [{ id: 'balance', period: P24, ok: false, expected: 1400, actual: 1399, message: 'Aktif toplamı pasif toplamına eşit değil' }];
  const specs = alertSpecs({ items, periods: [P24], ratios, comparison, checks });
  const ids = specs.map((s) => `${s.kind}:${s.id}`);

  it('covers failed checks, negative equity, losses, the current ratio falling below 1, rules and material changes', () => {
    assert.equal(ids[0], 'validation:balance');
    assert.ok(ids.includes('equity:negative_equity'));
    assert.ok(ids.includes('loss:net_loss'));
    // The previous period's current ratio (1.2) is computed from the history's items.
    assert.ok(ids.includes('ratio:current_ratio_below_1'));
    for (const id of ['current_ratio', 'acid_test_ratio', 'net_working_capital', 'debt_ratio', 'equity_ratio', 'short_term_debt_share']) {
      assert.ok(ids.includes(`ratio:${id}`), id);
    }
    assert.ok(ids.includes('change:NET_PROFIT'));
    assert.ok(ids.includes('change:5'));
  });

  it('words them in Turkish for analysis.json and in English for renderers', () => {
    const alerts = buildAlerts({ items, periods: [P24], ratios, comparison, checks });
    const byId = (id: string) => alerts.find((a) => a.id === id)!;
    assert.equal(byId('balance').message, 'Aktif toplamı pasif toplamına eşit değil (2024-12-31: beklenen 1400, okunan 1399)');
    assert.equal(byId('current_ratio_below_1').message, "Cari oran 1'in altına düştü (1,20 → 0,90).");
    assert.equal(byId('current_ratio_below_1').severity, 'critical');
    // Crossed the rule since 2023 (acid-test 1.2 -> 0.9 with no inventory).
    assert.match(byId('acid_test_ratio').message, /ders kitabı kuralının \(en az 1,0\) altında; bu bir sektör karşılaştırması değildir\. Önceki dönemde kural içindeydi \(1,20\)\.$/);
    // Already outside in 2023 (1.2 < 1.5): no "was within" note.
    assert.ok(!byId('current_ratio').message.includes('Önceki'));
    const en = buildAlerts({ items, periods: [P24], ratios, comparison, checks }, 'en');
    const enById = (id: string) => en.find((a) => a.id === id)!.message;
    assert.equal(enById('balance'), 'Total assets do not equal total liabilities and equity (2024-12-31: expected 1,400, read 1,399)');
    assert.equal(enById('current_ratio_below_1'), 'Current ratio fell below 1 (1.20 → 0.90).');
    assert.equal(enById('negative_equity'), 'Equity is negative: the company appears technically insolvent.');
    assert.match(enById('acid_test_ratio'), /below the textbook rule of thumb \(at least 1\.0\); this is not a sector benchmark\. It was within the rule in the previous period \(1\.20\)\.$/);
    assert.match(enById('NET_PROFIT'), /changed by -800\.0% from 2023-12-31 to 2024-12-31\.$/);
    // Ids, kinds, periods and severities are the same in both languages.
    assert.deepEqual(en.map(({ message: _m, ...rest }) => rest), alerts.map(({ message: _m, ...rest }) => rest));
  });

  it('renderAlert rebuilds the English wording from a stored analysis (and its history)', () => {
    const alerts = buildAlerts({ items, periods: [P24], ratios, comparison, checks });
    const units = (only: string) =>
      Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { [only]: v[only]! / 100 }]));
    const analysis = {
      items: units(P24),
      periods: [P24],
      ratios,
      comparison,
      validation: { status: 'failed' as const, confidence: 1, checks },
    } satisfies Pick<Analysis, 'items' | 'periods' | 'ratios' | 'comparison' | 'validation'>;
    const below = alerts.find((a) => a.id === 'current_ratio_below_1')!;
    const history = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { [P23]: v[P23]! }]));
    assert.equal(renderAlert(below, 'en', analysis, history), 'Current ratio fell below 1 (1.20 → 0.90).');
    // Without the history the previous period is unknown: a plain wording, not a wrong number.
    assert.equal(renderAlert(below, 'en', analysis), 'Current ratio fell below 1.');
    assert.equal(renderAlert(below, 'tr', analysis), below.message);
    const loss = alerts.find((a) => a.id === 'net_loss')!;
    assert.equal(renderAlert(loss, 'en', analysis), 'The period closed with a net loss.');
  });

  it('has no period alerts without periods, and nothing for a healthy company', () => {
    assert.deepEqual(buildAlerts({ items: {}, periods: [], ratios: computeRatios({}, []), comparison: [], checks: [] }), []);
    const healthy = tl({ '1': { [P24]: 1800 }, '2': { [P24]: 200 }, '3': { [P24]: 1000 }, '4': { [P24]: 0 }, '5': { [P24]: 1000 }, '10': { [P24]: 500 }, NET_SALES: { [P24]: 100 }, NET_PROFIT: { [P24]: 10 }, PROFIT_BEFORE_TAX: { [P24]: 10 } });
    const r = computeRatios(healthy, [P24]);
    assert.deepEqual(buildAlerts({ items: healthy, periods: [P24], ratios: r, comparison: [], checks: [] }).map((a) => a.id), ['short_term_debt_share']);
  });

  it('words a material change nominal beside real, with the index, when a price index covers both periods', () => {
    // A made-up index: 100 every month of 2023, 150 every month of 2024, so the real change
    // is worked out by hand: the 2023 amount is worth 1.5× in 2024 lira.
    const values = new Map<string, number>();
    for (let m = 1; m <= 12; m++) {
      values.set(`2023-${String(m).padStart(2, '0')}`, 100);
      values.set(`2024-${String(m).padStart(2, '0')}`, 150);
    }
    const series: PriceIndexSeries = { id: 'tufe', first: '2023-01', last: '2024-12', values };
    const realChange = realComparison({ items, from: P23, to: P24, series, keys: comparison.map((r) => r.key) });
    const tr = buildAlerts({ items, periods: [P24], ratios, comparison, checks, realChange });
    const assets = tr.find((a) => a.kind === 'change' && a.id === 'TOTAL_ASSETS');
    assert.ok(assets, 'total assets fell 30 %: a material change');
    // Nominal 2,000 -> 1,400 is -30 %; real 3,000 (2,000 × 1.5) -> 1,400 is -53.3 %.
    assert.equal(assets.message, `${assets.message.split(' (TOTAL_ASSETS)')[0]} (TOTAL_ASSETS) 2023-12-31 → 2024-12-31: −%30,0 nominal, −%53,3 reel (TÜFE).`);
    const analysis = { items: {}, periods: [P24], ratios, comparison, validation: { status: 'failed' as const, checks }, realChange } as unknown as Analysis;
    assert.match(renderAlert(assets, 'en', analysis, items), /2023-12-31 → 2024-12-31: −30\.0% nominal, −53\.3% real by CPI \(TÜFE\)\.$/);
    // Without an index the wording stays nominal.
    const nominal = buildAlerts({ items, periods: [P24], ratios, comparison, checks }).find((a) => a.id === 'TOTAL_ASSETS')!;
    assert.doesNotMatch(nominal.message, /reel/);
  });
});
