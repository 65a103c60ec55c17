import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExtractedLine, ExtractedStatement } from '../../../reading/layout/statement-parser.ts';
import { repairStatement } from '../../../reading/repair.ts';
import { validateExtraction } from '../../../domain/validate-extraction.ts';

const Y1 = '2024-12-31';
const Y0 = '2023-12-31';

/** An IFRS-style OCR'd balance sheet: lines, then their printed total (kuruş per period). */
function scanned(overrides: Partial<Record<number, Partial<ExtractedLine>>> = {}): ExtractedStatement {
  const rows: [string | null, string, number | undefined, number | undefined][] = [
    ['10', 'Cash', 100_00, 90_00],
    ['12', 'Trade receivables', 200_00, 150_00],
    ['1', 'Total current assets', 300_00, 240_00],
    ['25', 'Property and equipment', 700_00, 660_00],
    ['2', 'Total non-current assets', 700_00, 660_00],
    ['TOTAL_ASSETS', 'TOTAL ASSETS', 1000_00, 900_00],
    ['32', 'Trade payables', 400_00, 300_00],
    ['3', 'Total current liabilities', 400_00, 300_00],
    ['50', 'Share capital', 600_00, 600_00],
    ['5', 'Total equity', 600_00, 600_00],
    ['TOTAL_LIABILITIES_AND_EQUITY', 'TOTAL LIABILITIES AND EQUITY', 1000_00, 900_00],
  ];
  const lines: ExtractedLine[] = rows.map(([key, label, a, b], i) => ({
    key,
    label,
    page: 1,
    statement: 'balance_sheet',
    values: { ...(a === undefined ? {} : { [Y1]: a }), ...(b === undefined ? {} : { [Y0]: b }) },
    confidence: 0.95,
    keyConfidence: 1,
    source: 'ocr',
    ...overrides[i],
  }));
  return { companyName: null, taxId: null, unit: 'TL', currency: 'TRY', periods: [Y1, Y0], statements: ['balance_sheet'], lines };
}

describe('doubt in an OCR reading', () => {
  it('a figure read with low confidence is ok once a printed block that ties summed it', () => {
    assert.equal(validateExtraction(scanned({ 1: { confidence: 0.55 } })).status, 'ok');
  });

  it('a label matched with doubt stays unsure: the sums cannot tell a wrong key', () => {
    assert.equal(validateExtraction(scanned({ 1: { confidence: 0.55, keyConfidence: 0.7 } })).status, 'warnings');
  });

  it('a low-confidence unkeyed line outside the statement (a stamp, a header) does not count; inside a block that does not tie it does', () => {
    const s = scanned();
    const stamp: ExtractedLine = { key: null, label: 'RECEIVED APR', page: 1, statement: 'balance_sheet', values: { [Y1]: 9_00 }, confidence: 0.2, source: 'ocr' };
    assert.equal(validateExtraction({ ...s, lines: [...s.lines, stamp] }).status, 'ok');
    // Between the cash line and the current-assets total, its amount breaks the tie.
    const inside = [...s.lines.slice(0, 2), stamp, ...s.lines.slice(2)];
    assert.notEqual(validateExtraction({ ...s, lines: inside }).status, 'ok');
  });

  it('a repaired digit is never plainly ok, even when every check ties after it', () => {
    const s = scanned({ 3: { values: { [Y1]: 760_00, [Y0]: 660_00 } } }); // 700 read as 760
    const { statement, repairs } = repairStatement(s);
    assert.deepEqual(repairs.map((r) => [r.key, r.to]), [['25', 700_00]]);
    assert.equal(validateExtraction(statement).status, 'warnings');
    // Read again and confirmed (lib/confirm-repairs.ts clears the flag): ok.
    const confirmed = { ...statement, lines: statement.lines.map(({ repaired: _, ...l }) => l) };
    assert.equal(validateExtraction(confirmed).status, 'ok');
  });

  it('a keyed OCR line missing a cell is unsure, unless a tying block proves the cell was zero', () => {
    // Trade receivables printed "-" for 2023 and OCR lost it; 2023 still ties without it.
    const zero = scanned({
      1: { values: { [Y1]: 200_00 } },
      2: { values: { [Y1]: 300_00, [Y0]: 90_00 } },
      5: { values: { [Y1]: 1000_00, [Y0]: 750_00 } },
      6: { values: { [Y1]: 400_00, [Y0]: 150_00 } },
      7: { values: { [Y1]: 400_00, [Y0]: 150_00 } },
      10: { values: { [Y1]: 1000_00, [Y0]: 750_00 } },
    });
    assert.ok(validateExtraction(zero).checks.every((c) => c.ok), 'the sums tie without the lost cell');
    assert.equal(validateExtraction(zero).status, 'warnings', 'a lost cell alone keeps it unsure');
    const fixed = repairStatement(zero).statement;
    assert.equal(fixed.lines[1]!.values[Y0], 0);
    assert.equal(validateExtraction(fixed).status, 'ok');
  });
});
