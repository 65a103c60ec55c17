import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PageWords } from '../../../reading/layout/words.ts';
import { parseStatement } from '../../../reading/layout/statement-parser.ts';

const row = (y: number, label: string, amount: string) => [
  { text: label, x0: 50, y0: y, x1: 300, y1: y + 10 },
  { text: amount, x0: 400, y0: y, x1: 440, y1: y + 10 },
];

test('an account named as its group, printed away from the group heading, is the group\'s account', () => {
  // A T-format continuation read left half first: the assets' tail and total come between the
  // equity group heading and its account, so the account is matched without its group.
  const page: PageWords = {
    page: 1, width: 600, height: 800, source: 'text',
    words: [
      { text: '31.12.2024', x0: 395, y0: 60, x1: 440, y1: 70 },
      ...row(100, 'ÖZKAYNAKLAR', '150'),
      ...row(120, 'GEÇMİŞ YILLAR KARLARI', '150'),
      ...row(140, 'Birikmiş Amortismanlar', '-20'),
      ...row(160, 'VARLIKLAR TOPLAMI', '150'),
      ...row(180, 'Geçmiş Yıllar Karları', '150'),
    ],
  };
  const keys = parseStatement([page]).lines.map((l) => l.key);
  assert.ok(keys.includes('57'), keys.join(' '));
  assert.ok(keys.includes('570'), keys.join(' '));
});
