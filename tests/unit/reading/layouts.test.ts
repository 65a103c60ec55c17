import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseStatement } from '../../../reading/layout/statement-parser.ts';
import { splitSpreads } from '../../../reading/layout/spreads.ts';
import { rejoinDottedI } from '../../../reading/layout/lines.ts';
import { itemsOf } from '../../../domain/statement-items.ts';
import { line, pageOf, type Row } from './page-words.ts';

test('stacked column headers: a year over "(As restated)", month and day printed once above', () => {
  const page = pageOf(1, [
    [[200, 'STATEMENTS OF FINANCIAL POSITION']],
    [[450, 'March 31']],
    [[500, '2023']],
    [[470, '(As Restated -']],
    [[330, 'Note'], [420, '2024'], [490, 'Note 2)']],
    [[60, 'Cash'], [340, '3'], [395, 'P =1,000'], [475, 'P =900']],
    [[60, 'Inventories'], [400, '500'], [480, '400']],
    [[100, 'Total Current Assets'], [400, '1,500'], [480, '1,300']],
    [[100, 'Total Noncurrent Assets'], [400, '500'], [480, '700']],
    [[395, 'P =2,000'], [475, 'P =2,000']],
  ]);
  const s = parseStatement([page]);
  assert.deepEqual(s.periods, ['2024-03-31', '2023-03-31']);
  assert.equal(s.currency, 'PHP');
  const items = itemsOf(s);
  assert.equal(items['10']?.['2024-03-31'], 100000, 'a lone "Cash" line stands for the cash group');
  assert.equal(items['TOTAL_ASSETS']?.['2023-03-31'], 200000, 'an unlabelled total is known by position and arithmetic');
});

test("a bank's TP / YP / Toplam columns: only the total is the period's figure", () => {
  const row = (label: string, vals: string[]): Row => [[60, label], ...vals.map((v, i) => [300 + i * 45 + (i >= 3 ? 20 : 0), v] as const)];
  const page = pageOf(1, [
    [[60, 'KONSOLİDE BİLANÇO (FİNANSAL DURUM TABLOSU)']],
    [[310, 'CARİ DÖNEM'], [450, 'ÖNCEKİ DÖNEM']],
    [[60, 'VARLIKLAR'], [310, '(31/12/2023)'], [450, '(31/12/2022)']],
    [[300, 'TP'], [345, 'YP'], [390, 'Toplam'], [455, 'TP'], [500, 'YP'], [545, 'Toplam']],
    row('1.1 Nakit ve Nakit Benzerleri', ['10', '20', '30', '5', '6', '11']),
    row('VARLIKLAR TOPLAMI', ['100', '200', '300', '50', '60', '110']),
  ]);
  const items = itemsOf(parseStatement([page]));
  assert.equal(items['TOTAL_ASSETS']?.['2023-12-31'], 30000);
  assert.equal(items['TOTAL_ASSETS']?.['2022-12-31'], 11000);
});

test('a two-page spread is read as two pages; a page with a title across the middle is not split', () => {
  const rows: Row[] = [[[40, 'İÇİNDEKİLER'], [700, 'KONSOLİDE BİLANÇO']], [[40, 'Not 1'], [700, 'Kasa']]];
  const spread = pageOf(1, rows, { width: 1300, height: 850 });
  const halves = splitSpreads([spread]);
  assert.equal(halves.length, 2);
  assert.deepEqual(halves.map((h) => h.half), ['left', 'right']);
  assert.ok(halves[1]!.words.every((w) => w.x0 < 650));
  const titled = pageOf(1, [...rows, [[400, 'A TITLE THAT RUNS ACROSS THE WHOLE LANDSCAPE PAGE']]], { width: 1300, height: 850 });
  assert.equal(splitSpreads([titled]).length, 1);
});

test('a capital İ drawn as its own glyph is joined back', () => {
  assert.equal(rejoinDottedI('KONSOL I DE B I LANÇO'), 'KONSOLİDE BİLANÇO');
  assert.equal(rejoinDottedI('I. DÖNEN VARLIKLAR'), 'I. DÖNEN VARLIKLAR');
});

test('the continuing-operations profit gives way to the period profit printed after the discontinued operations', () => {
  const page = pageOf(1, [
    [[60, 'Kar veya Zarar Tablosu']],
    [[380, '31.12.2024'], [470, '31.12.2023']],
    line('Hasılat', '1.000', '900'),
    line('Satışların Maliyeti (-)', '(600)', '(500)'),
    line('BRÜT KAR', '400', '400'),
    line('SÜRDÜRÜLEN FAALİYETLER VERGİ ÖNCESİ KARI', '300', '280'),
    line('SÜRDÜRÜLEN FAALİYETLER DÖNEM KARI', '240', '220'),
    line('DURDURULAN FAALİYETLER DÖNEM ZARARI', '(40)', '(20)'),
    line('DÖNEM KARI', '200', '200'),
  ]);
  const items = itemsOf(parseStatement([page]));
  assert.equal(items['NET_PROFIT']?.['2024-12-31'], 20000);
});
