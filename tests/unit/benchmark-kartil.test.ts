import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { kartilFileName, kartilRatioId, readKartilWorkbook } from '../../domain/benchmark-kartil.ts';
import { readWorkbookSheets } from '../../reading/benchmark-workbook.ts';
import { commandArgs } from '../helpers/command.ts';

const run = promisify(execFile);

/**
 * A workbook in the KARTIL layout, made here: figures are test data, not TCMB's. Per year five
 * columns under a merged year cell; group rows between the ratios.
 */
async function kartilWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('C10');
  const measures = ['Firma Sayısı', 'Ağırlıklı Ortalama', '1. Çeyrek', 'Medyan', '3. Çeyrek'];
  ws.addRow(['C10 Gıda Ürünlerinin İmalatı - Toplam']);
  ws.addRow(['', '', 2023, null, null, null, null, 2024]);
  ws.mergeCells('C2:G2');
  ws.mergeCells('H2:L2');
  ws.addRow(['', 'Oranlar', ...measures, ...measures]);
  const ratio = (code: string, name: string, y23: (number | string)[], y24: (number | string)[]) => ws.addRow([code, name, ...y23, ...y24]);
  ws.addRow(['A- LİKİDİTE ORANLARI']);
  ratio('A1', 'Cari Oran', [812, 1.31, 0.92, 1.24, 1.77], [830, 1.36, 0.95, 1.29, 1.83]);
  ratio('A2', 'Likidite Oranı', [812, 0.84, 0.51, 0.8, 1.21], [830, '0,88', '0,55', '0,83', '1,26']); // text cells, Turkish decimals
  ratio('A3', 'Stoklar / Dönen Varlıklar (%)', [812, 35.2, 20.1, 33.4, 48.9], [830, 34.8, 19.7, 32.9, 47.5]);
  ws.addRow(['B- MALİ YAPI ORANLARI (%)']);
  ratio('B1', 'Yabancı Kaynaklar / Pasif Toplamı', [812, 61.5, 44.2, 60.3, 77.9], [830, 60.1, 43.5, 59.4, 76.2]);
  ratio('B2', 'Maddi Duran Varlıklar (Net) / Özkaynaklar', [812, 55, 21, 48, 96], [830, 57, 22, 50, 99]);
  ws.addRow(['C- DEVİR HIZLARI']);
  ratio('C1', 'Stok Devir Hızı', [812, '-', '-', '-', '-'], [830, 6.1, 3.2, 5.4, 8.8]);
  ratio('C2', 'Alacak Devir Hızı', ['', '', '', '', ''], ['', '', '', '', '']); // no figures: skipped, no group
  ws.addRow(['D- KARLILIK ORANLARI']);
  ratio('D1', 'Net Kâr / Net Satışlar (%)', [812, 4.2, -0.5, 3.1, 7.9], [830, 3.9, -0.8, 2.7, 7.1]);
  ratio('D2', 'Faaliyet Giderleri / Net Satışlar', [812, 9.1, 5.2, 8.4, 13.3], [830, 9.4, 5.5, 8.8, 13.9]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('TCMB KARTIL workbooks', () => {
  it('file names give the sector and the scale', () => {
    assert.deepEqual(kartilFileName('/tmp/C10_KARTIL_TOPLAM.xlsx'), { sector: 'C10', scale: 'TOPLAM' });
    assert.deepEqual(kartilFileName('g46_kartil_kobi.xlsx'), { sector: 'G46', scale: 'KOBİ' });
    assert.equal(kartilFileName('benchmarks.xlsx'), null);
  });

  it('maps TCMB ratio names to our ids whatever their numbering, spacing and "%" marks', () => {
    assert.equal(kartilRatioId('A1- Cari Oran'), 'current_ratio');
    assert.equal(kartilRatioId('(Dönen Varlıklar - Stoklar) / Kısa Vadeli Yabancı Kaynaklar'), 'acid_test_ratio');
    assert.equal(kartilRatioId('(Hazır Değerler + Menkul Kıymetler) / Kısa Vadeli Yabancı Kaynaklar'), 'cash_ratio');
    assert.equal(kartilRatioId('Öz Kaynaklar / Kaynaklar Toplamı'), 'equity_ratio');
    assert.equal(kartilRatioId('DÖNEM NET KÂRI / NET SATIŞLAR (%)'), 'net_margin');
    assert.equal(kartilRatioId('Kısa Vadeli Yabancı Kaynaklar / Pasif Toplamı'), 'short_term_debt_share');
    // "Dönem Kârı" is profit before tax in TDHP: not our net margin.
    assert.equal(kartilRatioId('Dönem Kârı / Net Satışlar'), null);
    assert.equal(kartilRatioId('Stoklar / Dönen Varlıklar'), null);
  });

  it('reads years, quartiles and groups from the workbook; percent ratios become fractions; unmapped names are listed', async () => {
    const sheets = await readWorkbookSheets(await kartilWorkbook());
    const r = readKartilWorkbook(sheets, { sector: 'C10', scale: 'TOPLAM', percentIn: 'percent' });
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.unmapped, [
      { name: 'A3 Stoklar / Dönen Varlıklar (%)', group: 'A- LİKİDİTE ORANLARI', sheet: 'C10', row: 7 },
      { name: 'B2 Maddi Duran Varlıklar (Net) / Özkaynaklar', group: 'B- MALİ YAPI ORANLARI (%)', sheet: 'C10', row: 10 },
    ]);
    const got = (id: string, year: number) => r.rows.find((x) => x.ratioId === id && x.year === year);
    const source = 'TCMB Sektör Bilançoları C10 TOPLAM';
    assert.deepEqual(got('current_ratio', 2024), { sectorCode: 'C10', ratioId: 'current_ratio', year: 2024, q1: 0.95, median: 1.29, q3: 1.83, source });
    assert.deepEqual([got('acid_test_ratio', 2024)?.q1, got('acid_test_ratio', 2024)?.q3], [0.55, 1.26]);
    assert.deepEqual([got('debt_ratio', 2023)?.q1, got('debt_ratio', 2023)?.median, got('debt_ratio', 2023)?.q3], [0.442, 0.603, 0.779]);
    assert.deepEqual([got('net_margin', 2024)?.q1, got('net_margin', 2024)?.median], [-0.008, 0.027]);
    assert.equal(got('operating_expense_ratio', 2023)?.median, 0.084);
    assert.equal(got('inventory_turnover', 2023), undefined); // "-" : not published that year
    assert.equal(got('inventory_turnover', 2024)?.median, 5.4); // a turnover is not a percent
    assert.equal(r.rows.length, 11);
  });

  it('a percent ratio with no "%" anywhere needs --percent-in; bad quartiles are problems with their row', async () => {
    const sheets = await readWorkbookSheets(await kartilWorkbook());
    const r = readKartilWorkbook(sheets, { sector: 'C10', scale: 'TOPLAM' });
    assert.deepEqual(r.problems.map((p) => [p.row, p.message]), [
      [16, 'D2 Faaliyet Giderleri / Net Satışlar: no "%" says whether it is in percent (38,2) or a fraction (0,382); give --percent-in percent|fraction'],
    ]);
    const bad = readKartilWorkbook(
      [{ name: '2024', rows: [['Oran', 'Firma Sayısı', 'Ağırlıklı Ortalama', 'Q1', 'Medyan', 'Q3'], ['Cari Oran', 10, 1, 2, 1, 3], ['Aktif Devir Hızı', 10, 1, 'x', 1, 2]] }],
      { sector: 'C10', scale: 'TOPLAM' },
    );
    assert.deepEqual(bad.problems.map((p) => `${p.row}: ${p.message}`), [
      '2: Cari Oran 2024: quartiles must satisfy q1 ≤ median ≤ q3',
      '3: Aktif Devir Hızı 2024: Q1, median and Q3 must all be numbers',
    ]);
    assert.match(readKartilWorkbook([{ name: 'S', rows: [['nothing here']] }], { sector: 'C10', scale: 'X' }).problems[0]!.message, /no KARTIL table found/);
  });
});

describe('npm run benchmarks:load with a KARTIL workbook', () => {
  let dir = '';
  let file = '';
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kartil-'));
    file = path.join(dir, 'C10_KARTIL_TOPLAM.xlsx');
    await writeFile(file, await kartilWorkbook());
  });
  after(() => rm(dir, { recursive: true, force: true }));
  const load = (...args: string[]) =>
    run(process.execPath, commandArgs('load-benchmarks', args)).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it('says which names it could not map and validates the rest (dry run)', async () => {
    const r = await load(file, '--percent-in', 'percent', '--dry-run');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /could not map 2 ratio name\(s\) to our ratios \(not loaded\):\n {2}- "A3 Stoklar \/ Dönen Varlıklar \(%\)" \(A- LİKİDİTE ORANLARI\) \[C10:7\]\n {2}- "B2 Maddi Duran Varlıklar \(Net\) \/ Özkaynaklar"/);
    assert.match(r.stdout, /ok {2}11 row\(s\) valid for 1 sector\(s\): C10 \(dry run, nothing loaded\)/);
  });

  it('refuses an ambiguous workbook and one not named {SECTOR}_KARTIL_{SCALE}.xlsx', async () => {
    const ambiguous = await load(file, '--dry-run');
    assert.equal(ambiguous.code, 1);
    assert.match(ambiguous.stderr, /\[C10:16\]: D2 Faaliyet Giderleri \/ Net Satışlar: no "%"/);
    assert.match(ambiguous.stderr, /Nothing loaded: 1 problem\(s\)\./);
    const other = path.join(dir, 'sector.xlsx');
    await writeFile(other, await kartilWorkbook());
    const named = await load(other, '--dry-run');
    assert.equal(named.code, 1);
    assert.match(named.stderr, /a workbook is read only as \{SECTOR\}_KARTIL_\{SCALE\}\.xlsx/);
  });
});
