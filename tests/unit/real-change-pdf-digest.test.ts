import assert from 'node:assert/strict';
import { test } from 'node:test';
import { digestSections } from '../../domain/digest-content.ts';
import { itemsToKurus } from '../../domain/money.ts';
import { buildPdfReport } from '../../reports/pdf-report.ts';
import { openPdf, textLayerWords } from '../../reading/pdf.ts';
import { analysisOf, SAMPLE } from './reports-fixtures.ts';
import { bundled, handChange, mean, SAMPLE_FIGURES, signed, TUFE_2023, TUFE_2024 } from './real-change-fixture.ts';

const sales = () => handChange(SAMPLE_FIGURES.NET_SALES[0], SAMPLE_FIGURES.NET_SALES[1], mean(TUFE_2023), mean(TUFE_2024));

test('PDF report: a real-change section with the hand-computed sales figure', async () => {
  const a = await analysisOf(SAMPLE, { priceIndex: await bundled('tufe') });
  const doc = await openPdf(await buildPdfReport(a, 'tr', { generatedAt: new Date('2026-11-20T12:00:00Z') }));
  const words: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) words.push(...(await textLayerWords(doc, p)).words.map((w) => w.text));
  const text = words.join(' ');
  assert.match(text, /Reel değişim \(TÜFE\)/);
  const { nominal, real } = sales();
  assert.ok(text.includes(`Net satışlar ${signed(nominal, 'tr')} nominal, ${signed(real, 'tr')} reel (TÜFE)`), text.slice(0, 3000));
});

test('digest: the company series gets sales nominal and real; adjusted periods are not deflated', async () => {
  const a = await analysisOf(SAMPLE);
  const items = itemsToKurus(a.items);
  const series = await bundled('tufe');
  const { nominal, real } = sales();
  const [section] = digestSections([{ name: 'Örnek', items }], new Set(), 'en', series);
  assert.ok(section!.lines.includes(`• Net sales ${signed(nominal, 'en')} nominal, ${signed(real, 'en')} real by CPI (TÜFE)`), section!.lines.join('\n'));
  const adjusted = Object.fromEntries(a.periods.map((p) => [p, { basis: 'inflation_adjusted' as const }]));
  const [again] = digestSections([{ name: 'Örnek', items, basis: adjusted }], new Set(), 'tr', series);
  assert.ok(again!.lines.some((l) => l.includes('enflasyona göre düzeltilmiş')));
  assert.ok(!again!.lines.some((l) => l.includes('reel (TÜFE)')));
  // No index given: the digest stays nominal.
  const [plain] = digestSections([{ name: 'Örnek', items }], new Set(), 'tr');
  assert.ok(!plain!.lines.some((l) => l.includes('reel')));
});
