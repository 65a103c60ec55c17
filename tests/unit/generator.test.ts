import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { generateModel, generateStatement, isValidVkn, modelTruth, type GenerateOptions, type Layout, type Truth } from '../generator/index.ts';

const LAYOUTS: Layout[] = ['t1-detailed', 't2-summary', 't5-spreadsheet', 't6-english'];
const STANDARD_FONTS = new URL('../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url).pathname;
/** Lines that must never be positive: contra accounts and deductions. */
const NON_POSITIVE = /^(103|129|257|268|371|501|58\d?|591|61\d?|62\d?|63\d?|65\d?|66\d?|68\d?|691)$/;

/** Every invariant of the fixtures README, checked exactly in kuruş; returns the violations. */
function invariantErrors(t: Truth): string[] {
  const errors: string[] = [];
  const items = t.itemsKurus;
  const keys = Object.keys(items);
  const hasBs = t.statements.includes('balance_sheet');
  const hasIs = t.statements.includes('income_statement');
  for (const p of t.periods) {
    const v = (k: string) => items[k]?.[p] ?? 0;
    const expect = (what: string, actual: number, expected: number) => {
      if (actual !== expected) errors.push(`${p} ${what}: ${actual} != ${expected}`);
    };
    for (const k of keys) {
      const value = items[k]![p];
      if (!Number.isInteger(value)) errors.push(`${p} ${k} is not integer kuruş: ${value}`);
      if (t.unit === 'Bin TL' && value! % 100_000 !== 0) errors.push(`${p} ${k} is not whole thousands: ${value}`);
      if (t.items[k]?.[p] !== value! / 100) errors.push(`${p} ${k} full-TL value mismatch`);
      if (NON_POSITIVE.test(k) && value! > 0) errors.push(`${p} ${k} deduction is positive: ${value}`);
      if (!/^\d{1,2}$/.test(k)) continue;
      const children = keys.filter((c) => c.length === k.length + 1 && c.startsWith(k) && c !== '691');
      if (children.length > 0 || k.length === 1) expect(`sum:${k}`, v(k), children.reduce((s, c) => s + v(c), 0));
    }
    if (hasBs) {
      expect('TOTAL_ASSETS = 1 + 2', v('TOTAL_ASSETS'), v('1') + v('2'));
      expect('TOTAL_L&E = 3 + 4 + 5', v('TOTAL_LIABILITIES_AND_EQUITY'), v('3') + v('4') + v('5'));
      expect('balance', v('TOTAL_ASSETS'), v('TOTAL_LIABILITIES_AND_EQUITY'));
      if (v('TOTAL_ASSETS') < 2e8 || v('TOTAL_ASSETS') > 5e10) errors.push(`${p} total assets out of range: ${v('TOTAL_ASSETS')}`);
    }
    if (hasIs) {
      expect('NET_SALES', v('NET_SALES'), v('60') + v('61'));
      expect('GROSS_PROFIT', v('GROSS_PROFIT'), v('NET_SALES') + v('62'));
      expect('OPERATING_PROFIT', v('OPERATING_PROFIT'), v('GROSS_PROFIT') + v('63'));
      expect('ORDINARY_PROFIT', v('ORDINARY_PROFIT'), v('OPERATING_PROFIT') + v('64') + v('65') + v('66'));
      expect('PROFIT_BEFORE_TAX', v('PROFIT_BEFORE_TAX'), v('ORDINARY_PROFIT') + v('67') + v('68'));
      expect('NET_PROFIT', v('NET_PROFIT'), v('PROFIT_BEFORE_TAX') + v('691'));
    }
    // The summary prints no accounts, so there sub-group 59 carries the period's result.
    const result = items['590'] || items['591'] ? v('590') + v('591') : v('59');
    if (hasBs && hasIs) expect('590 + 591 (or 59) = NET_PROFIT', result, v('NET_PROFIT'));
  }
  return errors;
}

/** Option mixes beyond the defaults: period counts and order, units, single statements. */
function variant(seed: number, layout: Layout): GenerateOptions {
  const periodSets = [undefined, ['2023-12-31', '2022-12-31'], ['2022-12-31', '2023-12-31', '2024-12-31'], ['2021-12-31']];
  const statementSets = [undefined, undefined, ['balance_sheet'], ['income_statement']] as const;
  const periods = periodSets[seed % 4];
  const statements = statementSets[Math.floor(seed / 4) % 4];
  return {
    seed,
    layout,
    ...(periods ? { periods } : {}),
    ...(statements ? { statements: [...statements] } : {}),
    ...(seed % 3 === 0 ? { unit: seed % 2 === 0 ? 'Bin TL' : 'TL' } : {}),
    ...(seed % 5 === 0 ? { negatives: 'minus' } : {}),
  } as GenerateOptions;
}

async function pdfText(pdf: Uint8Array) {
  // pdf.js takes ownership of the buffer it is given, so hand it a copy.
  const doc = await pdfjs.getDocument({ data: pdf.slice(), standardFontDataUrl: STANDARD_FONTS, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: { str: string; x: number; right: number }[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.flatMap((it) => ('str' in it && it.str.trim() ? [{ str: it.str, x: it.transform[4] as number, right: (it.transform[4] as number) + it.width }] : [])));
  }
  await doc.destroy();
  return pages;
}

test('models satisfy every invariant exactly, for many seeds, layouts and options', () => {
  let checked = 0;
  for (const layout of LAYOUTS) {
    for (let seed = 1; seed <= 150; seed++) {
      const truth = modelTruth(generateModel(variant(seed, layout)));
      assert.deepEqual(invariantErrors(truth), [], `${layout} seed ${seed}`);
      checked++;
    }
  }
  assert.equal(checked, 600);
});

test('account selection, signs and tax ids look like real companies', () => {
  let lossYears = 0;
  let lossLines = 0;
  for (let seed = 1; seed <= 200; seed++) {
    const truth = modelTruth(generateModel({ seed, layout: seed % 2 ? 't1-detailed' : 't6-english' }));
    const accounts = Object.keys(truth.items).filter((k) => /^\d{3}$/.test(k));
    assert.ok(accounts.length >= 15 && accounts.length <= 35, `seed ${seed}: ${accounts.length} accounts`);
    assert.ok(isValidVkn(truth.company.taxId), `seed ${seed}: VKN ${truth.company.taxId}`);
    lossYears += truth.periods.filter((p) => (truth.itemsKurus.NET_PROFIT?.[p] ?? 0) < 0).length;
    if (truth.items['591']) lossLines++;
  }
  assert.ok(lossYears > 5, `only ${lossYears} loss years in 200 companies`);
  assert.ok(lossLines > 5, 'the 591 line should appear in loss years');
});

test('the summary layout prints groups and totals only; Bin TL is whole thousands', () => {
  for (let seed = 1; seed <= 40; seed++) {
    const truth = modelTruth(generateModel({ seed, layout: 't2-summary' }));
    assert.equal(truth.unit, 'Bin TL');
    const accounts = Object.keys(truth.items).filter((k) => /^\d{3}$/.test(k));
    assert.deepEqual(accounts, ['691'], `seed ${seed}`);
  }
});

test('same seed gives the same truth and the same bytes; another seed differs', async () => {
  const a = await generateStatement({ seed: 7, layout: 't1-detailed' });
  const b = await generateStatement({ seed: 7, layout: 't1-detailed' });
  const c = await generateStatement({ seed: 8, layout: 't1-detailed' });
  assert.deepEqual(a.truth, b.truth);
  assert.deepEqual(Buffer.from(a.pdf), Buffer.from(b.pdf));
  assert.notDeepEqual(a.truth.itemsKurus, c.truth.itemsKurus);
});

for (const layout of LAYOUTS) {
  test(`${layout}: the PDF parses and its text layer carries name, years and every amount`, async () => {
    for (const seed of [3, 11, 12, 29]) {
      const opts = variant(seed, layout);
      const { pdf, truth } = await generateStatement({ ...opts, companyName: 'Örnek Gıda Sanayi ve Ticaret A.Ş.' });
      assert.deepEqual(invariantErrors(truth), []);
      const pages = await pdfText(pdf);
      const strings = new Set(pages.flat().map((i) => i.str));
      const all = pages.flat().map((i) => i.str).join('\n');
      assert.ok(all.includes('Örnek Gıda Sanayi ve Ticaret A.Ş.'), `${layout} seed ${seed}: company name`);
      assert.ok(all.includes(truth.company.taxId));
      for (const p of truth.periods) assert.ok(all.includes(p.slice(0, 4)), `${layout} seed ${seed}: year ${p}`);
      assert.ok(pages.length >= truth.statements.length);
      assert.ok(pages.every((page, i) => page.some((it) => it.str.includes(String(i + 1)) && /Sayfa|Page/.test(it.str))), 'page footers');
      // Each amount is drawn as one string: every printed value's digits appear as one text item.
      const digitStrings = new Set([...strings].map((s) => s.replace(/\D/g, '')));
      for (const [key, values] of Object.entries(truth.itemsKurus)) {
        for (const p of truth.periods) {
          const kurus = Math.abs(values[p]!);
          if (kurus === 0) continue;
          const digits = String(truth.unit === 'TL' ? kurus : kurus / 100_000);
          assert.ok(digitStrings.has(digits), `${layout} seed ${seed}: ${key} ${p} = ${digits} not one string`);
        }
      }
      // Amounts are right-aligned: amount-like strings right of the labels end on one edge per period.
      const edges = new Set(pages.flat().filter((i) => i.x > 300 && /^[(-]?[\d.,]*\d\)?$|^-$/.test(i.str)).map((i) => Math.round(i.right)));
      assert.equal(edges.size, truth.periods.length, `${layout} seed ${seed}: right edges ${[...edges]}`);
    }
  });
}

test('long balance sheets overflow to a further page with repeated column headers', async () => {
  for (let seed = 1; seed <= 60; seed++) {
    const { pdf, truth } = await generateStatement({ seed, layout: 't1-detailed' });
    const pages = await pdfText(pdf);
    if (pages.length <= truth.statements.length) continue;
    assert.ok(pages[1]!.some((i) => i.str === 'Açıklama'), 'column headers repeat');
    assert.ok(pages[1]!.some((i) => i.str.includes('(devamı)')), 'continued title');
    assert.ok(pages.at(-1)!.some((i) => i.str === 'DÖNEM NET KARI VEYA ZARARI'), 'income statement on the last page');
    return;
  }
  assert.fail('no seed produced a balance sheet longer than a page');
});
