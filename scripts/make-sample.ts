/**
 * Writes the bundled sample for the README quick start: a T1-style statement of a made-up
 * company (2024 vs 2023, balance sheet and income statement) and its truth file. Generated,
 * not hand-made, so the numbers reconcile exactly; rerunning reproduces the same bytes.
 *
 *   npx tsx scripts/make-sample.ts
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { generateModel, generateStatement, modelTruth } from '../tests/generator/index.ts';
import type { GenerateOptions } from '../tests/generator/index.ts';

const OUT_DIR = new URL('../samples/', import.meta.url);
const BASENAME = 'ornek-bilanco-2024';
const OPTIONS: GenerateOptions = {
  // Picked so the sample shows a profitable two-page document with contra accounts.
  seed: 20243,
  layout: 't1-detailed',
  periods: ['2024-12-31', '2023-12-31'],
  unit: 'TL',
  statements: ['balance_sheet', 'income_statement'],
  companyName: 'Örnek Gıda Sanayi ve Ticaret A.Ş.',
};

/** Truth JSON in print order (JSON.stringify would hoist numeric keys), one item per line. */
function truthJson(): string {
  const model = generateModel(OPTIONS);
  const truth = modelTruth(model);
  const printed = [...model.balanceSheet, ...model.incomeStatement].flatMap((l) => (l.key ? [l.key] : []));
  const head = {
    id: BASENAME, template: 'T1', variant: 'digital', language: 'tr',
    company: truth.company, currency: truth.currency, unit: truth.unit,
    periods: truth.periods, statements: truth.statements,
  };
  const headLines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const itemLines = printed.map((k) => `    ${JSON.stringify(k)}: ${JSON.stringify(truth.items[k])}`);
  return `{\n${headLines.join(',\n')},\n  "items": {\n${itemLines.join(',\n')}\n  }\n}\n`;
}

const { pdf } = await generateStatement(OPTIONS);
await mkdir(OUT_DIR, { recursive: true });
await writeFile(new URL(`${BASENAME}.pdf`, OUT_DIR), pdf);
await writeFile(new URL(`${BASENAME}.truth.json`, OUT_DIR), truthJson());
console.log(`wrote samples/${BASENAME}.pdf (${Math.round(pdf.length / 1024)} KB) and samples/${BASENAME}.truth.json`);
