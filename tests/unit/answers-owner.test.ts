import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { view } from '../../domain/answers/answer-writer.ts';
import { contextLine } from '../../domain/answers/answers-owner.ts';
import { answerQuestion, knownPeriods, unsupportedNumbers, type Answer, type AnswerContext } from '../../domain/answers/answers.ts';
import { parseIntent } from '../../domain/questions/intents.ts';
import { A, analysis, RATIOS } from '../helpers/answer-fixture.ts';

const ask = (text: string, ctx: Partial<AnswerContext> = {}): Answer => {
  const { intent, locale } = parseIntent(text);
  const full = { analysis: analysis(), locale, ...ctx };
  const answer = answerQuestion(intent, full);
  // Every number shown is one the answer cites (or a period).
  assert.deepEqual(unsupportedNumbers(answer.text, answer.citations.map((c) => c.value), knownPeriods(full)), [], answer.text);
  return answer;
};
const includes = (text: string, part: string) => assert.ok(text.includes(part), `expected ${JSON.stringify(part)} in:\n${text}`);

describe('answers an owner asks in plain words', () => {
  it('statement lines by name, in Turkish and English, with and without diacritics', () => {
    includes(ask('kasada ne kadar para var').text, 'Hazır Değerler 2024: 3.000.000 TL. Diğer dönemler: 2023: 1.500.000 TL.');
    includes(ask('How much cash do we have?').text, 'Cash and equivalents 2024: TL 3,000,000.');
    includes(ask('net kar ne kadar').text, 'Dönem Net Karı 2024: 2.000.000 TL');
    includes(ask('aktif toplami').text, 'Aktif Toplamı 2024: 25.000.000 TL');
    includes(ask("2023'te toplam borç ne kadar").text, 'Yabancı Kaynaklar Toplamı 2023: 12.000.000 TL');
    includes(ask('102 hesabı').text, '2024: 2.500.000 TL');
  });

  it('growth of a line is the nominal change between the shown amounts', () => {
    const a = ask('satışlar ne kadar arttı');
    includes(a.text, 'Net Satışlar: 2023 30.000.000 TL → 2024 40.000.000 TL; arttı (+10.000.000 TL, +%33,3).');
    includes(a.text, 'nominal');
    includes(ask('how much did net profit change').text, 'Net profit: 2023 TL 1,600,000 → 2024 TL 2,000,000; rose (+TL 400,000, +25.0%).');
  });

  it('judgements: one plain verdict first, then the numbers behind it', () => {
    const p = ask('kârlı mı');
    assert.match(p.text.split('\n')[0]!, /^Evet, 2024 döneminde kârlı: dönem net karı 2\.000\.000 TL\.$/);
    includes(p.text, 'Net Kar Marjı: %5,0');
    const loss = ask('zarar mı ediyoruz', { analysis: analysis({ items: { ...analysis().items, NET_PROFIT: { [A]: -500_000 } } }) });
    assert.match(loss.text, /^Hayır, 2024 döneminde zarar var/);
    const debt = ask('borçlarım çok mu');
    assert.match(debt.text.split('\n')[0]!, /^Borç düzeyi 2024 itibarıyla yüksek tarafta \(Kaldıraç Oranı, Yabancı Kaynaklar \/ Özkaynaklar, Özkaynak Oranı\)\.$/);
    includes(debt.text, 'sektör ölçütü değildir');
    assert.match(ask('is the company profitable?').text, /^Yes, profitable in 2024/);
    const overall = ask('şirket iyi mi');
    assert.match(overall.text, /^Genel tablo karışık; bir alan zayıf:/);
    includes(overall.text, 'Kısa vadeli ödeme gücü 2024 itibarıyla ders kitabı kurallarını karşılıyor.');
  });

  it('a family question answers that family only', () => {
    const a = ask('likidite durumum nasıl');
    includes(a.text, 'Likidite oranları, 2024:');
    includes(a.text, 'Cari Oran: 1,52');
    assert.ok(!a.text.includes('Kaldıraç'), a.text);
    assert.ok(!a.text.includes('Net Kar Marjı'), a.text);
  });

  it('checks rules against the value shown, and words a high value without a weak side neutrally', () => {
    const ratios = structuredClone(RATIOS);
    ratios.current_ratio![A] = 2.0035; // shown "2,00": within 1,5 – 2,0
    const within = ask('cari oran', { analysis: analysis({ ratios }) });
    includes(within.text, 'Bu değer kurala uyuyor.');
    assert.ok(!ask('oranlar', { analysis: analysis({ ratios }) }).text.includes('Cari Oran: 2,00 ⚠️'));
    ratios.current_ratio![A] = 2.6;
    includes(ask('cari oran', { analysis: analysis({ ratios }) }).text, 'bu tek başına bir zayıflık değildir');
    includes(ask('oranlar', { analysis: analysis({ ratios }) }).text, 'Cari Oran: 2,60 ℹ️');
    assert.ok(!ask('hangi oranlar zayıf', { analysis: analysis({ ratios }) }).text.includes('Cari Oran'));
  });

  it('every answer can be headed by its company and period', () => {
    const data = view({ analysis: analysis(), locale: 'tr' });
    const label = (p: string) => p.slice(0, 4);
    assert.equal(contextLine(parseIntent('net kar marjı').intent, data, 'ACME Gıda A.Ş.', 'tr', label), '*ACME Gıda A.Ş. — 2024*');
    assert.equal(contextLine(parseIntent('2023 cari oranı').intent, data, 'ACME Gıda A.Ş.', 'tr', label), '*ACME Gıda A.Ş. — 2023*');
    assert.equal(contextLine(parseIntent('satışlar ne kadar arttı').intent, data, 'ACME *Gıda*', 'tr', label), '*ACME ∗Gıda∗ — 2023 → 2024*');
  });
});

describe('differences', () => {
  it('are computed from the values as shown', () => {
    const ratios = structuredClone(RATIOS);
    ratios.current_ratio!['2023-12-31'] = 1.334; // shown 1,33
    ratios.current_ratio![A] = 1.516; // shown 1,52; raw difference 0,182 would show 0,18
    const a = ask('cari oranı karşılaştır', { analysis: analysis({ ratios }) });
    includes(a.text, '2023 1,33 → 2024 1,52 (+0,19, yükseldi)');
  });
});
