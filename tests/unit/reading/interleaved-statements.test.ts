import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExtractedLine, ExtractedStatement } from '../../../domain/extracted-statement.ts';
import { validateExtraction } from '../../../domain/validate-extraction.ts';

const P = '2025-12-31';
const line = (key: string, statement: ExtractedLine['statement'], v: number): ExtractedLine => ({ key, label: key, page: 1, statement, values: { [P]: v }, confidence: 1, source: 'text', keyConfidence: 1 });
const base = (middle: ExtractedLine[]): ExtractedStatement => ({
  companyName: null, taxId: null, unit: 'TL', currency: 'TRY', periods: [P], statements: ['balance_sheet', 'income_statement'],
  lines: [
    line('1', 'balance_sheet', 100), line('TOTAL_ASSETS', 'balance_sheet', 100), line('5', 'balance_sheet', 100), line('50', 'balance_sheet', 70), line('59', 'balance_sheet', 30),
    ...middle,
    line('TOTAL_LIABILITIES_AND_EQUITY', 'balance_sheet', 100),
    line('PROFIT_BEFORE_TAX', 'income_statement', 40), line('691', 'income_statement', -10), line('NET_PROFIT', 'income_statement', 30),
  ],
});

test('a line keyed to the income statement amid the balance sheet is not plainly ok', () => {
  // The balance sheet's "590 Net Profit for the Period" keyed as the income statement's
  // profit: every sum still ties, but 590 is unread and the statement's own line is unkeyed.
  const wrong = base([{ ...line('NET_PROFIT', 'income_statement', 30) }]);
  wrong.lines = wrong.lines.filter((l, i) => !(l.key === 'NET_PROFIT' && i > 6));
  assert.equal(validateExtraction(wrong).status, 'warnings');
  const right = base([line('590', 'balance_sheet', 30)]);
  assert.equal(validateExtraction(right).status, 'ok');
});
