import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  answerLine, answerQuestion, displayName, helpText, knownPeriods, resolvePeriod, unsupportedNumbers, weakRatios,
  type Answer, type AnswerContext,
} from '../../domain/answers/answers.ts';
import { parseIntent, type Intent } from '../../domain/questions/intents.ts';
import type { Analysis } from '../../contracts/analysis.ts';
import { RATIO_IDS, type RatioId } from '../../domain/ratio-definitions.ts';

import { A, analysis, B, M, RATIOS, thin } from '../helpers/answer-fixture.ts';

const tr = (intent: Intent, a = analysis()): Answer => answerQuestion(intent, { analysis: a, locale: 'tr' });
const en = (intent: Intent, a = analysis()): Answer => answerQuestion(intent, { analysis: a, locale: 'en' });
const ask = (text: string, a = analysis()): Answer => {
  const { intent, locale } = parseIntent(text);
  return answerQuestion(intent, { analysis: a, locale });
};

function includes(text: string, part: string): void {
  assert.ok(text.includes(part), `expected ${JSON.stringify(part)} in:\n${text}`);
}

/** Every number the text shows is one of its citations (or a period). */
function allCited(answer: Answer, ctx: AnswerContext): void {
  const bad = unsupportedNumbers(answer.text, answer.citations.map((c) => c.value), knownPeriods(ctx));
  assert.deepEqual(bad, [], `uncited numbers ${bad.join(', ')} in:\n${answer.text}`);
}

describe('answers: one ratio', () => {
  it('shows the value with its formula and the inputs used, Turkish formatting', () => {
    const a = tr({ kind: 'ratio_value', ratioId: 'current_ratio' });
    includes(a.text, 'Cari Oran 2024: 1,52 = 15.234.000 TL / 10.022.000 TL (Dönen Varlıklar / Kısa Vadeli Yabancı Kaynaklar).');
    includes(a.text, 'Ders kitabı kuralı: 1,5 – 2,0 arası (genel bir ders kitabı kuralıdır, sektör ölçütü değildir). Bu değer kurala uyuyor.');
    includes(a.text, 'Diğer dönemler: 2023: 1,33.');
    assert.deepEqual(a.citations.find((c) => c.label === 'Dönen Varlıklar'), { label: 'Dönen Varlıklar', period: A, value: 15_234_000 });
    assert.deepEqual(a.citations.find((c) => c.label === 'Kısa Vadeli Yabancı Kaynaklar'), { label: 'Kısa Vadeli Yabancı Kaynaklar', period: A, value: 10_022_000 });
    assert.deepEqual(a.citations.find((c) => c.label === 'Cari Oran' && c.period === A), { label: 'Cari Oran', period: A, value: 15.234 / 10.022 });
    assert.deepEqual(a.citations.find((c) => c.label === 'Cari Oran' && c.period === B), { label: 'Cari Oran', period: B, value: 12 / 9 });
    assert.ok(a.citations.some((c) => c.value === 1.5) && a.citations.some((c) => c.value === 2), 'rule of thumb numbers are cited');
    assert.equal(a.attachment, undefined);
  });

  it('answers in English with English formatting', () => {
    const a = en({ kind: 'ratio_value', ratioId: 'current_ratio' });
    includes(a.text, 'Current ratio 2024: 1.52 = TL 15,234,000 / TL 10,022,000 (Current assets / Short-term liabilities).');
    includes(a.text, 'Textbook rule of thumb: between 1.5 and 2.0 (a general textbook rule, not a sector benchmark). This value is within it.');
  });

  it('answers for the asked period and says when it is outside the rule', () => {
    const a = ask('2023 cari oranı kaç?');
    includes(a.text, 'Cari Oran 2023: 1,33 = 12.000.000 TL / 9.000.000 TL');
    includes(a.text, 'Bu değer kuralın altında.');
    includes(a.text, 'Diğer dönemler: 2024: 1,52.');
  });

  it('formats percentages, turnovers, amounts and multi-term formulas', () => {
    includes(tr({ kind: 'ratio_value', ratioId: 'return_on_equity' }).text, 'Özkaynak Karlılığı (ROE) 2024: %16,7 = 2.000.000 TL / 12.000.000 TL (Dönem Net Karı / Özkaynaklar).');
    includes(en({ kind: 'ratio_value', ratioId: 'return_on_equity' }).text, 'Return on equity 2024: 16.7% = TL 2,000,000 / TL 12,000,000');
    includes(tr({ kind: 'ratio_value', ratioId: 'acid_test_ratio' }).text, 'Asit-Test (Likidite) Oranı 2024: 1,12 = (15.234.000 TL − 4.000.000 TL) / 10.022.000 TL');
    includes(tr({ kind: 'ratio_value', ratioId: 'net_working_capital' }).text, 'Net Çalışma Sermayesi 2024: 5.212.000 TL = 15.234.000 TL − 10.022.000 TL');
    includes(tr({ kind: 'ratio_value', ratioId: 'interest_coverage' }).text, 'Faiz Karşılama Oranı 2024: 3,50 kez = (2.500.000 TL + 1.000.000 TL) / 1.000.000 TL');
    includes(tr({ kind: 'ratio_value', ratioId: 'debt_to_equity' }).text, 'Yabancı Kaynaklar / Özkaynaklar 2024: 1,08 = (10.022.000 TL + 2.978.000 TL) / 12.000.000 TL');
    includes(tr({ kind: 'ratio_value', ratioId: 'debt_to_equity' }).text, 'Bu değer kuralın üstünde.');
  });

  it('explains a null ratio: a missing input', () => {
    const a = tr({ kind: 'ratio_value', ratioId: 'interest_coverage' }, thin());
    includes(a.text, 'Faiz Karşılama Oranı 2024 hesaplanamıyor: Dönem Karı (vergi öncesi) tabloda yok ya da okunamadı.');
    includes(a.text, 'Diğer dönemler: 2023: 3,50 kez.');
    includes(en({ kind: 'ratio_value', ratioId: 'interest_coverage' }, thin()).text, 'Interest coverage 2024 cannot be computed: Profit before tax is missing from the statement.');
  });

  it('explains a null ratio: a zero divisor, with the zero cited', () => {
    const a = tr({ kind: 'ratio_value', ratioId: 'inventory_turnover' }, thin());
    includes(a.text, 'Stok Devir Hızı 2024 hesaplanamıyor: payda (Stoklar) 0 TL; sıfıra bölme tanımsız.');
    assert.deepEqual(a.citations.find((c) => c.label === 'Stoklar'), { label: 'Stoklar', period: A, value: 0 });
    includes(en({ kind: 'ratio_value', ratioId: 'inventory_turnover' }, thin()).text, 'the denominator (Inventories) is TL 0, and division by zero is undefined');
  });

  it('does not show inputs that do not reproduce the stored value', () => {
    const ratios = structuredClone(RATIOS);
    ratios.current_ratio![A] = 1.6; // e.g. corrected in review
    const a = tr({ kind: 'ratio_value', ratioId: 'current_ratio' }, analysis({ ratios }));
    includes(a.text, 'Cari Oran 2024: 1,60 (Dönen Varlıklar');
    assert.ok(!a.text.includes('15.234.000'));
  });

  it('says which periods exist when the asked one does not', () => {
    const a = tr({ kind: 'ratio_value', ratioId: 'current_ratio', period: '2019' });
    assert.equal(a.text, 'İstenen dönem bu tabloda yok. Mevcut dönemler: 2023, 2024.');
    assert.deepEqual(a.citations, []);
  });
});

describe('answers: comparisons and drivers', () => {
  it('compares one ratio between two periods, percentages in points', () => {
    const a = ask('net kar marjı 2023 ile 2024 karşılaştır');
    includes(a.text, 'Net Kar Marjı: 2023 %5,3 → 2024 %5,0 (−0,3 puan, düştü).');
    const change = a.citations.find((c) => c.label === 'Net Kar Marjı değişimi');
    // The difference of the shown values (%5,0 − %5,3), so the reader's own subtraction agrees.
    assert.ok(change && Math.abs(change.value - (0.05 - 0.053)) < 1e-12);
    includes(en({ kind: 'compare', ratioId: 'current_ratio' }).text, 'Current ratio: 2023 1.33 → 2024 1.52 (+0.19, rose).');
  });

  it('compares every ratio when none is named', () => {
    const a = tr({ kind: 'compare' });
    includes(a.text, '2023 → 2024 oran değişimleri:');
    includes(a.text, '• Cari Oran: 1,33 → 1,52 (+0,19)');
    includes(a.text, '• Net Çalışma Sermayesi: 3.000.000 TL → 5.212.000 TL (+2.212.000 TL)');
    includes(a.text, '• Stok Devir Hızı: 5,50 kez → 7,50 kez (+2,00 kez)');
    includes(a.text, '• Kaldıraç Oranı: %57,1 → %52,0 (−5,1 puan)');
  });

  it('explains why a ratio moved: numerator vs denominator effect, then the lines', () => {
    const a = ask('cari oran neden düştü');
    const lines = a.text.split('\n');
    assert.equal(lines[0], 'Cari Oran: 2023 1,33 → 2024 1,52 (+0,19, yükseldi).');
    includes(a.text, '• Pay etkisi +0,34: Dönen Varlıklar 12.000.000 TL → 15.234.000 TL.');
    includes(a.text, '• Payda etkisi −0,15: Kısa Vadeli Yabancı Kaynaklar 9.000.000 TL → 10.022.000 TL.');
    includes(a.text, 'Değişimin büyük kısmı paydaki hareketten geliyor.');
    const top = lines.slice(lines.indexOf('En çok etkileyen kalemler:') + 1);
    assert.deepEqual(top, [
      '• Ticari Alacaklar: +1.734.000 TL (orana etkisi +0,18)',
      '• Satıcılar: +1.022.000 TL (orana etkisi −0,15)',
      '• Bankalar: +1.300.000 TL (orana etkisi +0,14)',
      '• Kasa: +200.000 TL (orana etkisi +0,02)',
    ]);
    assert.ok(a.citations.some((c) => c.label === 'Satıcılar değişimi' && c.value === 1_022_000));
  });

  it('explains an amount and a percentage in their own units', () => {
    const nwc = en({ kind: 'why', ratioId: 'net_working_capital' });
    includes(nwc.text, 'Net working capital: 2023 TL 3,000,000 → 2024 TL 5,212,000 (+TL 2,212,000, rose).');
    includes(nwc.text, '• Short-term liabilities: TL 9,000,000 → TL 10,022,000 (effect −TL 1,022,000)');
    const debt = tr({ kind: 'why', ratioId: 'debt_ratio' });
    includes(debt.text, 'Kaldıraç Oranı: 2023 %57,1 → 2024 %52,0 (−5,1 puan, düştü).');
    includes(debt.text, 'Değişimin büyük kısmı paydadaki hareketten geliyor.');
  });

  it('says why a change cannot be explained when the ratio is null in a period', () => {
    const a = tr({ kind: 'why', ratioId: 'inventory_turnover' }, thin());
    includes(a.text, 'Stok Devir Hızı: 2024 için hesaplanamıyor (payda (Stoklar) 0 TL; sıfıra bölme tanımsız).');
  });

  it('needs two periods', () => {
    const one = analysis({ periods: [A] });
    includes(tr({ kind: 'why', ratioId: 'current_ratio' }, one).text, 'Karşılaştırma için en az iki dönem gerekir; bu tabloda yalnızca 2024 dönemi var.');
  });

  it('takes earlier periods from the company history', () => {
    const current = analysis({ periods: [A] });
    const previous = analysis({ periods: [B], document: { ...analysis().document, file: 'acme-2023.pdf' } });
    const a = answerQuestion({ kind: 'compare', ratioId: 'current_ratio' }, { analysis: current, locale: 'tr', history: [previous] });
    includes(a.text, 'Cari Oran: 2023 1,33 → 2024 1,52 (+0,19, yükseldi).');
  });
});

describe('answers: definitions, weak ratios, lists', () => {
  it('defines a ratio with the textbook rule worded as such, and its values here', () => {
    const a = ask('asit test oranı nasıl hesaplanır');
    includes(a.text, 'Asit-Test (Likidite) Oranı (Likidite grubu): (Dönen Varlıklar − Stoklar) / Kısa Vadeli Yabancı Kaynaklar.');
    includes(a.text, 'Ders kitabı kuralı: en az 1,0. Bu genel bir ders kitabı kuralıdır, sektör ölçütü değildir; uygun düzey sektöre göre değişir.');
    includes(a.text, 'Bu tabloda: 2024: 1,12; 2023: 0,89.');
  });

  it('defines without a statement, and notes textbook variants', () => {
    const roe = answerQuestion({ kind: 'definition', ratioId: 'return_on_equity' }, { analysis: undefined as never, locale: 'en' });
    includes(roe.text, 'Return on equity (Profitability family): Net profit / Equity.');
    includes(roe.text, 'There is no general textbook threshold');
    includes(roe.text, 'Some textbooks use the average of opening and closing balances; here period-end balances are used.');
    includes(tr({ kind: 'definition', ratioId: 'debt_to_equity' }).text, '“Finansman oranı”');
  });

  it('lists the ratios outside their rule of thumb in the latest period', () => {
    assert.deepEqual(weakRatios({ analysis: analysis(), locale: 'tr' }).map((w) => [w.id, w.status]), [
      ['debt_ratio', 'high'],
      ['equity_ratio', 'low'],
      ['debt_to_equity', 'high'],
      ['short_term_debt_share', 'high'],
    ]);
    const a = ask('hangi oranlar zayıf?');
    includes(a.text, '2024 itibarıyla ders kitabı kurallarının dışında kalan oranlar (genel kurallar; sektör karşılaştırması değildir):');
    includes(a.text, '• Kaldıraç Oranı: %52,0 — kural: en fazla %50 (bankalar %60 – %70’e kadar kabul edebilir); kuralın üstünde.');
    includes(a.text, '• Özkaynak Oranı: %48,0 — kural: en az %50; kuralın altında.');
    includes(a.text, '• Yabancı Kaynaklar / Özkaynaklar: 1,08 — kural: en fazla 1,0; kuralın üstünde.');
    includes(a.text, '• KVYK / Pasif Toplamı: %40,1 — kural: en fazla %33; kuralın üstünde.');
    assert.ok(!a.text.includes('Cari Oran'));
    includes(ask('which ratios are weak').text, '• Equity ratio: 48.0% — rule: at least 50%; below it.');
  });

  it('names the rated ratios it cannot assess', () => {
    const a = tr({ kind: 'weak' }, thin());
    includes(a.text, 'Hesaplanamadığı için değerlendirilemeyen: Faiz Karşılama Oranı.');
  });

  it('answers the days metrics with the worked formula and the cycle as the sum of its parts', () => {
    const days = (v: number) => `${v.toFixed(1).replace('.', ',')} gün`;
    const dso = RATIOS.days_sales_outstanding[A]!;
    const a = tr(parseIntent('alacak tahsil süresi kaç gün?').intent);
    includes(a.text, `Alacak Tahsil Süresi 2024: ${days(dso)} = 365 × 8.234.000 TL / 40.000.000 TL`);
    const c = tr(parseIntent('nakit dönüşüm süresi').intent);
    const [dio, dpo] = [RATIOS.days_inventory_outstanding[A]!, RATIOS.days_payables_outstanding[A]!];
    includes(c.text, `Nakit Dönüşüm Süresi 2024: ${days(RATIOS.cash_conversion_cycle[A]!)} = ${days(dso)} + ${days(dio)} − ${days(dpo)}`);
  });

  it('lists every ratio of a period by family, flagging the ones outside the rule', () => {
    const a = tr({ kind: 'ratios', period: '2023' });
    includes(a.text, '2023 oranları:\n*Likidite*\n• Cari Oran: 1,33 ⚠️');
    includes(a.text, '• Brüt Kar Marjı: %26,7\n');
    includes(a.text, '• Faiz Karşılama Oranı: 3,50 kez');
    assert.equal(a.citations.length, RATIO_IDS.length);
    includes(tr({ kind: 'ratios' }, thin()).text, '• Stok Devir Hızı: hesaplanamıyor');
  });

  it('adds a note when validation found problems', () => {
    const a = tr({ kind: 'ratio_value', ratioId: 'current_ratio' }, analysis({ validation: { status: 'failed', confidence: 0.4, checks: [] } }));
    includes(a.text, 'tutarlılık kontrolleri başarısız');
  });
});

describe('answers: attachments, help, lines', () => {
  it('requests a chart or an export without rendering it', () => {
    assert.deepEqual(ask('likidite grafiği').attachment, { kind: 'chart', family: 'liquidity' });
    assert.equal(ask('likidite grafiği').text, 'Likidite oranları grafiği gönderiliyor.');
    assert.deepEqual(ask('excel gönder').attachment, { kind: 'export', format: 'xlsx' });
    assert.deepEqual(ask('PDF rapor').attachment, { kind: 'export', format: 'pdf' });
    assert.equal(ask('send the excel file please').text, 'Sending the Excel workbook.');
  });

  it('helps, and lists what can be asked when it does not understand', () => {
    const help = answerQuestion({ kind: 'help' }, { analysis: undefined as never, locale: 'tr' });
    assert.equal(help.text, helpText('tr'));
    assert.ok(!/\d/.test(helpText('tr')) && !/\d/.test(helpText('en')), 'help text has no numbers');
    // Not understood: the three closest answerable questions, not a ten-line help.
    const unknown = answerQuestion({ kind: 'unknown' }, { analysis: analysis(), locale: 'tr', question: 'satış artışımız nasıl bir şey' });
    includes(unknown.text, 'Bunu anlayamadım.');
    assert.equal(unknown.text.split('\n').filter((l) => l.startsWith('• ')).length, 3, unknown.text);
    includes(unknown.text, '• satışlar ne kadar arttı?');
    const en = answerQuestion({ kind: 'unknown' }, { analysis: analysis(), locale: 'en', question: 'what about the cashflow' });
    includes(en.text, '• how much cash do we have?');
    assert.ok(!en.text.includes('You can ask:'));
    assert.equal(answerQuestion({ kind: 'language', locale: 'en' }, { analysis: undefined as never, locale: 'en' }).text, 'OK, I will answer in English from now on.');
  });

  it('says there is no statement for data questions without one', () => {
    includes(answerQuestion({ kind: 'weak' }, { analysis: undefined as never, locale: 'tr' }).text, 'Henüz analiz edilmiş bir tablo yok');
  });

  it('reads a statement line by key, name or input', () => {
    const ctx = { analysis: analysis(), locale: 'tr' as const };
    assert.equal(answerLine(ctx, '102').text, 'Bankalar: 2024: 2.500.000 TL; 2023: 1.200.000 TL.');
    assert.equal(answerLine(ctx, 'bankalar', '2023').text, 'Bankalar: 2023: 1.200.000 TL.');
    assert.equal(answerLine(ctx, 'TOTAL_ASSETS', '2024').key, 'TOTAL_ASSETS');
    assert.equal(answerLine(ctx, 'STL').text, 'Kısa Vadeli Yabancı Kaynaklar: 2024: 10.022.000 TL; 2023: 9.000.000 TL.');
    assert.equal(answerLine({ ...ctx, locale: 'en' }, '12').text, 'Trade Receivables: 2024: TL 8,234,000; 2023: TL 6,500,000.');
  });

  it('resolves periods and title-cases printed capitals', () => {
    assert.equal(resolvePeriod('2024', [B, A]), A);
    assert.equal(resolvePeriod('31.12.2023', [B, A]), B);
    assert.equal(resolvePeriod(undefined, [B, A]), A);
    assert.equal(resolvePeriod('2019', [B, A]), null);
    assert.equal(displayName('TİCARİ ALACAKLAR', 'tr'), 'Ticari Alacaklar');
    assert.equal(displayName('DİĞER ALACAKLAR', 'tr'), 'Diğer Alacaklar');
    assert.equal(displayName('Bankalar', 'tr'), 'Bankalar');
  });
});

describe('answers: every number is cited', () => {
  const intents: Intent[] = [
    { kind: 'ratios' },
    { kind: 'ratios', period: '2023' },
    { kind: 'compare' },
    { kind: 'weak' },
    { kind: 'chart' },
    { kind: 'export', format: 'pdf' },
    { kind: 'unknown' },
  ];
  for (const id of ['current_ratio', 'acid_test_ratio', 'net_working_capital', 'net_margin', 'inventory_turnover', 'debt_ratio', 'interest_coverage', 'short_term_debt_share', 'receivables_turnover'] as const) {
    intents.push({ kind: 'ratio_value', ratioId: id }, { kind: 'compare', ratioId: id }, { kind: 'why', ratioId: id }, { kind: 'definition', ratioId: id });
  }
  for (const [name, make] of [['full', analysis], ['thin', thin]] as const) {
    for (const locale of ['tr', 'en'] as const) {
      it(`${name} statement, ${locale}: ${intents.length} answers`, () => {
        const ctx = { analysis: make(), locale };
        for (const intent of intents) allCited(answerQuestion(intent, ctx), ctx);
      });
    }
  }

  it('the check catches a number that is not cited', () => {
    const a = tr({ kind: 'ratio_value', ratioId: 'current_ratio' });
    const periods = [A, B];
    assert.deepEqual(unsupportedNumbers(`${a.text} Ayrıca 1,87.`, a.citations.map((c) => c.value), periods), ['1,87']);
    assert.deepEqual(unsupportedNumbers('Cari oran 2019: 1,52', [15.234 / 10.022], periods), ['2019']);
    assert.deepEqual(unsupportedNumbers('31.12.2024 itibarıyla %16,7 ve 15,2 milyon TL', [2 / 12, 15_234_000], periods), []);
  });
});
