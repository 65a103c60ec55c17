/**
 * Headings that say what follows: which statement (balance sheet, income statement), which
 * side of the balance sheet (AKTİF / PASİF), or a section that is neither (cash flows, notes).
 * Matched against foldTurkish text: lower case, no diacritics, punctuation as spaces.
 */
import type { StatementType } from '../domain/types.ts';
import { foldTurkish, stripLabelDecorations } from '../domain/turkish-text.ts';

const STATEMENT_PATTERNS: ReadonlyArray<[StatementType, RegExp]> = [
  ['balance_sheet', /\b(bilancosu|bilanco|finansal durum tablosu|mali durum tablosu|statement of financial position|balance sheet)\b/],
  [
    'income_statement',
    /\b(gelir tablosu|kar veya zarar tablosu|kar zarar tablosu|kar veya zarar ve diger kapsamli gelir tablosu|kapsamli gelir tablosu|income statement|statement of profit or loss|statement of income|statement of comprehensive income|profit and loss statement|profit or loss statement)\b/,
  ],
];

/** "AYRINTILI BİLANÇO", "STATEMENT OF PROFIT OR LOSS", … → the statement that follows. */
export function detectStatementHeading(line: string): StatementType | null {
  const folded = foldTurkish(line);
  if (!folded || folded.split(' ').length > 16) return null;
  const hits = STATEMENT_PATTERNS.filter(([, re]) => re.test(folded)).map(([t]) => t);
  return hits.length === 1 ? hits[0]! : null;
}

const ASSET_HEADINGS = new Set(['aktif', 'aktifler', 'aktif varliklar', 'varliklar', 'varliklar aktif', 'assets']);
const LIABILITY_HEADINGS = new Set([
  'pasif',
  'pasifler',
  'pasif kaynaklar',
  'kaynaklar',
  'kaynaklar pasif',
  'yukumlulukler ve ozkaynaklar',
  'kaynaklar yukumlulukler ve ozkaynaklar',
  'pasif yukumlulukler ve ozkaynaklar',
  'liabilities and equity',
  'liabilities and shareholders equity',
  'liabilities and stockholders equity',
  'equity and liabilities',
  'liabilities',
]);

/**
 * The AKTİF / PASİF section headings, which carry no amounts. Only the whole line counts,
 * so "AKTİF TOPLAMI" (a total) and "AKTİF / PASİF" (a column header) are not headings.
 */
export function detectSectionHeading(line: string): 'assets' | 'liabilities' | null {
  if (/\d/.test(stripLabelDecorations(line))) return null;
  const folded = foldTurkish(stripLabelDecorations(line));
  if (ASSET_HEADINGS.has(folded)) return 'assets';
  if (LIABILITY_HEADINGS.has(folded)) return 'liabilities';
  return null;
}

export type OtherSection = 'cash_flow' | 'equity_changes' | 'notes' | 'other_comprehensive_income' | 'profit_attribution' | 'off_balance_sheet';

// Matched against foldTurkish text: lower case, no diacritics, punctuation as spaces.
const OTHER_SECTION_PATTERNS: ReadonlyArray<[OtherSection, RegExp]> = [
  ['cash_flow', /\b(nakit akis(lari)? tablosu|nakit akim tablosu|statements? of cash flows?|cash flows? statements?)\b/],
  ['equity_changes', /\b(ozkaynak(lar)?( kalemlerinde)? degisim|ozsermaye degisim|changes in (shareholders |stockholders |owners )?equity)\b/],
  ['notes', /^(konsolide |consolidated )?(finansal tablolara (iliskin|ait) (aciklayici )?(dipnotlar|notlar)|notes to (the )?(consolidated |separate )?financial statements)$/],
  ['off_balance_sheet', /^(konsolide )?(nazim hesaplar|bilanco disi (yukumlulukler|hesaplar|kalemler))|^off balance sheet\b/],
  ['other_comprehensive_income', /^(diger kapsamli (gelir|gelirler|gider|giderler)( gelir| gelirler| gider| giderler)*( kismi)?|other comprehensive (income|loss)( income| loss)*)$/],
  ['profit_attribution', /^(net )?donem( net)?( (kar|kari|karinin|zarar|zarari|zararinin))+ dagilimi$|^(net )?(profit|income|loss)( (profit|income|loss))*( for the (year|period))? attributable to\b/],
];

/**
 * Headings of what is not a balance sheet or an income statement (cash flows, changes in
 * equity, notes, other comprehensive income, the split of profit among owners, off-balance
 * sheet items): the lines under them never feed balance-sheet or income-statement keys.
 */
export function detectOtherSection(line: string): OtherSection | null {
  const folded = foldTurkish(stripLabelDecorations(line));
  if (!folded || folded.split(' ').length > 16) return null;
  return OTHER_SECTION_PATTERNS.find(([, re]) => re.test(folded))?.[0] ?? null;
}
