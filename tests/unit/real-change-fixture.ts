import { loadPriceIndex } from '../../db/price-indices.ts';
import { seriesFromPoints, seriesPoints, type PriceIndexId, type PriceIndexSeries } from '../../domain/price-index.ts';

/**
 * TÜFE (2003=100) for 2023 and 2024, copied by hand from data/price-indices/tufe.csv: the
 * tests compute every expected real change from these rows, and check the bundled file still
 * holds them (a changed file fails here, not silently in an expectation).
 */
export const TUFE_2023 = [1203.48, 1241.33, 1269.75, 1300.04, 1300.6, 1351.59, 1479.84, 1614.31, 1691.04, 1749.11, 1806.5, 1859.38];
export const TUFE_2024 = [1984.02, 2073.88, 2139.47, 2207.5, 2281.85, 2319.29, 2394.1, 2453.34, 2526.16, 2598.91, 2657.23, 2684.55];

export const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** The sample's figures (samples/ornek-bilanco-2024.pdf, TL) the tests restate. */
export const SAMPLE_FIGURES = {
  NET_SALES: [78253628.6, 81606935.6],
  NET_PROFIT: [3948361.25, 4351943.14],
  TOTAL_ASSETS: [100700810.54, 108415846.3],
} as const;

/** Nominal and real change in percent: the earlier amount × later index / earlier index. */
export function handChange(from: number, to: number, fromIndex: number, toIndex: number): { nominal: number; real: number } {
  const restated = (from * toIndex) / fromIndex;
  return { nominal: ((to - from) / Math.abs(from)) * 100, real: ((to - restated) / Math.abs(restated)) * 100 };
}

/** `+%4,3` / `−%34,2` (TR) or `+4.3%` / `−34.2%` (EN), one decimal. */
export function signed(pct: number, locale: 'tr' | 'en'): string {
  const body = Math.abs(pct).toFixed(1);
  const sign = pct < 0 ? '−' : '+';
  return locale === 'tr' ? `${sign}%${body.replace('.', ',')}` : `${sign}${body}%`;
}

export async function bundled(id: PriceIndexId = 'tufe'): Promise<PriceIndexSeries> {
  return loadPriceIndex(id);
}

/** The bundled series cut after `last`: a period past it must get the plain message. */
export function cutAfter(series: PriceIndexSeries, last: string): PriceIndexSeries {
  return seriesFromPoints(series.id, seriesPoints(series).filter((p) => p.month <= last));
}
