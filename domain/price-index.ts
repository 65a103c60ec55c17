import { z } from 'zod';

/**
 * Monthly Turkish price indices (2003=100) as data: TÜFE (consumer prices, the default for
 * "real" change) and Yİ-ÜFE (domestic producer prices, the index tax law uses for inflation
 * adjustment). The bundled series live in data/price-indices/ with their provenance; this
 * module only holds what is true of any series (months, lookup), so it stays pure.
 */
export const PRICE_INDEX_IDS = ['tufe', 'yiufe'] as const;
export type PriceIndexId = (typeof PRICE_INDEX_IDS)[number];
export const DEFAULT_PRICE_INDEX: PriceIndexId = 'tufe';

/** The short name a reader knows, per language. */
export const PRICE_INDEX_NAMES: Record<PriceIndexId, { tr: string; en: string }> = {
  tufe: { tr: 'TÜFE', en: 'CPI (TÜFE)' },
  yiufe: { tr: 'Yİ-ÜFE', en: 'PPI (Yİ-ÜFE)' },
};

/** A calendar month, `YYYY-MM`. */
export type Month = string;
export const MonthSchema = z.string().regex(/^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/, 'a month is written YYYY-MM (e.g. 2026-08)');

export const IndexPointSchema = z.object({
  month: MonthSchema,
  index: z.number({ error: 'the index is not a number' }).finite().positive('an index level is above zero'),
});
export type IndexPoint = z.infer<typeof IndexPointSchema>;

/** A gap-free monthly series, first … last. */
export interface PriceIndexSeries {
  id: PriceIndexId;
  first: Month;
  last: Month;
  values: ReadonlyMap<Month, number>;
}

/** The month an ISO date (YYYY-MM-DD) or month falls in. */
export function monthOf(isoDate: string): Month {
  return MonthSchema.parse(isoDate.slice(0, 7));
}

/** `month` moved by `n` months (negative goes back). */
export function addMonths(month: Month, n: number): Month {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `first` to `last`, both included; empty when last < first. */
export function monthRange(first: Month, last: Month): Month[] {
  const out: Month[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) out.push(m);
  return out;
}

export class PriceIndexSeriesError extends Error {
  override readonly name = 'PriceIndexSeriesError';
}

/**
 * A series from its points, checked: at least one month, no month twice, no month missing
 * between the first and the last (a lookup must never fall into a hole).
 */
export function seriesFromPoints(id: PriceIndexId, points: readonly IndexPoint[]): PriceIndexSeries {
  if (!points.length) throw new PriceIndexSeriesError(`${id}: the series has no months`);
  const values = new Map<Month, number>();
  for (const p of points) {
    if (values.has(p.month)) throw new PriceIndexSeriesError(`${id}: ${p.month} appears twice`);
    values.set(p.month, p.index);
  }
  const months = [...values.keys()].sort();
  const first = months[0]!;
  const last = months[months.length - 1]!;
  const missing = monthRange(first, last).filter((m) => !values.has(m));
  if (missing.length) throw new PriceIndexSeriesError(`${id}: months missing between ${first} and ${last}: ${missing.join(', ')}`);
  return { id, first, last, values: new Map(months.map((m) => [m, values.get(m)!])) };
}

/** The points of a series in month order (for writing it back). */
export function seriesPoints(series: PriceIndexSeries): IndexPoint[] {
  return [...series.values].map(([month, index]) => ({ month, index }));
}

/** The index level of a month, or null outside the series. */
export function indexOf(series: PriceIndexSeries, month: Month): number | null {
  return series.values.get(month) ?? null;
}
