/**
 * Layout fuzzer: one seed gives one statement drawn under one value of every layout
 * dimension, its PDF, its truth and the values drawn (reproduce with the same seed).
 */
import type { StatementType } from '../../../domain/types.ts';
import { modelTruth, type Truth } from '../index.ts';
import { createRng } from '../random.ts';
import { buildStatementModel, resolveOptions, type GenerateOptions } from '../statement-model.ts';
import { drawLayout, type LayoutDraw } from './dimensions.ts';
import { renderFuzzPdf } from './render-fuzz.ts';

export { DIMENSIONS, drawLayout, type Dimension, type LayoutDraw } from './dimensions.ts';

export type FuzzDraw = { seed: number; dims: LayoutDraw; pdf: Uint8Array; truth: Truth };

const STATEMENTS: Record<LayoutDraw['statements'], StatementType[]> = {
  'bs+is': ['balance_sheet', 'income_statement'],
  bs: ['balance_sheet'],
  is: ['income_statement'],
  'is+bs': ['income_statement', 'balance_sheet'],
};

/** The model options a draw implies: periods in print order, unit, statements, detail. */
export function fuzzOptions(seed: number, d: LayoutDraw): GenerateOptions {
  const rng = createRng(seed * 48271 + 7);
  const n = Number(d.periodCount);
  const newest = rng.int(2019 + n, 2025);
  const byAge = Array.from({ length: n }, (_, i) => `${newest - i}-${d.yearEnd}`);
  const periods = d.periodOrder === 'newest-first' ? byAge
    : d.periodOrder === 'oldest-first' ? [...byAge].reverse() : rng.shuffle(byAge);
  return { seed, layout: d.detail === 'summary' ? 't2-summary' : 't1-detailed', periods, unit: d.unit, statements: STATEMENTS[d.statements] };
}

export async function fuzzDraw(seed: number, fixed: Partial<LayoutDraw> = {}): Promise<FuzzDraw> {
  const dims = drawLayout(seed, fixed);
  const opts = resolveOptions(fuzzOptions(seed, dims));
  const model = buildStatementModel(opts, createRng(opts.seed));
  return { seed, dims, pdf: await renderFuzzPdf(model, dims), truth: modelTruth(model) };
}
