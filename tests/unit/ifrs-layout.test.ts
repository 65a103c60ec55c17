import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildAnalysis } from '../../domain/build-analysis.ts';
import { validateExtraction } from '../../domain/validate-extraction.ts';
import { readStatementPdf } from '../../reading/read-statement-pdf.ts';
import { renderIfrsPdf } from '../generator/ifrs-pdf.ts';

const tr = (n: number) => n.toLocaleString('tr-TR');
const en = (n: number) => n.toLocaleString('en-US');

// Two years of a small balance sheet and income statement (full units), internally consistent.
const Y = {
  cash: [1_000_000, 800_000], fin: [200_000, 100_000], trade: [1_500_000, 1_200_000], inv: [2_000_000, 1_700_000], otherCa: [300_000, 200_000],
  ppe: [3_000_000, 2_800_000],
  stBorrow: [900_000, 700_000], stTrade: [1_600_000, 1_300_000], ltBorrow: [1_500_000, 1_500_000], capital: [2_000_000, 2_000_000], retained: [2_000_000, 1_300_000],
  revenue: [9_000_000, 7_500_000], cogs: [-6_300_000, -5_400_000], ga: [-1_200_000, -1_000_000], fx: [-400_000, -350_000], tax: [-275_000, -187_500],
};
const sum = (...xs: number[][]) => [0, 1].map((i) => xs.reduce((s, x) => s + x[i]!, 0));
const CA = sum(Y.cash, Y.fin, Y.trade, Y.inv, Y.otherCa);
const TA = sum(CA, Y.ppe);
const STL = sum(Y.stBorrow, Y.stTrade);
const EQ = sum(Y.capital, Y.retained);
const GP = sum(Y.revenue, Y.cogs);
const OP = sum(GP, Y.ga);
const PBT = sum(OP, Y.fx);
const NP = sum(PBT, Y.tax);

function rows(fmt: (n: number) => string, L: Record<string, string>) {
  const v = (x: number[]) => x.map((n) => (n < 0 ? `(${fmt(-n)})` : fmt(n)));
  return [
    { label: L.assets!, bold: true },
    { label: L.ca!, bold: true },
    { label: L.cash!, note: '5', values: v(Y.cash) },
    { label: L.fin!, note: '6', values: v(Y.fin) },
    { label: L.trade!, note: '7', values: v(Y.trade) },
    { label: L.inv!, note: '9', values: v(Y.inv) },
    { label: L.otherCa!, values: v(Y.otherCa) },
    { label: L.totalCa!, values: v(CA), bold: true },
    { label: L.nca!, bold: true },
    { label: L.ppe!, note: '12', values: v(Y.ppe) },
    { label: L.totalNca!, values: v(Y.ppe), bold: true },
    { label: L.totalAssets!, values: v(TA), bold: true },
    { label: L.liabilities!, bold: true },
    { label: L.stBorrow!, note: '14', values: v(Y.stBorrow) },
    { label: L.stTrade!, values: v(Y.stTrade) },
    { label: L.totalStl!, values: v(STL), bold: true },
    { label: L.ltBorrow!, note: '14', values: v(Y.ltBorrow) },
    { label: L.totalLtl!, values: v(Y.ltBorrow), bold: true },
    { label: L.capital!, values: v(Y.capital) },
    { label: L.retained!, values: v(Y.retained) },
    { label: L.totalEq!, values: v(EQ), bold: true },
    { label: L.totalLe!, values: v(TA), bold: true },
    { label: L.revenue!, note: '20', values: v(Y.revenue) },
    { label: L.cogs!, values: v(Y.cogs) },
    { label: L.gp!, values: v(GP), bold: true },
    { label: L.ga!, values: v(Y.ga) },
    { label: L.op!, values: v(OP), bold: true },
    { label: L.fx!, values: v(Y.fx) },
    { label: L.pbt!, values: v(PBT), bold: true },
    { label: L.tax!, values: v(Y.tax) },
    { label: L.np!, values: v(NP), bold: true },
  ];
}

const TR_LABELS = {
  assets: 'VARLIKLAR', ca: 'Dönen Varlıklar', cash: 'Nakit ve Nakit Benzerleri', fin: 'Finansal Yatırımlar', trade: 'Ticari Alacaklar', inv: 'Stoklar', otherCa: 'Diğer Dönen Varlıklar',
  totalCa: 'Toplam Dönen Varlıklar', nca: 'Duran Varlıklar', ppe: 'Maddi Duran Varlıklar', totalNca: 'Toplam Duran Varlıklar', totalAssets: 'TOPLAM VARLIKLAR',
  liabilities: 'KAYNAKLAR', stBorrow: 'Kısa Vadeli Borçlanmalar', stTrade: 'Ticari Borçlar', totalStl: 'Toplam Kısa Vadeli Yükümlülükler', ltBorrow: 'Uzun Vadeli Borçlanmalar',
  totalLtl: 'Toplam Uzun Vadeli Yükümlülükler', capital: 'Ödenmiş Sermaye', retained: 'Geçmiş Yıllar Karları', totalEq: 'Toplam Özkaynaklar', totalLe: 'TOPLAM KAYNAKLAR',
  revenue: 'Hasılat', cogs: 'Satışların Maliyeti (-)', gp: 'BRÜT KAR (ZARAR)', ga: 'Genel Yönetim Giderleri (-)', op: 'ESAS FAALİYET KARI (ZARARI)', fx: 'Finansman Giderleri (-)',
  pbt: 'SÜRDÜRÜLEN FAALİYETLER VERGİ ÖNCESİ KARI (ZARARI)', tax: 'Dönem Vergi Gideri (-)', np: 'DÖNEM KARI (ZARARI)',
};
const EN_LABELS = {
  assets: 'ASSETS', ca: 'Current assets', cash: 'Cash and cash equivalents', fin: 'Financial investments', trade: 'Trade receivables', inv: 'Inventories', otherCa: 'Other current assets',
  totalCa: 'Total current assets', nca: 'Non-current assets', ppe: 'Property, plant and equipment', totalNca: 'Total non-current assets', totalAssets: 'TOTAL ASSETS',
  liabilities: 'LIABILITIES AND EQUITY', stBorrow: 'Short-term borrowings', stTrade: 'Trade payables', totalStl: 'Total current liabilities', ltBorrow: 'Long-term borrowings',
  totalLtl: 'Total non-current liabilities', capital: 'Share capital', retained: 'Retained earnings', totalEq: 'Total equity', totalLe: 'TOTAL LIABILITIES AND EQUITY',
  revenue: 'Revenue', cogs: 'Cost of sales (-)', gp: 'GROSS PROFIT', ga: 'General administrative expenses (-)', op: 'OPERATING PROFIT', fx: 'Finance expenses (-)',
  pbt: 'PROFIT BEFORE TAX', tax: 'Tax expense (-)', np: 'PROFIT FOR THE PERIOD',
};

const EXPECTED: Record<string, number[]> = {
  '1': CA, '2': Y.ppe, '3': STL, '4': Y.ltBorrow, '5': EQ, '10': Y.cash, '11': Y.fin, '12': Y.trade, '15': Y.inv,
  TOTAL_ASSETS: TA, TOTAL_LIABILITIES_AND_EQUITY: TA, NET_SALES: Y.revenue, '62': Y.cogs, GROSS_PROFIT: GP, OPERATING_PROFIT: OP,
  '66': Y.fx, PROFIT_BEFORE_TAX: PBT, NET_PROFIT: NP,
};

async function read(pdf: Uint8Array) {
  const reading = await readStatementPdf(pdf);
  assert.ok(reading);
  const validation = validateExtraction(reading.statement);
  return buildAnalysis({ file: 'ifrs.pdf', sha256: 'x', pages: 1, method: 'text', pagesByMethod: reading.pagesByMethod, statement: reading.statement, validation });
}

function assertMapped(a: Awaited<ReturnType<typeof read>>, periods: string[], scale: number) {
  assert.deepEqual(a.periods, periods);
  for (const [key, values] of Object.entries(EXPECTED)) {
    assert.deepEqual(a.items[key], { [periods[0]!]: values[0]! * scale, [periods[1]!]: values[1]! * scale }, key);
  }
  // Lines with no equivalent keep their label, unkeyed.
  const unkeyed = a.lines.filter((l) => l.key === null).map((l) => l.label);
  assert.ok(unkeyed.some((l) => /Other current assets|Diğer Dönen Varlıklar|borrow|Borçlanma|Share capital|Ödenmiş Sermaye|Tax expense|Vergi Gideri/i.test(l)), unkeyed.join(' | '));
  // Ratios work on them too.
  const p = periods[0]!;
  assert.ok(Math.abs(a.ratios.current_ratio![p]! - CA[0]! / STL[0]!) < 1e-12);
  assert.ok(Math.abs(a.ratios.gross_margin![p]! - GP[0]! / Y.revenue[0]!) < 1e-12);
  assert.ok(Math.abs(a.ratios.interest_coverage![p]! - (PBT[0]! - Y.fx[0]!) / -Y.fx[0]!) < 1e-12);
}

describe('TFRS / IFRS layouts map their main lines to the contract keys', () => {
  it('a Turkish Finansal Durum Tablosu with a notes column, in TL', async () => {
    const pdf = await renderIfrsPdf({
      title: ['Anadolu Makine Sanayi A.Ş. ve Bağlı Ortaklıkları', '31 ARALIK 2024 TARİHİ İTİBARIYLA KONSOLİDE FİNANSAL DURUM TABLOSU', '(Tutarlar aksi belirtilmedikçe Türk Lirası (TL) olarak ifade edilmiştir.)'],
      noteHeader: 'Dipnot',
      headers: ['31.12.2024', '31.12.2023'],
      rows: rows(tr, TR_LABELS),
    });
    const a = await read(pdf);
    assert.equal(a.currency, 'TRY');
    assert.equal(a.unit, 'TL');
    assertMapped(a, ['2024-12-31', '2023-12-31'], 1);
  });

  it('an English statement of financial position in thousands of US dollars', async () => {
    const pdf = await renderIfrsPdf({
      title: ['Bosphorus Logistics Inc.', 'STATEMENT OF FINANCIAL POSITION AS AT 31 DECEMBER 2024', '(Amounts in thousands of US Dollars (USD))'],
      noteHeader: 'Notes',
      headers: ['31 December 2024', '31 December 2023'],
      rows: rows(en, EN_LABELS),
    });
    const a = await read(pdf);
    assert.equal(a.currency, 'USD');
    assert.equal(a.unit, 'Bin TL', 'thousands');
    assertMapped(a, ['2024-12-31', '2023-12-31'], 1000);
  });
});
