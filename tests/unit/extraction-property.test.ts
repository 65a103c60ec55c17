import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { itemsOf } from '../../domain/statement-items.ts';
import { validateExtraction } from '../../domain/validate-extraction.ts';
import { fromKurus } from '../../domain/money.ts';
import { readStatementPdf } from '../../reading/read-statement-pdf.ts';
import { createRng, generateStatement, type GenerateOptions, type Layout } from '../generator/index.ts';

/**
 * Property: any consistent statement the generator can draw — any layout, unit, number of
 * periods, column order, negative style, one statement or both — reads back exactly.
 */
const LAYOUTS: Layout[] = ['t1-detailed', 't2-summary', 't5-spreadsheet', 't6-english'];
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
/**
 * Seeds 1..N. Each costs a generation and a full read (~0.6 s), so `npm test` draws 40 (every
 * layout ten times, the other dimensions mixed); PROPERTY_SEEDS=120 (or more) for the full
 * sweep before changing the reader.
 */
const SEEDS = Number(process.env.PROPERTY_SEEDS ?? 40);
if (!Number.isInteger(SEEDS) || SEEDS < 1) throw new Error(`PROPERTY_SEEDS must be a positive integer, not ${process.env.PROPERTY_SEEDS}`);

function randomOptions(seed: number): GenerateOptions {
  const rng = createRng(seed);
  const layout = LAYOUTS[seed % LAYOUTS.length]!;
  const count = rng.int(1, 3);
  const newest = YEARS[rng.int(count - 1, YEARS.length - 1)]!;
  let periods = Array.from({ length: count }, (_, i) => `${newest - i}-12-31`);
  if (rng.float(0, 1) < 0.3) periods = periods.reverse();
  const statements = (
    [['balance_sheet', 'income_statement'], ['balance_sheet'], ['income_statement']] as const
  )[rng.float(0, 1) < 0.6 ? 0 : rng.int(1, 2)]!;
  return {
    seed,
    layout,
    periods,
    unit: layout === 't2-summary' || rng.float(0, 1) < 0.25 ? 'Bin TL' : 'TL',
    negatives: rng.float(0, 1) < 0.5 ? 'parens' : 'minus',
    statements: [...statements],
  };
}

describe('extraction reads generated statements back exactly', () => {
  for (let seed = 1; seed <= SEEDS; seed++) {
    const opts = randomOptions(seed * 7919);
    it(`seed ${opts.seed}: ${opts.layout}, ${opts.unit}, ${opts.periods!.join('/')}, ${opts.statements!.join('+')}, ${opts.negatives}`, async () => {
      const { pdf, truth } = await generateStatement(opts);
      const reading = await readStatementPdf(pdf);
      assert.ok(reading, 'text layer read');
      const st = reading.statement;
      assert.deepEqual(st.periods, truth.periods, 'periods in column order');
      assert.equal(st.unit, truth.unit);
      assert.deepEqual(st.statements, truth.statements);
      assert.equal(st.taxId, truth.company.taxId);
      const items = itemsOf(st);
      const got = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).map(([p, x]) => [p, fromKurus(x)]))]));
      assert.deepEqual(got, truth.items);
      assert.equal(validateExtraction(st).status, 'ok');
    });
  }
});
