import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Analysis } from '../../contracts/analysis.ts';
import { buildPdfReport } from '../../reports/pdf-report.ts';
import { buildWorkbook, SHEETS } from '../../reports/xlsx-report.ts';
import { openPdf, textLayerWords } from '../../reading/pdf.ts';
import { analysisOf, SAMPLE } from './reports-fixtures.ts';

/** The sample's analysis with its facts as given: every fact sure, or some unsure. */
async function withFacts(facts: Analysis['facts']): Promise<Analysis> {
  return { ...(await analysisOf(SAMPLE)), facts };
}
const sure = { company: { sure: true }, taxId: { sure: true }, unit: { sure: true }, currency: { sure: true } };

/** The summary sheet's cells as text, with the fill of each. */
async function summaryCells(a: Analysis, locale: 'tr' | 'en'): Promise<{ text: string; fill: string | undefined }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildWorkbook(a, locale)) as never);
  const out: { text: string; fill: string | undefined }[] = [];
  wb.getWorksheet(SHEETS[locale].summary)!.eachRow((row) => row.eachCell((c) => {
    const fill = c.fill as { fgColor?: { argb?: string } } | undefined;
    out.push({ text: String(c.value ?? ''), fill: fill?.fgColor?.argb });
  }));
  return out;
}

async function pdfText(a: Analysis, locale: 'tr' | 'en'): Promise<string> {
  const doc = await openPdf(await buildPdfReport(a, locale, { generatedAt: new Date('2026-12-01T12:00:00Z') }));
  // The cover is the first page.
  return (await textLayerWords(doc, 1)).words.map((w) => w.text).join(' ');
}

describe('an unsure document fact is marked in the workbook and the PDF report', () => {
  it('workbook: a highlighted row on the summary sheet names the unsure unit and company (TR and EN)', async () => {
    const a = await withFacts({ ...sure, unit: { sure: false }, company: { sure: false } });
    const tr = (await summaryCells(a, 'tr')).find((c) => c.text.includes('Belgede açıkça yazmıyor'));
    assert.ok(tr, 'the mark is on the summary sheet');
    assert.match(tr.text, /tam birim/);
    assert.match(tr.text, new RegExp(`şirket: ${a.company.name}`));
    assert.match(tr.text, /"birim bin TL"/, 'the command a user can type, quoted');
    assert.ok(tr.fill, 'highlighted');
    const en = (await summaryCells(a, 'en')).find((c) => c.text.includes('Not stated plainly'));
    assert.match(en!.text, /whole units/);
  });

  it('workbook: a printed unit the figures question is named as such; nothing is marked when all facts are sure', async () => {
    const doubted = { ...(await withFacts({ ...sure, unit: { sure: false, text: '(Bin TL)' } })), unit: 'Bin TL' as const };
    const cell = (await summaryCells(doubted, 'tr')).find((c) => c.text.includes('Belgede açıkça yazmıyor'));
    assert.match(cell!.text, /birim Bin TL okundu ama rakamlarla uyuşmuyor/);
    const cells = await summaryCells(await withFacts(sure), 'tr');
    assert.ok(!cells.some((c) => /Belgede açıkça yazmıyor|⚠/.test(c.text)));
  });

  it('PDF: the cover carries the mark when a fact is unsure, and not when all are sure', async () => {
    const unsure = await pdfText(await withFacts({ ...sure, currency: { sure: false } }), 'tr');
    assert.match(unsure, /Belgede açıkça yazmıyor/);
    assert.match(unsure, /para birimi: TRY/);
    const en = await pdfText(await withFacts({ ...sure, unit: { sure: false } }), 'en');
    assert.match(en, /Not stated plainly/);
    assert.match(en, /whole units/);
    assert.doesNotMatch(await pdfText(await withFacts(sure), 'tr'), /Belgede açıkça yazmıyor/);
  });
});
