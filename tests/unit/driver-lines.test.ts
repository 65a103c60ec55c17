import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { driverLines, driversTitle } from '../../domain/wording/driver-lines.ts';
import { formatRatioValue } from '../../domain/wording/format-number.ts';
import { summaryMarkdown } from '../../domain/wording/summary-text.ts';
import { openPdf, textLayerWords } from '../../reading/pdf.ts';
import { buildPdfReport } from '../../reports/pdf-report.ts';
import { buildWorkbook, SHEETS } from '../../reports/xlsx-report.ts';
import { analysisOf, SAMPLE } from './reports-fixtures.ts';

const [P23, P24] = ['2023-12-31', '2024-12-31'];

test('what moved the ratios: the watched ratios that moved 10 % or more, split into numerator and denominator effects, in the summary, the PDF and the workbook', async () => {
  const a = await analysisOf(SAMPLE);
  const lines = driverLines(a, 'tr');
  assert.ok(lines.length > 0 && lines.length <= 3);
  // The current ratio, recomputed from the printed totals (current assets 1 over short-term liabilities 3).
  const ca = a.items['1']!;
  const stl = a.items['3']!;
  const [c23, c24] = [ca[P23]! / stl[P23]!, ca[P24]! / stl[P24]!];
  assert.ok(Math.abs(c24 / c23 - 1) >= 0.1, 'the sample’s current ratio moved by 10 % or more');
  const cr = lines.find((l) => l.startsWith('Cari Oran '));
  assert.ok(cr, lines.join('\n'));
  assert.ok(cr.startsWith(`Cari Oran ${formatRatioValue(c23, 'ratio', 'tr')} → ${formatRatioValue(c24, 'ratio', 'tr')}`), cr);
  // The symmetric split: the numerator's move at the mean of both inverses, the denominator's
  // at the mean numerator; the two add up to the change exactly.
  const num = (ca[P24]! - ca[P23]!) * (1 / stl[P23]! + 1 / stl[P24]!) / 2;
  assert.ok(cr.includes(`pay etkisi +${formatRatioValue(num, 'ratio', 'tr')}, payda etkisi +${formatRatioValue(c24 - c23 - num, 'ratio', 'tr')}`), cr);

  assert.ok(summaryMarkdown(a, 'tr').includes(`## ${driversTitle('tr')}\n\n- ${lines[0]}`));
  const doc = await openPdf(await buildPdfReport(a, 'en'));
  const words: string[] = [];
  for (let p = 1; p <= Math.min(doc.numPages, 3); p++) words.push(...(await textLayerWords(doc, p)).words.map((w) => w.text));
  assert.ok(words.join(' ').includes(driversTitle('en')));
  assert.ok(words.join(' ').includes('numerator effect'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await buildWorkbook(a, 'tr') as unknown as ArrayBuffer);
  const summary = wb.getWorksheet(SHEETS.tr.summary)!;
  const cells: string[] = [];
  summary.eachRow((row) => cells.push(String(row.getCell(2).value ?? '')));
  assert.ok(cells.includes(driversTitle('tr')) && cells.includes(`• ${lines[0]}`), cells.join('\n'));
});

test('no drivers for a document with one period', async () => {
  const a = await analysisOf(SAMPLE);
  const one = { ...a, periods: [P24] };
  assert.deepEqual(driverLines(one, 'tr'), []);
});
