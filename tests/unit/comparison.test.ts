import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareItems, newestPair, ratioChanges, statementOf } from '../../domain/comparison.ts';
import { RATIO_IDS } from '../../domain/ratio-definitions.ts';
import type { RatioTable } from '../../domain/ratios.ts';
import type { Items } from '../../domain/types.ts';

function tl(rows: Record<string, Record<string, number>>): Items {
  return Object.fromEntries(
    Object.entries(rows).map(([key, values]) => [
      key,
      Object.fromEntries(Object.entries(values).map(([p, v]) => [p, Math.round(v * 100)])),
    ]),
  );
}

function near(actual: number | null | undefined, expected: number, label = ''): void {
  assert.ok(typeof actual === 'number', `${label}: expected ${expected}, got ${actual}`);
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${label}: ${actual} != ${expected}`);
}

const P22 = '2022-12-31';
const P23 = '2023-12-31';
const P24 = '2024-12-31';

/*
 * Materiality bases (5 %): total assets 1,000,000 -> 50,000 (2023) and 1,200,000 -> 60,000
 * (2024); net sales 800,000 -> 40,000 (2023) and 1,000,000 -> 50,000 (2024).
 */
const items = tl({
  '102': { [P23]: 30_000, [P24]: 45_000 }, // +50 %, immaterial in both years
  '120': { [P23]: 100_000, [P24]: 160_000 }, // +60 %, material
  '153': { [P24]: 80_000 }, // new line: zero base
  '180': { [P22]: 5 }, // neither compared period
  '257': { [P23]: -90_000, [P24]: -120_000 }, // −33.3 %, material
  TOTAL_ASSETS: { [P23]: 1_000_000, [P24]: 1_200_000 }, // +20 %, below the threshold
  '300': { [P23]: 20_000, [P24]: 70_000 }, // +250 %, material only in 2024
  '320': { [P23]: 40_000 }, // gone: −100 %, immaterial
  NET_SALES: { [P23]: 800_000, [P24]: 1_000_000 }, // exactly +25 %
  '621': { [P23]: -400_000, [P24]: -600_000 }, // −50 %, material
  '632': { [P23]: -30_000, [P24]: -45_000 }, // −50 %, immaterial
  NET_PROFIT: { [P23]: -20_000, [P24]: 30_000 }, // loss to profit, immaterial
  '760': { [P23]: -10, [P24]: -100 }, // not on either statement: no base
});

describe('compareItems', () => {
  const rows = compareItems(items, P23, P24);
  const row = (key: string) => {
    const r = rows.find((x) => x.key === key);
    assert.ok(r, key);
    return r;
  };

  it('lists keys printed in either period, in statement order', () => {
    assert.deepEqual(
      rows.map((r) => r.key),
      ['102', '120', '153', '257', 'TOTAL_ASSETS', '300', '320', 'NET_SALES', '621', '632', 'NET_PROFIT', '760'],
    );
    for (const r of rows) assert.deepEqual([r.from, r.to], [P23, P24]);
  });

  it('gives the change in full units and in percent of the base', () => {
    assert.equal(row('102').change, 15_000);
    near(row('102').changePct, 50); // 15,000 / 30,000
    assert.equal(row('257').change, -30_000);
    near(row('257').changePct, -100 / 3); // −30,000 / 90,000
    assert.equal(row('320').change, -40_000); // missing in 2024 = blank = 0
    near(row('320').changePct, -100);
    assert.equal(row('NET_PROFIT').change, 50_000); // −20,000 -> 30,000
    near(row('NET_PROFIT').changePct, 250); // 50,000 / |−20,000|
  });

  it('has a null changePct and no alert for a zero base', () => {
    assert.equal(row('153').change, 80_000);
    assert.equal(row('153').changePct, null);
    assert.equal(row('153').alert, false); // material (80,000 ≥ 60,000) but no percentage
  });

  it('alerts only on large changes of material lines', () => {
    const alerts = Object.fromEntries(rows.map((r) => [r.key, r.alert]));
    assert.deepEqual(alerts, {
      '102': false, // 30,000 < 50,000 and 45,000 < 60,000
      '120': true, // 100,000 ≥ 50,000, 60 % ≥ 25 %
      '153': false,
      '257': true, // |−90,000| ≥ 50,000, |−33.3 %| ≥ 25 %
      TOTAL_ASSETS: false, // 20 % < 25 %
      '300': true, // 70,000 ≥ 60,000 in 2024 suffices
      '320': false, // 40,000 < 50,000; 0 in 2024
      NET_SALES: true, // 25 % ≥ 25 %: the threshold is inclusive
      '621': true, // 400,000 ≥ 40,000
      '632': false, // 30,000 < 40,000 and 45,000 < 50,000
      NET_PROFIT: false, // 20,000 < 40,000 and 30,000 < 50,000
      '760': false, // no base
    });
  });

  it('takes thresholds from the options', () => {
    // 10 % change, 1 % materiality: 10,000 / 12,000 of assets, 8,000 / 10,000 of sales
    const loose = compareItems(items, P23, P24, { changeAlertPct: 10, materialityPct: 1 });
    const alert = (key: string) => loose.find((r) => r.key === key)?.alert;
    assert.equal(alert('TOTAL_ASSETS'), true); // 20 % ≥ 10 %
    assert.equal(alert('102'), true); // 30,000 ≥ 10,000
    assert.equal(alert('632'), true); // 30,000 ≥ 8,000
    assert.equal(alert('NET_PROFIT'), true); // 20,000 ≥ 8,000
    assert.equal(alert('760'), false);
  });

  it('measures materiality against derived total assets when the total is not printed', () => {
    // TA = 1 + 2 = 600 + 400 = 1,000 in both years; 5 % = 50
    const derived = tl({
      '1': { [P23]: 600, [P24]: 600 }, '102': { [P23]: 40, [P24]: 60 }, '103': { [P23]: -10, [P24]: -40 },
      '2': { [P23]: 400, [P24]: 400 },
    });
    const alert = (key: string) => compareItems(derived, P23, P24).find((r) => r.key === key)?.alert;
    assert.equal(alert('102'), true); // +50 %, 60 ≥ 50
    assert.equal(alert('103'), false); // −300 %, but 40 < 50
  });
});

describe('newestPair', () => {
  it('picks the newest period and the one before it whatever the column order', () => {
    assert.deepEqual(newestPair([P23, P24]), [P23, P24]); // oldest first
    assert.deepEqual(newestPair([P24, P23]), [P23, P24]);
    assert.deepEqual(newestPair([P23, P24, P22]), [P23, P24]);
  });

  it('is null with fewer than two distinct periods', () => {
    assert.equal(newestPair([]), null);
    assert.equal(newestPair([P24]), null);
    assert.equal(newestPair([P24, P24]), null);
  });
});

describe('statementOf', () => {
  it('classifies codes and total keys', () => {
    assert.equal(statementOf('102'), 'balance_sheet');
    assert.equal(statementOf('TOTAL_LIABILITIES_AND_EQUITY'), 'balance_sheet');
    assert.equal(statementOf('691'), 'income_statement');
    assert.equal(statementOf('ORDINARY_PROFIT'), 'income_statement');
    assert.equal(statementOf('760'), null);
  });
});

describe('ratioChanges', () => {
  const table = Object.fromEntries(RATIO_IDS.map((id) => [id, {}])) as RatioTable;
  table.current_ratio = { [P23]: 1.5, [P24]: 1.2 };
  table.net_margin = { [P23]: 0, [P24]: 0.05 };
  table.return_on_equity = { [P23]: -0.1, [P24]: 0.1 };
  table.debt_ratio = { [P23]: null, [P24]: 0.5 };
  const changes = ratioChanges(table, P23, P24);
  const of = (id: string) => changes.find((c) => c.id === id);

  it('covers every ratio in id order', () => {
    assert.deepEqual(changes.map((c) => c.id), [...RATIO_IDS]);
  });

  it('computes change and percent, null where undefined', () => {
    near(of('current_ratio')?.change, -0.3); // 1.2 − 1.5
    near(of('current_ratio')?.changePct, -20); // −0.3 / 1.5
    near(of('net_margin')?.change, 0.05);
    assert.equal(of('net_margin')?.changePct, null); // zero base
    near(of('return_on_equity')?.changePct, 200); // 0.2 / |−0.1|
    assert.deepEqual(of('debt_ratio'), {
      id: 'debt_ratio', from: P23, to: P24, fromValue: null, toValue: 0.5, change: null, changePct: null,
    });
    assert.equal(of('gross_margin')?.fromValue, null);
  });
});
