import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StatementType } from '../../domain/types.ts';
import {
  ACCOUNTS,
  accountByKey,
  isDeduction,
  keyForCode,
  levelOf,
  nameOf,
  parentOf,
} from '../../domain/chart-of-accounts.ts';
import { matchLabel, type MatchContext } from '../../reading/label-matcher.ts';
import { detectSectionHeading, detectStatementHeading } from '../../reading/statement-headings.ts';
import {
  extractCode,
  extractLeadingNumber,
  foldTurkish,
  hasMinusMarker,
  normalizeLabel,
} from '../../domain/turkish-text.ts';

const BS: StatementType = 'balance_sheet';
const IS: StatementType = 'income_statement';
const bs = (mainGroup: string | null, subGroup: string | null = null): MatchContext => ({
  statement: BS,
  mainGroup,
  subGroup,
  printedCode: null,
});
const is = (subGroup: string | null = null): MatchContext => ({ statement: IS, mainGroup: null, subGroup, printedCode: null });
const keyOf = (label: string, ctx: MatchContext): string | undefined => matchLabel(label, ctx)?.key;

test('foldTurkish folds Turkish casing and diacritics to comparable ASCII', () => {
  for (const s of ['İSTANBUL', 'istanbul', 'ıstanbul', 'ISTANBUL', 'İstanbul']) assert.equal(foldTurkish(s), 'istanbul');
  assert.equal(foldTurkish('DİĞER ALACAKLAR'), 'diger alacaklar');
  assert.equal(foldTurkish('ŞÜPHELİ  ÇEKLER / ĞÖ'), 'supheli cekler go');
  assert.equal(foldTurkish('Kâr Yedekleri'), 'kar yedekleri');
  assert.equal(foldTurkish('DİĞER'.normalize('NFD')), 'diger');
  assert.equal(foldTurkish('Di\u0307ğer'), 'diger'); // combining dot above after a plain i
  assert.equal(foldTurkish('LIABILITIES'), 'liabilities');
});

test('normalizeLabel drops codes, numbering, sign markers and notes', () => {
  const cases: Array<[string, string]> = [
    ['102 Bankalar', 'bankalar'],
    ['102 - Bankalar', 'bankalar'],
    ['102. Bankalar', 'bankalar'],
    ['Bankalar (102)', 'bankalar'],
    ['I- DÖNEN VARLIKLAR', 'donen varliklar'],
    ['II. DURAN VARLIKLAR', 'duran varliklar'],
    ['IV- UZUN VADELİ YABANCI KAYNAKLAR', 'uzun vadeli yabanci kaynaklar'],
    ['A- Hazır Değerler', 'hazir degerler'],
    ['C. Ticari Alacaklar', 'ticari alacaklar'],
    ['a) Kasa', 'kasa'],
    ['1- Kasa', 'kasa'],
    ['1. Kasa', 'kasa'],
    ['Birikmiş Amortismanlar (-)', 'birikmis amortismanlar'],
    ['Verilen Çekler (–)', 'verilen cekler'],
    ['Menkul Kıymetler (Net)', 'menkul kiymetler'],
    ['K.V.Y.K.', 'k v y k'], // an initialism, not a letter-numbered line
  ];
  for (const [label, expected] of cases) assert.equal(normalizeLabel(label), expected, label);
  assert.equal(normalizeLabel('Dönem Net Karı (Zararı)'), 'donem net kari');
  assert.equal(normalizeLabel('Dönem Net Karı (Zararı)', { keepNotes: true }), 'donem net kari zarari');
});

test('hasMinusMarker sees (-) with any dash', () => {
  assert.ok(hasMinusMarker('Satıştan İadeler (-)'));
  assert.ok(hasMinusMarker('Birikmiş Amortismanlar ( – )'));
  assert.ok(hasMinusMarker('SATIŞ İNDİRİMLERİ(−)'));
  assert.ok(!hasMinusMarker('Dönem Net Karı (Zararı)'));
  assert.ok(!hasMinusMarker('Yarı Mamuller - Üretim'));
});

test('extractLeadingNumber reports the numbering style; extractCode only digits', () => {
  assert.deepEqual(extractLeadingNumber('I- DÖNEN VARLIKLAR'), { value: 'I', style: 'roman' });
  assert.deepEqual(extractLeadingNumber('III. KISA VADELİ YABANCI KAYNAKLAR'), { value: 'III', style: 'roman' });
  assert.deepEqual(extractLeadingNumber('A- Hazır Değerler'), { value: 'A', style: 'letter' });
  assert.deepEqual(extractLeadingNumber('b) Alıcılar'), { value: 'B', style: 'letter' });
  assert.deepEqual(extractLeadingNumber('1- Kasa'), { value: '1', style: 'digit' });
  assert.deepEqual(extractLeadingNumber('102 Bankalar'), { value: '102', style: 'digit' });
  assert.equal(extractLeadingNumber('Kasa'), null);
  assert.equal(extractLeadingNumber('K.V.Y.K.'), null);
  assert.equal(extractLeadingNumber('2023 YILI BİLANÇOSU'), null);

  assert.equal(extractCode('102 Bankalar'), '102');
  assert.equal(extractCode('257 - Birikmiş Amortismanlar (-)'), '257');
  assert.equal(extractCode('Bankalar (102)'), '102');
  assert.equal(extractCode('1- Kasa'), '1'); // position number: the caller knows there is no code column
  assert.equal(extractCode('A- Hazır Değerler'), null);
  assert.equal(extractCode('1.234.567,89'), null);
  assert.equal(extractCode('Dönem Net Karı (Zararı)'), null);
});

test('context breaks ties between groups of the same name', () => {
  assert.equal(keyOf('Ticari Alacaklar', bs('1', '10')), '12');
  assert.equal(keyOf('Ticari Alacaklar', bs('2')), '22');
  assert.equal(keyOf('Diğer Alacaklar', bs('1', '12')), '13');
  assert.equal(keyOf('Diğer Alacaklar', bs('2', '22')), '23');
  assert.equal(keyOf('Mali Borçlar', bs('3')), '30');
  assert.equal(keyOf('Mali Borçlar', bs('4')), '40');
  assert.equal(keyOf('Borç ve Gider Karşılıkları', bs('3', '36')), '37');
  assert.equal(keyOf('Borç ve Gider Karşılıkları', bs('4', '37')), '47'); // stale sub-group from 3
  assert.equal(keyOf('Hazır Değerler', bs('1')), '10');
  assert.equal(keyOf('Hazır Değerler', bs('2')), '10'); // only one group has that name
  assert.equal(keyOf('Banka Kredileri', bs('3', '30')), '300');
  assert.equal(keyOf('Banka Kredileri', bs('4', '40')), '400');
  assert.equal(keyOf('Verilen Depozito ve Teminatlar', bs('2', '22')), '226');
  assert.equal(keyOf('Birikmiş Amortismanlar (-)', bs('2', '25')), '257');
  assert.equal(keyOf('Birikmiş Amortismanlar (-)', bs('2', '26')), '268');
  // The sub-group and its account share a name: the line after the group is the account.
  assert.equal(keyOf('Geçmiş Yıllar Karları', bs('5', '54')), '57');
  assert.equal(keyOf('Geçmiş Yıllar Karları', bs('5', '57')), '570');
  assert.equal(keyOf('Other Ordinary Income and Gains', is('63')), '64');
  assert.equal(keyOf('Other Ordinary Income and Gains', is('64')), '649');
});

test('OCR slips still match', () => {
  const slip = matchLabel('Bankalat', bs('1', '10'));
  assert.equal(slip?.key, '102');
  assert.equal(slip?.via, 'fuzzy');
  assert.equal(keyOf('Bankalar', bs('1', '10')), '102');
  assert.equal(keyOf('ST0KLAR', bs('1', '13')), '15');
  assert.equal(keyOf('STOKLAR', bs('1', '13')), '15');
  assert.equal(keyOf('Kesa', bs('1', '10')), '100');
  assert.equal(keyOf('Birikrniş Amortismanlar (-)', bs('2', '25')), '257');
  assert.equal(keyOf('TicariAlacaklar', bs('1', '10')), '12');
  assert.equal(keyOf('Satıcılat', bs('3', '32')), '320');
  assert.ok(slip!.score < matchLabel('Bankalar', bs('1', '10'))!.score);
});

test('abbreviated labels match their accounts', () => {
  assert.equal(keyOf('K.V.Y.K.', bs('2', '25')), '3');
  assert.equal(keyOf('Mad. Dur. Var.', bs('2')), '25');
  assert.equal(keyOf('Tic. Alacaklar', bs('1', '10')), '12');
  assert.equal(keyOf('ÖDENECEK VERGİ VE DİĞ. YÜKÜMLÜLÜKLER', bs('3', '33')), '36');
  assert.equal(keyOf('Dönem Karı Vergi ve Diğ. Yas. Yük. Karş.', bs('3', '37')), '370');
  assert.equal(keyOf('Dönem Karının Peşin Öd. Vergi ve Diğ. Yük. (-)', bs('3', '37')), '371');
  assert.equal(keyOf('Uzun Vad. Kred. Anapara Taks. ve Faizleri', bs('3', '30')), '303');
  assert.equal(keyOf('DİĞ. FAAL. OLAĞAN GELİR VE KARLAR', is('63')), '64');
  assert.equal(keyOf('DÖNEM KARI VERGİ VE DİĞ. YAS. YÜK. KARŞ. (-)', is('68')), '691');
});

test('English (T6-style) labels', () => {
  const cases: Array<[string, MatchContext, string]> = [
    ['CURRENT ASSETS', bs(null), '1'],
    ['Liquid Assets', bs('1'), '10'],
    ['Cash', bs('1', '10'), '100'],
    ['Banks', bs('1', '10'), '102'],
    ['Cheques Given and Payment Orders (-)', bs('1', '10'), '103'],
    ['Customers', bs('1', '12'), '120'],
    ['Doubtful Trade Receivables', bs('1', '12'), '128'],
    ['Provision for Doubtful Trade Receivables (-)', bs('1', '12'), '129'],
    ['Inventories', bs('1', '13'), '15'],
    ['Merchandise', bs('1', '15'), '153'],
    ['NON-CURRENT ASSETS', bs('1', '19'), '2'],
    ['Tangible Fixed Assets', bs('2'), '25'],
    ['Accumulated Depreciation (-)', bs('2', '25'), '257'],
    ['SHORT-TERM LIABILITIES', bs('2', '25'), '3'],
    ['Suppliers', bs('3', '32'), '320'],
    ['Provision for Tax and Other Legal Liabilities on Current Profit', bs('3', '37'), '370'],
    ['Provision for Severance Pay', bs('4', '47'), '472'],
    ['Paid-in Capital', bs('5'), '50'],
    ['Unpaid Capital (-)', bs('5', '50'), '501'],
    ['TOTAL ASSETS', bs('2', '25'), 'TOTAL_ASSETS'],
    ['TOTAL LIABILITIES AND EQUITY', bs('5', '59'), 'TOTAL_LIABILITIES_AND_EQUITY'],
    ['GROSS SALES', is(), '60'],
    ['Domestic Sales', is('60'), '600'],
    ['Sales Discounts (-)', is('61'), '611'],
    ['COST OF SALES (-)', is('61'), '62'],
    ['Marketing Sales and Distribution Expenses', is('63'), '631'],
    ['Marketing, Selling and Distribution Expenses', is('63'), '631'],
    ['General Administrative Expenses', is('63'), '632'],
    ['FINANCE EXPENSES (-)', is('65'), '66'],
    ['PROVISION FOR TAX AND OTHER LEGAL LIABILITIES (-)', is('68'), '691'],
  ];
  for (const [label, ctx, key] of cases) assert.equal(keyOf(label, ctx), key, label);
});

test('IFRS / TFRS lines map to the contract keys', () => {
  const bsCases: Array<[string, string]> = [
    ['Dönen Varlıklar', '1'],
    ['Nakit ve Nakit Benzerleri', '10'],
    ['Cash and Cash Equivalents', '10'],
    ['Finansal Yatırımlar', '11'],
    ['Financial Investments', '11'],
    ['Trade Receivables', '12'],
    ['Stoklar', '15'],
    ['Duran Varlıklar', '2'],
    ['Non-current Assets', '2'],
    ['Kısa Vadeli Yükümlülükler', '3'],
    ['Current Liabilities', '3'],
    ['Uzun Vadeli Yükümlülükler', '4'],
    ['Non-current Liabilities', '4'],
    ['Özkaynaklar', '5'],
    ['Total Equity', '5'],
    ['TOPLAM VARLIKLAR', 'TOTAL_ASSETS'],
    ['TOPLAM KAYNAKLAR', 'TOTAL_LIABILITIES_AND_EQUITY'],
    ['Total Equity and Liabilities', 'TOTAL_LIABILITIES_AND_EQUITY'],
  ];
  for (const [label, key] of bsCases) assert.equal(keyOf(label, bs(null)), key, label);
  const isCases: Array<[string, string]> = [
    ['Hasılat', 'NET_SALES'],
    ['Revenue', 'NET_SALES'],
    ['Satışların Maliyeti (-)', '62'],
    ['Cost of Sales', '62'],
    ['BRÜT KAR (ZARAR)', 'GROSS_PROFIT'],
    ['Gross Profit', 'GROSS_PROFIT'],
    ['ESAS FAALİYET KARI (ZARARI)', 'OPERATING_PROFIT'],
    ['Operating Profit', 'OPERATING_PROFIT'],
    ['Finansman Giderleri (-)', '66'],
    ['Finance Costs', '66'],
    ['SÜRDÜRÜLEN FAALİYETLER VERGİ ÖNCESİ KARI (ZARARI)', 'PROFIT_BEFORE_TAX'],
    ['Profit Before Tax', 'PROFIT_BEFORE_TAX'],
    ['DÖNEM KARI (ZARARI)', 'NET_PROFIT'],
    ['Profit for the Period', 'NET_PROFIT'],
    // The continuing-operations profit stands in for the period's profit; the parser lets a
    // later "DÖNEM KARI" line take the key back (tests/unit/reading/layouts.test.ts).
    ['SÜRDÜRÜLEN FAALİYETLER DÖNEM KARI (ZARARI)', 'NET_PROFIT'],
  ];
  for (const [label, key] of isCases) assert.equal(keyOf(label, is()), key, label);
  // IFRS lines with no TDHP equivalent stay unmatched rather than borrowing a near name.
  for (const label of ['Finansman Gelirleri', 'Esas Faaliyetlerden Diğer Gelirler', 'Tax Expense']) {
    assert.equal(matchLabel(label, is()), null, label);
  }
  for (const label of ['Kullanım Hakkı Varlıkları', 'Total Liabilities', 'Toplam Yükümlülükler']) {
    assert.equal(matchLabel(label, bs(null)), null, label);
  }
});

test('totals are told apart from 59 / 590 / 591 and 691 from 370', () => {
  assert.equal(keyOf('DÖNEM KARI VEYA ZARARI', is('67')), 'PROFIT_BEFORE_TAX');
  assert.equal(keyOf('DÖNEM NET KARI VEYA ZARARI', is()), 'NET_PROFIT');
  assert.equal(keyOf('Net Profit or Loss for the Period', is()), 'NET_PROFIT');
  assert.equal(keyOf('PROFIT OR LOSS FOR THE PERIOD', is()), 'PROFIT_BEFORE_TAX');
  assert.equal(keyOf('DÖNEM NET KARI (ZARARI)', bs('5', '57')), '59');
  assert.equal(keyOf('F- Dönem Net Karı (Zararı)', bs('5', '58')), '59');
  assert.equal(keyOf('Dönem Net Karı', bs('5', '59')), '590');
  assert.equal(keyOf('Dönem Net Zararı (-)', bs('5', '59')), '591');
  assert.equal(keyOf('Net Profit (Loss) for the Period', bs('5', '57')), '59');
  assert.equal(keyOf('Net Profit for the Period', bs('5', '59')), '590');
  assert.equal(keyOf('Net Loss for the Period (-)', bs('5', '59')), '591');
  assert.equal(keyOf('Dönem Karı Vergi ve Diğer Yasal Yükümlülük Karşılıkları', bs('3', '37')), '370');
  assert.equal(keyOf('Dönem Karı Vergi ve Diğer Yasal Yükümlülük Karşılıkları (-)', is()), '691');
  assert.equal(keyOf('AKTİF TOPLAMI', bs('2', '25')), 'TOTAL_ASSETS');
  assert.equal(keyOf('VARLIKLAR TOPLAMI', bs('2', '25')), 'TOTAL_ASSETS');
  assert.equal(keyOf('AKTİF (VARLIKLAR) TOPLAMI', bs('2', '25')), 'TOTAL_ASSETS');
  assert.equal(keyOf('KAYNAKLAR TOPLAMI', bs('5', '59')), 'TOTAL_LIABILITIES_AND_EQUITY');
  assert.equal(keyOf('PASİF (KAYNAKLAR) TOPLAMI', bs('5', '59')), 'TOTAL_LIABILITIES_AND_EQUITY');
  assert.equal(keyOf('NET SATIŞLAR', is('61')), 'NET_SALES');
  assert.equal(keyOf('BRÜT SATIŞ KARI VEYA ZARARI', is('62')), 'GROSS_PROFIT');
  assert.equal(keyOf('Gross Profit/Loss', is('62')), 'GROSS_PROFIT');
  assert.equal(keyOf('FAALİYET KARI VEYA ZARARI', is('63')), 'OPERATING_PROFIT');
  assert.equal(keyOf('OLAĞAN KAR VEYA ZARAR', is('66')), 'ORDINARY_PROFIT');
  // A group's own total line is the group.
  assert.equal(keyOf('DÖNEN VARLIKLAR TOPLAMI', bs('1', '19')), '1');
  assert.equal(keyOf('Hazır Değerler Toplamı', bs('1', '10')), '10');
});

test('look-alike words with opposite meaning never fuzzy-match', () => {
  assert.equal(keyOf('Yurt Dışı Satışlar', is('60')), '601');
  assert.equal(keyOf('Yurt İçi Satışlar', is('60')), '600');
  assert.equal(keyOf('Kambiyo Karları', is('64')), '646');
  assert.equal(keyOf('Kambiyo Zararları (-)', is('65')), '656');
  assert.equal(matchLabel('Finansman Gelirleri', is('65')), null);
});

test('printed codes are used when plausible', () => {
  assert.deepEqual(matchLabel('Bankalar', { ...bs('1', '10'), printedCode: '102' }), { key: '102', score: 1, via: 'code' });
  // A company-specific name under a real code keeps the code.
  assert.equal(matchLabel('Kredi Kartı Alacakları', { ...bs('1', '10'), printedCode: '108' })?.via, 'code');
  // An account the chart leaves free, under a known sub-group, is still its own key.
  assert.deepEqual(matchLabel('POS Alacakları', { ...bs('1', '10'), printedCode: '109' }), { key: '109', score: 0.85, via: 'code' });
  // Code and name disagree outright: the code was misread, trust the name but score lower.
  const misread = matchLabel('Kasa', { ...bs('1', '10'), printedCode: '162' });
  assert.equal(misread?.key, '100');
  const contradicted = matchLabel('Kasa', { ...bs('1', '10'), printedCode: '102' });
  assert.equal(contradicted?.key, '100');
  assert.equal(contradicted?.via, 'name');
  assert.ok(contradicted!.score < 0.9);
  // Codes of the other statement are not plausible.
  assert.equal(matchLabel('Satıcılar', { ...is(), printedCode: '320' }), null);
  // TDHP 690 / 692 are the uncoded totals.
  assert.equal(keyOf('DÖNEM KARI VEYA ZARARI', { ...is(), printedCode: '690' }), 'PROFIT_BEFORE_TAX');
  assert.equal(keyOf('DÖNEM NET KARI VEYA ZARARI', { ...is(), printedCode: '692' }), 'NET_PROFIT');
  // Unknown to the caller (undefined): only unmistakable three-digit codes are read from the label.
  assert.equal(matchLabel('102 Bankalar', { statement: BS, mainGroup: '1', subGroup: '10' })?.via, 'code');
  assert.equal(keyOf('1- Kasa', { statement: BS, mainGroup: '1', subGroup: '10' }), '100');
});

test('lines that are not statement lines give null', () => {
  for (const label of ['Cari Dönem', 'Önceki Dönem', 'Hesap Adı', 'Şirket Yetkilisi', 'Sayfa 1 / 2', 'KAYNAKLAR', 'AKTİF', 'Kaşe - İmza', '']) {
    assert.equal(matchLabel(label, bs('1', '10')), null, label);
  }
});

test('statement and section headings', () => {
  const statements: Array<[string, StatementType | null]> = [
    ['BİLANÇO', BS],
    ['31 ARALIK 2023 TARİHİ İTİBARIYLA BİLANÇO', BS],
    ['KURUMLAR VERGİSİ BEYANNAMESİ - AYRINTILI BİLANÇO', BS],
    ['2022 YILI BİLANÇOSU', BS],
    ['Finansal Durum Tablosu', BS],
    ['STATEMENT OF FINANCIAL POSITION AS AT 31 DECEMBER 2024 AND 2023', BS],
    ['Balance Sheet', BS],
    ['2023 YILI AYRINTILI GELİR TABLOSU', IS],
    ['Kar veya Zarar Tablosu', IS],
    ['KAR VEYA ZARAR VE DİĞER KAPSAMLI GELİR TABLOSU', IS],
    ['INCOME STATEMENT FOR THE YEAR ENDED 31 DECEMBER 2024', IS],
    ['Statement of Profit or Loss', IS],
    ['OLAĞAN KAR VEYA ZARAR', null],
    ['PROFIT OR LOSS FOR THE PERIOD', null],
    ['Nakit Akış Tablosu', null],
    ['BİLANÇO VE GELİR TABLOSU', null],
  ];
  for (const [line, expected] of statements) assert.equal(detectStatementHeading(line), expected, line);

  const sections: Array<[string, 'assets' | 'liabilities' | null]> = [
    ['AKTİF', 'assets'],
    ['AKTİF (VARLIKLAR)', 'assets'],
    ['VARLIKLAR', 'assets'],
    ['ASSETS', 'assets'],
    ['PASİF', 'liabilities'],
    ['PASİF (KAYNAKLAR)', 'liabilities'],
    ['KAYNAKLAR', 'liabilities'],
    ['LIABILITIES AND EQUITY', 'liabilities'],
    ['AKTİF TOPLAMI', null],
    ['TOPLAM VARLIKLAR', null],
    ['AKTİF / PASİF', null],
    ['AKTİF 1.234,56', null],
  ];
  for (const [line, expected] of sections) assert.equal(detectSectionHeading(line), expected, line);
});

test('chart of accounts: structure, signs and names', () => {
  const keys = ACCOUNTS.map((a) => a.key);
  assert.equal(new Set(keys).size, keys.length, 'keys are unique');
  for (const a of ACCOUNTS) {
    if (a.parent !== null) assert.ok(accountByKey(a.parent), `parent of ${a.key} exists`);
    const grouped = levelOf(a.key) === 3 ? a.key !== '691' : levelOf(a.key) === 2 && !a.key.startsWith('6');
    if (grouped) assert.ok(a.parent, `${a.key} has a parent`);
  }
  assert.equal(parentOf('102'), '10');
  assert.equal(parentOf('10'), '1');
  assert.equal(parentOf('1'), null);
  assert.equal(parentOf('600'), '60');
  assert.equal(parentOf('TOTAL_ASSETS'), null);
  assert.deepEqual([levelOf('TOTAL_ASSETS'), levelOf('1'), levelOf('25'), levelOf('257')], [0, 1, 2, 3]);
  for (const k of ['103', '122', '129', '137', '139', '257', '268', '278', '371', '501', '580', '58', '591', '61', '610', '611', '62', '620', '621', '622', '63', '632', '65', '659', '66', '660', '68', '689', '691']) {
    assert.ok(isDeduction(k), `${k} is a deduction`);
  }
  for (const k of ['100', '102', '12', '25', '370', '500', '57', '59', '590', '60', '600', '64', '649', '67', 'NET_SALES', 'NET_PROFIT']) {
    assert.ok(!isDeduction(k), `${k} is not a deduction`);
  }
  assert.equal(accountByKey('691')?.statement, IS);
  assert.equal(accountByKey('370')?.statement, BS);
  assert.equal(nameOf('102', 'tr'), 'Bankalar');
  assert.equal(nameOf('102', 'en'), 'Banks');
  assert.equal(nameOf('TOTAL_ASSETS', 'en'), 'Total Assets');
  assert.equal(keyForCode('690'), 'PROFIT_BEFORE_TAX');
  assert.equal(keyForCode('149'), null);
});

test('every chart name matches its own account in its natural context', () => {
  for (const a of ACCOUNTS) {
    const level = levelOf(a.key);
    const onBs = a.statement === BS;
    const ctx: MatchContext = {
      statement: a.statement,
      mainGroup: onBs && level >= 2 ? a.key[0]! : null,
      subGroup: level === 3 ? a.parent : null,
      printedCode: null,
    };
    for (const name of [a.tr, a.en, ...a.synonyms]) assert.equal(keyOf(name, ctx), a.key, `${a.key}: ${name}`);
  }
});

// Labels as printed in the development fixtures (T2 summary, T3 tax form, T4 T-format,
// T5 spreadsheet, T6 English), in print order, with the keys of their truth files. They are
// matched without codes, tracking the position the way an extractor would.
interface Sequence {
  doc: string;
  statement: StatementType;
  rows: Array<[string, string]>;
}
const SEQUENCES: Sequence[] = [
  { doc: '02-t2-digital', statement: BS, rows: [
    ['DÖNEN VARLIKLAR', '1'], ['Hazır Değerler', '10'], ['Ticari Alacaklar', '12'],
    ['Diğer Alacaklar', '13'], ['Stoklar', '15'], ['Diğer Dönen Varlıklar', '19'],
    ['DURAN VARLIKLAR', '2'], ['Maddi Duran Varlıklar', '25'], ['AKTİF TOPLAMI', 'TOTAL_ASSETS'],
    ['KISA VADELİ YABANCI KAYNAKLAR', '3'], ['Mali Borçlar', '30'], ['Ticari Borçlar', '32'],
    ['Diğer Borçlar', '33'], ['Ödenecek Vergi ve Diğer Yükümlülükler', '36'],
    ['Borç ve Gider Karşılıkları', '37'], ['UZUN VADELİ YABANCI KAYNAKLAR', '4'],
    ['Borç ve Gider Karşılıkları', '47'], ['ÖZKAYNAKLAR', '5'], ['Ödenmiş Sermaye', '50'],
    ['Sermaye Yedekleri', '52'], ['Kar Yedekleri', '54'], ['Geçmiş Yıllar Karları', '57'],
    ['Dönem Net Karı (Zararı)', '59'], ['PASİF TOPLAMI', 'TOTAL_LIABILITIES_AND_EQUITY'],
  ] },
  { doc: '02-t2-digital', statement: IS, rows: [
    ['Brüt Satışlar', '60'], ['Satış İndirimleri (-)', '61'], ['Net Satışlar', 'NET_SALES'],
    ['Satışların Maliyeti (-)', '62'], ['Brüt Satış Karı veya Zararı', 'GROSS_PROFIT'],
    ['Faaliyet Giderleri (-)', '63'], ['Faaliyet Karı veya Zararı', 'OPERATING_PROFIT'],
    ['Diğer Faaliyetlerden Olağan Gelir ve Karlar', '64'], ['Finansman Giderleri (-)', '66'],
    ['Olağan Kar veya Zarar', 'ORDINARY_PROFIT'], ['Dönem Karı veya Zararı', 'PROFIT_BEFORE_TAX'],
    ['Dönem Karı Vergi ve Diğer Yasal Yükümlülük Karşılıkları (-)', '691'],
    ['Dönem Net Karı veya Zararı', 'NET_PROFIT'],
  ] },
  { doc: '03-t3-digital', statement: BS, rows: [
    ['I- DÖNEN VARLIKLAR', '1'], ['A- Hazır Değerler', '10'], ['1- Kasa', '100'],
    ['3- Bankalar', '102'], ['C- Ticari Alacaklar', '12'], ['1- Alıcılar', '120'],
    ['D- Diğer Alacaklar', '13'], ['1- Ortaklardan Alacaklar', '131'], ['E- Stoklar', '15'],
    ['1- İlk Madde ve Malzeme', '150'], ['2- Yarı Mamuller - Üretim', '151'],
    ['3- Mamuller', '152'], ['4- Ticari Mallar', '153'], ['H- Diğer Dönen Varlıklar', '19'],
    ['4- İş Avansları', '195'], ['II- DURAN VARLIKLAR', '2'], ['A- Ticari Alacaklar', '22'],
    ['2- Verilen Depozito ve Teminatlar', '226'], ['D- Maddi Duran Varlıklar', '25'],
    ['3- Tesis, Makine ve Cihazlar', '253'], ['5- Demirbaşlar', '255'],
    ['6- Birikmiş Amortismanlar (-)', '257'], ['7- Yapılmakta Olan Yatırımlar', '258'],
    ['E- Maddi Olmayan Duran Varlıklar', '26'], ['2- Özel Maliyetler', '264'],
    ['3- Birikmiş Amortismanlar (-)', '268'], ['AKTİF TOPLAMI', 'TOTAL_ASSETS'],
    ['III- KISA VADELİ YABANCI KAYNAKLAR', '3'], ['B- Ticari Borçlar', '32'],
    ['1- Satıcılar', '320'], ['F- Ödenecek Vergi ve Diğer Yükümlülükler', '36'],
    ['1- Ödenecek Vergi ve Fonlar', '360'], ['G- Borç ve Gider Karşılıkları', '37'],
    ['1- Dönem Karı Vergi ve Diğer Yasal Yükümlülük Karşılıkları', '370'],
    ['2- Dönem Karının Peşin Ödenen Vergi ve Diğer Yükümlülükleri (-)', '371'],
    ['I- Diğer Kısa Vadeli Yabancı Kaynaklar', '39'], ['1- Hesaplanan KDV', '391'],
    ['IV- UZUN VADELİ YABANCI KAYNAKLAR', '4'], ['V- ÖZKAYNAKLAR', '5'],
    ['A- Ödenmiş Sermaye', '50'], ['1- Sermaye', '500'], ['D- Geçmiş Yıllar Karları', '57'],
    ['1- Geçmiş Yıllar Karları', '570'], ['E- Geçmiş Yıllar Zararları (-)', '58'],
    ['1- Geçmiş Yıllar Zararları (-)', '580'], ['F- Dönem Net Karı (Zararı)', '59'],
    ['1- Dönem Net Karı', '590'], ['PASİF TOPLAMI', 'TOTAL_LIABILITIES_AND_EQUITY'],
  ] },
  { doc: '03-t3-digital', statement: IS, rows: [
    ['A- BRÜT SATIŞLAR', '60'], ['1- Yurt İçi Satışlar', '600'], ['2- Yurt Dışı Satışlar', '601'],
    ['B- SATIŞ İNDİRİMLERİ (-)', '61'], ['1- Satıştan İadeler (-)', '610'],
    ['2- Satış İskontoları (-)', '611'], ['C- NET SATIŞLAR', 'NET_SALES'],
    ['D- SATIŞLARIN MALİYETİ (-)', '62'], ['1- Satılan Mamuller Maliyeti (-)', '620'],
    ['BRÜT SATIŞ KARI VEYA ZARARI', 'GROSS_PROFIT'], ['E- FAALİYET GİDERLERİ (-)', '63'],
    ['2- Pazarlama Satış ve Dağıtım Giderleri (-)', '631'],
    ['3- Genel Yönetim Giderleri (-)', '632'], ['FAALİYET KARI VEYA ZARARI', 'OPERATING_PROFIT'],
    ['F- DİĞER FAALİYETLERDEN OLAĞAN GELİR VE KARLAR', '64'],
    ['G- DİĞER FAALİYETLERDEN OLAĞAN GİDER VE ZARARLAR (-)', '65'],
    ['H- FİNANSMAN GİDERLERİ (-)', '66'], ['OLAĞAN KAR VEYA ZARAR', 'ORDINARY_PROFIT'],
    ['I- OLAĞANDIŞI GELİR VE KARLAR', '67'], ['J- OLAĞANDIŞI GİDER VE ZARARLAR (-)', '68'],
    ['DÖNEM KARI VEYA ZARARI', 'PROFIT_BEFORE_TAX'],
    ['K- DÖNEM KARI VERGİ VE DİĞER YASAL YÜKÜMLÜLÜK KARŞILIKLARI (-)', '691'],
    ['DÖNEM NET KARI VEYA ZARARI', 'NET_PROFIT'],
  ] },
  { doc: '11-t4-digital', statement: BS, rows: [
    ['DÖNEN VARLIKLAR', '1'], ['HAZIR DEĞERLER', '10'], ['Kasa', '100'], ['Bankalar', '102'],
    ['TİCARİ ALACAKLAR', '12'], ['Alıcılar', '120'], ['DİĞER ALACAKLAR', '13'],
    ['Personelden Alacaklar', '135'], ['Diğer Çeşitli Alacaklar', '136'], ['STOKLAR', '15'],
    ['Ticari Mallar', '153'], ['DİĞER DÖNEN VARLIKLAR', '19'], ['Devreden KDV', '190'],
    ['DURAN VARLIKLAR', '2'], ['TİCARİ ALACAKLAR', '22'], ['Verilen Depozito ve Teminatlar', '226'],
    ['MADDİ DURAN VARLIKLAR', '25'], ['Demirbaşlar', '255'], ['Birikmiş Amortismanlar (-)', '257'],
    ['MADDİ OLMAYAN DURAN VARLIKLAR', '26'], ['Haklar', '260'],
    ['Birikmiş Amortismanlar (-)', '268'], ['AKTİF TOPLAMI', 'TOTAL_ASSETS'],
    ['KISA VADELİ YABANCI KAYNAKLAR', '3'], ['MALİ BORÇLAR', '30'],
    ['Uzun Vad. Kred. Anapara Taks. ve Faizleri', '303'], ['TİCARİ BORÇLAR', '32'],
    ['Satıcılar', '320'], ['Borç Senetleri', '321'], ['ÖDENECEK VERGİ VE DİĞ. YÜKÜMLÜLÜKLER', '36'],
    ['Ödenecek Vergi ve Fonlar', '360'], ['UZUN VADELİ YABANCI KAYNAKLAR', '4'],
    ['MALİ BORÇLAR', '40'], ['Banka Kredileri', '400'], ['ÖZKAYNAKLAR', '5'],
    ['ÖDENMİŞ SERMAYE', '50'], ['Sermaye', '500'], ['SERMAYE YEDEKLERİ', '52'],
    ['MDV Yeniden Değerleme Artışları', '522'], ['GEÇMİŞ YILLAR KARLARI', '57'],
    ['Geçmiş Yıllar Karları', '570'], ['DÖNEM NET KARI (ZARARI)', '59'], ['Dönem Net Karı', '590'],
    ['PASİF TOPLAMI', 'TOTAL_LIABILITIES_AND_EQUITY'],
  ] },
  { doc: '05-t5-digital', statement: BS, rows: [
    ['DÖNEN VARLIKLAR', '1'], ['HAZIR DEĞERLER', '10'], ['Kasa', '100'], ['Bankalar', '102'],
    ['Verilen Çekler ve Ödeme Emirleri (-)', '103'], ['MENKUL KIYMETLER', '11'],
    ['Diğer Menkul Kıymetler', '118'], ['TİCARİ ALACAKLAR', '12'], ['Alıcılar', '120'],
    ['Verilen Depozito ve Teminatlar', '126'], ['STOKLAR', '15'], ['Ticari Mallar', '153'],
    ['Diğer Stoklar', '157'], ['Verilen Sipariş Avansları', '159'], ['DİĞER DÖNEN VARLIKLAR', '19'],
    ['İndirilecek KDV', '191'], ['DURAN VARLIKLAR', '2'], ['MADDİ DURAN VARLIKLAR', '25'],
    ['Binalar', '252'], ['Taşıtlar', '254'], ['Demirbaşlar', '255'],
    ['Birikmiş Amortismanlar (-)', '257'], ['AKTİF TOPLAMI', 'TOTAL_ASSETS'],
    ['KISA VADELİ YABANCI KAYNAKLAR', '3'], ['TİCARİ BORÇLAR', '32'], ['Satıcılar', '320'],
    ['Borç Senetleri', '321'], ['Alınan Depozito ve Teminatlar', '326'], ['ALINAN AVANSLAR', '34'],
    ['Alınan Sipariş Avansları', '340'], ['ÖDENECEK VERGİ VE DİĞ. YÜKÜMLÜLÜKLER', '36'],
    ['Ödenecek Vergi ve Fonlar', '360'], ['Ödenecek Sosyal Güvenlik Kesintileri', '361'],
    ['BORÇ VE GİDER KARŞILIKLARI', '37'], ['Dönem Karı Vergi ve Diğ. Yas. Yük. Karş.', '370'],
    ['Dönem Karının Peşin Öd. Vergi ve Diğ. Yük. (-)', '371'],
    ['UZUN VADELİ YABANCI KAYNAKLAR', '4'], ['ÖZKAYNAKLAR', '5'], ['ÖDENMİŞ SERMAYE', '50'],
    ['Sermaye', '500'], ['KAR YEDEKLERİ', '54'], ['Yasal Yedekler', '540'],
    ['GEÇMİŞ YILLAR KARLARI', '57'], ['Geçmiş Yıllar Karları', '570'],
    ['DÖNEM NET KARI (ZARARI)', '59'], ['Dönem Net Karı', '590'],
    ['PASİF TOPLAMI', 'TOTAL_LIABILITIES_AND_EQUITY'],
  ] },
  { doc: '05-t5-digital', statement: IS, rows: [
    ['BRÜT SATIŞLAR', '60'], ['Yurt İçi Satışlar', '600'], ['Yurt Dışı Satışlar', '601'],
    ['NET SATIŞLAR', 'NET_SALES'], ['SATIŞLARIN MALİYETİ (-)', '62'],
    ['Satılan Ticari Mallar Maliyeti (-)', '621'], ['Satılan Hizmet Maliyeti (-)', '622'],
    ['BRÜT SATIŞ KARI VEYA ZARARI', 'GROSS_PROFIT'], ['FAALİYET GİDERLERİ (-)', '63'],
    ['Genel Yönetim Giderleri (-)', '632'], ['FAALİYET KARI VEYA ZARARI', 'OPERATING_PROFIT'],
    ['DİĞ. FAAL. OLAĞAN GELİR VE KARLAR', '64'], ['Faiz Gelirleri', '642'],
    ['Diğer Olağan Gelir ve Karlar', '649'], ['OLAĞAN KAR VEYA ZARAR', 'ORDINARY_PROFIT'],
    ['DÖNEM KARI VEYA ZARARI', 'PROFIT_BEFORE_TAX'],
    ['DÖNEM KARI VERGİ VE DİĞ. YAS. YÜK. KARŞ. (-)', '691'],
    ['DÖNEM NET KARI VEYA ZARARI', 'NET_PROFIT'],
  ] },
  { doc: '13-t6-digital', statement: BS, rows: [
    ['CURRENT ASSETS', '1'], ['LIQUID ASSETS', '10'], ['Cash', '100'], ['Banks', '102'],
    ['TRADE RECEIVABLES', '12'], ['Customers', '120'], ['Notes Receivable', '121'],
    ['OTHER RECEIVABLES', '13'], ['Other Miscellaneous Receivables', '136'], ['INVENTORIES', '15'],
    ['Trade Goods', '153'], ['OTHER CURRENT ASSETS', '19'], ['Deductible VAT', '191'],
    ['NON-CURRENT ASSETS', '2'], ['TANGIBLE FIXED ASSETS', '25'], ['Vehicles', '254'],
    ['Furniture and Fixtures', '255'], ['Accumulated Depreciation (-)', '257'],
    ['TOTAL ASSETS', 'TOTAL_ASSETS'], ['SHORT-TERM LIABILITIES', '3'],
    ['FINANCIAL LIABILITIES', '30'], ['Other Financial Liabilities', '309'],
    ['TRADE PAYABLES', '32'], ['Suppliers', '320'], ['Notes Payable', '321'],
    ['OTHER PAYABLES', '33'], ['Payables to Shareholders', '331'], ['ADVANCES RECEIVED', '34'],
    ['Order Advances Received', '340'], ['TAXES AND OTHER LIABILITIES PAYABLE', '36'],
    ['Taxes and Funds Payable', '360'], ['Social Security Withholdings Payable', '361'],
    ['PROVISIONS FOR LIABILITIES AND EXPENSES', '37'],
    ['Provision for Tax and Other Legal Liabilities on Current Profit', '370'],
    ['Prepaid Taxes and Liabilities on Current Profit (-)', '371'], ['LONG-TERM LIABILITIES', '4'],
    ['PROVISIONS FOR LIABILITIES AND EXPENSES', '47'], ['Provision for Severance Pay', '472'],
    ['EQUITY', '5'], ['PAID-IN CAPITAL', '50'], ['Capital', '500'], ['PROFIT RESERVES', '54'],
    ['Legal Reserves', '540'], ['RETAINED EARNINGS', '57'], ['Retained Earnings', '570'],
    ['NET PROFIT (LOSS) FOR THE PERIOD', '59'], ['Net Profit for the Period', '590'],
    ['Net Loss for the Period (-)', '591'],
    ['TOTAL LIABILITIES AND EQUITY', 'TOTAL_LIABILITIES_AND_EQUITY'],
  ] },
  { doc: '13-t6-digital', statement: IS, rows: [
    ['GROSS SALES', '60'], ['Domestic Sales', '600'], ['SALES DEDUCTIONS (-)', '61'],
    ['Sales Returns', '610'], ['NET SALES', 'NET_SALES'], ['COST OF SALES (-)', '62'],
    ['Cost of Finished Goods Sold', '620'], ['Cost of Trade Goods Sold', '621'],
    ['Cost of Services Sold', '622'], ['GROSS PROFIT OR LOSS', 'GROSS_PROFIT'],
    ['OPERATING EXPENSES (-)', '63'], ['Marketing, Selling and Distribution Expenses', '631'],
    ['General Administrative Expenses', '632'], ['OPERATING PROFIT OR LOSS', 'OPERATING_PROFIT'],
    ['OTHER ORDINARY INCOME AND GAINS', '64'], ['Other Ordinary Income and Gains', '649'],
    ['FINANCE EXPENSES (-)', '66'], ['Short-Term Borrowing Expenses', '660'],
    ['ORDINARY PROFIT OR LOSS', 'ORDINARY_PROFIT'], ['EXTRAORDINARY EXPENSES AND LOSSES (-)', '68'],
    ['Other Extraordinary Expenses and Losses', '689'],
    ['PROFIT OR LOSS FOR THE PERIOD', 'PROFIT_BEFORE_TAX'],
    ['PROVISION FOR TAX AND OTHER LEGAL LIABILITIES (-)', '691'],
    ['NET PROFIT OR LOSS FOR THE PERIOD', 'NET_PROFIT'],
  ] },
];

test('fixture label sequences match their truth keys without codes', () => {
  for (const seq of SEQUENCES) {
    let ctx: MatchContext = { statement: seq.statement, mainGroup: null, subGroup: null, printedCode: null };
    for (const [label, expected] of seq.rows) {
      const key = matchLabel(label, ctx)?.key;
      assert.equal(key, expected, `${seq.doc}: ${label}`);
      const level = levelOf(expected);
      const mainGroup = seq.statement === BS ? expected[0]! : null;
      if (level === 1) ctx = { ...ctx, mainGroup: expected, subGroup: null };
      if (level === 2) ctx = { ...ctx, mainGroup, subGroup: expected };
      if (level === 3) ctx = { ...ctx, mainGroup, subGroup: expected.slice(0, 2) };
    }
  }
});
