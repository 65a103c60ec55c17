/**
 * The Uniform Chart of Accounts' income-statement lines (TDHP class 6) and the uncoded totals
 * and subtotals both statements print, with the IFRS/TFRS names mapped onto the same keys.
 */
import type { AccountRow } from './chart-of-accounts.ts';

const neg = -1 as const;

export const INCOME_STATEMENT_ROWS: readonly AccountRow[] = [
  // ---- 6 Gelir tablosu ---------------------------------------------------------------------
  ['60', 'BRÜT SATIŞLAR', 'Gross Sales', ['Brüt Satış Hasılatı']],
  ['600', 'Yurt İçi Satışlar', 'Domestic Sales', ['Yurtiçi Satışlar']],
  ['601', 'Yurt Dışı Satışlar', 'Export Sales', ['Yurtdışı Satışlar', 'Foreign Sales', 'Exports']],
  ['602', 'Diğer Gelirler', 'Other Revenues', ['Other Income', 'Other Sales']],
  ['61', 'SATIŞ İNDİRİMLERİ', 'Sales Deductions', ['Sales Discounts and Returns', 'Satıştan İndirimler'], neg],
  ['610', 'Satıştan İadeler', 'Sales Returns', ['Satış İadeleri'], neg],
  ['611', 'Satış İskontoları', 'Sales Discounts', ['Satış İskontosu'], neg],
  ['612', 'Diğer İndirimler', 'Other Deductions', ['Other Discounts'], neg],
  ['62', 'SATIŞLARIN MALİYETİ', 'Cost of Sales', ['Satış Maliyeti', 'Satışların Maliyeti Toplamı', 'Cost of Goods Sold', 'Cost of Revenue', 'Satış Maliyetleri', 'Cost of Services', 'Direct Costs', 'Cost of Sales and Services', 'Cost of Goods Sold and Services'], neg],
  ['620', 'Satılan Mamuller Maliyeti', 'Cost of Finished Goods Sold', ['Cost of Goods Manufactured and Sold'], neg],
  ['621', 'Satılan Ticari Mallar Maliyeti', 'Cost of Trade Goods Sold', ['Cost of Merchandise Sold'], neg],
  ['622', 'Satılan Hizmet Maliyeti', 'Cost of Services Sold', ['Cost of Services Rendered'], neg],
  ['623', 'Diğer Satışların Maliyeti', 'Cost of Other Sales', [], neg],
  ['63', 'FAALİYET GİDERLERİ', 'Operating Expenses', ['Faal. Giderleri'], neg],
  ['630', 'Araştırma ve Geliştirme Giderleri', 'Research and Development Expenses', ['Ar-Ge Giderleri'], neg],
  ['631', 'Pazarlama Satış ve Dağıtım Giderleri', 'Marketing, Selling and Distribution Expenses', ['Pazarlama, Satış ve Dağıtım Giderleri', 'Marketing Sales and Distribution Expenses', 'Selling and Distribution Expenses'], neg],
  ['632', 'Genel Yönetim Giderleri', 'General Administrative Expenses', ['General and Administrative Expenses', 'Administrative Expenses'], neg],
  ['64', 'DİĞER FAALİYETLERDEN OLAĞAN GELİR VE KARLAR', 'Other Ordinary Income and Gains', ['Diğ. Faal. Olağan Gelir ve Karlar', 'Income and Profits from Other Operations', 'Other Operating Income']],
  ['640', 'İştiraklerden Temettü Gelirleri', 'Dividend Income from Affiliates'],
  ['641', 'Bağlı Ortaklıklardan Temettü Gelirleri', 'Dividend Income from Subsidiaries'],
  ['642', 'Faiz Gelirleri', 'Interest Income'],
  ['643', 'Komisyon Gelirleri', 'Commission Income'],
  ['644', 'Konusu Kalmayan Karşılıklar', 'Provisions No Longer Required', ['Reversal of Provisions']],
  ['645', 'Menkul Kıymet Satış Karları', 'Gains on Sale of Marketable Securities'],
  ['646', 'Kambiyo Karları', 'Foreign Exchange Gains', ['Kur Farkı Gelirleri', 'Exchange Gains']],
  ['647', 'Reeskont Faiz Gelirleri', 'Rediscount Interest Income'],
  ['648', 'Enflasyon Düzeltmesi Karları', 'Inflation Adjustment Gains'],
  ['649', 'Diğer Olağan Gelir ve Karlar', 'Other Ordinary Income and Gains', ['Other Ordinary Income']],
  ['65', 'DİĞER FAALİYETLERDEN OLAĞAN GİDER VE ZARARLAR', 'Other Ordinary Expenses and Losses', ['Diğ. Faal. Olağan Gider ve Zararlar', 'Expenses and Losses from Other Operations', 'Other Operating Expenses'], neg],
  ['653', 'Komisyon Giderleri', 'Commission Expenses', [], neg],
  ['654', 'Karşılık Giderleri', 'Provision Expenses', [], neg],
  ['655', 'Menkul Kıymet Satış Zararları', 'Losses on Sale of Marketable Securities', [], neg],
  ['656', 'Kambiyo Zararları', 'Foreign Exchange Losses', ['Kur Farkı Giderleri', 'Exchange Losses'], neg],
  ['657', 'Reeskont Faiz Giderleri', 'Rediscount Interest Expenses', [], neg],
  ['658', 'Enflasyon Düzeltmesi Zararları', 'Inflation Adjustment Losses', [], neg],
  ['659', 'Diğer Olağan Gider ve Zararlar', 'Other Ordinary Expenses and Losses', ['Other Ordinary Expenses'], neg],
  ['66', 'FİNANSMAN GİDERLERİ', 'Finance Expenses', ['Financial Expenses', 'Finance Costs', 'Financing Expenses'], neg],
  ['660', 'Kısa Vadeli Borçlanma Giderleri', 'Short-Term Borrowing Expenses', ['Short-Term Borrowing Costs'], neg],
  ['661', 'Uzun Vadeli Borçlanma Giderleri', 'Long-Term Borrowing Expenses', ['Long-Term Borrowing Costs'], neg],
  ['67', 'OLAĞANDIŞI GELİR VE KARLAR', 'Extraordinary Income and Gains', ['Olağan Dışı Gelir ve Karlar', 'Extraordinary Income and Profits']],
  ['671', 'Önceki Dönem Gelir ve Karları', 'Prior Period Income and Gains', ['Prior Period Income']],
  ['679', 'Diğer Olağandışı Gelir ve Karlar', 'Other Extraordinary Income and Gains', ['Diğer Olağan Dışı Gelir ve Karlar']],
  ['68', 'OLAĞANDIŞI GİDER VE ZARARLAR', 'Extraordinary Expenses and Losses', ['Olağan Dışı Gider ve Zararlar'], neg],
  ['680', 'Çalışmayan Kısım Gider ve Zararları', 'Idle Capacity Expenses and Losses', [], neg],
  ['681', 'Önceki Dönem Gider ve Zararları', 'Prior Period Expenses and Losses', ['Prior Period Expenses'], neg],
  ['689', 'Diğer Olağandışı Gider ve Zararlar', 'Other Extraordinary Expenses and Losses', ['Diğer Olağan Dışı Gider ve Zararlar'], neg],
  // 691 shares its Turkish name with balance-sheet 370: only the statement tells them apart.
  ['691', 'Dönem Karı Vergi ve Diğer Yasal Yükümlülük Karşılıkları', 'Provision for Tax and Other Legal Liabilities', ['Dönem Karı Vergi ve Diğ. Yas. Yük. Karş.', 'Provision for Tax and Other Legal Liabilities on Current Profit', 'Vergi Karşılığı', 'Tax Provision', 'Provision for Income Tax'], neg],

  // ---- Totals and subtotals without a code -------------------------------------------------
  ['TOTAL_ASSETS', 'AKTİF TOPLAMI', 'Total Assets', ['Varlıklar Toplamı', 'Aktif (Varlıklar) Toplamı', 'Toplam Varlıklar', 'Toplam Aktif', 'Aktifler Toplamı', 'Toplam Aktifler', 'Varlık Toplamı', 'Assets Total']],
  ['TOTAL_LIABILITIES_AND_EQUITY', 'PASİF TOPLAMI', 'Total Liabilities and Equity', ['Kaynaklar Toplamı', 'Pasif (Kaynaklar) Toplamı', 'Toplam Kaynaklar', 'Toplam Pasif', 'Pasifler Toplamı', 'Toplam Pasifler', 'Toplam Yükümlülükler ve Özkaynaklar', 'Yükümlülükler ve Özkaynaklar Toplamı', 'Total Equity and Liabilities', "Total Liabilities and Shareholders' Equity", 'Total Liabilities and Shareholders Equity', 'Liabilities and Equity Total']],
  ['NET_SALES', 'NET SATIŞLAR', 'Net Sales', ['Net Satış Hasılatı', 'Net Satış', 'Hasılat', 'Satış Gelirleri', 'Revenue', 'Revenues', 'Net Revenue', 'Net Revenues', 'Service Income', 'Service Revenue', 'Revenue from Services', 'Sales', 'Net Sales Revenue', 'Revenue from Contracts with Customers']],
  ['GROSS_PROFIT', 'BRÜT SATIŞ KARI VEYA ZARARI', 'Gross Profit or Loss', ['Brüt Satış Karı (Zararı)', 'Brüt Satış Karı', 'Brüt Satış Kârı veya Zararı', 'Brüt Kar (Zarar)', 'Brüt Kar', 'Brüt Kâr', 'Ticari Faaliyetlerden Brüt Kar (Zarar)', 'Gross Profit (Loss)', 'Gross Profit', 'Gross Income', 'Gross Income (Loss)', 'Gross Margin', 'Gross Profit/Loss']],
  ['OPERATING_PROFIT', 'FAALİYET KARI VEYA ZARARI', 'Operating Profit or Loss', ['Faaliyet Karı (Zararı)', 'Faaliyet Karı', 'Faaliyet Kârı veya Zararı', 'Esas Faaliyet Karı (Zararı)', 'Esas Faaliyet Karı', 'Esas Faaliyet Kârı (Zararı)', 'Operating Profit (Loss)', 'Operating Profit', 'Profit from Operations', 'Profit (Loss) from Operating Activities', 'Profit from Operating Activities', 'Income (Loss) from Operations', 'Income from Operations', 'Operating Income', 'Operating Income (Loss)', 'Operating Profit (Loss)', 'Esas Faaliyet (Zararı)/Karı']],
  ['ORDINARY_PROFIT', 'OLAĞAN KAR VEYA ZARAR', 'Ordinary Profit or Loss', ['Olağan Kar (Zarar)', 'Olağan Kâr veya Zarar', 'Olağan Faaliyet Karı', 'Ordinary Profit (Loss)', 'Ordinary Profit', 'Profit from Ordinary Activities']],
  // TDHP's "Dönem Karı veya Zararı" is before tax; IFRS's "Dönem Karı (Zararı)" is after tax.
  ['PROFIT_BEFORE_TAX', 'DÖNEM KARI VEYA ZARARI', 'Profit or Loss for the Period', ['Dönem Kârı veya Zararı', 'Vergi Öncesi Kar (Zarar)', 'Vergi Öncesi Kar', 'Vergi Öncesi Kâr (Zarar)', 'Vergi Öncesi Dönem Karı', 'Sürdürülen Faaliyetler Vergi Öncesi Karı (Zararı)', 'Sürdürülen Faaliyetler Vergi Öncesi Kârı (Zararı)', 'Profit Before Tax', 'Profit (Loss) Before Tax', 'Profit Before Taxation', 'Profit Before Income Tax', 'Profit (Loss) Before Tax from Continuing Operations', 'Profit Before Tax from Continuing Operations', 'Income (Loss) Before Income Tax', 'Income Before Income Tax', 'Net Income Before Income Tax', 'Net Income (Loss) Before Income Tax', 'Income Before Tax', 'Income (Loss) Before Tax', 'Vergi Öncesi K/Z', 'Sürdürülen Faaliyetler Vergi Öncesi Dönem Karı (Zararı)', 'Sürdürülen Faaliyetler Vergi Öncesi Dönem Karı', 'Sürdürülen Faaliyetler Vergi Öncesi K/Z', 'Vergi Öncesi Kar/Zarar']],
  ['NET_PROFIT', 'DÖNEM NET KARI VEYA ZARARI', 'Net Profit or Loss for the Period', ['Dönem Net Kârı veya Zararı', 'Dönem Net Karı (Zararı)', 'Dönem Net Karı', 'Net Dönem Karı', 'Dönem Karı (Zararı)', 'Dönem Kârı (Zararı)', 'Net Dönem Karı (Zararı)', 'Net Profit (Loss) for the Period', 'Net Profit for the Period', 'Profit (Loss) for the Period', 'Profit for the Period', 'Profit for the Year', 'Net Profit', 'Net Income', 'Net Income (Loss)', 'Net Loss', 'Net Profit/Loss for the Period', 'Net Income After Tax', 'Net Income (Loss) After Tax', 'Dönem Net K/Z', 'Dönem Net Karı/Zararı', 'Sürdürülen Faaliyetler Dönem Net K/Z', 'Sürdürülen Faaliyetler Dönem Net Karı', 'Sürdürülen Faaliyetler Dönem Karı (Zararı)', 'Sürdürülen Faaliyetler Dönem Karı', 'Profit (Loss) from Continuing Operations', 'Profit for the Year from Continuing Operations']],
];
