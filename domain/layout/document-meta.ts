import { lowerAscii } from './fold.ts';
import type { Unit } from '../number-format.ts';

/** Company, tax id, unit and currency from the text around the tables (titles, header block). */
export interface DocumentMeta {
  companyName: string | null;
  taxId: string | null;
  unit: Unit;
  currency: string;
}

const COMPANY_SUFFIX = /\b(a\.?\s?s\.?|ltd\.?|sti\.?|limited|anonim|sirketi|inc\.?|corp\.?|llc|gmbh|plc)(\s|$|\.)/;

export function detectMeta(headerTexts: string[]): DocumentMeta {
  const folded = headerTexts.map((t) => lowerAscii(t));
  return {
    companyName: findCompany(headerTexts, folded),
    taxId: findTaxId(headerTexts),
    unit: findUnit(folded),
    currency: findCurrency(headerTexts, folded),
  };
}

function findCompany(raw: string[], folded: string[]): string | null {
  // "Firma: X", "Soyadı (Unvanı): X", "Company: X"
  for (let i = 0; i < raw.length; i++) {
    if (/^(firma|unvani?|soyadi \(unvani\)|sirket unvani|company( name)?)\s*:/.test(folded[i]!)) {
      const rest = raw[i]!.slice(raw[i]!.indexOf(':') + 1).trim();
      if (rest) return rest;
    }
  }
  for (let i = 0; i < raw.length; i++) {
    if (COMPANY_SUFFIX.test(folded[i]!) && !/vergi|tax|adres|mah\.|sok\.|:/.test(folded[i]!)) return raw[i]!.trim();
  }
  return raw[0]?.trim() || null;
}

function findTaxId(raw: string[]): string | null {
  for (const t of raw) {
    const f = lowerAscii(t);
    const m = /(vkn|vergi kimlik (no|numarasi)|vergi (no|numarasi)|tax (id|no|number)|tckn)[^0-9]{0,25}(\d{10,11})/.exec(f);
    if (m) return m[5]!;
  }
  return null;
}

function findUnit(folded: string[]): Unit {
  const text = folded.join(' | ');
  if (/\b(milyon tl|milyon try|millions? of (turkish lira|tl|try)|tl million|mn tl)\b/.test(text)) return 'Milyon TL';
  if (/\b(bin tl|bin try|bin ₺|thousands? of (turkish lira|tl|try)|000 tl|tl 000|tl000|thousand tl)\b/.test(text)) return 'Bin TL';
  return 'TL';
}

function findCurrency(raw: string[], folded: string[]): string {
  const text = folded.join(' | ');
  const rawText = raw.join(' | ');
  if (/\b(usd|us dollars?|abd dolari)\b/.test(text) || rawText.includes('$')) return 'USD';
  if (/\b(eur|euro)\b/.test(text) || rawText.includes('€')) return 'EUR';
  if (/\b(gbp|sterlin|pound sterling)\b/.test(text) || rawText.includes('£')) return 'GBP';
  return 'TRY';
}
