import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RATIO_DEFINITIONS, RATIO_IDS, type RatioId } from '../../domain/ratio-definitions.ts';
import { computeRatios, computeRatiosForPeriod } from '../../domain/ratios.ts';
import { deriveInputs, INPUT_NAMES, type StatementInputs } from '../../domain/statement-inputs.ts';
import type { Items } from '../../domain/types.ts';

/** Statements are written in TL (full units) and stored in kuruş, as the domain holds them. */
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
  assert.ok(Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)), `${label}: ${actual} != ${expected}`);
}

function expectRatios(actual: Record<RatioId, number | null>, expected: Record<RatioId, number | null>): void {
  for (const id of RATIO_IDS) {
    const e = expected[id];
    if (e === null) assert.equal(actual[id], null, `${id} should be null`);
    else near(actual[id], e, id);
  }
}

const P24 = '2024-12-31';
const P23 = '2023-12-31';
const P22 = '2022-12-31';

/*
 * One company, three periods (TL):
 * 2024 — everything printed, profitable.
 * 2023 — loss year; groups 1, 10, 15, 4, 60, 62 and the subtotals are not printed and must be
 *        derived from sub-groups / accounts; 11 has neither line nor accounts (SEC = 0);
 *        NET_PROFIT comes from the balance sheet's 591.
 * 2022 — negative equity, no inventory (INV = 0), no finance expenses printed (FIN = 0).
 * Trade payables (32): printed in 2024, from accounts 320 + 321 in 2023, absent in 2022 (TP = 0).
 */
const company = tl({
  '1': { [P24]: 500_000, [P22]: 100_000 },
  '10': { [P24]: 60_000, [P22]: 30_000 },
  '100': { [P23]: 5_000 },
  '102': { [P23]: 40_000 },
  '103': { [P23]: -5_000 },
  '11': { [P24]: 20_000 },
  '12': { [P24]: 150_000, [P23]: 100_000, [P22]: 70_000 },
  '15': { [P24]: 200_000 },
  '153': { [P23]: 130_000 },
  '158': { [P23]: -10_000 },
  '19': { [P23]: 10_000 },
  '2': { [P24]: 700_000, [P23]: 530_000, [P22]: 50_000 },
  TOTAL_ASSETS: { [P24]: 1_200_000, [P22]: 150_000 },
  '3': { [P24]: 300_000, [P23]: 400_000, [P22]: 120_000 },
  '32': { [P24]: 90_000 },
  '320': { [P23]: 70_000 },
  '321': { [P23]: 10_000 },
  '4': { [P24]: 200_000, [P22]: 80_000 },
  '40': { [P23]: 100_000 },
  '420': { [P23]: 50_000 },
  '5': { [P24]: 700_000, [P23]: 250_000, [P22]: -50_000 },
  '591': { [P23]: -110_000 },
  TOTAL_LIABILITIES_AND_EQUITY: { [P24]: 1_200_000, [P22]: 150_000 },
  '60': { [P24]: 1_050_000 },
  '600': { [P23]: 700_000 },
  '601': { [P23]: 100_000 },
  '61': { [P24]: -50_000, [P23]: -20_000 },
  NET_SALES: { [P24]: 1_000_000, [P22]: 200_000 },
  '62': { [P24]: -600_000, [P22]: -150_000 },
  '620': { [P23]: -500_000 },
  '621': { [P23]: -80_000 },
  GROSS_PROFIT: { [P24]: 400_000 },
  '63': { [P24]: -250_000, [P23]: -260_000, [P22]: -70_000 },
  OPERATING_PROFIT: { [P24]: 150_000, [P22]: -20_000 },
  '66': { [P24]: -30_000, [P23]: -40_000 },
  PROFIT_BEFORE_TAX: { [P24]: 100_000, [P23]: -110_000, [P22]: -20_000 },
  NET_PROFIT: { [P24]: 80_000, [P22]: -20_000 },
});

describe('deriveInputs', () => {
  it('takes printed lines as they are (2024)', () => {
    const i = deriveInputs(company, P24);
    assert.deepEqual(i, {
      CA: 50_000_000, NCA: 70_000_000, STL: 30_000_000, LTL: 20_000_000, EQ: 70_000_000, TA: 120_000_000,
      CASH: 6_000_000, SEC: 2_000_000, TR: 15_000_000, INV: 20_000_000,
      NS: 100_000_000, COGS: 60_000_000, GP: 40_000_000, OPEX: 25_000_000, OP: 15_000_000,
      FIN: 3_000_000, PBT: 10_000_000, NP: 8_000_000, TP: 9_000_000,
    });
  });

  it('derives unprinted groups from sub-groups and accounts (2023)', () => {
    const i = deriveInputs(company, P23);
    // CASH = 100 + 102 + 103 = 5,000 + 40,000 − 5,000 = 40,000 TL
    // INV  = 153 + 158 = 130,000 − 10,000 = 120,000 TL
    // SEC: no 11, no 11x, but main group 1 is known -> 0
    // CA   = 10 + 12 + 15 + 19 = 40,000 + 100,000 + 120,000 + 10,000 = 270,000 TL
    // TA   = CA + NCA = 270,000 + 530,000 = 800,000 TL
    // LTL  = 40 + (42 from 420) = 100,000 + 50,000 = 150,000 TL
    // NS   = 60 (600 + 601 = 800,000) + 61 (−20,000) = 780,000 TL
    // COGS = −(620 + 621) = 580,000; GP = 780,000 − 580,000 = 200,000
    // OP   = GP − OPEX = 200,000 − 260,000 = −60,000; NP = 591 = −110,000
    assert.deepEqual(i, {
      CA: 27_000_000, NCA: 53_000_000, STL: 40_000_000, LTL: 15_000_000, EQ: 25_000_000, TA: 80_000_000,
      CASH: 4_000_000, SEC: 0, TR: 10_000_000, INV: 12_000_000,
      NS: 78_000_000, COGS: 58_000_000, GP: 20_000_000, OPEX: 26_000_000, OP: -6_000_000,
      FIN: 4_000_000, PBT: -11_000_000, NP: -11_000_000, TP: 8_000_000,
    });
  });

  it('counts absent sub-groups and cost lines as 0 inside a present statement (2022)', () => {
    const i = deriveInputs(company, P22);
    assert.equal(i.INV, 0); // no 15 / 15x, main group 1 printed
    assert.equal(i.SEC, 0);
    assert.equal(i.FIN, 0); // no 66, NET_SALES printed
    assert.equal(i.GP, 5_000_000); // 200,000 − 150,000 = 50,000 TL
    assert.equal(i.EQ, -5_000_000);
  });

  it('uses 60 + 61 with 61 absent as nil, and 590 + 591 for net profit', () => {
    const i = deriveInputs(tl({ '600': { [P24]: 1_000 }, '590': { [P24]: 300 }, '591': { [P24]: -100 } }), P24);
    assert.equal(i.NS, 100_000); // 1,000 TL, no 61 printed
    assert.equal(i.COGS, 0);
    assert.equal(i.NP, 20_000); // 300 − 100 = 200 TL
  });

  it('infers a missing main group as 0 only when its side reconciles to the printed total', () => {
    const noLongTerm = tl({ '3': { [P24]: 300 }, '5': { [P24]: 700 }, TOTAL_LIABILITIES_AND_EQUITY: { [P24]: 1_000 } });
    assert.equal(deriveInputs(noLongTerm, P24).LTL, 0); // 300 + 700 = 1,000
    const gap = tl({ '3': { [P24]: 300 }, '5': { [P24]: 600 }, TOTAL_LIABILITIES_AND_EQUITY: { [P24]: 1_000 } });
    assert.equal(deriveInputs(gap, P24).LTL, null); // 100 unexplained: unknown, not 0
  });

  it('is null everywhere for a period the statement does not have', () => {
    const i = deriveInputs(company, '2021-12-31');
    for (const name of INPUT_NAMES) assert.equal(i[name], null, name);
  });
});

describe('computeRatios over three periods', () => {
  const table = computeRatios(company, [P24, P23, P22]);
  const at = (period: string) => Object.fromEntries(RATIO_IDS.map((id) => [id, table[id][period] ?? null])) as Record<RatioId, number | null>;

  it('2024: every ratio from printed figures', () => {
    expectRatios(at(P24), {
      current_ratio: 500 / 300, // 1.667
      acid_test_ratio: (500 - 200) / 300, // 1
      cash_ratio: (60 + 20) / 300, // 0.2667
      inventory_dependency_ratio: (300 - 80) / 200, // 1.1
      net_working_capital: 200_000, // 500,000 − 300,000 TL
      gross_margin: 0.4, // 400 / 1000
      operating_margin: 0.15, // 150 / 1000
      net_margin: 0.08, // 80 / 1000
      operating_expense_ratio: 0.25, // 250 / 1000
      return_on_assets: 80 / 1200, // 0.0667
      return_on_equity: 80 / 700, // 0.1143
      inventory_turnover: 3, // 600 / 200
      receivables_turnover: 1000 / 150, // 6.667
      asset_turnover: 1000 / 1200, // 0.8333
      current_asset_turnover: 2, // 1000 / 500
      debt_ratio: 500 / 1200, // (300 + 200) / 1200
      equity_ratio: 700 / 1200,
      debt_to_equity: 500 / 700,
      short_term_debt_share: 0.25, // 300 / (300 + 200 + 700)
      fixed_assets_to_equity: 1, // 700 / 700
      interest_coverage: 130 / 30, // (100 + 30) / 30
      days_sales_outstanding: 54.75, // 365 · 150 / 1000
      days_inventory_outstanding: (365 * 200) / 600, // 121.67
      days_payables_outstanding: (365 * 90) / 600, // 54.75
      cash_conversion_cycle: (365 * 200) / 600, // 54.75 + 121.67 − 54.75
    });
  });

  it('2023: derived groups and a loss', () => {
    expectRatios(at(P23), {
      current_ratio: 0.675, // 270 / 400
      acid_test_ratio: 0.375, // (270 − 120) / 400
      cash_ratio: 0.1, // (40 + 0) / 400
      inventory_dependency_ratio: 3, // (400 − 40) / 120
      net_working_capital: -130_000, // 270,000 − 400,000
      gross_margin: 200 / 780,
      operating_margin: -60 / 780,
      net_margin: -110 / 780,
      operating_expense_ratio: 260 / 780,
      return_on_assets: -0.1375, // −110 / 800
      return_on_equity: -0.44, // −110 / 250
      inventory_turnover: 580 / 120, // 4.833
      receivables_turnover: 7.8, // 780 / 100
      asset_turnover: 0.975, // 780 / 800
      current_asset_turnover: 780 / 270,
      debt_ratio: 0.6875, // (400 + 150) / 800
      equity_ratio: 0.3125, // 250 / 800
      debt_to_equity: 2.2, // 550 / 250
      short_term_debt_share: 0.5, // 400 / (400 + 150 + 250)
      fixed_assets_to_equity: 2.12, // 530 / 250
      interest_coverage: -1.75, // (−110 + 40) / 40
      days_sales_outstanding: (365 * 100) / 780, // 46.79
      days_inventory_outstanding: (365 * 120) / 580, // 75.52
      days_payables_outstanding: (365 * 80) / 580, // 320 + 321 = 80,000: 50.34
      cash_conversion_cycle: 365 * (100 / 780 + 40 / 580), // 46.79 + 75.52 − 50.34
    });
  });

  it('2022: negative equity, no inventory, no finance expenses', () => {
    expectRatios(at(P22), {
      current_ratio: 100 / 120,
      acid_test_ratio: 100 / 120, // INV = 0
      cash_ratio: 0.25, // 30 / 120
      inventory_dependency_ratio: null, // divisor INV = 0
      net_working_capital: -20_000,
      gross_margin: 0.25, // (200 − 150) / 200
      operating_margin: -0.1, // −20 / 200
      net_margin: -0.1,
      operating_expense_ratio: 0.35, // 70 / 200
      return_on_assets: -20 / 150,
      return_on_equity: 0.4, // −20 / −50: the formula as defined; meaningless sign, flagged elsewhere
      inventory_turnover: null, // 150 / 0
      receivables_turnover: 200 / 70,
      asset_turnover: 200 / 150,
      current_asset_turnover: 2, // 200 / 100
      debt_ratio: 200 / 150, // (120 + 80) / 150
      equity_ratio: -50 / 150,
      debt_to_equity: -4, // 200 / −50
      short_term_debt_share: 0.8, // 120 / (120 + 80 − 50)
      fixed_assets_to_equity: -1, // 50 / −50
      interest_coverage: null, // FIN = 0
      days_sales_outstanding: 127.75, // 365 · 70 / 200
      days_inventory_outstanding: 0, // INV = 0 over COGS 150: defined, unlike the turnover
      days_payables_outstanding: 0, // no 32: 0 inside a known main group 3
      cash_conversion_cycle: 127.75,
    });
  });

  it('has an entry for every id and period and never 0/Infinity/NaN for undefined ratios', () => {
    assert.deepEqual(Object.keys(table).sort(), [...RATIO_IDS].sort());
    for (const id of RATIO_IDS) {
      assert.deepEqual(Object.keys(table[id]).sort(), [P22, P23, P24]);
      for (const v of Object.values(table[id])) assert.ok(v === null || Number.isFinite(v), id);
    }
  });
});

describe('computeRatiosForPeriod', () => {
  const inputs = (over: Partial<StatementInputs>): StatementInputs => ({
    ...(Object.fromEntries(INPUT_NAMES.map((n) => [n, 100])) as StatementInputs),
    ...over,
  });

  it('returns null for zero divisors', () => {
    const r = computeRatiosForPeriod(inputs({ STL: 0, NS: 0, TR: 0, TA: 0, CA: 0, FIN: 0, INV: 0, LTL: 50, EQ: -50 }));
    for (const id of ['current_ratio', 'acid_test_ratio', 'cash_ratio', 'gross_margin', 'operating_margin', 'net_margin',
      'operating_expense_ratio', 'return_on_assets', 'inventory_turnover', 'receivables_turnover', 'asset_turnover',
      'current_asset_turnover', 'debt_ratio', 'equity_ratio', 'short_term_debt_share', 'interest_coverage',
      'inventory_dependency_ratio'] as const) {
      assert.equal(r[id], null, id); // STL + LTL + EQ = 0 + 50 − 50 = 0 for the short-term share
    }
    near(r.return_on_equity, -2); // 100 / −50
    near(r.net_working_capital, 0); // (0 − 0) / 100
    const noEquity = computeRatiosForPeriod(inputs({ EQ: 0 }));
    assert.equal(noEquity.return_on_equity, null);
    assert.equal(noEquity.debt_to_equity, null);
    assert.equal(noEquity.fixed_assets_to_equity, null);
  });

  it('returns 0, not -0, for a zero numerator over a negative divisor', () => {
    const r = computeRatiosForPeriod(inputs({ NP: 0, EQ: -100 }));
    assert.ok(Object.is(r.return_on_equity, 0));
  });

  it('converts the working capital amount from kuruş to full units', () => {
    // 1,234,567.89 TL − 234,567.89 TL = 1,000,000 TL
    const r = computeRatiosForPeriod(inputs({ CA: 123_456_789, STL: 23_456_789 }));
    assert.equal(r.net_working_capital, 1_000_000);
  });
});

describe('single-statement documents', () => {
  it('income statement only: balance-sheet and cross-statement ratios are null', () => {
    const items = tl({
      NET_SALES: { [P24]: 500 }, '62': { [P24]: -300 }, GROSS_PROFIT: { [P24]: 200 }, '63': { [P24]: -100 },
      OPERATING_PROFIT: { [P24]: 100 }, '66': { [P24]: -20 }, PROFIT_BEFORE_TAX: { [P24]: 80 }, NET_PROFIT: { [P24]: 64 },
    });
    const t = computeRatios(items, [P24]);
    near(t.gross_margin[P24], 0.4); // 200 / 500
    near(t.operating_margin[P24], 0.2); // 100 / 500
    near(t.net_margin[P24], 0.128); // 64 / 500
    near(t.operating_expense_ratio[P24], 0.2); // 100 / 500
    near(t.interest_coverage[P24], 5); // (80 + 20) / 20
    for (const id of RATIO_IDS.filter((id) => RATIO_DEFINITIONS[id].family !== 'profitability' && id !== 'interest_coverage')) {
      assert.equal(t[id][P24], null, id);
    }
    assert.equal(t.return_on_assets[P24], null);
    assert.equal(t.return_on_equity[P24], null);
  });

  it('balance sheet only: income and cross-statement ratios are null, no costs invented', () => {
    const items = tl({
      '1': { [P24]: 400 }, '10': { [P24]: 100 }, '12': { [P24]: 200 }, '15': { [P24]: 100 }, '2': { [P24]: 600 },
      TOTAL_ASSETS: { [P24]: 1_000 }, '3': { [P24]: 200 }, '4': { [P24]: 300 }, '5': { [P24]: 500 },
    });
    const i = deriveInputs(items, P24);
    assert.equal(i.COGS, null);
    assert.equal(i.FIN, null);
    assert.equal(i.NS, null);
    const t = computeRatios(items, [P24]);
    near(t.current_ratio[P24], 2); // 400 / 200
    near(t.acid_test_ratio[P24], 1.5); // (400 − 100) / 200
    near(t.cash_ratio[P24], 0.5); // (100 + 0) / 200
    near(t.inventory_dependency_ratio[P24], 1); // (200 − 100) / 100
    near(t.net_working_capital[P24], 200);
    near(t.debt_ratio[P24], 0.5); // 500 / 1000
    near(t.equity_ratio[P24], 0.5);
    near(t.debt_to_equity[P24], 1);
    near(t.short_term_debt_share[P24], 0.2); // 200 / 1000
    near(t.fixed_assets_to_equity[P24], 1.2); // 600 / 500
    for (const id of RATIO_IDS.filter((id) => ['profitability', 'efficiency'].includes(RATIO_DEFINITIONS[id].family) || id === 'interest_coverage')) {
      assert.equal(t[id][P24], null, id);
    }
  });
});

describe('RATIO_DEFINITIONS', () => {
  it('defines the 25 ids in four families of 5/6/8/6 (four days metrics among efficiency)', () => {
    assert.equal(RATIO_IDS.length, 25);
    const count = (f: string) => RATIO_IDS.filter((id) => RATIO_DEFINITIONS[id].family === f).length;
    assert.deepEqual([count('liquidity'), count('profitability'), count('efficiency'), count('solvency')], [5, 6, 8, 6]);
    assert.deepEqual(RATIO_IDS.filter((id) => RATIO_DEFINITIONS[id].kind === 'days'),
      ['days_sales_outstanding', 'days_inventory_outstanding', 'days_payables_outstanding', 'cash_conversion_cycle']);
  });

  it('makes the cash conversion cycle null when any of its parts is', () => {
    const items = tl({ '1': { [P24]: 400 }, '12': { [P24]: 200 }, '15': { [P24]: 100 }, '3': { [P24]: 200 }, NET_SALES: { [P24]: 1_000 } });
    const t = computeRatios(items, [P24]); // no cost of sales printed: 62 counts 0, so DIO and DPO divide by 0
    near(t.days_sales_outstanding[P24], 73); // 365 · 200 / 1000
    assert.equal(t.days_inventory_outstanding[P24], null);
    assert.equal(t.cash_conversion_cycle[P24], null);
  });

  it('carries the spec rules of thumb', () => {
    assert.deepEqual([RATIO_DEFINITIONS.current_ratio.ruleOfThumb?.min, RATIO_DEFINITIONS.current_ratio.ruleOfThumb?.max], [1.5, 2]);
    assert.equal(RATIO_DEFINITIONS.inventory_dependency_ratio.ruleOfThumb?.better, 'lower');
    assert.equal(RATIO_DEFINITIONS.debt_ratio.ruleOfThumb?.max, 0.5);
    assert.equal(RATIO_DEFINITIONS.short_term_debt_share.ruleOfThumb?.max, 0.33);
    assert.equal(RATIO_DEFINITIONS.interest_coverage.ruleOfThumb?.min, 3);
    assert.equal(RATIO_DEFINITIONS.gross_margin.ruleOfThumb, null);
    assert.equal(RATIO_DEFINITIONS.net_working_capital.kind, 'amount');
  });
});
