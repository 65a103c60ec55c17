import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newestPair } from '../../domain/comparison.ts';
import { flowPower, computeRatios } from '../../domain/ratios.ts';
import { parsePeriodCell } from '../../reading/layout/periods.ts';
import { monthsInWords, startBefore } from '../../reading/layout/period-span.ts';
import { parseStatement } from '../../reading/layout/statement-parser.ts';
import { buildAnalysis } from '../../domain/build-analysis.ts';
import { validateExtraction } from '../../domain/validate-extraction.ts';
import { line, pageOf } from './reading/page-words.ts';

const Q3 = '2024-09-30';
const Q3_PRIOR = '2023-09-30';

describe('interim periods', () => {
  it('a range in a period cell gives the flows a start; a date alone gives none', () => {
    assert.deepEqual(parsePeriodCell('01.01.2024 - 30.09.2024'), { period: Q3, relative: null, start: '2024-01-01' });
    assert.equal(parsePeriodCell('1 Ocak - 30 Haziran 2024')?.start, '2024-01-01');
    assert.equal(parsePeriodCell('01.07.2024-30.09.2024')?.start, '2024-07-01');
    assert.equal(parsePeriodCell('30.09.2024')?.start, undefined);
    assert.equal(monthsInWords([{ y: 0, height: 10, cells: [{ text: 'Nine months ended 30 September', x0: 0, x1: 100, amount: false, confidence: 1 }] }] as never), 9);
    assert.equal(startBefore(Q3, 9), '2024-01-01');
  });

  it('only ratios that set a flow against a stock are annualised', () => {
    assert.equal(flowPower('return_on_equity'), 1);
    assert.equal(flowPower('asset_turnover'), 1);
    assert.equal(flowPower('net_margin'), 0, 'flow over flow');
    assert.equal(flowPower('current_ratio'), 0, 'stock over stock');
    // Nine months: net profit 90 on equity 600 is 15 % for the period, 20 % a year.
    const items = { NET_PROFIT: { [Q3]: 90_00 }, NET_SALES: { [Q3]: 900_00 }, '5': { [Q3]: 600_00 }, TOTAL_ASSETS: { [Q3]: 1200_00 } };
    const year = computeRatios(items, [Q3]);
    const interim = computeRatios(items, [Q3], { [Q3]: 9 });
    assert.equal(year.return_on_equity[Q3], 0.15);
    assert.ok(Math.abs(interim.return_on_equity[Q3]! - 0.2) < 1e-12);
    assert.equal(interim.net_margin[Q3], year.net_margin[Q3], 'a margin is the same over any length');
  });

  it('comparisons pair like with like: nine months with nine months, never with a year', () => {
    assert.deepEqual(newestPair(['2023-12-31', Q3_PRIOR, Q3], { [Q3]: 9, [Q3_PRIOR]: 9 }), [Q3_PRIOR, Q3]);
    assert.equal(newestPair(['2023-12-31', Q3], { [Q3]: 9 }), null, 'no earlier nine months');
  });

  it('a nine-month income statement read from its header carries its length into the analysis', () => {
    const page = pageOf(1, [
      [[60, 'ÖRNEK A.Ş. GELİR TABLOSU']],
      [[60, 'Hesap'], [380, '1.1-30.9.2024'], [470, '1.1-30.9.2023']],
      line('Net Satışlar', '900', '800'),
      line('Satışların Maliyeti (-)', '(600)', '(500)'),
      line('BRÜT SATIŞ KARI', '300', '300'),
    ]);
    const statement = parseStatement([page]);
    assert.deepEqual(statement.periodStarts, { [Q3]: '2024-01-01', [Q3_PRIOR]: '2023-01-01' });
    // The same range printed over two header lines ("01.01.2024 -" above "30.09.2024").
    const stacked = pageOf(1, [
      [[60, 'ÖRNEK A.Ş. GELİR TABLOSU']],
      [[60, 'Hesap'], [380, '01.01.2024-'], [470, '01.01.2023-']],
      [[380, '30.09.2024'], [470, '30.09.2023']],
      line('Net Satışlar', '900', '800'),
    ]);
    assert.deepEqual(parseStatement([stacked]).periodStarts, statement.periodStarts);
    const analysis = buildAnalysis({ file: 'x.pdf', sha256: 'x', pages: 1, method: 'text', pagesByMethod: { text: [1], ocr: [], vision: [] }, statement, validation: validateExtraction(statement) });
    assert.deepEqual(analysis.periodLengths, { [Q3]: { start: '2024-01-01', months: 9 }, [Q3_PRIOR]: { start: '2023-01-01', months: 9 } });
  });
});
