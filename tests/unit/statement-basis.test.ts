import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Analysis } from '../../contracts/analysis.ts';
import { buildAnalysis } from '../../domain/build-analysis.ts';
import { detectMeta } from '../../reading/layout/document-meta.ts';
import type { ExtractedStatement } from '../../reading/layout/statement-parser.ts';
import { basisByPeriod, basisOfSentence, detectBasis } from '../../domain/statement-basis.ts';

const basis = (...texts: string[]) => detectBasis({ texts }).basis;

describe('inflation-adjusted basis', () => {
  it('recognises the Turkish and English wording of an adjusted statement or column', () => {
    for (const t of [
      'Konsolide finansal tablolar TMS 29 uyarınca düzeltilmiştir.',
      'TFRS/TMS 29 "Yüksek Enflasyonlu Ekonomilerde Finansal Raporlama"',
      'ENFLASYON DÜZELTMESİ SONRASI',
      'Enflasyona göre düzeltilmiş tutarlar',
      'Tutarlar 31 Aralık 2024 tarihindeki satın alma gücü cinsinden ifade edilmiştir.',
      'The financial statements have been restated for the changes in the general purchasing power of the Turkish lira.',
      'Financial reporting in hyperinflationary economies (IAS 29)',
      'Inflation-adjusted balance sheet',
    ]) assert.equal(basis(t), 'inflation_adjusted', t);
  });

  it('a negation or "öncesi" makes it historical; a note reference ("Not 2") does not', () => {
    assert.equal(basis('ENFLASYON DÜZELTMESİ ÖNCESİ'), 'historical');
    assert.equal(basis('Finansal tablolara enflasyon düzeltmesi yapılmamıştır.'), 'historical');
    assert.equal(basis('Şirket 1 Ocak 2005 tarihinden itibaren TMS 29 uygulamasına son vermiştir.'), 'historical');
    assert.equal(basis('The Company has not applied IAS 29 in these statements.'), 'historical');
    assert.equal(basis('TMS 29 uygulamasının etkileri Not 2.4’te açıklanmıştır.'), 'inflation_adjusted');
  });

  it('nothing said -> unknown; both said (two columns under one heading set) -> unknown with all evidence', () => {
    assert.deepEqual(detectBasis({ texts: ['BİLANÇO 31.12.2024', 'Dönen Varlıklar'] }), { basis: 'unknown', evidence: [] });
    const both = detectBasis({ texts: ['Cari Dönem (Enflasyon Düzeltmesi Öncesi)\nCari Dönem (Enflasyon Düzeltmesi Sonrası)'] });
    assert.equal(both.basis, 'unknown');
    assert.deepEqual(both.evidence.map((e) => e.basis), ['historical', 'inflation_adjusted']);
  });

  it('adjustment accounts 648/658/698 count only with a non-zero amount (forms print every line)', () => {
    assert.equal(detectBasis({ texts: [], accounts: { '648': 0, '658': null } }).basis, 'unknown');
    const r = detectBasis({ texts: [], accounts: { '658': -125_000_00 } });
    assert.deepEqual(r, { basis: 'inflation_adjusted', evidence: [{ basis: 'inflation_adjusted', text: '658: -12500000' }] });
    assert.equal(detectBasis({ texts: [], accounts: { '698': 4_000 } }).basis, 'inflation_adjusted');
  });

  it('keeps the sentence as printed as evidence', () => {
    assert.deepEqual(basisOfSentence('Tutarlar TMS 29’a göre düzeltilmiştir.'), { basis: 'inflation_adjusted', text: 'Tutarlar TMS 29’a göre düzeltilmiştir.' });
    assert.equal(basisOfSentence('Dönen Varlıklar'), null);
  });
});

describe('basis in the analysis contract', () => {
  const P23 = '2023-12-31';
  const P24 = '2024-12-31';
  const statement = (headings: string[], values: Record<string, Record<string, number>>): ExtractedStatement => ({
    ...detectMeta(headings),
    periods: [P24, P23],
    statements: ['income_statement'],
    lines: Object.entries(values).map(([key, v]) => ({ key, label: key, page: 1, statement: 'income_statement', values: v, confidence: 0.99, source: 'text' })),
  });
  const analyse = (s: ExtractedStatement) =>
    buildAnalysis({ file: 'x.pdf', sha256: 'x', pages: 1, method: 'text', pagesByMethod: { text: [1], ocr: [], vision: [] }, statement: s, validation: { status: 'ok', confidence: 1, checks: [] } });

  it('the headings set every period; an adjustment account adds evidence for its own period', () => {
    const a = analyse(statement(['ÖRNEK A.Ş.', 'GELİR TABLOSU (Enflasyon Düzeltmesi Sonrası)'], { NET_SALES: { [P24]: 100_00, [P23]: 90_00 }, '658': { [P24]: -5_00 } }));
    assert.deepEqual(a.basis?.[P23], { basis: 'inflation_adjusted', evidence: [{ basis: 'inflation_adjusted', text: 'GELİR TABLOSU (Enflasyon Düzeltmesi Sonrası)' }] });
    assert.equal(a.basis?.[P24]?.evidence.length, 2);
    assert.equal(Analysis.parse(a).basis?.[P24]?.basis, 'inflation_adjusted');
  });

  it('without any evidence the field is absent, and an analysis without it still parses (backward compatible)', () => {
    const a = analyse(statement(['ÖRNEK A.Ş.', 'GELİR TABLOSU'], { NET_SALES: { [P24]: 100_00, [P23]: 90_00 }, '648': { [P24]: 0 } }));
    assert.equal('basis' in a, false);
    assert.equal(Analysis.parse(a).basis, undefined);
  });

  it('per period: only the period with a non-zero adjustment account is adjusted', () => {
    const r = basisByPeriod(undefined, { '648': { [P24]: 1_00, [P23]: 0 } }, [P24, P23]);
    assert.deepEqual(r && [r[P24]!.basis, r[P23]!.basis], ['inflation_adjusted', 'unknown']);
    assert.equal(basisByPeriod(undefined, {}, [P24]), null);
  });
});
