import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeStoredStatements, type StoredStatement } from '../../domain/company-history.ts';
import { ratioDrivers, type RatioDrivers } from '../../domain/drivers.ts';
import { RATIO_IDS } from '../../domain/ratio-definitions.ts';
import { computeRatios } from '../../domain/ratios.ts';
import type { Items } from '../../domain/types.ts';
import { generateModel, modelTruth } from '../generator/index.ts';

/** Full units -> kuruş items. */
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

/** Every level of the decomposition adds up to the level above it. */
function assertAddsUp(d: RatioDrivers): void {
  near(d.numeratorEffect + d.denominatorEffect, d.change, `${d.id} effects`);
  near(d.inputs.reduce((s, i) => s + i.contribution, 0), d.change, `${d.id} inputs`);
  for (const side of ['numerator', 'denominator'] as const) {
    const effect = side === 'numerator' ? d.numeratorEffect : d.denominatorEffect;
    near(d.inputs.filter((i) => i.side === side).reduce((s, i) => s + i.contribution, 0), effect, `${d.id} ${side}`);
  }
  for (const input of d.inputs) {
    near(input.groups.reduce((s, g) => s + g.contribution, 0), input.contribution, `${d.id} ${input.input} groups`);
    for (const g of input.groups) {
      if (g.accounts.length) near(g.accounts.reduce((s, a) => s + a.contribution, 0), g.contribution, `${d.id} ${g.key} accounts`);
    }
  }
}

describe('ratioDrivers: current ratio (hand-computed)', () => {
  // CA 1,500 -> 1,600; STL 1,000 -> 1,600; current ratio 1.5 -> 1.0.
  const items = tl({
    '1': { [P23]: 1500, [P24]: 1600 },
    '10': { [P23]: 300, [P24]: 200 },
    '102': { [P23]: 300, [P24]: 200 },
    '12': { [P23]: 700, [P24]: 900 },
    '120': { [P23]: 700, [P24]: 900 },
    '15': { [P23]: 500, [P24]: 500 },
    '153': { [P23]: 500, [P24]: 500 },
    '3': { [P23]: 1000, [P24]: 1600 },
    '30': { [P24]: 500 },
    '300': { [P24]: 500 },
    '32': { [P23]: 1000, [P24]: 1100 },
    '320': { [P23]: 1000, [P24]: 1100 },
  });
  const d = ratioDrivers(items, 'current_ratio', P23, P24)!;

  it('splits the change into a numerator and a denominator effect that add up exactly', () => {
    assert.ok(d);
    near(d.fromValue, 1.5);
    near(d.toValue, 1.0);
    near(d.change, -0.5);
    // (1600 − 1500) · ½(1/1000 + 1/1600) = 100 · 0.0008125
    near(d.numeratorEffect, 0.08125);
    // ½(1500 + 1600) · (1/1600 − 1/1000) = 1550 · −0.000375
    near(d.denominatorEffect, -0.58125);
    assertAddsUp(d);
  });

  it('attributes each effect to the sub-groups and accounts that moved', () => {
    const ca = d.inputs.find((i) => i.input === 'CA')!;
    assert.deepEqual(ca.groups.map((g) => g.key), ['12', '10']); // 15 did not move
    near(ca.groups[0]!.contribution, 200 * 0.0008125);
    near(ca.groups[1]!.contribution, -100 * 0.0008125);
    const stl = d.inputs.find((i) => i.input === 'STL')!;
    assert.deepEqual(stl.groups.map((g) => g.key), ['30', '32']);
    near(stl.groups[0]!.contribution, (500 / 600) * -0.58125); // new bank loans
    near(stl.groups[1]!.contribution, (100 / 600) * -0.58125);
    assert.equal(stl.groups[0]!.accounts[0]!.key, '300');
    assert.equal(stl.groups[0]!.change, 500);
  });

  it('answers "why did the current ratio fall?" with the printed lines, largest first', () => {
    assert.deepEqual(d.top.map((l) => l.key), ['300', '120', '320', '102']);
    near(d.top[0]!.contribution, -0.484375);
    assert.equal(d.top[0]!.name?.tr, 'Banka Kredileri');
  });
});

describe('ratioDrivers: edge cases', () => {
  it('is null for a zero divisor in either period and for missing inputs', () => {
    const items = tl({ '1': { [P23]: 100, [P24]: 120 }, '3': { [P23]: 0, [P24]: 50 } });
    assert.equal(ratioDrivers(items, 'current_ratio', P23, P24), null);
    // No inventory printed under a printed main group: INV = 0, so inventory turnover is undefined.
    assert.equal(ratioDrivers(items, 'inventory_turnover', P23, P24), null);
    // No income statement: every profitability ratio is undefined.
    assert.equal(ratioDrivers(items, 'gross_margin', P23, P24), null);
  });

  it('works through a loss (net margin −10 % -> 4 %)', () => {
    const items = tl({
      '60': { [P23]: 1000, [P24]: 1250 },
      '600': { [P23]: 1000, [P24]: 1250 },
      '62': { [P23]: -800, [P24]: -900 },
      '620': { [P23]: -800, [P24]: -900 },
      '63': { [P23]: -300, [P24]: -300 },
      '632': { [P23]: -300, [P24]: -300 },
      NET_PROFIT: { [P23]: -100, [P24]: 50 },
    });
    const d = ratioDrivers(items, 'net_margin', P23, P24)!;
    near(d.fromValue, -0.1);
    near(d.toValue, 0.04);
    near(d.numeratorEffect, 150 * 0.0009); // 150 · ½(1/1000 + 1/1250)
    near(d.denominatorEffect, -25 * -0.0002); // ½(−100 + 50) · (1/1250 − 1/1000)
    assertAddsUp(d);
    const np = d.inputs.find((i) => i.input === 'NP')!;
    assert.deepEqual(np.groups.map((g) => [g.key, g.change]), [['60', 250], ['62', -100]]);
    near(np.groups[1]!.contribution, -0.09);
    // Sales count on both sides; netted per account in `top`.
    assert.equal(d.top[0]!.key, '600');
    near(d.top[0]!.contribution, 0.225 + 0.005);
    assert.equal(d.top[1]!.key, '620');
    assert.equal(d.top[1]!.change, -100); // printed sign kept
  });

  it('works through negative equity (debt to equity 4 -> −9)', () => {
    const items = tl({
      '3': { [P23]: 800, [P24]: 900 },
      '32': { [P23]: 800, [P24]: 900 },
      '320': { [P23]: 800, [P24]: 900 },
      '4': { [P23]: 0, [P24]: 0 },
      '5': { [P23]: 200, [P24]: -100 },
      '500': { [P23]: 100, [P24]: 100 },
      '590': { [P23]: 100, [P24]: 0 },
      '591': { [P24]: -200 },
    });
    const d = ratioDrivers(items, 'debt_to_equity', P23, P24)!;
    near(d.fromValue, 4);
    near(d.toValue, -9);
    near(d.numeratorEffect, 100 * 0.5 * (1 / 200 - 1 / 100)); // −0.25
    near(d.denominatorEffect, 850 * (1 / -100 - 1 / 200)); // −12.75
    assertAddsUp(d);
    const eq = d.inputs.find((i) => i.input === 'EQ')!;
    assert.deepEqual(eq.groups.map((g) => g.key), ['59']);
    assert.deepEqual(eq.groups[0]!.accounts.map((a) => [a.key, a.change]), [['591', -200], ['590', -100]]);
    near(eq.groups[0]!.accounts[0]!.contribution, -8.5);
    assert.equal(d.top[0]!.key, '591');
  });

  it('shows a total printed without its parts as the input line itself, and residuals as unexplained', () => {
    const items = tl({ PROFIT_BEFORE_TAX: { [P23]: 100, [P24]: 200 }, '66': { [P23]: -50, [P24]: -50 }, '660': { [P23]: -50, [P24]: -50 } });
    const d = ratioDrivers(items, 'interest_coverage', P23, P24)!;
    near(d.fromValue, 3);
    near(d.toValue, 5);
    near(d.numeratorEffect, 2); // 100 · 1/50
    near(d.denominatorEffect, 0);
    assertAddsUp(d);
    const pbt = d.inputs.find((i) => i.input === 'PBT')!;
    assert.deepEqual(pbt.groups.map((g) => [g.key, g.change, g.contribution]), [['PROFIT_BEFORE_TAX', 100, 2]]);
    assert.deepEqual(d.top.map((l) => l.key), ['PROFIT_BEFORE_TAX']);

    // Sub-group 10 printed as 300 but its accounts add up to 250: the 50 is 'unexplained'.
    const odd = tl({ '1': { [P23]: 300, [P24]: 400 }, '10': { [P23]: 300, [P24]: 400 }, '100': { [P23]: 250, [P24]: 400 }, '3': { [P23]: 100, [P24]: 100 } });
    const c = ratioDrivers(odd, 'current_ratio', P23, P24)!;
    assertAddsUp(c);
    const g10 = c.inputs[0]!.groups[0]!;
    assert.deepEqual(g10.accounts.map((a) => [a.key, a.change]), [['100', 150], [null, -50]]);
  });

  it('handles the net working capital amount (full units, numerator only)', () => {
    const items = tl({ '1': { [P23]: 1500, [P24]: 1600 }, '3': { [P23]: 1000, [P24]: 1600 } });
    const d = ratioDrivers(items, 'net_working_capital', P23, P24)!;
    near(d.fromValue, 500);
    near(d.toValue, 0);
    near(d.numeratorEffect, -500);
    near(d.denominatorEffect, 0);
    assertAddsUp(d);
    assert.deepEqual(d.inputs.map((i) => [i.input, i.contribution]), [['CA', 100], ['STL', -600]]);
  });
});

describe('ratioDrivers: cash conversion cycle (a sum of three days metrics)', () => {
  // TR 100 -> 150, NS 1000 -> 1200, INV 80 -> 90, 62 −600 -> −720, 32 (320) 60 -> 90 (TL).
  const items = tl({
    '1': { [P23]: 300, [P24]: 400 }, '12': { [P23]: 100, [P24]: 150 }, '15': { [P23]: 80, [P24]: 90 },
    '3': { [P23]: 200, [P24]: 250 }, '320': { [P23]: 60, [P24]: 90 },
    NET_SALES: { [P23]: 1000, [P24]: 1200 }, '62': { [P23]: -600, [P24]: -720 },
  });
  const ccc = (tr: number, ns: number, inv: number, cogs: number, tp: number) => 365 * (tr / ns + inv / cogs - tp / cogs);

  it('moves by DSO + DIO − DPO and every level adds up to that change', () => {
    const d = ratioDrivers(items, 'cash_conversion_cycle', P23, P24)!;
    near(d.fromValue, ccc(100, 1000, 80, 600, 60), 'from');
    near(d.toValue, ccc(150, 1200, 90, 720, 90), 'to');
    assertAddsUp(d);
    // COGS is read by DIO and DPO: one input line, not two.
    assert.equal(d.inputs.filter((i) => i.input === 'COGS').length, 1);
    // Payables rose: that shortens the cycle, so its contribution is negative.
    assert.ok(d.inputs.find((i) => i.input === 'TP')!.contribution < 0);
    near(d.top.reduce((s, l) => s + l.contribution, 0), d.change, 'top lines');
  });
});

describe('ratioDrivers on generated statements', () => {
  for (const seed of [11, 22, 33, 44]) {
    it(`agrees with computeRatios and adds up at every level (seed ${seed})`, () => {
      const truth = modelTruth(generateModel({ seed, periods: [P24, P23] }));
      const ratios = computeRatios(truth.itemsKurus, [P23, P24]);
      for (const id of RATIO_IDS) {
        const d = ratioDrivers(truth.itemsKurus, id, P23, P24);
        if (ratios[id][P23] === null || ratios[id][P24] === null) {
          assert.equal(d, null, id);
          continue;
        }
        assert.ok(d, id);
        near(d.fromValue, ratios[id][P23]!, `${id} from`);
        near(d.toValue, ratios[id][P24]!, `${id} to`);
        assertAddsUp(d);
      }
    });
  }
});

describe('drivers across separate uploads', () => {
  // Two uploads of one company: 2023 alone, then 2024 alone; merged from the stored rows.
  const rows: StoredStatement[] = [
    { documentId: 1, periodEnd: P23, type: 'balance_sheet', currency: 'TRY', items: { '1': 1500, '12': 700, '120': 700, '10': 800, '102': 800, '3': 1000, '32': 1000, '320': 1000 } },
    { documentId: 2, periodEnd: P24, type: 'balance_sheet', currency: 'TRY', items: { '1': 1200, '12': 700, '120': 700, '10': 500, '102': 500, '3': 1000, '32': 1000, '320': 1000 } },
  ];
  it('explains the 2024 current ratio from 2023 figures of the earlier upload', () => {
    const series = mergeStoredStatements(rows);
    assert.deepEqual(series.periods, [P23, P24]);
    const d = ratioDrivers(series.items, 'current_ratio', P23, P24)!;
    near(d.change, -0.3); // 1.5 -> 1.2
    near(d.denominatorEffect, 0);
    assert.deepEqual(d.top.map((l) => [l.key, l.change]), [['102', -300]]);
    near(d.top[0]!.contribution, -0.3);
  });
  it('a three-period company: drivers between any two periods', () => {
    const third: StoredStatement = { documentId: 3, periodEnd: P22, type: 'balance_sheet', currency: 'TRY', items: { '1': 1000, '12': 500, '120': 500, '10': 500, '102': 500, '3': 2000, '32': 2000, '320': 2000 } };
    const series = mergeStoredStatements([...rows, third]);
    assert.deepEqual(series.periods, [P22, P23, P24]);
    const d = ratioDrivers(series.items, 'current_ratio', P22, P24)!;
    near(d.fromValue, 0.5);
    near(d.toValue, 1.2);
    near(d.numeratorEffect, 200 * 0.5 * (1 / 2000 + 1 / 1000)); // 0.15
    near(d.denominatorEffect, 1100 * (1 / 1000 - 1 / 2000)); // 0.55
    assertAddsUp(d);
    assert.equal(d.top[0]!.key, '320');
  });
});
