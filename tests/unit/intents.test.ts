import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectLocale, parseIntent, periodsIn, type Intent } from '../../domain/questions/intents.ts';
import { findRatio, ratioFromText, tokensOf } from '../../domain/questions/ratio-aliases.ts';

type Case = [text: string, intent: Intent, locale: 'tr' | 'en'];

const CASES: Case[] = [
  // commands
  ['/ratios', { kind: 'ratios' }, 'tr'],
  ['ratios 2024', { kind: 'ratios', period: '2024' }, 'en'],
  ['/ratios@SmartLodgeBot 2023', { kind: 'ratios', period: '2023' }, 'tr'],
  ['/oranlar 2023', { kind: 'ratios', period: '2023' }, 'tr'],
  ['/compare', { kind: 'compare' }, 'tr'],
  ['/compare cari oran 2022 2024', { kind: 'compare', ratioId: 'current_ratio', from: '2022', to: '2024' }, 'tr'],
  ['/export pdf', { kind: 'export', format: 'pdf' }, 'tr'],
  ['/export excel', { kind: 'export', format: 'xlsx' }, 'tr'],
  ['export xlsx', { kind: 'export', format: 'xlsx' }, 'en'],
  ['/digest weekly ACME 09:00', { kind: 'digest', args: ['weekly', 'ACME', '09:00'] }, 'tr'],
  ['digest monthly Acme Gıda 08:30', { kind: 'digest', args: ['monthly', 'Acme', 'Gıda', '08:30'] }, 'tr'],
  ['/help', { kind: 'help' }, 'tr'],
  ['help', { kind: 'help' }, 'en'],
  ['yardım', { kind: 'help' }, 'tr'],
  ['YARDIM', { kind: 'help' }, 'tr'],
  ['/lang en', { kind: 'language', locale: 'en' }, 'en'],
  ['/why ROE', { kind: 'why', ratioId: 'return_on_equity' }, 'tr'],
  // value questions
  ['cari oran ne?', { kind: 'ratio_value', ratioId: 'current_ratio' }, 'tr'],
  ['2023 cari oranı kaç?', { kind: 'ratio_value', ratioId: 'current_ratio', period: '2023' }, 'tr'],
  ['CARİ ORAN', { kind: 'ratio_value', ratioId: 'current_ratio' }, 'tr'],
  ['CARI ORANI KAÇ', { kind: 'ratio_value', ratioId: 'current_ratio' }, 'tr'],
  ['cari oranın değeri nedir 2024’te', { kind: 'ratio_value', ratioId: 'current_ratio', period: '2024' }, 'tr'],
  ['What is the current ratio?', { kind: 'ratio_value', ratioId: 'current_ratio' }, 'en'],
  ['What is the ROA in 2023?', { kind: 'ratio_value', ratioId: 'return_on_assets', period: '2023' }, 'en'],
  ['ROE', { kind: 'ratio_value', ratioId: 'return_on_equity' }, 'tr'],
  ["ROE'si ne kadar?", { kind: 'ratio_value', ratioId: 'return_on_equity' }, 'tr'],
  ['özkaynak karlılığı', { kind: 'ratio_value', ratioId: 'return_on_equity' }, 'tr'],
  ['ÖZKAYNAK KARLILIĞI', { kind: 'ratio_value', ratioId: 'return_on_equity' }, 'tr'],
  ['özkaynak kârlılığı', { kind: 'ratio_value', ratioId: 'return_on_equity' }, 'tr'],
  ['kaldıraç', { kind: 'ratio_value', ratioId: 'debt_ratio' }, 'tr'],
  ['KALDIRAÇ ORANI', { kind: 'ratio_value', ratioId: 'debt_ratio' }, 'tr'],
  ['NET İŞLETME SERMAYESİ', { kind: 'ratio_value', ratioId: 'net_working_capital' }, 'tr'],
  ['net ısletme sermayesi', { kind: 'ratio_value', ratioId: 'net_working_capital' }, 'tr'],
  ['NWC', { kind: 'ratio_value', ratioId: 'net_working_capital' }, 'tr'],
  ['quick ratio', { kind: 'ratio_value', ratioId: 'acid_test_ratio' }, 'en'],
  ['likidite oranı', { kind: 'ratio_value', ratioId: 'acid_test_ratio' }, 'tr'],
  ['show me the debt to equity', { kind: 'ratio_value', ratioId: 'debt_to_equity' }, 'en'],
  ['borç/özkaynak oranı', { kind: 'ratio_value', ratioId: 'debt_to_equity' }, 'tr'],
  ['faiz karşılama oranı', { kind: 'ratio_value', ratioId: 'interest_coverage' }, 'tr'],
  ['alacak devir hızı 31.12.2024', { kind: 'ratio_value', ratioId: 'receivables_turnover', period: '2024-12-31' }, 'tr'],
  ['dönen varlık devir hızı', { kind: 'ratio_value', ratioId: 'current_asset_turnover' }, 'tr'],
  ['aktif devir hızı', { kind: 'ratio_value', ratioId: 'asset_turnover' }, 'tr'],
  ['stok bağımlılık oranı', { kind: 'ratio_value', ratioId: 'inventory_dependency_ratio' }, 'tr'],
  ['brüt kar marjı', { kind: 'ratio_value', ratioId: 'gross_margin' }, 'tr'],
  ['FAALİYET KAR MARJI', { kind: 'ratio_value', ratioId: 'operating_margin' }, 'tr'],
  ['operating expense ratio', { kind: 'ratio_value', ratioId: 'operating_expense_ratio' }, 'en'],
  ['KVYK / pasif toplamı', { kind: 'ratio_value', ratioId: 'short_term_debt_share' }, 'tr'],
  ['duran varlıklar / özkaynaklar', { kind: 'ratio_value', ratioId: 'fixed_assets_to_equity' }, 'tr'],
  ['özkaynak oranı', { kind: 'ratio_value', ratioId: 'equity_ratio' }, 'tr'],
  ['nakit oranı', { kind: 'ratio_value', ratioId: 'cash_ratio' }, 'tr'],
  // why
  ['Why did the current ratio fall?', { kind: 'why', ratioId: 'current_ratio' }, 'en'],
  ['cari oran neden düştü', { kind: 'why', ratioId: 'current_ratio' }, 'tr'],
  ['CARİ ORAN NİYE DÜŞTÜ?', { kind: 'why', ratioId: 'current_ratio' }, 'tr'],
  ['özkaynak karlılığı neden arttı', { kind: 'why', ratioId: 'return_on_equity' }, 'tr'],
  ['what drove the net margin down', { kind: 'why', ratioId: 'net_margin' }, 'en'],
  // definitions
  ['asit test oranı nasıl hesaplanır', { kind: 'definition', ratioId: 'acid_test_ratio' }, 'tr'],
  ['ASİT-TEST ORANI NASIL HESAPLANIR', { kind: 'definition', ratioId: 'acid_test_ratio' }, 'tr'],
  ['stok devir hızı nedir', { kind: 'definition', ratioId: 'inventory_turnover' }, 'tr'],
  ['How is the quick ratio calculated?', { kind: 'definition', ratioId: 'acid_test_ratio' }, 'en'],
  ['define ROA', { kind: 'definition', ratioId: 'return_on_assets' }, 'en'],
  ['faiz karşılama oranının formülü', { kind: 'definition', ratioId: 'interest_coverage' }, 'tr'],
  // weak
  ['hangi oranlar zayıf?', { kind: 'weak' }, 'tr'],
  ['HANGİ ORANLAR ZAYIF', { kind: 'weak' }, 'tr'],
  ['which ratios are weak', { kind: 'weak' }, 'en'],
  ['any red flags?', { kind: 'weak' }, 'en'],
  // comparisons
  ['net kar marjı 2022 ile 2023 karşılaştır', { kind: 'compare', ratioId: 'net_margin', from: '2022', to: '2023' }, 'tr'],
  ['compare the current ratio 2024 vs 2023', { kind: 'compare', ratioId: 'current_ratio', from: '2023', to: '2024' }, 'en'],
  ['ROE 2022 2023', { kind: 'compare', ratioId: 'return_on_equity', from: '2022', to: '2023' }, 'tr'],
  ['cari oran geçen yıla göre nasıl değişti', { kind: 'compare', ratioId: 'current_ratio' }, 'tr'],
  ['2022’ye göre kaldıraç değişimi', { kind: 'compare', ratioId: 'debt_ratio', from: '2022' }, 'tr'],
  ['oranlar nasıl değişti?', { kind: 'compare' }, 'tr'],
  // charts and exports
  ['likidite grafiği', { kind: 'chart', family: 'liquidity' }, 'tr'],
  ['LİKİDİTE GRAFİĞİ', { kind: 'chart', family: 'liquidity' }, 'tr'],
  ['kârlılık grafiği', { kind: 'chart', family: 'profitability' }, 'tr'],
  ['cari oran grafiği', { kind: 'chart', family: 'liquidity' }, 'tr'],
  ['show me a solvency chart', { kind: 'chart', family: 'solvency' }, 'en'],
  ['grafikleri gönder', { kind: 'chart' }, 'tr'],
  ['excel gönder', { kind: 'export', format: 'xlsx' }, 'tr'],
  ['PDF rapor', { kind: 'export', format: 'pdf' }, 'tr'],
  ['send the excel file please', { kind: 'export', format: 'xlsx' }, 'en'],
  ['raporu indir', { kind: 'export', format: 'pdf' }, 'tr'],
  // lists, language, unknown
  ['tüm oranlar', { kind: 'ratios' }, 'tr'],
  ['show all ratios for 2023', { kind: 'ratios', period: '2023' }, 'en'],
  ['English please', { kind: 'language', locale: 'en' }, 'en'],
  ['türkçe konuş', { kind: 'language', locale: 'tr' }, 'tr'],
  ['TÜRKÇE', { kind: 'language', locale: 'tr' }, 'tr'],
  ['reply in english', { kind: 'language', locale: 'en' }, 'en'],
  ['merhaba', { kind: 'help' }, 'tr'],
  ['bugün hava nasıl', { kind: 'unknown' }, 'tr'],
  ['what is the weather like today', { kind: 'unknown' }, 'en'],
  // days metrics: named, asked as "how many days" with a subject, or a turnover asked in days
  ['alacak tahsil süresi kaç gün?', { kind: 'ratio_value', ratioId: 'days_sales_outstanding' }, 'tr'],
  ['what is our cash conversion cycle?', { kind: 'ratio_value', ratioId: 'cash_conversion_cycle' }, 'en'],
  ['müşterilerden paramızı kaç günde tahsil ediyoruz', { kind: 'ratio_value', ratioId: 'days_sales_outstanding' }, 'tr'],
  ['alacak devir hızı kaç gün', { kind: 'ratio_value', ratioId: 'days_sales_outstanding' }, 'tr'],
  ['stok devir hızı', { kind: 'ratio_value', ratioId: 'inventory_turnover' }, 'tr'],
  ['stoklar depoda kac gun bekliyor', { kind: 'ratio_value', ratioId: 'days_inventory_outstanding' }, 'tr'],
  ['stok devir süresi 2023', { kind: 'ratio_value', ratioId: 'days_inventory_outstanding', period: '2023' }, 'tr'],
  ['tedarikçilere kaç günde ödüyoruz', { kind: 'ratio_value', ratioId: 'days_payables_outstanding' }, 'tr'],
  ['how long do we take to pay our suppliers?', { kind: 'ratio_value', ratioId: 'days_payables_outstanding' }, 'en'],
  ['DPO nedir', { kind: 'definition', ratioId: 'days_payables_outstanding' }, 'tr'],
  ['nakit döngümüz neden uzadı', { kind: 'why', ratioId: 'cash_conversion_cycle' }, 'tr'],
  ['güncel cari oran', { kind: 'ratio_value', ratioId: 'current_ratio' }, 'tr'],
  // "vadeli" (short-term) is not a term in days; "kaç kez" asks for the turnover itself
  ['kısa vadeli borçlarımız ne kadar', { kind: 'line', line: 'STL' }, 'tr'],
  ['alacakların vadesi kaç gün', { kind: 'ratio_value', ratioId: 'days_sales_outstanding' }, 'tr'],
  ['stoklar yılda kaç kez dönüyor', { kind: 'ratio_value', ratioId: 'inventory_turnover' }, 'tr'],
  // the speaker's possessive on a compound name: "sermayesi" → "sermayemiz"
  ['net işletme sermayemiz ne kadar', { kind: 'ratio_value', ratioId: 'net_working_capital' }, 'tr'],
  ['likidite oranı nedir bizde', { kind: 'ratio_value', ratioId: 'acid_test_ratio' }, 'tr'],
];

describe('parseIntent', () => {
  it(`has at least 40 phrasings (${CASES.length})`, () => assert.ok(CASES.length >= 40));
  for (const [text, intent, locale] of CASES) {
    it(text, () => {
      const parsed = parseIntent(text);
      assert.deepEqual(parsed.intent, intent);
      assert.equal(parsed.locale, locale);
    });
  }

  it('reports whether the locale was detected or defaulted', () => {
    assert.equal(parseIntent('ROE').localeDetected, false);
    assert.equal(parseIntent('/export pdf').localeDetected, false);
    assert.equal(parseIntent('cari oran kaç?').localeDetected, true);
    assert.equal(parseIntent('Why did the current ratio fall?').localeDetected, true);
  });

  it('keeps digest arguments as typed (case and times)', () => {
    const { intent } = parseIntent('/digest haftalık "ACME Gıda" 18:45 sadece-uyarı');
    assert.deepEqual(intent, { kind: 'digest', args: ['haftalık', '"ACME', 'Gıda"', '18:45', 'sadece-uyarı'] });
  });

  it('does not take "nedir" for "neden" or a bare "de"/"en" for a ratio or a language', () => {
    assert.equal(parseIntent('cari oran nedir').intent.kind, 'definition');
    assert.equal(parseIntent('bu de en iyisi').intent.kind, 'unknown');
  });

  it('prefers a ratio over export words when both appear', () => {
    assert.deepEqual(parseIntent('PDF’teki cari oran kaç').intent, { kind: 'ratio_value', ratioId: 'current_ratio' });
  });
});

describe('ratio aliases', () => {
  it('folds Turkish capitals, dotted and dotless i alike', () => {
    for (const s of ['CARİ ORAN', 'CARI ORAN', 'cari oran', 'carı oran', 'Cari Oranı']) assert.equal(findRatio(tokensOf(s))?.value, 'current_ratio', s);
    for (const s of ['İŞLETME SERMAYESİ', 'ISLETME SERMAYESI', 'işletme sermayesi']) assert.equal(findRatio(tokensOf(s))?.value, 'net_working_capital', s);
  });

  it('takes the longest alias (net kar marjı, not kar marjı; dönen varlık devir hızı, not varlık devir hızı)', () => {
    assert.equal(findRatio(tokensOf('brüt kar marjı'))?.value, 'gross_margin');
    assert.equal(findRatio(tokensOf('faaliyet kar marjı'))?.value, 'operating_margin');
    assert.equal(findRatio(tokensOf('kar marjı'))?.value, 'net_margin');
    assert.equal(findRatio(tokensOf('dönen varlık devir hızı'))?.value, 'current_asset_turnover');
    assert.equal(findRatio(tokensOf('özkaynak karlılığı'))?.value, 'return_on_equity');
    assert.equal(findRatio(tokensOf('özkaynak oranı'))?.value, 'equity_ratio');
  });

  it('accepts ids and aliases for tool arguments', () => {
    assert.equal(ratioFromText('current_ratio'), 'current_ratio');
    assert.equal(ratioFromText('cari oran'), 'current_ratio');
    assert.equal(ratioFromText('return on equity'), 'return_on_equity');
    assert.equal(ratioFromText('something else'), null);
  });
});

describe('periods and locale', () => {
  it('reads years, ISO dates and Turkish dates, not times or amounts', () => {
    assert.deepEqual(periodsIn('2022 ile 2023'), ['2022', '2023']);
    assert.deepEqual(periodsIn('31.12.2024 ve 2023-06-30'), ['2024-12-31', '2023-06-30']);
    assert.deepEqual(periodsIn("2023'te"), ['2023']);
    assert.deepEqual(periodsIn('09:00 1.234.567 TL 2.024'), []);
  });

  it('detects Turkish by letters, words and apostrophe suffixes, English by words', () => {
    assert.equal(detectLocale('cari oran ne').locale, 'tr');
    assert.equal(detectLocale('which ratios are weak').locale, 'en');
    assert.equal(detectLocale("ROA'yı göster").locale, 'tr');
    assert.deepEqual(detectLocale('ROE'), { locale: 'tr', detected: false });
  });
});
