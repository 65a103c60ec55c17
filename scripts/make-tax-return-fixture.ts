/**
 * Writes the committed tax-return fixture (tests/fixtures/statements/08-tax-return-digital.*):
 * a generated Kurumlar Vergisi Beyannamesi annex and its truth. Rerunning reproduces the same
 * bytes; tests/unit/reading/tax-return.test.ts checks that it still does.
 *
 *   npx tsx scripts/make-tax-return-fixture.ts
 */
import { writeFile } from 'node:fs/promises';
import { renderTaxReturnPdf, taxReturnModel, taxReturnTruth } from '../tests/generator/tax-return-pdf.ts';

export const TAX_RETURN_FIXTURE = { seed: 2024_08, year: 2024, basename: '08-tax-return-digital' };

const model = taxReturnModel(TAX_RETURN_FIXTURE.seed, TAX_RETURN_FIXTURE.year);
const dir = new URL('../tests/fixtures/statements/', import.meta.url);
await writeFile(new URL(`${TAX_RETURN_FIXTURE.basename}.pdf`, dir), await renderTaxReturnPdf(model));
const truth = { id: TAX_RETURN_FIXTURE.basename, variant: 'digital', language: 'tr', ...taxReturnTruth(model) };
const { itemsKurus: _kurus, ...printed } = truth;
await writeFile(new URL(`${TAX_RETURN_FIXTURE.basename}.truth.json`, dir), `${JSON.stringify(printed, null, 1)}\n`);
