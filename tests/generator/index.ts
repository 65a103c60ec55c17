/** Test-fixture generator: random, exactly consistent TDHP statements as PDFs plus their truth. */
import type { Items, StatementType } from '../../domain/types.ts';
import { createRng } from './random.ts';
import { renderStatementPdf } from './render-pdf.ts';
import { buildStatementModel, resolveOptions, type GenerateOptions, type StatementModel, type Unit } from './statement-model.ts';

export type { GenerateOptions, Layout, Unit } from './statement-model.ts';
export { createRng, mulberry32 } from './random.ts';
export { isValidVkn } from './company.ts';

/** Same shape as the fixtures' truth files: `items` in full TL, `itemsKurus` exact. */
export type Truth = {
  company: { name: string; taxId: string };
  currency: 'TRY';
  unit: Unit;
  periods: string[];
  statements: StatementType[];
  items: Record<string, Record<string, number>>;
  itemsKurus: Items;
};

export function modelTruth(model: StatementModel): Truth {
  const { options: opts } = model;
  const itemsKurus: Items = {};
  const printed = [...model.balanceSheet, ...model.incomeStatement];
  for (const line of printed) if (line.key) itemsKurus[line.key] = { ...line.values };
  const items = Object.fromEntries(Object.entries(itemsKurus).map(([key, values]) =>
    [key, Object.fromEntries(Object.entries(values).map(([p, v]) => [p, v / 100]))]));
  return {
    company: { name: model.company.name, taxId: model.company.taxId },
    currency: 'TRY',
    unit: opts.unit,
    periods: [...opts.periods],
    statements: [...opts.statements],
    items,
    itemsKurus,
  };
}

/** Builds the model only (no PDF): fast, for invariant checks over many seeds. */
export function generateModel(opts: GenerateOptions): StatementModel {
  const resolved = resolveOptions(opts);
  return buildStatementModel(resolved, createRng(resolved.seed));
}

export async function generateStatement(opts: GenerateOptions): Promise<{ pdf: Uint8Array; truth: Truth }> {
  const model = generateModel(opts);
  return { pdf: await renderStatementPdf(model), truth: modelTruth(model) };
}
