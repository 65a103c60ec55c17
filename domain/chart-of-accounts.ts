/**
 * The Uniform Chart of Accounts (Tek Düzen Hesap Planı) as far as balance sheets and income
 * statements print it, plus the uncoded total lines and the IFRS/TFRS line names that the
 * analysis contract maps onto the same keys. Names are what statements print; synonyms cover
 * variants, English (T6-style and IFRS) wording and common abbreviations.
 */
import type { StatementType } from './types.ts';
import type { Locale } from '../contracts/locale.ts';

export type NormalSign = 1 | -1;

export interface Account {
  /** Canonical key: TDHP code ("1", "10", "102") or a total key ("TOTAL_ASSETS"). */
  key: string;
  tr: string;
  en: string;
  synonyms: readonly string[];
  parent: string | null;
  statement: StatementType;
  /** -1 for contra and deduction lines, whose amounts are negative in the contract. */
  normalSign: NormalSign;
}

type Extra = readonly string[];
const rows: Account[] = [];

// Parent follows the code (102 → 10 → 1); 6x groups have no printed main group, and totals
// stand outside the hierarchy.
function parentFromCode(key: string): string | null {
  if (!/^\d+$/.test(key) || key.length === 1) return null;
  if (key.length === 2) return key.startsWith('6') ? null : key.slice(0, 1);
  return key.slice(0, 2);
}

// 691 sits in TDHP group 69, which statements print as the NET_PROFIT total, not as a group.
function parentOrNull(code: string | null): string | null {
  return code !== null && rows.some((r) => r.key === code) ? code : null;
}

function add(key: string, tr: string, en: string, synonyms: Extra = [], sign: NormalSign = 1): void {
  const isIncome = key.startsWith('6') || ['NET_SALES', 'GROSS_PROFIT', 'OPERATING_PROFIT', 'ORDINARY_PROFIT', 'PROFIT_BEFORE_TAX', 'NET_PROFIT'].includes(key);
  rows.push({
    key,
    tr,
    en,
    synonyms,
    parent: parentOrNull(parentFromCode(key)),
    statement: isIncome ? 'income_statement' : 'balance_sheet',
    normalSign: sign,
  });
}
const neg = -1 as const;

// ---- 1 Dönen varlıklar -------------------------------------------------------------------
add('1', 'DÖNEN VARLIKLAR', 'Current Assets', ['Toplam Dönen Varlıklar', 'Dönen Varlıklar Toplamı', 'Total Current Assets', 'Dön. Var.', 'Total Current Assets - Net']);
add('10', 'HAZIR DEĞERLER', 'Liquid Assets', ['Nakit ve Nakit Benzerleri', 'Cash and Cash Equivalents', 'Hazır Değ.', 'Cash and Banks', 'Cash on Hand and in Banks', 'Cash and Cash Equivalents - Net']);
add('100', 'Kasa', 'Cash', ['Kasa Hesabı', 'Cash on Hand']);
add('101', 'Alınan Çekler', 'Cheques Received', ['Checks Received']);
add('102', 'Bankalar', 'Banks', ['Banka', 'Bank Deposits', 'Cash at Banks']);
add('103', 'Verilen Çekler ve Ödeme Emirleri', 'Cheques Given and Payment Orders', ['Checks Given and Payment Orders', 'Verilen Çekler'], neg);
add('108', 'Diğer Hazır Değerler', 'Other Liquid Assets', ['Other Cash Equivalents']);
add('11', 'MENKUL KIYMETLER', 'Marketable Securities', ['Finansal Yatırımlar', 'Financial Investments', 'Kısa Vadeli Finansal Yatırımlar', 'Short-Term Financial Investments']);
add('110', 'Hisse Senetleri', 'Shares', ['Share Certificates', 'Equity Securities']);
add('111', 'Özel Kesim Tahvil Senet ve Bonoları', 'Private Sector Bonds, Notes and Bills', ['Private Sector Bonds and Bills']);
add('112', 'Kamu Kesimi Tahvil Senet ve Bonoları', 'Public Sector Bonds, Notes and Bills', ['Public Sector Bonds and Bills', 'Government Bonds']);
add('118', 'Diğer Menkul Kıymetler', 'Other Marketable Securities', ['Other Securities']);
add('119', 'Menkul Kıymetler Değer Düşüklüğü Karşılığı', 'Provision for Impairment of Marketable Securities', ['Provision for Decline in Value of Marketable Securities'], neg);
add('12', 'TİCARİ ALACAKLAR', 'Trade Receivables', ['Tic. Alacaklar', 'Ticari Alacak', 'Accounts Receivable', 'Trade and Other Receivables', 'Trade and Other Receivables - Net', 'Trade Receivables - Net', 'Accounts Receivable - Net', 'Receivables - Net', 'Receivables', 'Trade Receivables and Other Receivables']);
add('120', 'Alıcılar', 'Customers', ['Buyers', 'Trade Debtors']);
add('121', 'Alacak Senetleri', 'Notes Receivable', ['Bills Receivable']);
add('122', 'Alacak Senetleri Reeskontu', 'Discount on Notes Receivable', ['Rediscount on Notes Receivable', 'Notes Receivable Rediscount'], neg);
add('124', 'Kazanılmamış Finansal Kiralama Faiz Gelirleri', 'Unearned Financial Leasing Interest Income', [], neg);
add('126', 'Verilen Depozito ve Teminatlar', 'Deposits and Guarantees Given', ['Deposits and Guarantees Paid']);
add('127', 'Diğer Ticari Alacaklar', 'Other Trade Receivables');
add('128', 'Şüpheli Ticari Alacaklar', 'Doubtful Trade Receivables', ['Şüpheli Alacaklar']);
add('129', 'Şüpheli Ticari Alacaklar Karşılığı', 'Provision for Doubtful Trade Receivables', ['Şüpheli Alacaklar Karşılığı', 'Allowance for Doubtful Receivables'], neg);
add('13', 'DİĞER ALACAKLAR', 'Other Receivables', ['Diğ. Alacaklar']);
add('131', 'Ortaklardan Alacaklar', 'Receivables from Shareholders', ['Due from Shareholders']);
add('132', 'İştiraklerden Alacaklar', 'Receivables from Affiliates', ['Receivables from Associates', 'Receivables from Participations']);
add('133', 'Bağlı Ortaklıklardan Alacaklar', 'Receivables from Subsidiaries');
add('135', 'Personelden Alacaklar', 'Receivables from Personnel', ['Receivables from Employees']);
add('136', 'Diğer Çeşitli Alacaklar', 'Other Miscellaneous Receivables', ['Other Sundry Receivables']);
add('137', 'Diğer Alacak Senetleri Reeskontu', 'Discount on Other Notes Receivable', ['Rediscount on Other Notes Receivable'], neg);
add('138', 'Şüpheli Diğer Alacaklar', 'Doubtful Other Receivables');
add('139', 'Şüpheli Diğer Alacaklar Karşılığı', 'Provision for Doubtful Other Receivables', [], neg);
add('15', 'STOKLAR', 'Inventories', ['Inventory', 'Stocks']);
add('150', 'İlk Madde ve Malzeme', 'Raw Materials and Supplies', ['Raw Materials', 'İlk Madde Malzeme']);
add('151', 'Yarı Mamuller - Üretim', 'Semi-Finished Goods', ['Yarı Mamuller', 'Work in Process', 'Work in Progress', 'Semi-Finished Goods - Production']);
add('152', 'Mamuller', 'Finished Goods', ['Finished Products']);
add('153', 'Ticari Mallar', 'Trade Goods', ['Merchandise', 'Goods for Resale']);
add('157', 'Diğer Stoklar', 'Other Inventories', ['Other Stocks']);
add('158', 'Stok Değer Düşüklüğü Karşılığı', 'Provision for Impairment of Inventories', ['Provision for Decline in Value of Inventories'], neg);
add('159', 'Verilen Sipariş Avansları', 'Order Advances Given', ['Advances Given for Purchases', 'Advances Given to Suppliers']);
add('17', 'YILLARA YAYGIN İNŞAAT VE ONARIM MALİYETLERİ', 'Construction and Repair Costs Spread over Years', ['Contract Costs Spread over Years']);
add('170', 'Yıllara Yaygın İnşaat ve Onarım Maliyetleri', 'Construction and Repair Costs', []);
add('179', 'Taşeronlara Verilen Avanslar', 'Advances Given to Subcontractors');
add('18', 'GELECEK AYLARA AİT GİDERLER VE GELİR TAHAKKUKLARI', 'Prepaid Expenses and Income Accruals', ['Prepaid Expenses for Future Months and Income Accruals']);
add('180', 'Gelecek Aylara Ait Giderler', 'Prepaid Expenses for Future Months', ['Prepaid Expenses']);
add('181', 'Gelir Tahakkukları', 'Income Accruals', ['Accrued Income']);
add('19', 'DİĞER DÖNEN VARLIKLAR', 'Other Current Assets', ['Diğ. Dönen Varlıklar']);
add('190', 'Devreden KDV', 'VAT Carried Forward', ['Deferred VAT', 'VAT Transferred']);
add('191', 'İndirilecek KDV', 'Deductible VAT', ['VAT Deductible', 'Input VAT']);
add('192', 'Diğer KDV', 'Other VAT');
add('193', 'Peşin Ödenen Vergiler ve Fonlar', 'Prepaid Taxes and Funds', ['Peşin Ödenen Vergi ve Fonlar']);
add('195', 'İş Avansları', 'Job Advances', ['Business Advances', 'Work Advances']);
add('196', 'Personel Avansları', 'Advances to Personnel', ['Personnel Advances']);
add('197', 'Sayım ve Tesellüm Noksanları', 'Count and Delivery Shortages', ['Counting and Delivery Shortages']);
add('198', 'Diğer Çeşitli Dönen Varlıklar', 'Other Miscellaneous Current Assets');
add('199', 'Diğer Dönen Varlıklar Karşılığı', 'Provision for Other Current Assets', [], neg);

// ---- 2 Duran varlıklar -------------------------------------------------------------------
add('2', 'DURAN VARLIKLAR', 'Non-Current Assets', ['Toplam Duran Varlıklar', 'Duran Varlıklar Toplamı', 'Total Non-Current Assets', 'Fixed Assets', 'Long-Term Assets', 'Dur. Var.', 'Noncurrent Assets', 'Total Noncurrent Assets']);
add('22', 'TİCARİ ALACAKLAR', 'Trade Receivables', ['Tic. Alacaklar', 'Long-Term Trade Receivables']);
add('220', 'Alıcılar', 'Customers');
add('221', 'Alacak Senetleri', 'Notes Receivable');
add('222', 'Alacak Senetleri Reeskontu', 'Discount on Notes Receivable', ['Rediscount on Notes Receivable'], neg);
add('224', 'Kazanılmamış Finansal Kiralama Faiz Gelirleri', 'Unearned Financial Leasing Interest Income', [], neg);
add('226', 'Verilen Depozito ve Teminatlar', 'Deposits and Guarantees Given', ['Deposits and Guarantees Paid']);
add('229', 'Şüpheli Alacaklar Karşılığı', 'Provision for Doubtful Receivables', ['Şüpheli Ticari Alacaklar Karşılığı'], neg);
add('23', 'DİĞER ALACAKLAR', 'Other Receivables', ['Diğ. Alacaklar', 'Long-Term Other Receivables']);
add('231', 'Ortaklardan Alacaklar', 'Receivables from Shareholders');
add('232', 'İştiraklerden Alacaklar', 'Receivables from Affiliates');
add('233', 'Bağlı Ortaklıklardan Alacaklar', 'Receivables from Subsidiaries');
add('235', 'Personelden Alacaklar', 'Receivables from Personnel');
add('236', 'Diğer Çeşitli Alacaklar', 'Other Miscellaneous Receivables');
add('237', 'Diğer Alacak Senetleri Reeskontu', 'Discount on Other Notes Receivable', [], neg);
add('239', 'Şüpheli Diğer Alacaklar Karşılığı', 'Provision for Doubtful Other Receivables', [], neg);
add('24', 'MALİ DURAN VARLIKLAR', 'Financial Fixed Assets', ['Financial Assets', 'Finansal Duran Varlıklar', 'Finansal Yatırımlar', 'Financial Investments', 'Long-Term Financial Investments']);
add('240', 'Bağlı Menkul Kıymetler', 'Long-Term Securities', ['Securities Held to Maturity']);
add('241', 'Bağlı Menkul Kıymetler Değer Düşüklüğü Karşılığı', 'Provision for Impairment of Long-Term Securities', [], neg);
add('242', 'İştirakler', 'Affiliates', ['Participations', 'Investments in Associates']);
add('243', 'İştiraklere Sermaye Taahhütleri', 'Capital Commitments to Affiliates', [], neg);
add('244', 'İştirakler Sermaye Payları Değer Düşüklüğü Karşılığı', 'Provision for Impairment of Affiliates', [], neg);
add('245', 'Bağlı Ortaklıklar', 'Subsidiaries', ['Investments in Subsidiaries']);
add('246', 'Bağlı Ortaklıklara Sermaye Taahhütleri', 'Capital Commitments to Subsidiaries', [], neg);
add('247', 'Bağlı Ortaklıklar Sermaye Payları Değer Düşüklüğü Karşılığı', 'Provision for Impairment of Subsidiaries', [], neg);
add('248', 'Diğer Mali Duran Varlıklar', 'Other Financial Fixed Assets');
add('249', 'Diğer Mali Duran Varlıklar Karşılığı', 'Provision for Other Financial Fixed Assets', [], neg);
add('25', 'MADDİ DURAN VARLIKLAR', 'Tangible Fixed Assets', ['Mad. Dur. Var.', 'Maddi Dur. Varlıklar', 'Property, Plant and Equipment', 'Tangible Assets', 'Property and Equipment', 'Property and Equipment - Net', 'Property, Plant and Equipment - Net']);
add('250', 'Arazi ve Arsalar', 'Land and Plots', ['Land']);
add('251', 'Yeraltı ve Yerüstü Düzenleri', 'Land Improvements', ['Underground and Overground Installations']);
add('252', 'Binalar', 'Buildings');
add('253', 'Tesis, Makine ve Cihazlar', 'Plant, Machinery and Equipment', ['Tesis Makina ve Cihazlar', 'Machinery and Equipment']);
add('254', 'Taşıtlar', 'Vehicles', ['Motor Vehicles']);
add('255', 'Demirbaşlar', 'Furniture and Fixtures', ['Fixtures and Fittings', 'Office Equipment']);
add('256', 'Diğer Maddi Duran Varlıklar', 'Other Tangible Fixed Assets');
add('257', 'Birikmiş Amortismanlar', 'Accumulated Depreciation', ['Birikmiş Amortisman'], neg);
add('258', 'Yapılmakta Olan Yatırımlar', 'Construction in Progress', ['Investments in Progress']);
add('259', 'Verilen Avanslar', 'Advances Given', ['Advances Paid']);
add('26', 'MADDİ OLMAYAN DURAN VARLIKLAR', 'Intangible Fixed Assets', ['Mad. Olm. Dur. Var.', 'Maddi Olmayan Dur. Varlıklar', 'Intangible Assets']);
add('260', 'Haklar', 'Rights');
add('261', 'Şerefiye', 'Goodwill');
add('262', 'Kuruluş ve Örgütlenme Giderleri', 'Establishment and Organization Expenses', ['Formation and Organisation Expenses']);
add('263', 'Araştırma ve Geliştirme Giderleri', 'Research and Development Costs', ['Research and Development Expenses']);
add('264', 'Özel Maliyetler', 'Leasehold Improvements', ['Special Costs']);
add('267', 'Diğer Maddi Olmayan Duran Varlıklar', 'Other Intangible Fixed Assets');
add('268', 'Birikmiş Amortismanlar', 'Accumulated Amortization', ['Birikmiş Amortisman', 'Accumulated Depreciation'], neg);
add('269', 'Verilen Avanslar', 'Advances Given');
add('27', 'ÖZEL TÜKENMEYE TABİ VARLIKLAR', 'Assets Subject to Depletion', ['Depletable Assets']);
add('271', 'Arama Giderleri', 'Exploration Expenses');
add('272', 'Hazırlık ve Geliştirme Giderleri', 'Preparation and Development Expenses');
add('277', 'Diğer Özel Tükenmeye Tabi Varlıklar', 'Other Depletable Assets');
add('278', 'Birikmiş Tükenme Payları', 'Accumulated Depletion', [], neg);
add('279', 'Verilen Avanslar', 'Advances Given');
add('28', 'GELECEK YILLARA AİT GİDERLER VE GELİR TAHAKKUKLARI', 'Prepaid Expenses for Future Years and Income Accruals', ['Long-Term Prepaid Expenses and Income Accruals']);
add('280', 'Gelecek Yıllara Ait Giderler', 'Prepaid Expenses for Future Years');
add('281', 'Gelir Tahakkukları', 'Income Accruals');
add('29', 'DİĞER DURAN VARLIKLAR', 'Other Non-Current Assets', ['Other Fixed Assets']);
add('291', 'Gelecek Yıllarda İndirilecek KDV', 'VAT Deductible in Future Years');
add('292', 'Diğer KDV', 'Other VAT');
add('293', 'Gelecek Yıllar İhtiyacı Stoklar', 'Inventories for Future Years');
add('294', 'Elden Çıkarılacak Stoklar ve Maddi Duran Varlıklar', 'Inventories and Tangible Assets to Be Disposed Of');
add('295', 'Peşin Ödenen Vergiler ve Fonlar', 'Prepaid Taxes and Funds');
add('297', 'Diğer Çeşitli Duran Varlıklar', 'Other Miscellaneous Non-Current Assets');
add('298', 'Stok Değer Düşüklüğü Karşılığı', 'Provision for Impairment of Inventories', [], neg);
add('299', 'Birikmiş Amortismanlar', 'Accumulated Depreciation', [], neg);

// ---- 3 Kısa vadeli yabancı kaynaklar -----------------------------------------------------
add('3', 'KISA VADELİ YABANCI KAYNAKLAR', 'Short-Term Liabilities', ['K.V.Y.K.', 'KVYK', 'Kısa Vad. Yab. Kaynaklar', 'Current Liabilities', 'Kısa Vadeli Yükümlülükler', 'Toplam Kısa Vadeli Yükümlülükler', 'Total Current Liabilities', 'Short Term Liabilities']);
add('30', 'MALİ BORÇLAR', 'Financial Liabilities', ['Financial Debts', 'Financial Borrowings']);
add('300', 'Banka Kredileri', 'Bank Loans', ['Bank Borrowings', 'Bank Credits']);
add('301', 'Finansal Kiralama İşlemlerinden Borçlar', 'Finance Lease Payables', ['Payables from Financial Leasing']);
add('302', 'Ertelenmiş Finansal Kiralama Borçlanma Maliyetleri', 'Deferred Finance Lease Borrowing Costs', [], neg);
add('303', 'Uzun Vadeli Kredilerin Anapara Taksitleri ve Faizleri', 'Current Portion of Long-Term Loans and Interest', ['Principal Instalments and Interest of Long-Term Loans']);
add('304', 'Tahvil Anapara Borç Taksit ve Faizleri', 'Bond Principal Instalments and Interest');
add('305', 'Çıkarılmış Bonolar ve Senetler', 'Bills and Notes Issued');
add('306', 'Çıkarılmış Diğer Menkul Kıymetler', 'Other Securities Issued');
add('308', 'Menkul Kıymetler İhraç Farkı', 'Discount on Securities Issued', [], neg);
add('309', 'Diğer Mali Borçlar', 'Other Financial Liabilities', ['Other Financial Debts']);
add('32', 'TİCARİ BORÇLAR', 'Trade Payables', ['Tic. Borçlar', 'Accounts Payable', 'Trade and Other Payables', 'Accounts Payable and Other Liabilities', 'Accounts Payable and Accrued Expenses']);
add('320', 'Satıcılar', 'Suppliers', ['Trade Creditors', 'Vendors']);
add('321', 'Borç Senetleri', 'Notes Payable', ['Bills Payable']);
add('322', 'Borç Senetleri Reeskontu', 'Discount on Notes Payable', ['Rediscount on Notes Payable'], neg);
add('326', 'Alınan Depozito ve Teminatlar', 'Deposits and Guarantees Received');
add('329', 'Diğer Ticari Borçlar', 'Other Trade Payables');
add('33', 'DİĞER BORÇLAR', 'Other Payables', ['Diğ. Borçlar']);
add('331', 'Ortaklara Borçlar', 'Payables to Shareholders', ['Due to Shareholders']);
add('332', 'İştiraklere Borçlar', 'Payables to Affiliates');
add('333', 'Bağlı Ortaklıklara Borçlar', 'Payables to Subsidiaries');
add('335', 'Personele Borçlar', 'Payables to Personnel', ['Due to Personnel', 'Payables to Employees']);
add('336', 'Diğer Çeşitli Borçlar', 'Other Miscellaneous Payables', ['Other Sundry Payables']);
add('337', 'Diğer Borç Senetleri Reeskontu', 'Discount on Other Notes Payable', [], neg);
add('34', 'ALINAN AVANSLAR', 'Advances Received');
add('340', 'Alınan Sipariş Avansları', 'Order Advances Received', ['Advances Received for Orders']);
add('349', 'Alınan Diğer Avanslar', 'Other Advances Received');
add('35', 'YILLARA YAYGIN İNŞAAT VE ONARIM HAKEDİŞLERİ', 'Progress Billings on Construction Spread over Years', []);
add('350', 'Yıllara Yaygın İnşaat ve Onarım Hakediş Bedelleri', 'Progress Billings on Construction and Repair Contracts');
add('36', 'ÖDENECEK VERGİ VE DİĞER YÜKÜMLÜLÜKLER', 'Taxes and Other Liabilities Payable', ['Ödenecek Vergi ve Diğ. Yükümlülükler', 'Taxes and Other Obligations Payable']);
add('360', 'Ödenecek Vergi ve Fonlar', 'Taxes and Funds Payable', ['Ödenecek Vergiler ve Fonlar']);
add('361', 'Ödenecek Sosyal Güvenlik Kesintileri', 'Social Security Withholdings Payable', ['Social Security Premiums Payable']);
add('368', 'Vadesi Geçmiş, Ertelenmiş veya Taksitlendirilmiş Vergi ve Diğer Yükümlülükler', 'Overdue, Deferred or Instalment Taxes and Other Liabilities');
add('369', 'Ödenecek Diğer Yükümlülükler', 'Other Liabilities Payable');
add('37', 'BORÇ VE GİDER KARŞILIKLARI', 'Provisions for Liabilities and Expenses', ['Borç ve Gid. Karş.', 'Provisions']);
add('370', 'Dönem Karı Vergi ve Diğer Yasal Yükümlülük Karşılıkları', 'Provision for Tax and Other Legal Liabilities on Current Profit', ['Dönem Karı Vergi ve Diğ. Yas. Yük. Karş.', 'Current Tax Provision']);
add('371', 'Dönem Karının Peşin Ödenen Vergi ve Diğer Yükümlülükleri', 'Prepaid Taxes and Liabilities on Current Profit', ['Dönem Karının Peşin Öd. Vergi ve Diğ. Yük.'], neg);
add('372', 'Kıdem Tazminatı Karşılığı', 'Provision for Severance Pay', ['Provision for Employee Termination Benefits']);
add('373', 'Maliyet Giderleri Karşılığı', 'Provision for Cost Expenses');
add('379', 'Diğer Borç ve Gider Karşılıkları', 'Other Provisions for Liabilities and Expenses', ['Other Provisions']);
add('38', 'GELECEK AYLARA AİT GELİRLER VE GİDER TAHAKKUKLARI', 'Deferred Income and Expense Accruals', ['Income Relating to Future Months and Expense Accruals']);
add('380', 'Gelecek Aylara Ait Gelirler', 'Income Relating to Future Months', ['Deferred Income']);
add('381', 'Gider Tahakkukları', 'Expense Accruals', ['Accrued Expenses']);
add('39', 'DİĞER KISA VADELİ YABANCI KAYNAKLAR', 'Other Short-Term Liabilities', ['Diğer K.V.Y.K.', 'Other Current Liabilities']);
add('391', 'Hesaplanan KDV', 'VAT Calculated', ['Output VAT', 'Calculated VAT']);
add('392', 'Diğer KDV', 'Other VAT');
add('393', 'Merkez ve Şubeler Cari Hesabı', 'Head Office and Branches Current Account');
add('397', 'Sayım ve Tesellüm Fazlaları', 'Count and Delivery Surpluses');
add('399', 'Diğer Çeşitli Yabancı Kaynaklar', 'Other Miscellaneous Liabilities');

// ---- 4 Uzun vadeli yabancı kaynaklar -----------------------------------------------------
add('4', 'UZUN VADELİ YABANCI KAYNAKLAR', 'Long-Term Liabilities', ['U.V.Y.K.', 'UVYK', 'Uzun Vad. Yab. Kaynaklar', 'Non-Current Liabilities', 'Uzun Vadeli Yükümlülükler', 'Toplam Uzun Vadeli Yükümlülükler', 'Total Non-Current Liabilities', 'Long Term Liabilities', 'Noncurrent Liabilities', 'Total Noncurrent Liabilities']);
add('40', 'MALİ BORÇLAR', 'Financial Liabilities', ['Long-Term Financial Liabilities']);
add('400', 'Banka Kredileri', 'Bank Loans', ['Bank Borrowings', 'Long-Term Bank Loans']);
add('401', 'Finansal Kiralama İşlemlerinden Borçlar', 'Finance Lease Payables');
add('402', 'Ertelenmiş Finansal Kiralama Borçlanma Maliyetleri', 'Deferred Finance Lease Borrowing Costs', [], neg);
add('405', 'Çıkarılmış Tahviller', 'Bonds Issued');
add('407', 'Çıkarılmış Diğer Menkul Kıymetler', 'Other Securities Issued');
add('408', 'Menkul Kıymetler İhraç Farkı', 'Discount on Securities Issued', [], neg);
add('409', 'Diğer Mali Borçlar', 'Other Financial Liabilities');
add('42', 'TİCARİ BORÇLAR', 'Trade Payables', ['Tic. Borçlar', 'Long-Term Trade Payables']);
add('420', 'Satıcılar', 'Suppliers');
add('421', 'Borç Senetleri', 'Notes Payable');
add('422', 'Borç Senetleri Reeskontu', 'Discount on Notes Payable', [], neg);
add('426', 'Alınan Depozito ve Teminatlar', 'Deposits and Guarantees Received');
add('429', 'Diğer Ticari Borçlar', 'Other Trade Payables');
add('43', 'DİĞER BORÇLAR', 'Other Payables', ['Diğ. Borçlar']);
add('431', 'Ortaklara Borçlar', 'Payables to Shareholders');
add('432', 'İştiraklere Borçlar', 'Payables to Affiliates');
add('433', 'Bağlı Ortaklıklara Borçlar', 'Payables to Subsidiaries');
add('436', 'Diğer Çeşitli Borçlar', 'Other Miscellaneous Payables');
add('437', 'Diğer Borç Senetleri Reeskontu', 'Discount on Other Notes Payable', [], neg);
add('438', 'Kamuya Olan Ertelenmiş veya Taksitlendirilmiş Borçlar', 'Deferred or Instalment Public Debts');
add('44', 'ALINAN AVANSLAR', 'Advances Received');
add('440', 'Alınan Sipariş Avansları', 'Order Advances Received');
add('449', 'Alınan Diğer Avanslar', 'Other Advances Received');
add('47', 'BORÇ VE GİDER KARŞILIKLARI', 'Provisions for Liabilities and Expenses', ['Borç ve Gid. Karş.', 'Long-Term Provisions']);
add('472', 'Kıdem Tazminatı Karşılığı', 'Provision for Severance Pay', ['Provision for Employee Termination Benefits']);
add('479', 'Diğer Borç ve Gider Karşılıkları', 'Other Provisions for Liabilities and Expenses');
add('48', 'GELECEK YILLARA AİT GELİRLER VE GİDER TAHAKKUKLARI', 'Deferred Income for Future Years and Expense Accruals');
add('480', 'Gelecek Yıllara Ait Gelirler', 'Income Relating to Future Years');
add('481', 'Gider Tahakkukları', 'Expense Accruals');
add('49', 'DİĞER UZUN VADELİ YABANCI KAYNAKLAR', 'Other Long-Term Liabilities', ['Diğer U.V.Y.K.', 'Other Non-Current Liabilities']);
add('492', 'Gelecek Yıllara Ertelenmiş veya Terkin Edilecek KDV', 'VAT Deferred to Future Years or to Be Cancelled');
add('493', 'Tesise Katılma Payları', 'Contributions to Facilities');
add('499', 'Diğer Çeşitli Uzun Vadeli Yabancı Kaynaklar', 'Other Miscellaneous Long-Term Liabilities');

// ---- 5 Özkaynaklar -----------------------------------------------------------------------
add('5', 'ÖZKAYNAKLAR', 'Equity', ['Öz Kaynaklar', 'Özsermaye', 'Toplam Özkaynaklar', 'Total Equity', "Shareholders' Equity", 'Stockholders Equity', "Total Stockholders' Equity", 'Total Stockholders Equity', "Total Shareholders' Equity", 'Total Shareholders Equity', "Total Owners' Equity"]);
add('50', 'ÖDENMİŞ SERMAYE', 'Paid-in Capital', ['Paid-up Capital', 'Ödenmiş Sermaye Toplamı']);
add('500', 'Sermaye', 'Capital', ['Share Capital', 'Nominal Capital']);
add('501', 'Ödenmemiş Sermaye', 'Unpaid Capital', ['Unpaid Share Capital'], neg);
add('502', 'Sermaye Düzeltmesi Olumlu Farkları', 'Positive Capital Adjustment Differences', ['Sermaye Düzeltmesi Farkları', 'Capital Adjustment Differences']);
add('503', 'Sermaye Düzeltmesi Olumsuz Farkları', 'Negative Capital Adjustment Differences', [], neg);
add('52', 'SERMAYE YEDEKLERİ', 'Capital Reserves');
add('520', 'Hisse Senedi İhraç Primleri', 'Share Premiums', ['Share Issue Premiums']);
add('521', 'Hisse Senedi İptal Karları', 'Gains on Cancellation of Shares');
add('522', 'M.D.V. Yeniden Değerleme Artışları', 'Revaluation Surplus on Tangible Fixed Assets', ['MDV Yeniden Değerleme Artışları', 'Maddi Duran Varlık Yeniden Değerleme Artışları', 'Revaluation Fund']);
add('523', 'İştirakler Yeniden Değerleme Artışları', 'Revaluation Surplus on Affiliates');
add('524', 'Maliyet Artışları Fonu', 'Cost Increase Fund');
add('529', 'Diğer Sermaye Yedekleri', 'Other Capital Reserves');
add('54', 'KAR YEDEKLERİ', 'Profit Reserves', ['Kâr Yedekleri', 'Restricted Reserves']);
add('540', 'Yasal Yedekler', 'Legal Reserves');
add('541', 'Statü Yedekleri', 'Statutory Reserves');
add('542', 'Olağanüstü Yedekler', 'Extraordinary Reserves');
add('548', 'Diğer Kar Yedekleri', 'Other Profit Reserves');
add('549', 'Özel Fonlar', 'Special Funds');
add('57', 'GEÇMİŞ YILLAR KARLARI', 'Retained Earnings', ["Prior Years' Profits", 'Prior Years Profits', 'Geçmiş Yıllar Kârları']);
add('570', 'Geçmiş Yıllar Karları', 'Retained Earnings', ["Prior Years' Profits", 'Prior Years Profits']);
add('58', 'GEÇMİŞ YILLAR ZARARLARI', 'Accumulated Losses', ["Prior Years' Losses", 'Prior Years Losses'], neg);
add('580', 'Geçmiş Yıllar Zararları', 'Accumulated Losses', ["Prior Years' Losses", 'Prior Years Losses'], neg);
// 59 is printed with its two accounts; the words "(Zararı)" / "(Loss)" tell it from 590.
add('59', 'DÖNEM NET KARI (ZARARI)', 'Net Profit (Loss) for the Period', ['Dönem Net Kârı (Zararı)', 'Net Dönem Karı (Zararı)', 'Dönem Net Karı / Zararı', 'Dönem Net Karı Zararı', 'Net Profit / Loss for the Period', 'Net Income (Loss) for the Period']);
add('590', 'Dönem Net Karı', 'Net Profit for the Period', ['Dönem Net Kârı', 'Net Income for the Period']);
add('591', 'Dönem Net Zararı', 'Net Loss for the Period', ['Dönem Net Zararı'], neg);

// ---- 6 Gelir tablosu ---------------------------------------------------------------------
add('60', 'BRÜT SATIŞLAR', 'Gross Sales', ['Brüt Satış Hasılatı']);
add('600', 'Yurt İçi Satışlar', 'Domestic Sales', ['Yurtiçi Satışlar']);
add('601', 'Yurt Dışı Satışlar', 'Export Sales', ['Yurtdışı Satışlar', 'Foreign Sales', 'Exports']);
add('602', 'Diğer Gelirler', 'Other Revenues', ['Other Income', 'Other Sales']);
add('61', 'SATIŞ İNDİRİMLERİ', 'Sales Deductions', ['Sales Discounts and Returns', 'Satıştan İndirimler'], neg);
add('610', 'Satıştan İadeler', 'Sales Returns', ['Satış İadeleri'], neg);
add('611', 'Satış İskontoları', 'Sales Discounts', ['Satış İskontosu'], neg);
add('612', 'Diğer İndirimler', 'Other Deductions', ['Other Discounts'], neg);
add('62', 'SATIŞLARIN MALİYETİ', 'Cost of Sales', ['Satış Maliyeti', 'Satışların Maliyeti Toplamı', 'Cost of Goods Sold', 'Cost of Revenue', 'Satış Maliyetleri', 'Cost of Services', 'Direct Costs', 'Cost of Sales and Services', 'Cost of Goods Sold and Services'], neg);
add('620', 'Satılan Mamuller Maliyeti', 'Cost of Finished Goods Sold', ['Cost of Goods Manufactured and Sold'], neg);
add('621', 'Satılan Ticari Mallar Maliyeti', 'Cost of Trade Goods Sold', ['Cost of Merchandise Sold'], neg);
add('622', 'Satılan Hizmet Maliyeti', 'Cost of Services Sold', ['Cost of Services Rendered'], neg);
add('623', 'Diğer Satışların Maliyeti', 'Cost of Other Sales', [], neg);
add('63', 'FAALİYET GİDERLERİ', 'Operating Expenses', ['Faal. Giderleri'], neg);
add('630', 'Araştırma ve Geliştirme Giderleri', 'Research and Development Expenses', ['Ar-Ge Giderleri'], neg);
add('631', 'Pazarlama Satış ve Dağıtım Giderleri', 'Marketing, Selling and Distribution Expenses', ['Pazarlama, Satış ve Dağıtım Giderleri', 'Marketing Sales and Distribution Expenses', 'Selling and Distribution Expenses'], neg);
add('632', 'Genel Yönetim Giderleri', 'General Administrative Expenses', ['General and Administrative Expenses', 'Administrative Expenses'], neg);
add('64', 'DİĞER FAALİYETLERDEN OLAĞAN GELİR VE KARLAR', 'Other Ordinary Income and Gains', ['Diğ. Faal. Olağan Gelir ve Karlar', 'Income and Profits from Other Operations', 'Other Operating Income']);
add('640', 'İştiraklerden Temettü Gelirleri', 'Dividend Income from Affiliates');
add('641', 'Bağlı Ortaklıklardan Temettü Gelirleri', 'Dividend Income from Subsidiaries');
add('642', 'Faiz Gelirleri', 'Interest Income');
add('643', 'Komisyon Gelirleri', 'Commission Income');
add('644', 'Konusu Kalmayan Karşılıklar', 'Provisions No Longer Required', ['Reversal of Provisions']);
add('645', 'Menkul Kıymet Satış Karları', 'Gains on Sale of Marketable Securities');
add('646', 'Kambiyo Karları', 'Foreign Exchange Gains', ['Kur Farkı Gelirleri', 'Exchange Gains']);
add('647', 'Reeskont Faiz Gelirleri', 'Rediscount Interest Income');
add('648', 'Enflasyon Düzeltmesi Karları', 'Inflation Adjustment Gains');
add('649', 'Diğer Olağan Gelir ve Karlar', 'Other Ordinary Income and Gains', ['Other Ordinary Income']);
add('65', 'DİĞER FAALİYETLERDEN OLAĞAN GİDER VE ZARARLAR', 'Other Ordinary Expenses and Losses', ['Diğ. Faal. Olağan Gider ve Zararlar', 'Expenses and Losses from Other Operations', 'Other Operating Expenses'], neg);
add('653', 'Komisyon Giderleri', 'Commission Expenses', [], neg);
add('654', 'Karşılık Giderleri', 'Provision Expenses', [], neg);
add('655', 'Menkul Kıymet Satış Zararları', 'Losses on Sale of Marketable Securities', [], neg);
add('656', 'Kambiyo Zararları', 'Foreign Exchange Losses', ['Kur Farkı Giderleri', 'Exchange Losses'], neg);
add('657', 'Reeskont Faiz Giderleri', 'Rediscount Interest Expenses', [], neg);
add('658', 'Enflasyon Düzeltmesi Zararları', 'Inflation Adjustment Losses', [], neg);
add('659', 'Diğer Olağan Gider ve Zararlar', 'Other Ordinary Expenses and Losses', ['Other Ordinary Expenses'], neg);
add('66', 'FİNANSMAN GİDERLERİ', 'Finance Expenses', ['Financial Expenses', 'Finance Costs', 'Financing Expenses'], neg);
add('660', 'Kısa Vadeli Borçlanma Giderleri', 'Short-Term Borrowing Expenses', ['Short-Term Borrowing Costs'], neg);
add('661', 'Uzun Vadeli Borçlanma Giderleri', 'Long-Term Borrowing Expenses', ['Long-Term Borrowing Costs'], neg);
add('67', 'OLAĞANDIŞI GELİR VE KARLAR', 'Extraordinary Income and Gains', ['Olağan Dışı Gelir ve Karlar', 'Extraordinary Income and Profits']);
add('671', 'Önceki Dönem Gelir ve Karları', 'Prior Period Income and Gains', ['Prior Period Income']);
add('679', 'Diğer Olağandışı Gelir ve Karlar', 'Other Extraordinary Income and Gains', ['Diğer Olağan Dışı Gelir ve Karlar']);
add('68', 'OLAĞANDIŞI GİDER VE ZARARLAR', 'Extraordinary Expenses and Losses', ['Olağan Dışı Gider ve Zararlar'], neg);
add('680', 'Çalışmayan Kısım Gider ve Zararları', 'Idle Capacity Expenses and Losses', [], neg);
add('681', 'Önceki Dönem Gider ve Zararları', 'Prior Period Expenses and Losses', ['Prior Period Expenses'], neg);
add('689', 'Diğer Olağandışı Gider ve Zararlar', 'Other Extraordinary Expenses and Losses', ['Diğer Olağan Dışı Gider ve Zararlar'], neg);
// 691 shares its Turkish name with balance-sheet 370: only the statement tells them apart.
add('691', 'Dönem Karı Vergi ve Diğer Yasal Yükümlülük Karşılıkları', 'Provision for Tax and Other Legal Liabilities', ['Dönem Karı Vergi ve Diğ. Yas. Yük. Karş.', 'Provision for Tax and Other Legal Liabilities on Current Profit', 'Vergi Karşılığı', 'Tax Provision', 'Provision for Income Tax'], neg);

// ---- Totals and subtotals without a code -------------------------------------------------
add('TOTAL_ASSETS', 'AKTİF TOPLAMI', 'Total Assets', ['Varlıklar Toplamı', 'Aktif (Varlıklar) Toplamı', 'Toplam Varlıklar', 'Toplam Aktif', 'Aktifler Toplamı', 'Toplam Aktifler', 'Varlık Toplamı', 'Assets Total']);
add('TOTAL_LIABILITIES_AND_EQUITY', 'PASİF TOPLAMI', 'Total Liabilities and Equity', ['Kaynaklar Toplamı', 'Pasif (Kaynaklar) Toplamı', 'Toplam Kaynaklar', 'Toplam Pasif', 'Pasifler Toplamı', 'Toplam Pasifler', 'Toplam Yükümlülükler ve Özkaynaklar', 'Yükümlülükler ve Özkaynaklar Toplamı', 'Total Equity and Liabilities', "Total Liabilities and Shareholders' Equity", 'Total Liabilities and Shareholders Equity', 'Liabilities and Equity Total']);
add('NET_SALES', 'NET SATIŞLAR', 'Net Sales', ['Net Satış Hasılatı', 'Net Satış', 'Hasılat', 'Satış Gelirleri', 'Revenue', 'Revenues', 'Net Revenue', 'Net Revenues', 'Service Income', 'Service Revenue', 'Revenue from Services', 'Sales', 'Net Sales Revenue', 'Revenue from Contracts with Customers']);
add('GROSS_PROFIT', 'BRÜT SATIŞ KARI VEYA ZARARI', 'Gross Profit or Loss', ['Brüt Satış Karı (Zararı)', 'Brüt Satış Karı', 'Brüt Satış Kârı veya Zararı', 'Brüt Kar (Zarar)', 'Brüt Kar', 'Brüt Kâr', 'Ticari Faaliyetlerden Brüt Kar (Zarar)', 'Gross Profit (Loss)', 'Gross Profit', 'Gross Income', 'Gross Income (Loss)', 'Gross Margin', 'Gross Profit/Loss']);
add('OPERATING_PROFIT', 'FAALİYET KARI VEYA ZARARI', 'Operating Profit or Loss', ['Faaliyet Karı (Zararı)', 'Faaliyet Karı', 'Faaliyet Kârı veya Zararı', 'Esas Faaliyet Karı (Zararı)', 'Esas Faaliyet Karı', 'Esas Faaliyet Kârı (Zararı)', 'Operating Profit (Loss)', 'Operating Profit', 'Profit from Operations', 'Profit (Loss) from Operating Activities', 'Profit from Operating Activities', 'Income (Loss) from Operations', 'Income from Operations', 'Operating Income', 'Operating Income (Loss)', 'Operating Profit (Loss)', 'Esas Faaliyet (Zararı)/Karı']);
add('ORDINARY_PROFIT', 'OLAĞAN KAR VEYA ZARAR', 'Ordinary Profit or Loss', ['Olağan Kar (Zarar)', 'Olağan Kâr veya Zarar', 'Olağan Faaliyet Karı', 'Ordinary Profit (Loss)', 'Ordinary Profit', 'Profit from Ordinary Activities']);
// TDHP's "Dönem Karı veya Zararı" is before tax; IFRS's "Dönem Karı (Zararı)" is after tax.
add('PROFIT_BEFORE_TAX', 'DÖNEM KARI VEYA ZARARI', 'Profit or Loss for the Period', ['Dönem Kârı veya Zararı', 'Vergi Öncesi Kar (Zarar)', 'Vergi Öncesi Kar', 'Vergi Öncesi Kâr (Zarar)', 'Vergi Öncesi Dönem Karı', 'Sürdürülen Faaliyetler Vergi Öncesi Karı (Zararı)', 'Sürdürülen Faaliyetler Vergi Öncesi Kârı (Zararı)', 'Profit Before Tax', 'Profit (Loss) Before Tax', 'Profit Before Taxation', 'Profit Before Income Tax', 'Profit (Loss) Before Tax from Continuing Operations', 'Profit Before Tax from Continuing Operations', 'Income (Loss) Before Income Tax', 'Income Before Income Tax', 'Net Income Before Income Tax', 'Net Income (Loss) Before Income Tax', 'Income Before Tax', 'Income (Loss) Before Tax', 'Vergi Öncesi K/Z', 'Sürdürülen Faaliyetler Vergi Öncesi Dönem Karı (Zararı)', 'Sürdürülen Faaliyetler Vergi Öncesi Dönem Karı', 'Sürdürülen Faaliyetler Vergi Öncesi K/Z', 'Vergi Öncesi Kar/Zarar']);
add('NET_PROFIT', 'DÖNEM NET KARI VEYA ZARARI', 'Net Profit or Loss for the Period', ['Dönem Net Kârı veya Zararı', 'Dönem Net Karı (Zararı)', 'Dönem Net Karı', 'Net Dönem Karı', 'Dönem Karı (Zararı)', 'Dönem Kârı (Zararı)', 'Net Dönem Karı (Zararı)', 'Net Profit (Loss) for the Period', 'Net Profit for the Period', 'Profit (Loss) for the Period', 'Profit for the Period', 'Profit for the Year', 'Net Profit', 'Net Income', 'Net Income (Loss)', 'Net Loss', 'Net Profit/Loss for the Period', 'Net Income After Tax', 'Net Income (Loss) After Tax', 'Dönem Net K/Z', 'Dönem Net Karı/Zararı', 'Sürdürülen Faaliyetler Dönem Net K/Z', 'Sürdürülen Faaliyetler Dönem Net Karı', 'Sürdürülen Faaliyetler Dönem Karı (Zararı)', 'Sürdürülen Faaliyetler Dönem Karı', 'Profit (Loss) from Continuing Operations', 'Profit for the Year from Continuing Operations']);

export const ACCOUNTS: readonly Account[] = Object.freeze(rows);

/** Codes some statements print for the uncoded totals (TDHP 690 / 692). */
export const CODE_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  '690': 'PROFIT_BEFORE_TAX',
  '692': 'NET_PROFIT',
});

const byKey = new Map(ACCOUNTS.map((a) => [a.key, a]));

export function accountByKey(key: string): Account | undefined {
  return byKey.get(key);
}

/** The key a printed code stands for (aliases resolved), or null when the chart lacks it. */
export function keyForCode(code: string): string | null {
  const key = CODE_ALIASES[code] ?? code;
  return byKey.has(key) ? key : null;
}

export function parentOf(key: string): string | null {
  return byKey.get(key)?.parent ?? parentFromCode(key);
}

/** Ancestors nearest first: 102 → ['10', '1']. */
export function ancestorsOf(key: string): string[] {
  const out: string[] = [];
  for (let p = parentOf(key); p !== null; p = parentOf(p)) out.push(p);
  return out;
}

/** 0 for totals, 1 main group, 2 sub-group, 3 account (by code length). */
export function levelOf(key: string): 0 | 1 | 2 | 3 {
  if (!/^\d{1,3}$/.test(key)) return 0;
  return key.length as 1 | 2 | 3;
}

export function isDeduction(key: string): boolean {
  return byKey.get(key)?.normalSign === -1;
}

export function nameOf(key: string, locale: Locale): string | undefined {
  const a = byKey.get(key);
  return a ? a[locale] : undefined;
}
