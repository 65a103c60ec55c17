import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExtractedLine, ExtractedStatement } from '../../reading/layout/statement-parser.ts';
import { ocrAlternatives, repairStatement, REPAIRED_CONFIDENCE } from '../../reading/repair.ts';
import { validateExtraction } from '../../domain/validate-extraction.ts';

const P = '2024-12-31';

function statement(values: Record<string, number>, unit: ExtractedStatement['unit'] = 'TL'): ExtractedStatement {
  // Lines in print order (TDHP: a group line before its accounts, totals after each side);
  // the printed blocks are checked too, so the order has to be a real statement's.
  const rank = (k: string) => (k === 'TOTAL_ASSETS' ? '2~' : k === 'TOTAL_LIABILITIES_AND_EQUITY' ? '9~' : k);
  const ordered = Object.entries(values).sort(([a], [b]) => (rank(a) < rank(b) ? -1 : 1));
  const lines: ExtractedLine[] = ordered.map(([key, v]) => ({
    key,
    label: key,
    page: 1,
    statement: 'balance_sheet',
    values: { [P]: v },
    confidence: 0.95,
    source: 'ocr',
  }));
  return { companyName: null, taxId: null, unit, currency: 'TRY', periods: [P], statements: ['balance_sheet'], lines };
}

// A consistent balance sheet (kuruş): 10 = 100 + 102, 1 = 10 + 15, 2 = 25, 25 = 253 + 257, totals tie.
const good = {
  '1': 9_000_000_00,
  '10': 3_500_000_00,
  '100': 1_234_567_89,
  '102': 2_265_432_11,
  '15': 5_500_000_00,
  '2': 1_000_000_00,
  '25': 1_000_000_00,
  '253': 1_400_000_00,
  '257': -400_000_00,
  TOTAL_ASSETS: 10_000_000_00,
  '3': 4_000_000_00,
  '5': 6_000_000_00,
  TOTAL_LIABILITIES_AND_EQUITY: 10_000_000_00,
};

describe('ocrAlternatives', () => {
  it('offers confusable digit swaps, a lost digit and a doubled digit', () => {
    const alts = new Set(ocrAlternatives(1_234_567_89));
    assert.ok(alts.has(1_234_561_89), '7 → 1');
    assert.ok(alts.has(1_284_567_89), '3 → 8');
    assert.ok(alts.has(12_345_678_9 * 10 + 9), 'a digit inserted');
    assert.ok(new Set(ocrAlternatives(1_122_00)).has(122_00), 'doubled 1 removed');
    assert.ok(ocrAlternatives(-5_00).every((v) => v < 0), 'sign kept');
    assert.ok(!ocrAlternatives(1_00).includes(1_00));
  });
});

describe('repairStatement', () => {
  it('leaves a consistent statement alone', () => {
    const s = statement(good);
    const { statement: out, repairs } = repairStatement(s);
    assert.equal(repairs.length, 0);
    assert.equal(out, s);
  });

  it('fixes one misread digit that makes its sum tie, and lowers that line’s confidence', () => {
    const s = statement({ ...good, '100': 1_234_561_89 }); // 7 read as 1
    assert.equal(validateExtraction(s).status, 'failed');
    const { statement: out, repairs } = repairStatement(s);
    assert.deepEqual(repairs.map((r) => [r.key, r.period, r.from, r.to]), [['100', P, 1_234_561_89, 1_234_567_89]]);
    const line = out.lines.find((l) => l.key === '100')!;
    assert.equal(line.values[P], 1_234_567_89);
    assert.ok(line.confidence <= REPAIRED_CONFIDENCE);
    const v = validateExtraction(out);
    assert.ok(v.checks.every((c) => c.ok));
    assert.equal(v.status, 'warnings', 'a repaired value is never reported as plainly ok');
  });

  it('fixes a group total whose digit was misread when every check on it agrees', () => {
    const s = statement({ ...good, '10': 3_500_000_00 + 300_000_00 }); // 3.500.000 read as 3.800.000
    const { repairs } = repairStatement(s);
    assert.deepEqual(repairs.map((r) => [r.key, r.to]), [['10', 3_500_000_00]]);
  });

  it('fixes a lost digit', () => {
    const s = statement({ ...good, '253': 140_000_00 }); // 1.400.000,00 read as 140.000,00
    const { repairs } = repairStatement(s);
    assert.deepEqual(repairs.map((r) => [r.key, r.to]), [['253', 1_400_000_00]]);
  });

  it('leaves a difference no single misread digit explains', () => {
    const s = statement({ ...good, '100': 1_234_000_00 });
    const { repairs } = repairStatement(s);
    assert.equal(repairs.length, 0);
    assert.equal(validateExtraction(s).status, 'failed');
  });

  it('refuses when two different values could each be the misread one', () => {
    // 100 = 1.750.000 and 102 = 1.150.000 under 10 = 2.900.000; 100 read as 1.150.000. Both
    // 100 (1 → 7) and 102 (1 → 7) would make sum:10 tie and each is only in that check.
    const base = { ...good, '100': 1_750_000_00, '102': 1_150_000_00, '10': 2_900_000_00, '1': 8_400_000_00, TOTAL_ASSETS: 9_400_000_00, '5': 5_400_000_00, TOTAL_LIABILITIES_AND_EQUITY: 9_400_000_00 };
    assert.equal(validateExtraction(statement(base)).checks.every((c) => c.ok), true);
    const broken = statement({ ...base, '100': 1_150_000_00 });
    const { repairs } = repairStatement(broken);
    assert.equal(repairs.length, 0);
    assert.equal(validateExtraction(broken).status, 'failed');
  });

  it('repairs within the rounding tolerance of a Bin TL statement only when unique', () => {
    const bin = statement({ '1': 18_556_000_00, '10': 5_777_000_00, '12': 10_559_000_00, '15': 1_681_000_00, '19': 539_000_00 }, 'Bin TL');
    const bad = { ...bin, lines: bin.lines.map((l) => (l.key === '10' ? { ...l, values: { [P]: 5_717_000_00 } } : l)) };
    const { statement: out } = repairStatement(bad);
    // Whatever it decides, it must never leave a failing sum reported as ok.
    const v = validateExtraction(out);
    assert.ok(v.status !== 'ok' || out.lines.find((l) => l.key === '10')!.values[P] === 5_777_000_00);
  });
});
