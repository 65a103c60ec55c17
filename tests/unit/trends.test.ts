import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeStoredStatements, overlayItems, type StoredStatement } from '../../domain/company-history.ts';
import { cagr, computeTrends, describeTrends, directionOf, trendPeriods, yearsBetween } from '../../domain/trends.ts';
import type { Items } from '../../domain/types.ts';

function tl(rows: Record<string, Record<string, number>>): Items {
  return Object.fromEntries(
    Object.entries(rows).map(([key, values]) => [key, Object.fromEntries(Object.entries(values).map(([p, v]) => [p, Math.round(v * 100)]))]),
  );
}

function near(actual: number | null | undefined, expected: number, label = ''): void {
  assert.ok(typeof actual === 'number', `${label}: expected ${expected}, got ${actual}`);
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${label}: ${actual} != ${expected}`);
}

const P22 = '2022-12-31';
const P23 = '2023-12-31';
const P24 = '2024-12-31';

describe('trend helpers', () => {
  it('directionOf: rising, falling, flat, mixed; nulls skipped; too few values -> null', () => {
    assert.equal(directionOf([1, 2, 3]), 'rising');
    assert.equal(directionOf([3, null, 2, 1]), 'falling');
    assert.equal(directionOf([2, 2, 2]), 'flat');
    assert.equal(directionOf([1, 3, 2]), 'mixed');
    assert.equal(directionOf([1, 1, 2]), 'rising'); // an unchanged step does not break a rise
    assert.equal(directionOf([null, 5, null]), null);
    assert.equal(directionOf([0.1 + 0.2, 0.3, 0.3]), 'flat'); // float noise is not a move
  });

  it('yearsBetween counts calendar months', () => {
    assert.equal(yearsBetween(P22, P24), 2);
    assert.equal(yearsBetween('2023-06-30', P24), 1.5);
  });

  it('cagr: (last/first)^(1/years) − 1, undefined through zero, losses and negative values', () => {
    near(cagr(100, 121, 2).value, 0.1);
    near(cagr(1000, 1100, 2).value, Math.sqrt(1.1) - 1);
    assert.deepEqual(cagr(-10, 20, 2), { value: null, gap: 'non_positive' });
    assert.deepEqual(cagr(0, 20, 2), { value: null, gap: 'non_positive' });
    assert.deepEqual(cagr(500, -100, 2), { value: null, gap: 'non_positive' });
    assert.deepEqual(cagr(100, 110, 0), { value: null, gap: 'same_date' });
    assert.deepEqual(cagr(null, 110, 1), { value: null, gap: 'missing' });
  });

  it('trendPeriods keeps the newest period’s month-day (no half-year mixed into years)', () => {
    assert.deepEqual(trendPeriods([P24, '2024-06-30', P22, P23]), [P22, P23, P24]);
    assert.deepEqual(trendPeriods(['2023-06-30', P23, '2024-06-30']), ['2023-06-30', '2024-06-30']);
  });
});

describe('computeTrends over three years', () => {
  /*
   * Net sales 100 -> 110 -> 121 (rising, CAGR exactly 10 %); total assets 1,000 -> 900 -> 1,100
   * (mixed, CAGR √1.1 − 1); equity 500 -> 400 -> −100 (falling, negative at the end: no CAGR);
   * net profit −10 -> 5 -> 20 (rising from a loss: no CAGR, +300 % of |−10|).
   */
  const items = tl({
    '1': { [P22]: 600, [P23]: 500, [P24]: 700 },
    '2': { [P22]: 400, [P23]: 400, [P24]: 400 },
    TOTAL_ASSETS: { [P22]: 1000, [P23]: 900, [P24]: 1100 },
    '3': { [P22]: 300, [P23]: 300, [P24]: 1000 },
    '4': { [P22]: 200, [P23]: 200, [P24]: 200 },
    '5': { [P22]: 500, [P23]: 400, [P24]: -100 },
    NET_SALES: { [P22]: 100, [P23]: 110, [P24]: 121 },
    NET_PROFIT: { [P22]: -10, [P23]: 5, [P24]: 20 },
    '15': { '2024-06-30': 1 }, // a half-year period: not part of the year-end trend
  });
  const t = computeTrends(items)!;

  it('uses the year-end periods and their span', () => {
    assert.deepEqual(t.periods, [P22, P23, P24]);
    assert.equal(t.years, 2);
  });

  it('gives direction, total change and compound growth of sales, assets, equity and profit', () => {
    assert.deepEqual(t.metrics.net_sales.values, [100, 110, 121]);
    assert.equal(t.metrics.net_sales.direction, 'rising');
    near(t.metrics.net_sales.cagr, 0.1);
    near(t.metrics.net_sales.totalChangePct, 21);
    assert.equal(t.metrics.total_assets.direction, 'mixed');
    near(t.metrics.total_assets.cagr, Math.sqrt(1.1) - 1);
    assert.equal(t.metrics.equity.direction, 'falling');
    assert.equal(t.metrics.equity.cagr, null);
    assert.equal(t.metrics.equity.cagrGap, 'non_positive');
    near(t.metrics.equity.totalChangePct, -120); // (−100 − 500) / 500
    assert.equal(t.metrics.net_profit.direction, 'rising');
    assert.equal(t.metrics.net_profit.cagr, null);
    near(t.metrics.net_profit.totalChangePct, 300);
  });

  it('gives each ratio’s direction, null where undefined', () => {
    // Current ratio 2 -> 1.667 -> 0.7
    assert.equal(t.ratios.current_ratio.direction, 'falling');
    near(t.ratios.current_ratio.values[1], 500 / 300);
    // Debt ratio 0.5 -> 0.556 -> 1.091
    assert.equal(t.ratios.debt_ratio.direction, 'rising');
    // No inventory, no cost of sales: inventory turnover undefined throughout.
    assert.deepEqual(t.ratios.inventory_turnover.values, [null, null, null]);
    assert.equal(t.ratios.inventory_turnover.direction, null);
  });

  it('describes the trend in Turkish and English', () => {
    const tr = describeTrends(t, 'tr');
    assert.equal(tr[0], 'Net Satışlar 2022-12-31 – 2024-12-31 arasında her dönem arttı (yıllık bileşik %10,0).');
    assert.ok(tr.some((s) => s.startsWith('Özkaynaklar') && s.includes('bileşik büyüme hesaplanamaz')));
    assert.equal(describeTrends(t, 'en')[0], 'Net sales rose every period from 2022-12-31 to 2024-12-31 (compound 10.0% a year).');
  });

  it('is null with fewer than three comparable periods', () => {
    assert.equal(computeTrends(tl({ NET_SALES: { [P23]: 1, [P24]: 2 } })), null);
    assert.equal(computeTrends(tl({ NET_SALES: { [P23]: 1, '2024-06-30': 2, [P22]: 3 } })), null);
  });
});

describe('a company built from separate uploads', () => {
  // Upload 1 (doc 1): 2023 and 2022. Upload 2 (doc 2): 2024. Upload 3 (doc 3): 2023 again,
  // restated, with fewer lines: it supersedes doc 1's 2023 balance sheet as a whole.
  const rows: StoredStatement[] = [
    { documentId: 1, periodEnd: P22, type: 'balance_sheet', currency: 'TRY', items: { '1': 800, '3': 400, '102': 100, TOTAL_ASSETS: 1000 } },
    { documentId: 1, periodEnd: P22, type: 'income_statement', currency: 'TRY', items: { NET_SALES: 1000, NET_PROFIT: 50 } },
    { documentId: 1, periodEnd: P23, type: 'balance_sheet', currency: 'TRY', items: { '1': 900, '3': 500, '102': 200, TOTAL_ASSETS: 1200 } },
    { documentId: 1, periodEnd: P23, type: 'income_statement', currency: 'TRY', items: { NET_SALES: 1100, NET_PROFIT: 60 } },
    { documentId: 2, periodEnd: P24, type: 'balance_sheet', currency: 'TRY', items: { '1': 1200, '3': 600, '102': 300, TOTAL_ASSETS: 1500 } },
    { documentId: 2, periodEnd: P24, type: 'income_statement', currency: 'TRY', items: { NET_SALES: 1331, NET_PROFIT: -30 } },
    { documentId: 3, periodEnd: P23, type: 'balance_sheet', currency: 'TRY', items: { '1': 1000, '3': 500, TOTAL_ASSETS: 1250 } },
    { documentId: 4, periodEnd: P24, type: 'balance_sheet', currency: 'USD', items: { '1': 1 } },
  ];

  it('merges uploads into one series; a later upload of a period replaces it whole; other currencies stay out', () => {
    const s = mergeStoredStatements(rows, { currency: 'TRY' });
    assert.deepEqual(s.periods, [P22, P23, P24]);
    assert.equal(s.items['1']![P23], 100_000); // doc 3 wins
    assert.equal(s.items['102']![P23], undefined); // not blended with doc 1's 2023 lines
    assert.equal(s.items.NET_SALES![P23], 110_000); // doc 1's income statement stays
    assert.equal(s.items['1']![P24], 120_000);
    assert.deepEqual(s.sources, { [P22]: [1], [P23]: [1, 3], [P24]: [2] });
  });

  it('leaves out the analysed document and what it prints itself', () => {
    const s = mergeStoredStatements(rows, { documentId: 2, printed: { periods: [P23], statements: ['balance_sheet'] }, currency: 'TRY' });
    assert.deepEqual(s.periods, [P22, P23]);
    assert.equal(s.items['1']![P23], undefined);
    assert.equal(s.items.NET_SALES![P23], 110_000);
  });

  it('leaves out periods after the document’s newest (a late upload of an old year)', () => {
    const s = mergeStoredStatements(rows, { currency: 'TRY', upTo: P23 });
    assert.deepEqual(s.periods, [P22, P23]);
  });

  it('overlayItems: the document wins per period and statement', () => {
    const base = tl({ '1': { [P23]: 1, [P24]: 2 }, '102': { [P24]: 3 }, NET_SALES: { [P24]: 4 } });
    const top = tl({ '1': { [P24]: 9 } });
    assert.deepEqual(overlayItems(base, top), tl({ '1': { [P23]: 1, [P24]: 9 }, NET_SALES: { [P24]: 4 } }));
  });

  it('gives three-year trends over periods from different uploads', () => {
    const s = mergeStoredStatements(rows, { currency: 'TRY' });
    const t = computeTrends(s.items)!;
    near(t.metrics.net_sales.cagr, Math.sqrt(1.331) - 1); // 1000 -> 1331 over two years
    near(t.metrics.total_assets.cagr, Math.sqrt(1.5) - 1);
    assert.equal(t.metrics.net_profit.direction, 'mixed');
    assert.equal(t.metrics.net_profit.cagrGap, 'non_positive'); // a loss in 2024
  });
});
