import type { RatioKind } from '../ratio-definitions.ts';
import type { Locale } from '../../contracts/locale.ts';

/** Turkish and English number display: `%25,3` / `25.3%`, `1.234.567 TL` / `TL 1,234,567`. */

const nf = (locale: Locale, digits: number) =>
  new Intl.NumberFormat(locale === 'tr' ? 'tr-TR' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function formatAmount(units: number, locale: Locale, currency = 'TL'): string {
  const s = nf(locale, 0).format(Math.round(units));
  return locale === 'tr' ? `${s} ${currency}` : `${currency} ${s}`;
}

export function formatPercent(fraction: number, locale: Locale, digits = 1): string {
  const s = nf(locale, digits).format(Math.abs(fraction * 100));
  const sign = fraction < 0 ? '-' : '';
  // Turkish puts the percent sign first: -%38,9.
  return locale === 'tr' ? `${sign}%${s}` : `${sign}${s}%`;
}

export function formatRatioValue(value: number | null, kind: RatioKind, locale: Locale): string {
  if (value === null) return locale === 'tr' ? 'hesaplanamıyor' : 'n/a';
  switch (kind) {
    case 'percent':
      return formatPercent(value, locale);
    case 'amount':
      return formatAmount(value, locale);
    case 'times':
      return `${nf(locale, 2).format(value)}${locale === 'tr' ? ' kez' : '×'}`;
    default:
      return nf(locale, 2).format(value);
  }
}
