import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectMeta } from '../../../reading/layout/document-meta.ts';

test('an amount written in words never sets the unit; a unit line does', () => {
  assert.equal(detectMeta(['ÖRNEK A.Ş.', 'Kayıtlı sermaye tavanı: 10 Milyon TL', 'BİLANÇO']).unit, 'TL');
  assert.equal(detectMeta(['ÖRNEK A.Ş.', 'Kayıtlı sermaye tavanı: 10 Milyon TL', '(Tutarlar Bin TL olarak gösterilmiştir)']).unit, 'Bin TL');
  assert.equal(detectMeta(['(Amounts in millions of US dollars)']).unit, 'Milyon TL');
});

test('the company is the identity line, never a form heading or a title', () => {
  const m = detectMeta(['KADIKÖY VERGİ DAİRESİ MÜDÜRLÜĞÜ', 'KURUMLAR VERGİSİ BEYANNAMESİ', 'Soyadı (Unvanı): ÖRNEK GIDA SAN. VE TİC. A.Ş.']);
  assert.equal(m.companyName, 'ÖRNEK GIDA SAN. VE TİC. A.Ş.');
  assert.equal(detectMeta(['KURUMLAR VERGİSİ BEYANNAMESİ', 'AYRINTILI BİLANÇO']).companyName, null);
  assert.equal(detectMeta(['METECHS INDUSTRIAL CORPORATION', 'STATEMENT OF FINANCIAL POSITION']).companyName, 'METECHS INDUSTRIAL CORPORATION');
});

test('currency from the statement: peso words and marks, never TRY by default for a peso statement', () => {
  assert.equal(detectMeta(['(Amounts in Philippine Peso)']).currency, 'PHP');
  assert.equal(detectMeta(['SEVEN A.D. INC.'], ['P =17,299,358', 'P =29,984,998', '12,745,669']).currency, 'PHP');
  assert.equal(detectMeta(['Tutarlar Milyon Türk Lirası (TL) olarak gösterilmiştir']).currency, 'TRY');
});
