import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { basisOfSentence, detectBasis } from '../../domain/statement-basis.ts';

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
