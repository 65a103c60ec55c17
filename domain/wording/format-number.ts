import type { RatioKind } from '../ratio-definitions.ts';
import type { Locale } from '../../contracts/locale.ts';

/** Turkish and English number display: `%25,3` / `25.3%`, `1.234.567 TL` / `TL 1,234,567`. */

// Building an Intl.NumberFormat costs far more than formatting with one (a report formats
// thousands of numbers), and a formatter is stateless: one per locale and digit count.
const formats = new Map<string, Intl.NumberFormat>();
const nf = (locale: Locale, digits: number, minDigits = digits): Intl.NumberFormat => {
  const key = `${locale}:${minDigits}:${digits}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(locale === 'tr' ? 'tr-TR' : 'en-US', { minimumFractionDigits: minDigits, maximumFractionDigits: digits })));
  return f;
};

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
    case 'days':
      return `${nf(locale, 1).format(value)} ${locale === 'tr' ? 'gün' : 'days'}`;
    case 'times':
      return `${nf(locale, 2).format(value)}${locale === 'tr' ? ' kez' : '×'}`;
    default:
      return nf(locale, 2).format(value);
  }
}

export function formatNumber(value: number, locale: Locale, digits = 0): string {
  return nf(locale, digits).format(value + 0);
}

/** Up to `maxDigits` decimals, trailing zeros dropped: "1,5", "2", "0,33". */
export function formatNumberUpTo(value: number, locale: Locale, maxDigits = 2): string {
  return nf(locale, maxDigits, 0).format(value);
}

/** The minus sign of printed changes (U+2212, not a hyphen). */
export const MINUS = '\u2212';

/** The sign of a change as printed: "+" and "−", nothing for no change. */
export const changeSign = (v: number): string => (v > 0 ? '+' : v < 0 ? MINUS : '');

/** A ratio's change with its sign: percent ratios in percentage points ("−2,1 puan"), the rest in their own unit. */
export function formatRatioChange(change: number, kind: RatioKind, locale: Locale, currency = 'TL'): string {
  const sign = changeSign(change);
  if (kind === 'percent') return `${sign}${formatNumber(Math.abs(change * 100), locale, 1)} ${locale === 'tr' ? 'puan' : 'pp'}`;
  return `${sign}${kind === 'amount' ? formatAmount(Math.abs(change), locale, currency) : formatRatioValue(Math.abs(change), kind, locale)}`;
}

export interface AmountScale {
  divisor: number;
  /** Axis / column unit, e.g. "Mn TL" or "TL m". */
  unit: string;
}

/** One scale for a set of amounts, so a chart or a sentence reads "81,6 Mn TL". */
export function amountScale(values: readonly number[], locale: Locale, currency = 'TL'): AmountScale {
  const max = Math.max(0, ...values.map((v) => Math.abs(v)));
  const tr = locale === 'tr';
  if (max >= 1e9) return { divisor: 1e9, unit: tr ? `Mlr ${currency}` : `${currency} bn` };
  if (max >= 1e6) return { divisor: 1e6, unit: tr ? `Mn ${currency}` : `${currency} m` };
  if (max >= 1e4) return { divisor: 1e3, unit: tr ? `Bin ${currency}` : `${currency} k` };
  return { divisor: 1, unit: currency };
}

/** Digits that keep three significant figures at the given scale (81,6 / 4,35 / 128). */
export function scaledDigits(scaled: number): number {
  const m = Math.abs(scaled);
  return m >= 100 ? 0 : m >= 10 ? 1 : 2;
}

/** An amount at a given scale, three significant figures: "81,6" (with the unit: "81,6 Mn TL"). */
export function formatScaled(v: number, scale: AmountScale, locale: Locale, withUnit = true): string {
  const s = v / scale.divisor;
  const num = formatNumber(s, locale, scale.divisor === 1 ? 0 : scaledDigits(s));
  return withUnit ? `${num} ${scale.unit}` : num;
}

/** "81,6 Mn TL" / "TL 81.6m". */
export function formatCompactAmount(value: number, locale: Locale, currency = 'TL'): string {
  const s = amountScale([value], locale, currency);
  const num = formatScaled(value, s, locale, false);
  return locale === 'tr' ? `${num} ${s.unit}` : `${s.unit.split(' ')[0]} ${num}${s.unit.split(' ')[1] ?? ''}`;
}
