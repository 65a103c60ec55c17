import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossCheck } from '../../reading/cross-check.ts';
import type { ExtractedLine } from '../../reading/layout/statement-parser.ts';
import type { ReaderSource } from '../../reading/layout/words.ts';

const P = '2024-12-31';
const Q = '2023-12-31';

/** A reading from key → [value for P, value for Q] (kuruş). */
function reading(source: ReaderSource, rows: Record<string, [number, number?]>, confidence = 0.8): { lines: ExtractedLine[] } {
  return {
    lines: Object.entries(rows).map(([key, [a, b]]) => ({
      key, label: key, page: 1, statement: 'balance_sheet' as const, confidence, source,
      values: (b === undefined ? { [P]: a } : { [P]: a, [Q]: b }) as Record<string, number>,
    })),
  };
}

// Hazır Değerler 10 = 100 + 102 + 103 (103 negative), Dönen Varlıklar 1 = 10 + 12.
const truth: Record<string, [number, number]> = {
  '1': [80_000, 50_000], '10': [30_000, 20_000], '100': [5_000, 4_000], '102': [27_000, 17_000], '103': [-2_000, -1_000],
  '12': [50_000, 30_000], '120': [50_000, 30_000],
  '2': [20_000, 10_000], '25': [20_000, 10_000], '253': [25_000, 12_000], '257': [-5_000, -2_000],
  TOTAL_ASSETS: [100_000, 60_000],
};
const withCell = (key: string, i: 0 | 1, v: number) => {
  const copy = structuredClone(truth);
  copy[key]![i] = v;
  return copy;
};
const decision = (r: ReturnType<typeof crossCheck>, key: string, period = P) => r.decisions.find((d) => d.key === key && d.period === period)!;

describe('crossCheck', () => {
  it('agrees on identical readings and raises confidence', () => {
    const r = crossCheck(reading('text', truth, 0.8), reading('vision', truth, 0.7));
    assert.ok(r.decisions.every((d) => d.decision === 'agreed'));
    assert.deepEqual(r.items['102'], { [P]: 27_000, [Q]: 17_000 });
    const line = r.lines.find((l) => l.key === '102')!;
    assert.ok(line.confidence > 0.9, `confidence ${line.confidence}`);
    assert.deepEqual(line.sources, ['text', 'vision']);
  });

  it('chooses the secondary value when only it makes the group sum tie', () => {
    const r = crossCheck(reading('ocr', withCell('102', 0, 72_000)), reading('vision', truth));
    assert.equal(r.items['102']![P], 27_000);
    assert.equal(decision(r, '102').decision, 'chose-secondary');
    assert.equal(decision(r, '102', Q).decision, 'agreed');
    assert.deepEqual(r.lines.find((l) => l.key === '102')!.sources, ['ocr', 'vision']);
  });

  it('keeps the primary value when it ties and the secondary does not', () => {
    const r = crossCheck(reading('text', truth), reading('vision', withCell('253', 1, 21_000)));
    assert.equal(r.items['253']![Q], 12_000);
    assert.equal(decision(r, '253', Q).decision, 'chose-primary');
    assert.equal(decision(r, '253', Q).reason, 'ties');
  });

  it('settles a group total by its children and by the total above it', () => {
    const r = crossCheck(reading('text', withCell('10', 0, 36_000)), reading('vision', truth));
    assert.equal(r.items['10']![P], 30_000);
    assert.equal(decision(r, '10').decision, 'chose-secondary');
  });

  it('fixes two misreads in one sum, one in each reading', () => {
    const primary = withCell('102', 0, 72_000);
    const secondary = withCell('100', 0, 8_000);
    const r = crossCheck(reading('ocr', primary), reading('vision', secondary));
    assert.equal(r.items['102']![P], 27_000);
    assert.equal(r.items['100']![P], 5_000);
    assert.equal(decision(r, '102').decision, 'chose-secondary');
    assert.equal(decision(r, '100').decision, 'chose-primary');
  });

  it('marks a value disputed when neither candidate ties, keeping the primary with both numbers', () => {
    const r = crossCheck(reading('text', withCell('120', 0, 51_000)), reading('vision', withCell('120', 0, 15_000)));
    const d = decision(r, '120');
    assert.equal(d.decision, 'disputed');
    assert.equal(d.chosen, 51_000);
    const line = r.lines.find((l) => l.key === '120')!;
    assert.deepEqual(line.disputes, [{ period: P, primary: 51_000, secondary: 15_000 }]);
    assert.ok(line.confidence <= 0.3);
  });

  it('follows the income-statement chain', () => {
    const is: Record<string, [number, number?]> = {
      '60': [1_000_000], '61': [-50_000], NET_SALES: [950_000], '62': [-600_000], GROSS_PROFIT: [350_000],
      '63': [-100_000], OPERATING_PROFIT: [250_000], '64': [10_000], '65': [-5_000], '66': [-20_000], ORDINARY_PROFIT: [235_000],
      '67': [0], '68': [0], PROFIT_BEFORE_TAX: [235_000], '691': [-47_000], NET_PROFIT: [188_000],
    };
    const wrong = { ...is, GROSS_PROFIT: [380_000] as [number] };
    const r = crossCheck(reading('text', wrong), reading('vision', is));
    assert.equal(r.items.GROSS_PROFIT![P], 350_000);
    assert.equal(decision(r, 'GROSS_PROFIT').decision, 'chose-secondary');
  });

  it('adds a line only the secondary saw when it completes a sum, and ignores one that does not', () => {
    const primary = structuredClone(truth) as Record<string, [number, number?]>;
    delete primary['100'];
    const secondary: Record<string, [number, number?]> = { ...truth, '108': [999, 999] };
    const sec = reading('vision', secondary);
    const r = crossCheck(reading('text', primary), sec);
    assert.deepEqual(r.items['100'], { [P]: 5_000, [Q]: 4_000 });
    assert.equal(decision(r, '100').decision, 'chose-secondary');
    assert.equal(r.items['108'], undefined);
    assert.equal(decision(r, '108').reason, 'only-secondary');
    const keys = r.lines.map((l) => l.key);
    const before = sec.lines[sec.lines.findIndex((l) => l.key === '100') - 1]!.key;
    assert.equal(keys.indexOf('100'), keys.indexOf(before) + 1, 'placed where the secondary printed it');
  });

  it('keeps primary-only values and unkeyed primary lines', () => {
    const p = reading('text', truth);
    p.lines.push({ key: null, label: 'Not: açıklama', page: 1, statement: null, values: { [P]: 1 }, confidence: 0.3, source: 'text' });
    const s = reading('vision', { '1': truth['1']! });
    const r = crossCheck(p, s);
    assert.equal(decision(r, '102').decision, 'chose-primary');
    assert.equal(decision(r, '102').reason, 'only-primary');
    assert.ok(r.lines.some((l) => l.key === null && l.label === 'Not: açıklama'));
  });

  it('allows printed rounding in Bin TL statements', () => {
    // Bin TL: 10 = 100 + 102 off by one thousand through rounding; a misread is off by far more.
    const bin = { '10': [3_000_000_00, 0] as [number, number], '100': [1_000_000_00, 0] as [number, number], '102': [2_000_100_00, 0] as [number, number] };
    const wrong = { ...bin, '102': [7_000_100_00, 0] as [number, number] };
    const r = crossCheck(reading('ocr', wrong), reading('vision', bin), { roundingKurus: 100_000 });
    assert.equal(decision(r, '102').decision, 'chose-secondary');
  });
});
