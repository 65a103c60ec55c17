import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reducedSum } from '../../../domain/block-checks.ts';
import { validateExtraction } from '../../../domain/validate-extraction.ts';
import { parseStatement } from '../../../reading/layout/statement-parser.ts';
import { line, pageOf, type Row } from './page-words.ts';

test('a printed block sums its leaves once: subtotals after their parts, group lines before theirs, nested and single-line groups', () => {
  assert.equal(reducedSum([10, 20, 30, 5], 0), 35); // 30 = 10 + 20 is a subtotal
  assert.equal(reducedSum([30, 10, 20, 5], 0), 35); // 30 printed first over 10 and 20
  // "Vergi Gideri 71" over "Dönem -2" and "Ertelenmiş 73", itself over -18 and 91
  assert.equal(reducedSum([91, 71, -2, 73, -18, 91], 0), 162);
  assert.equal(reducedSum([50, 50, 7], 0), 57); // a group with a single line
  assert.equal(reducedSum([3, 4, 11], 0), 18); // nothing to fold: every line counts
});


/** TFRS-style: group headings without amounts, sub-lines no chart name fits, totals after. */
function tfrsBalanceSheet(totalCurrent: string): ReturnType<typeof pageOf> {
  return pageOf(1, [
    [[60, 'Konsolide Finansal Durum Tablosu']],
    [[60, 'VARLIKLAR'], [380, '31 Aralık 2024'], [470, '31 Aralık 2023']],
    line('Nakit ve Nakit Benzerleri', '100', '90'),
    [[60, 'Ticari Alacaklar']],
    line('- İlişkili Taraflardan Ticari Alacaklar', '20', '10'),
    line('- İlişkili Olmayan Taraflardan Ticari Alacaklar', '180', '140'),
    line('Kullanım Hakkı Varlıkları', '300', '260'),
    line('TOPLAM DÖNEN VARLIKLAR', totalCurrent, '500'),
    line('Maddi Duran Varlıklar', '400', '380'),
    line('TOPLAM DURAN VARLIKLAR', '400', '380'),
    line('TOPLAM VARLIKLAR', '1.000', '880'),
    [[60, 'KAYNAKLAR']],
    line('Finansal Borçlar', '300', '280'),
    line('Diğer Kısa Vadeli Yükümlülükler', '50', '20'),
    line('TOPLAM KISA VADELİ YÜKÜMLÜLÜKLER', '350', '300'),
    line('TOPLAM UZUN VADELİ YÜKÜMLÜLÜKLER', '150', '80'),
    line('Ödenmiş Sermaye', '500', '500'),
    line('TOPLAM ÖZKAYNAKLAR', '500', '500'),
    line('TOPLAM KAYNAKLAR', '1.000', '880'),
  ]);
}

test('a TFRS balance sheet whose printed lines tie is ok, although most lines match no account', () => {
  const statement = parseStatement([tfrsBalanceSheet('600')]);
  const v = validateExtraction(statement);
  assert.equal(v.status, 'ok', JSON.stringify(v.checks.filter((c) => !c.ok)));
  const three = statement.lines.find((l) => l.key === '3');
  assert.equal(three?.label, 'TOPLAM KISA VADELİ YÜKÜMLÜLÜKLER', 'a sub-line never stands in for the group total');
  assert.equal(statement.lines.some((l) => l.key === '12'), false, 'a total the document does not print stays out of items');
});

test('the same balance sheet with one misread total fails, naming the group', () => {
  const v = validateExtraction(parseStatement([tfrsBalanceSheet('610')]));
  assert.equal(v.status, 'failed');
  assert.ok(v.checks.some((c) => !c.ok && c.id === 'sum:1' && c.period === '2024-12-31'));
});

test('a tax charge printed as a positive provision ties the net profit; a wrong net profit does not', () => {
  const page = (net: string) =>
    pageOf(1, [
      [[60, 'STATEMENTS OF INCOME']],
      [[60, 'Years Ended December 31']],
      [[380, '2024'], [470, '2023']],
      line('REVENUE', '1,000', '900'),
      line('COST OF SALES', '600', '500'),
      line('GROSS PROFIT', '400', '400'),
      line('OPERATING EXPENSES', '(100)', '(120)'),
      line('INCOME FROM OPERATIONS', '300', '280'),
      line('INCOME BEFORE INCOME TAX', '300', '280'),
      [[60, 'PROVISION FOR INCOME TAX']],
      line('Current', '60', '56'),
      line('Deferred', '15', '14'),
      [[390, '75'], [480, '70']],
      line('NET INCOME', net, '210'),
    ]);
  const ok = validateExtraction(parseStatement([page('225')]));
  assert.ok(ok.checks.some((c) => c.id === 'is:NET_PROFIT' && c.ok), JSON.stringify(ok.checks));
  const bad = validateExtraction(parseStatement([page('235')]));
  assert.ok(bad.checks.some((c) => c.id === 'is:NET_PROFIT' && !c.ok && c.period === '2024-12-31'));
});
