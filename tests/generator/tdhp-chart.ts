/**
 * The slice of the TDHP chart the generator draws from: labels in Turkish (detailed caps,
 * summary title case) and English, and which lines are deductions (printed with `(-)`,
 * negative in the truth).
 */
export type ChartLine = {
  code: string;
  tr: string;
  en: string;
  /** Summary-layout label (title case); groups only. */
  trSummary?: string;
  /** Contra account or deduction group: negative value, `(-)` label. */
  minus?: boolean;
};

const line = (code: string, tr: string, en: string, minus = false, trSummary?: string): ChartLine =>
  trSummary === undefined ? { code, tr, en, minus } : { code, tr, en, minus, trSummary };

export const MAIN_GROUPS: readonly ChartLine[] = [
  line('1', 'DÖNEN VARLIKLAR', 'CURRENT ASSETS'),
  line('2', 'DURAN VARLIKLAR', 'NON-CURRENT ASSETS'),
  line('3', 'KISA VADELİ YABANCI KAYNAKLAR', 'SHORT-TERM LIABILITIES'),
  line('4', 'UZUN VADELİ YABANCI KAYNAKLAR', 'LONG-TERM LIABILITIES'),
  line('5', 'ÖZKAYNAKLAR', 'EQUITY'),
];

export const SUB_GROUPS: readonly ChartLine[] = [
  line('10', 'HAZIR DEĞERLER', 'Liquid Assets', false, 'Hazır Değerler'),
  line('11', 'MENKUL KIYMETLER', 'Marketable Securities', false, 'Menkul Kıymetler'),
  line('12', 'TİCARİ ALACAKLAR', 'Trade Receivables', false, 'Ticari Alacaklar'),
  line('13', 'DİĞER ALACAKLAR', 'Other Receivables', false, 'Diğer Alacaklar'),
  line('15', 'STOKLAR', 'Inventories', false, 'Stoklar'),
  line('18', 'GELECEK AYLARA AİT GİDERLER VE GELİR TAHAKKUKLARI', 'Prepaid Expenses and Income Accruals', false, 'Gelecek Aylara Ait Giderler ve Gelir Tahakkukları'),
  line('19', 'DİĞER DÖNEN VARLIKLAR', 'Other Current Assets', false, 'Diğer Dönen Varlıklar'),
  line('22', 'TİCARİ ALACAKLAR', 'Trade Receivables', false, 'Ticari Alacaklar'),
  line('25', 'MADDİ DURAN VARLIKLAR', 'Tangible Fixed Assets', false, 'Maddi Duran Varlıklar'),
  line('26', 'MADDİ OLMAYAN DURAN VARLIKLAR', 'Intangible Fixed Assets', false, 'Maddi Olmayan Duran Varlıklar'),
  line('30', 'MALİ BORÇLAR', 'Financial Liabilities', false, 'Mali Borçlar'),
  line('32', 'TİCARİ BORÇLAR', 'Trade Payables', false, 'Ticari Borçlar'),
  line('33', 'DİĞER BORÇLAR', 'Other Payables', false, 'Diğer Borçlar'),
  line('34', 'ALINAN AVANSLAR', 'Advances Received', false, 'Alınan Avanslar'),
  line('36', 'ÖDENECEK VERGİ VE DİĞER YÜKÜMLÜLÜKLER', 'Taxes and Other Liabilities Payable', false, 'Ödenecek Vergi ve Diğer Yükümlülükler'),
  line('37', 'BORÇ VE GİDER KARŞILIKLARI', 'Provisions for Liabilities and Expenses', false, 'Borç ve Gider Karşılıkları'),
  line('39', 'DİĞER KISA VADELİ YABANCI KAYNAKLAR', 'Other Short-Term Liabilities', false, 'Diğer Kısa Vadeli Yabancı Kaynaklar'),
  line('40', 'MALİ BORÇLAR', 'Financial Liabilities', false, 'Mali Borçlar'),
  line('47', 'BORÇ VE GİDER KARŞILIKLARI', 'Provisions for Liabilities and Expenses', false, 'Borç ve Gider Karşılıkları'),
  line('50', 'ÖDENMİŞ SERMAYE', 'Paid-in Capital', false, 'Ödenmiş Sermaye'),
  line('52', 'SERMAYE YEDEKLERİ', 'Capital Reserves', false, 'Sermaye Yedekleri'),
  line('54', 'KAR YEDEKLERİ', 'Profit Reserves', false, 'Kar Yedekleri'),
  line('57', 'GEÇMİŞ YILLAR KARLARI', 'Retained Earnings', false, 'Geçmiş Yıllar Karları'),
  line('58', 'GEÇMİŞ YILLAR ZARARLARI', 'Accumulated Losses', true, 'Geçmiş Yıllar Zararları'),
  line('59', 'DÖNEM NET KARI (ZARARI)', 'Net Profit (Loss) for the Period', false, 'Dönem Net Karı (Zararı)'),
  line('60', 'BRÜT SATIŞLAR', 'GROSS SALES', false, 'Brüt Satışlar'),
  line('61', 'SATIŞ İNDİRİMLERİ', 'SALES DEDUCTIONS', true, 'Satış İndirimleri'),
  line('62', 'SATIŞLARIN MALİYETİ', 'COST OF SALES', true, 'Satışların Maliyeti'),
  line('63', 'FAALİYET GİDERLERİ', 'OPERATING EXPENSES', true, 'Faaliyet Giderleri'),
  line('64', 'DİĞER FAALİYETLERDEN OLAĞAN GELİR VE KARLAR', 'OTHER ORDINARY INCOME AND GAINS', false, 'Diğer Faaliyetlerden Olağan Gelir ve Karlar'),
  line('65', 'DİĞER FAALİYETLERDEN OLAĞAN GİDER VE ZARARLAR', 'OTHER ORDINARY EXPENSES AND LOSSES', true, 'Diğer Faaliyetlerden Olağan Gider ve Zararlar'),
  line('66', 'FİNANSMAN GİDERLERİ', 'FINANCE EXPENSES', true, 'Finansman Giderleri'),
  line('67', 'OLAĞANDIŞI GELİR VE KARLAR', 'EXTRAORDINARY INCOME AND GAINS', false, 'Olağandışı Gelir ve Karlar'),
  line('68', 'OLAĞANDIŞI GİDER VE ZARARLAR', 'EXTRAORDINARY EXPENSES AND LOSSES', true, 'Olağandışı Gider ve Zararlar'),
];

export const ACCOUNTS: readonly ChartLine[] = [
  line('100', 'Kasa', 'Cash'),
  line('101', 'Alınan Çekler', 'Cheques Received'),
  line('102', 'Bankalar', 'Banks'),
  line('103', 'Verilen Çekler ve Ödeme Emirleri', 'Cheques Given and Payment Orders', true),
  line('108', 'Diğer Hazır Değerler', 'Other Liquid Assets'),
  line('118', 'Diğer Menkul Kıymetler', 'Other Marketable Securities'),
  line('120', 'Alıcılar', 'Customers'),
  line('121', 'Alacak Senetleri', 'Notes Receivable'),
  line('126', 'Verilen Depozito ve Teminatlar', 'Deposits and Guarantees Given'),
  line('128', 'Şüpheli Ticari Alacaklar', 'Doubtful Trade Receivables'),
  line('129', 'Şüpheli Ticari Alacaklar Karşılığı', 'Provision for Doubtful Trade Receivables', true),
  line('131', 'Ortaklardan Alacaklar', 'Receivables from Shareholders'),
  line('135', 'Personelden Alacaklar', 'Receivables from Personnel'),
  line('150', 'İlk Madde ve Malzeme', 'Raw Materials and Supplies'),
  line('152', 'Mamuller', 'Finished Goods'),
  line('153', 'Ticari Mallar', 'Trade Goods'),
  line('159', 'Verilen Sipariş Avansları', 'Advances Given for Purchases'),
  line('180', 'Gelecek Aylara Ait Giderler', 'Prepaid Expenses for Future Months'),
  line('190', 'Devreden KDV', 'VAT Carried Forward'),
  line('191', 'İndirilecek KDV', 'Deductible VAT'),
  line('193', 'Peşin Ödenen Vergiler ve Fonlar', 'Prepaid Taxes and Funds'),
  line('195', 'İş Avansları', 'Job Advances'),
  line('226', 'Verilen Depozito ve Teminatlar', 'Deposits and Guarantees Given'),
  line('252', 'Binalar', 'Buildings'),
  line('253', 'Tesis, Makine ve Cihazlar', 'Plant, Machinery and Equipment'),
  line('254', 'Taşıtlar', 'Vehicles'),
  line('255', 'Demirbaşlar', 'Furniture and Fixtures'),
  line('257', 'Birikmiş Amortismanlar', 'Accumulated Depreciation', true),
  line('258', 'Yapılmakta Olan Yatırımlar', 'Construction in Progress'),
  line('260', 'Haklar', 'Rights'),
  line('264', 'Özel Maliyetler', 'Leasehold Improvements'),
  line('268', 'Birikmiş Amortismanlar', 'Accumulated Amortisation', true),
  line('300', 'Banka Kredileri', 'Bank Loans'),
  line('320', 'Satıcılar', 'Suppliers'),
  line('321', 'Borç Senetleri', 'Notes Payable'),
  line('331', 'Ortaklara Borçlar', 'Payables to Shareholders'),
  line('335', 'Personele Borçlar', 'Payables to Personnel'),
  line('340', 'Alınan Sipariş Avansları', 'Advances Received for Orders'),
  line('360', 'Ödenecek Vergi ve Fonlar', 'Taxes and Funds Payable'),
  line('361', 'Ödenecek Sosyal Güvenlik Kesintileri', 'Social Security Withholdings Payable'),
  line('370', 'Dönem Karı Vergi ve Diğer Yasal Yükümlülük Karşılıkları', 'Provision for Tax and Other Legal Liabilities on Current Profit'),
  line('371', 'Dönem Karının Peşin Ödenen Vergi ve Diğer Yükümlülükleri', 'Prepaid Taxes and Liabilities on Current Profit', true),
  line('391', 'Hesaplanan KDV', 'VAT Calculated'),
  line('400', 'Banka Kredileri', 'Bank Loans'),
  line('472', 'Kıdem Tazminatı Karşılığı', 'Provision for Severance Pay'),
  line('500', 'Sermaye', 'Capital'),
  line('501', 'Ödenmemiş Sermaye', 'Unpaid Capital', true),
  line('522', 'M.D.V. Yeniden Değerleme Artışları', 'Revaluation Surplus on Tangible Fixed Assets'),
  line('540', 'Yasal Yedekler', 'Legal Reserves'),
  line('542', 'Olağanüstü Yedekler', 'Extraordinary Reserves'),
  line('570', 'Geçmiş Yıllar Karları', 'Retained Earnings'),
  line('580', 'Geçmiş Yıllar Zararları', 'Accumulated Losses', true),
  line('590', 'Dönem Net Karı', 'Net Profit for the Period'),
  line('591', 'Dönem Net Zararı', 'Net Loss for the Period', true),
  line('600', 'Yurt İçi Satışlar', 'Domestic Sales'),
  line('601', 'Yurt Dışı Satışlar', 'Export Sales'),
  line('610', 'Satıştan İadeler', 'Sales Returns', true),
  line('611', 'Satış İskontoları', 'Sales Discounts', true),
  line('620', 'Satılan Mamuller Maliyeti', 'Cost of Finished Goods Sold', true),
  line('621', 'Satılan Ticari Mallar Maliyeti', 'Cost of Trade Goods Sold', true),
  line('622', 'Satılan Hizmet Maliyeti', 'Cost of Services Sold', true),
  line('631', 'Pazarlama Satış ve Dağıtım Giderleri', 'Marketing, Selling and Distribution Expenses', true),
  line('632', 'Genel Yönetim Giderleri', 'General Administrative Expenses', true),
  line('642', 'Faiz Gelirleri', 'Interest Income'),
  line('646', 'Kambiyo Karları', 'Foreign Exchange Gains'),
  line('649', 'Diğer Olağan Gelir ve Karlar', 'Other Ordinary Income and Gains'),
  line('654', 'Karşılık Giderleri', 'Provision Expenses', true),
  line('656', 'Kambiyo Zararları', 'Foreign Exchange Losses', true),
  line('659', 'Diğer Olağan Gider ve Zararlar', 'Other Ordinary Expenses and Losses', true),
  line('660', 'Kısa Vadeli Borçlanma Giderleri', 'Short-Term Borrowing Expenses', true),
  line('661', 'Uzun Vadeli Borçlanma Giderleri', 'Long-Term Borrowing Expenses', true),
  line('671', 'Önceki Dönem Gelir ve Karları', 'Prior Period Income and Gains'),
  line('679', 'Diğer Olağandışı Gelir ve Karlar', 'Other Extraordinary Income and Gains'),
  line('681', 'Önceki Dönem Gider ve Zararları', 'Prior Period Expenses and Losses', true),
  line('689', 'Diğer Olağandışı Gider ve Zararlar', 'Other Extraordinary Expenses and Losses', true),
  line('691', 'DÖNEM KARI VERGİ VE DİĞER YASAL YÜKÜMLÜLÜK KARŞILIKLARI', 'PROVISION FOR TAX AND OTHER LEGAL LIABILITIES', true, 'Dönem Karı Vergi ve Diğer Yasal Yükümlülük Karşılıkları'),
];

/** Income-statement subtotals (no code); each is the running total after its groups. */
export const IS_TOTALS: readonly ChartLine[] = [
  line('NET_SALES', 'NET SATIŞLAR', 'NET SALES', false, 'Net Satışlar'),
  line('GROSS_PROFIT', 'BRÜT SATIŞ KARI VEYA ZARARI', 'GROSS PROFIT OR LOSS', false, 'Brüt Satış Karı veya Zararı'),
  line('OPERATING_PROFIT', 'FAALİYET KARI VEYA ZARARI', 'OPERATING PROFIT OR LOSS', false, 'Faaliyet Karı veya Zararı'),
  line('ORDINARY_PROFIT', 'OLAĞAN KAR VEYA ZARAR', 'ORDINARY PROFIT OR LOSS', false, 'Olağan Kar veya Zarar'),
  line('PROFIT_BEFORE_TAX', 'DÖNEM KARI VEYA ZARARI', 'PROFIT OR LOSS FOR THE PERIOD', false, 'Dönem Karı veya Zararı'),
  line('NET_PROFIT', 'DÖNEM NET KARI VEYA ZARARI', 'NET PROFIT OR LOSS FOR THE PERIOD', false, 'Dönem Net Karı veya Zararı'),
];

const ALL = new Map([...MAIN_GROUPS, ...SUB_GROUPS, ...ACCOUNTS, ...IS_TOTALS].map((l) => [l.code, l]));

export function chartLine(code: string): ChartLine {
  const found = ALL.get(code);
  if (!found) throw new Error(`unknown chart code ${code}`);
  return found;
}
