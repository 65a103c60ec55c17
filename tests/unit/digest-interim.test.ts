import assert from 'node:assert/strict';
import { test } from 'node:test';
import { digestSections } from '../../domain/digest-content.ts';
import { computeRatios } from '../../domain/ratios.ts';
import { formatRatioValue } from '../../domain/wording/format-number.ts';
import type { Items } from '../../domain/types.ts';
import { bundled } from './real-change-fixture.ts';

const [Q3_23, YE_23, Q3_24] = ['2023-09-30', '2023-12-31', '2024-09-30'];
const TL = (v: number) => Math.round(v * 100);

/*
 * A company whose history holds a KAP nine-month report (30.09.2024, with 9M 2023 beside it)
 * after its 2023 annual report: balance sheets at 31.12.2023 and 30.09.2024, income statements
 * for 9M 2023, FY 2023 and 9M 2024.
 */
const items: Items = {
  '1': { [YE_23]: TL(1200), [Q3_24]: TL(1500) },
  '3': { [YE_23]: TL(1000), [Q3_24]: TL(1000) },
  '5': { [YE_23]: TL(2000), [Q3_24]: TL(2400) },
  TOTAL_ASSETS: { [YE_23]: TL(4000), [Q3_24]: TL(4600) },
  NET_SALES: { [Q3_23]: TL(900), [YE_23]: TL(1300), [Q3_24]: TL(1000) },
  NET_PROFIT: { [Q3_23]: TL(90), [YE_23]: TL(130), [Q3_24]: TL(120) },
};
const months = { [Q3_23]: 9, [Q3_24]: 9 };

test('a digest over an interim history pairs nine months with the same nine months and annualises flows over stocks', async () => {
  const [section] = digestSections([{ name: 'Örnek', items, months }], new Set(), 'tr', await bundled('tufe'));
  assert.deepEqual([section!.from, section!.to], [Q3_23, Q3_24], 'never 9M 2024 against the full year 2023');
  // Sales: 9M against 9M (+11,1 %), never the 9M figure against the whole of 2023 (−23 %).
  const sales = section!.lines.find((l) => l.includes('Net satışlar'));
  assert.ok(sales?.includes('+%11,1 nominal'), section!.lines.join('\n'));
  // The return on equity of nine months, annualised (×12/9) as the analysis does.
  const roe = section!.ratios.find((r) => r.id === 'return_on_equity')!;
  const plain = computeRatios(items, [Q3_24]).return_on_equity![Q3_24]!;
  assert.ok(Math.abs(roe.to! - (plain * 12) / 9) < 1e-12, `${formatRatioValue(roe.to, 'percent', 'tr')}`);
  // Assets have no 30.09.2023 balance: no real change is made up for them.
  assert.ok(!section!.lines.some((l) => l.includes('Aktif toplamı')), section!.lines.join('\n'));
});
