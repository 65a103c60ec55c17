import { formatNumber, formatPercent } from './wording/format-number.ts';
import type { Locale } from '../contracts/locale.ts';
import { PRICE_INDEX_NAMES, type PriceIndexId } from './price-index.ts';
import type { IndexUsed } from './real-change.ts';

/** `+%4,3` / `−%27,8` (TR), `+4.3%` / `−27.8%` (EN): a change always shows its sign. */
export function formatSignedPercent(pct: number, locale: Locale): string {
  const body = formatPercent(Math.abs(pct) / 100, locale);
  return `${pct < 0 ? '−' : '+'}${body}`;
}

/**
 * One line from stored percentages (analysis.json's `realChange` rows): "Net satışlar +%4,3
 * nominal, −%27,8 reel (TÜFE)".
 */
export function describeRealRow(label: string, row: { nominalPct: number | null; realPct: number | null }, index: PriceIndexId, locale: Locale): string {
  const tr = locale === 'tr';
  const name = PRICE_INDEX_NAMES[index][locale];
  const pct = (v: number | null) => (v === null ? (tr ? 'hesaplanamıyor' : 'n/a') : formatSignedPercent(v, locale));
  return tr
    ? `${label} ${pct(row.nominalPct)} nominal, ${pct(row.realPct)} reel (${name})`
    : `${label} ${pct(row.nominalPct)} nominal, ${pct(row.realPct)} real by ${name}`;
}

/**
 * Two decimals rounded half up on the value's 15 significant digits, as a spreadsheet shows it:
 * a mean of 2.360,025 must read 2.360,03 although the binary double is a hair below.
 */
const twoDecimals = (v: number): number => Math.round(Number((v * 100).toPrecision(15))) / 100;

function levelText(used: IndexUsed, locale: Locale): string {
  const level = formatNumber(twoDecimals(used.level), locale, 2);
  if (used.months.length === 1) return `${used.months[0]}: ${level}`;
  const span = `${used.months[0]}…${used.months[used.months.length - 1]}`;
  return locale === 'tr' ? `${span} ortalaması ${level}` : `${span} average ${level}`;
}

/** Which index and months were used: "TÜFE (2003=100) 2023-12: 1.859,38 → 2024-12: 2.684,55". */
export function describeIndexUsed(rc: { index: PriceIndexId; from: IndexUsed; to: IndexUsed }, locale: Locale): string {
  return `${PRICE_INDEX_NAMES[rc.index][locale]} (2003=100) ${levelText(rc.from, locale)} → ${levelText(rc.to, locale)}`;
}
