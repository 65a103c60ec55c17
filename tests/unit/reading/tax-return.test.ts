import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { fromKurus } from '../../../domain/money.ts';
import { itemsOf, variantItemsOf } from '../../../domain/statement-items.ts';
import { foldTurkish } from '../../../domain/turkish-text.ts';
import { validateExtraction } from '../../../domain/validate-extraction.ts';
import { readStatementPdf } from '../../../reading/read-statement-pdf.ts';
import { renderTaxReturnPdf, taxReturnModel, type TaxReturnTruth } from '../../generator/tax-return-pdf.ts';

/**
 * A Kurumlar Vergisi Beyannamesi annex (tests/fixtures/statements/08-tax-return-digital.*,
 * written by scripts/make-tax-return-fixture.ts): tax-office and form headings, an approval
 * stamp, an identity block, a foreign-currency annex, Roman/lettered/numbered lines cut at
 * the form's width, and a third column restating the current period for inflation.
 */
const DIR = new URL('../../fixtures/statements/', import.meta.url);
const pdf = await readFile(new URL('08-tax-return-digital.pdf', DIR));
const truth = JSON.parse(await readFile(new URL('08-tax-return-digital.truth.json', DIR), 'utf8')) as Omit<TaxReturnTruth, 'itemsKurus'>;

describe('tax-return statement (e-Beyanname annex)', () => {
  it('the committed fixture is what the generator draws', async () => {
    const again = await renderTaxReturnPdf(taxReturnModel(2024_08, 2024));
    assert.ok(Buffer.from(again).equals(pdf), 'regenerate with npx tsx scripts/make-tax-return-fixture.ts');
  });

  it('reads facts from the identity block, never from the form headings or the annex', async () => {
    const reading = await readStatementPdf(pdf);
    assert.ok(reading);
    const st = reading.statement;
    assert.equal(foldTurkish(st.companyName ?? ''), foldTurkish(truth.company.name));
    assert.equal(st.taxId, truth.company.taxId);
    assert.equal(st.currency, 'TRY', 'the USD/EUR annex is no currency of the statements');
    assert.equal(st.unit, 'TL');
    assert.deepEqual(st.statements, truth.statements);
  });

  it('reads two periods exactly; the restated column is neither a period nor merged into one', async () => {
    const st = (await readStatementPdf(pdf))!.statement;
    assert.deepEqual(st.periods, truth.periods, 'approval stamp and restated column add no period');
    const got = Object.fromEntries(Object.entries(itemsOf(st)).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).map(([p, x]) => [p, fromKurus(x)]))]));
    assert.deepEqual(got, truth.items);
    const [variant] = truth.variants;
    assert.ok(variant && variant.period === truth.periods.at(-1));
    // The restated figures differ from the period's; none of them was taken for it.
    const restatedTaken = Object.entries(variant.items).filter(([k, v]) => v !== 0 && v !== truth.items[k]![variant.period] && got[k]?.[variant.period] === v);
    assert.deepEqual(restatedTaken, []);
  });

  it('keeps the restated column as a labelled variant of the current period, read exactly', async () => {
    const st = (await readStatementPdf(pdf))!.statement;
    const variant = truth.variants[0]!;
    assert.deepEqual(Object.keys(st.variants ?? {}), [variant.period]);
    assert.equal(foldTurkish(st.variants![variant.period]!), foldTurkish(variant.label));
    const read = variantItemsOf(st)[variant.period]!.items;
    const got = Object.fromEntries(Object.entries(read).map(([k, v]) => [k, fromKurus(v)]));
    assert.deepEqual(got, variant.items);
  });

  it('sums tie despite labels cut by the form: validation ok', async () => {
    const st = (await readStatementPdf(pdf))!.statement;
    const v = validateExtraction(st);
    assert.equal(v.status, 'ok', v.checks.filter((c) => !c.ok).map((c) => `${c.id}@${c.period}`).join(' '));
  });
});
