import { PDFDocument } from 'pdf-lib';
import type { Items, StatementType } from '../../domain/types.ts';
import { generateModel, type Truth } from './index.ts';
import { renderStatementPdf } from './render-pdf.ts';
import type { StatementModel } from './statement-model.ts';

/**
 * A KAP-style interim report: the balance sheet at the quarter's end beside the last year-end,
 * the income statement for the months to the quarter's end beside the same months a year
 * earlier (English layout, whose income-statement headers print the range "1 Jan - 30 Sep
 * 2024"). One consistent model over all three dates, each statement printed with its own two.
 */
export async function generateInterimStatement(opts: { seed: number; end: string; yearEnd: string; priorEnd: string }): Promise<{ pdf: Uint8Array; truth: Truth; periodsOf: Record<StatementType, string[]> }> {
  const model = generateModel({ seed: opts.seed, layout: 't6-english', periods: [opts.end, opts.yearEnd, opts.priorEnd] });
  const periodsOf: Record<StatementType, string[]> = { balance_sheet: [opts.end, opts.yearEnd], income_statement: [opts.end, opts.priorEnd] };
  const only = (kind: StatementType): StatementModel => ({
    ...model,
    options: { ...model.options, periods: periodsOf[kind], statements: [kind] },
    balanceSheet: kind === 'balance_sheet' ? model.balanceSheet : [],
    incomeStatement: kind === 'income_statement' ? model.incomeStatement : [],
  });
  const out = await PDFDocument.create();
  for (const kind of ['balance_sheet', 'income_statement'] as const) {
    const part = await PDFDocument.load(await renderStatementPdf(only(kind)));
    for (const page of await out.copyPages(part, part.getPageIndices())) out.addPage(page);
  }
  const itemsKurus: Items = {};
  for (const kind of ['balance_sheet', 'income_statement'] as const) {
    for (const line of kind === 'balance_sheet' ? model.balanceSheet : model.incomeStatement) {
      if (line.key) itemsKurus[line.key] = Object.fromEntries(periodsOf[kind].map((p) => [p, line.values[p] ?? 0]));
    }
  }
  const items = Object.fromEntries(Object.entries(itemsKurus).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).map(([p, x]) => [p, x / 100]))]));
  const truth: Truth = {
    company: { name: model.company.name, taxId: model.company.taxId },
    currency: 'TRY',
    unit: model.options.unit,
    periods: [opts.end, opts.yearEnd, opts.priorEnd],
    statements: ['balance_sheet', 'income_statement'],
    items,
    itemsKurus,
  };
  return { pdf: await out.save(), truth, periodsOf };
}
