import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PageWords } from '../../../reading/layout/words.ts';
import { parseStatement } from '../../../reading/layout/statement-parser.ts';

const row = (y: number, cells: [number, string][]) => cells.map(([x, text]) => ({ text, x0: x, y0: y - 4, x1: x + text.length * 5, y1: y + 4 }));
const page = (n: number, words: PageWords['words']): PageWords => ({ page: n, width: 595, height: 842, source: 'text', words });

test('a Bin TL line at the very top of a continuation page is a statement line, not a page number', () => {
  const first = page(1, [
    ...row(72, [[216, '2024 YILI BİLANÇOSU (BİN TL)']]),
    ...row(89, [[40, 'Hesap Adı'], [295, '2023'], [368, '2024']]),
    ...row(110, [[40, 'Kısa Vadeli Yabancı Kaynaklar']]),
    ...row(130, [[46, 'Ticari Borçlar'], [320, '2.140'], [393, '5.127']]),
    ...row(820, [[280, 'Sayfa 1']]),
  ]);
  const second = page(2, [
    ...row(20, [[280, '2']]),
    ...row(50, [[46, 'Ödenecek Vergi ve Diğer Yükümlülükler'], [325, '123'], [398, '225']]),
    ...row(70, [[46, 'Diğer Kısa Vadeli Yabancı Kaynaklar'], [325, '227'], [398, '287']]),
  ]);
  const lines = parseStatement([first, second]).lines;
  const tax = lines.find((l) => l.key === '36');
  assert.ok(tax, lines.map((l) => `${l.key}:${l.label}`).join(' | '));
  assert.deepEqual(tax.values, { '2023-12-31': 123_000_00, '2024-12-31': 225_000_00 });
  // The page number in the same margin is still furniture.
  assert.ok(!lines.some((l) => l.page === 2 && Object.values(l.values).includes(2_000_00)));
});
