import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAmountToken, parseAmount } from '../../../domain/number-format.ts';

test('ordinary print styles read as the amounts a person sees', () => {
  const cases: [string, ',' | '.', number][] = [
    ['-₺1.234', ',', -123400],
    ['1.234 TL', ',', 123400],
    ['1.234-', ',', -123400],
    ['(1.234)', ',', -123400],
    ['P =17,299,358', '.', 1729935800],
    ['(P =17,783,267)', '.', -1778326700],
    ['P/ 1,234', '.', 123400],
    ['$ 12', '.', 1200],
    ['1 234 567', ',', 123456700],
    ['\u22121\u00a0234', ',', -123400],
    ['1\u202f234\u202f567', ',', 123456700],
    ['١٢٣٬٤٥٦', ',', 12345600],
  ];
  for (const [text, decimal, kurus] of cases) {
    assert.equal(isAmountToken(text), true, text);
    assert.equal(parseAmount(text, decimal)?.value, kurus, text);
  }
  for (const text of ['Kasa', 'TL', 'P1 Planı']) assert.equal(isAmountToken(text), false, text);
});

test('a line number of a tax-return form ("1-", "12-") is no amount', () => {
  for (const text of ['1-', '12-', '3 -']) assert.equal(isAmountToken(text), false, text);
  assert.equal(isAmountToken('123-'), true);
});
