import assert from 'node:assert/strict';
import { test } from 'node:test';
import { locateStatements } from '../../../reading/layout/locate-statements.ts';
import { parseStatement } from '../../../reading/layout/statement-parser.ts';
import { line, pageOf, type Row } from './page-words.ts';

const header = (a: string, b: string): Row => [[60, 'VARLIKLAR'], [380, a], [470, b]];

function balanceSheet(page: number, year: number): ReturnType<typeof pageOf> {
  return pageOf(page, [
    [[60, 'ÖRNEK A.Ş.']],
    [[60, `31 Aralık ${year} Tarihli Konsolide Bilanço`]],
    header(`31 Aralık ${year}`, `31 Aralık ${year - 1}`),
    line('Nakit ve Nakit Benzerleri', '100', '90'),
    line('Ticari Alacaklar', '200', '150'),
    line('Stoklar', '300', '260'),
    line('TOPLAM DÖNEN VARLIKLAR', '600', '500'),
    line('Maddi Duran Varlıklar', '400', '380'),
    line('TOPLAM DURAN VARLIKLAR', '400', '380'),
    line('TOPLAM VARLIKLAR', '1.000', '880'),
    [[60, 'KAYNAKLAR']],
    line('Finansal Borçlar', '300', '280'),
    line('TOPLAM KISA VADELİ YÜKÜMLÜLÜKLER', '300', '280'),
    line('TOPLAM UZUN VADELİ YÜKÜMLÜLÜKLER', '200', '100'),
    line('Ödenmiş Sermaye', '500', '500'),
    line('TOPLAM ÖZKAYNAKLAR', '500', '500'),
    line('TOPLAM KAYNAKLAR', '1.000', '880'),
  ]);
}

function incomeStatement(page: number, year: number): ReturnType<typeof pageOf> {
  return pageOf(page, [
    [[60, `${year} Yılına Ait Kar veya Zarar Tablosu`]],
    header(`31 Aralık ${year}`, `31 Aralık ${year - 1}`),
    line('Hasılat', '2.000', '1.500'),
    line('Satışların Maliyeti (-)', '(1.500)', '(1.100)'),
    line('BRÜT KAR', '500', '400'),
    line('Genel Yönetim Giderleri (-)', '(200)', '(150)'),
    line('ESAS FAALİYET KARI', '300', '250'),
    line('SÜRDÜRÜLEN FAALİYETLER VERGİ ÖNCESİ KARI', '300', '250'),
    line('DÖNEM KARI', '240', '200'),
  ]);
}

/** A note page: a table with the same words and dates, under the notes' title. */
function note(page: number, year: number): ReturnType<typeof pageOf> {
  return pageOf(page, [
    [[60, 'Konsolide Finansal Tablolara İlişkin Dipnotlar']],
    [[60, 'NOT 7 - TİCARİ ALACAKLAR']],
    header(`31 Aralık ${year}`, `31 Aralık ${year - 1}`),
    line('Ticari Alacaklar', '200', '150'),
    line('Şüpheli Ticari Alacaklar', '20', '10'),
    line('Dönen Varlıklar', '220', '160'),
    line('Toplam Varlıklar', '220', '160'),
  ]);
}

function prose(page: number): ReturnType<typeof pageOf> {
  return pageOf(page, [[[60, 'Bağımsız Denetçi Raporu']], [[60, 'Görüşümüze göre finansal tablolar 31 Aralık 2024 itibarıyla …']]]);
}

test('a long report: the primary statements are found among prose and notes, and only they are read', () => {
  const pages = [prose(1), prose(2), balanceSheet(3, 2024), incomeStatement(4, 2024), ...Array.from({ length: 30 }, (_, i) => note(5 + i, 2024))];
  const located = locateStatements(pages);
  assert.deepEqual(located.pages.map((p) => p.page), [3, 4]);
  const statement = parseStatement(located.pages);
  assert.deepEqual(statement.statements, ['balance_sheet', 'income_statement']);
  assert.deepEqual(statement.periods, ['2024-12-31', '2023-12-31']);
});

test("a report that also prints last year's statements: the newest period's set is read", () => {
  const pages = [balanceSheet(1, 2024), incomeStatement(2, 2024), balanceSheet(3, 2023), incomeStatement(4, 2023)];
  assert.deepEqual(locateStatements(pages).pages.map((p) => p.page), [1, 2]);
  const reversed = [balanceSheet(1, 2023), incomeStatement(2, 2023), balanceSheet(3, 2024), incomeStatement(4, 2024)];
  assert.deepEqual(locateStatements(reversed).pages.map((p) => p.page), [3, 4]);
});

test('a cash-flow or equity page never feeds the statements, even with matching line names', () => {
  const cashFlow = pageOf(5, [
    [[60, 'Konsolide Nakit Akış Tablosu']],
    header('31 Aralık 2024', '31 Aralık 2023'),
    line('Dönem Karı', '240', '200'),
    line('Ticari Alacaklar', '(50)', '(20)'),
    line('Stoklar', '(40)', '(10)'),
    line('Nakit ve Nakit Benzerleri', '100', '90'),
    line('TOPLAM VARLIKLAR', '1', '1'),
  ]);
  const located = locateStatements([balanceSheet(3, 2024), incomeStatement(4, 2024), cashFlow]);
  assert.deepEqual(located.pages.map((p) => p.page), [3, 4]);
  assert.equal(located.scores.find((s) => s.page === 5)?.excluded, true);
});
