import { lowerAscii } from './fold.ts';
import type { DocumentMeta, FactSources } from '../../domain/extracted-statement.ts';
import type { Unit } from '../../domain/number-format.ts';

export type { DocumentMeta } from '../../domain/extracted-statement.ts';
import { detectBasis } from '../../domain/statement-basis.ts';

const COMPANY_SUFFIX = /\b(a\.?\s?s\.?|ltd\.?|sti\.?|limited|anonim|sirketi|ortakligi|inc\.?|corp\.?|corporation|company|co\.|llc|gmbh|plc)(\s|$|\.|,)/;
/** Form headings, statement titles and page furniture: never the company. */
// Print stamps and web addresses ("Printed: 15.03.2025 10:42", "https://…") are page furniture too.
const NOT_A_NAME = /vergi dairesi|mudurlugu|baskanligi|^t\.\s?c\.?$|beyannamesi|bilanco|gelir tablosu|finansal durum|statements? of|balance sheet|income statement|sayfa|page \d|tarihi itibariyla|donemine ait|^\(|^\d|https?:|www\.|\b\d{1,2}:\d{2}\b/;

/**
 * @param headerTexts text above and around the tables (titles, identity and unit lines)
 * @param amountTexts the amount cells, whose printed symbols ("₱ 1,234", "P =17,299,358",
 *   "$ 12") say the currency when no line does
 */
export function detectMeta(headerTexts: string[], amountTexts: string[] = [], pages: number[] = []): DocumentMeta {
  const folded = headerTexts.map((t) => lowerAscii(t));
  const company = findCompany(headerTexts, folded);
  const unit = findUnit(folded);
  const currencyInWords = findCurrency(headerTexts, folded);
  const currency = currencyInWords ?? currencyOfAmounts(amountTexts) ?? 'TRY';
  const taxId = findTaxId(headerTexts);
  const at = (test: (f: string, raw: string) => boolean) => {
    const i = folded.findIndex((f, k) => test(f, headerTexts[k]!));
    return i < 0 ? {} : { page: pages[i], text: headerTexts[i]!.trim().slice(0, 160) };
  };
  const facts: FactSources = {
    company: company ? { ...at((_, raw) => raw.includes(company.name)), sure: company.how !== 'first line' } : { sure: false },
    taxId: taxId ? { ...at((_, raw) => raw.includes(taxId)), sure: true } : { sure: false },
    unit: unit === 'TL' && !declaresUnit(folded) ? { sure: false } : { ...at((f) => !AMOUNT_IN_WORDS.test(f) && (MILLIONS.test(f) || THOUSANDS.test(f) || UNIT_TL.test(f))), sure: true },
    currency: currencyInWords ? { ...at((f, raw) => findCurrency([raw], [f]) === currencyInWords), sure: true } : { sure: currency !== 'TRY' || amountTexts.some((t) => /₺|\btl\b|\btry\b/i.test(t)) },
  };
  return {
    companyName: company?.name ?? null,
    taxId,
    unit,
    currency,
    // Headings only: a note may speak of subsidiaries' adjustment, not of these figures.
    basis: detectBasis({ texts: headerTexts }),
    facts,
  };
}

/** "(TL)", "Türk Lirası", "TL olarak": a unit line that names lira without a multiple. */
const UNIT_TL = /(para birimi\s*:?\s*(tl|try)\b|currency\s*:?\s*(tl|try)\b|\(tl\)|\(try\)|turk lirasi|turkish lira|\btl olarak|in tl\b|amounts in (tl|try))/;
const declaresUnit = (folded: string[]) => folded.some((f) => !AMOUNT_IN_WORDS.test(f) && (MILLIONS.test(f) || THOUSANDS.test(f) || UNIT_TL.test(f)));

/** Currency marks printed on amounts; the Philippine peso is often typed as "P" with one or two strokes. */
const AMOUNT_SYMBOLS: ReadonlyArray<[string, RegExp]> = [
  ['PHP', /^\(?(₱|php|p ?=|p ?\/|p)\s*[\d(]/i],
  ['USD', /^\(?(\$|us\$|usd)\s*[\d(]/i],
  ['EUR', /^\(?(€|eur)\s*[\d(]/i],
  ['GBP', /^\(?(£|gbp)\s*[\d(]/i],
  ['TRY', /^\(?(₺|tl|try)\s*[\d(]/i],
];

function currencyOfAmounts(texts: string[]): string | null {
  const counts = new Map<string, number>();
  for (const t of texts) {
    const hit = AMOUNT_SYMBOLS.find(([, re]) => re.test(t.trim()));
    if (hit) counts.set(hit[0], (counts.get(hit[0]) ?? 0) + 1);
  }
  // Symbols mark totals and first lines only; two agreeing marks are enough, a conflict is not.
  const found = [...counts.entries()].filter(([, n]) => n >= 2);
  return found.length === 1 ? found[0]![0] : null;
}

function findCompany(raw: string[], folded: string[]): { name: string; how: 'labelled' | 'legal form' | 'first line' } | null {
  // "Firma: X", "Soyadı (Unvanı): X", "Company: X"
  for (let i = 0; i < raw.length; i++) {
    if (/^(firma|unvani?|soyadi \(unvani\)|sirket unvani|company( name)?|(reporting )?entity( name)?|name of (the )?(company|entity))\s*:/.test(folded[i]!)) {
      const rest = raw[i]!.slice(raw[i]!.indexOf(':') + 1).trim();
      if (rest) return { name: rest, how: 'labelled' };
    }
  }
  for (let i = 0; i < raw.length; i++) {
    if (COMPANY_SUFFIX.test(folded[i]!) && !/vergi|tax|adres|mah\.|sok\.|:/.test(folded[i]!) && !NOT_A_NAME.test(folded[i]!)) return { name: raw[i]!.trim(), how: 'legal form' };
  }
  // Without a legal form, the first header line may still be the name, unless it is a heading.
  const first = raw.findIndex((t, i) => t.trim() && !NOT_A_NAME.test(folded[i]!) && /\p{L}{3}/u.test(t));
  return first >= 0 && first < 3 ? { name: raw[first]!.trim(), how: 'first line' } : null;
}

function findTaxId(raw: string[]): string | null {
  for (const t of raw) {
    const f = lowerAscii(t);
    const m = /(vkn|vergi kimlik (no|numarasi)|vergi (no|numarasi)|tax (id|no|number)|tckn)[^0-9]{0,25}(\d{10,11})/.exec(f);
    if (m) return m[5]!;
  }
  return null;
}

const CUR = '(tl|try|₺|turkish lira|turk lirasi|usd|us dollars?|abd dolari|dolar|eur|euro|avro|gbp)';
const MILLIONS = new RegExp(`\\b(milyon ${CUR}|millions? of|in millions|millions? ${CUR}|${CUR} millions?|${CUR} ?mn|mn ${CUR})`);
const THOUSANDS = new RegExp(`\\b(bin ${CUR}|thousands? of|in thousands|thousands? ${CUR}|${CUR} thousands?|000 ${CUR}|${CUR} ?000\\b)|\\(000\\)`);

/**
 * The printed unit, in the document's words: "Bin TL", "thousands of US Dollars", "(000 TL)".
 * Only a line that declares a unit counts: an amount written in words ("Kayıtlı sermaye
 * tavanı: 10 Milyon TL") names a sum, not the unit, and is never applied to the statement.
 */
function findUnit(folded: string[]): Unit {
  const declared = folded.filter((t) => !AMOUNT_IN_WORDS.test(t));
  const text = declared.join(' | ');
  if (MILLIONS.test(text)) return 'Milyon TL';
  if (THOUSANDS.test(text)) return 'Bin TL';
  return 'TL';
}

/** A number right before a unit word: "10 milyon tl", "5 bin tl", "1.5 million". */
const AMOUNT_IN_WORDS = /\d[\d.,]*\s*(milyon|milyar|bin|million|billion|thousand)\b/;

function findCurrency(raw: string[], folded: string[]): string | null {
  const text = folded.join(' | ');
  const rawText = raw.join(' | ');
  if (/\b(php|philippine pesos?|pesos?)\b/.test(text) || rawText.includes('₱')) return 'PHP';
  if (/\b(usd|us dollars?|abd dolari)\b/.test(text) || rawText.includes('$')) return 'USD';
  if (/\b(eur|euro)\b/.test(text) || rawText.includes('€')) return 'EUR';
  if (/\b(gbp|sterlin|pound sterling)\b/.test(text) || rawText.includes('£')) return 'GBP';
  if (/\b(tl|try|turk lirasi|turkish lira)\b/.test(text) || rawText.includes('₺')) return 'TRY';
  return null;
}
