import { periodsOf } from './company-history.ts';
import { RATIO_IDS, type RatioId } from './ratio-definitions.ts';
import { computeRatios } from './ratios.ts';
import { deriveInputs, type InputName } from './statement-inputs.ts';
import type { Items } from './types.ts';
import { percentChange } from './comparison.ts';
import { formatPercent } from './wording/format-number.ts';
import type { Locale } from '../contracts/locale.ts';

// ---- trends over three or more periods -------------------------------------------------

export type Direction = 'rising' | 'falling' | 'flat' | 'mixed';

/** Why a compound growth rate is absent. */
export type CagrGap = 'non_positive' | 'same_date' | 'missing';

export interface SeriesTrend {
  /** One value per trend period (null where unknown): full units for amounts, ratio values as is. */
  values: (number | null)[];
  direction: Direction | null;
  /** Last against first, in percent of the first's magnitude; null with a zero or missing end. */
  totalChangePct: number | null;
  /** Compound annual growth rate as a fraction (0.1 = %10 a year); amounts only. */
  cagr?: number | null;
  cagrGap?: CagrGap | null;
}

export const TREND_METRICS = ['net_sales', 'total_assets', 'equity', 'net_profit'] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];
const METRIC_INPUT: Record<TrendMetric, InputName> = { net_sales: 'NS', total_assets: 'TA', equity: 'EQ', net_profit: 'NP' };
export const TREND_METRIC_NAMES: Record<TrendMetric, { tr: string; en: string }> = {
  net_sales: { tr: 'Net Satışlar', en: 'Net sales' },
  total_assets: { tr: 'Aktif Toplamı', en: 'Total assets' },
  equity: { tr: 'Özkaynaklar', en: 'Equity' },
  net_profit: { tr: 'Dönem Net Karı', en: 'Net profit' },
};

export interface TrendReport {
  /** Ascending periods used: those sharing the newest period's month and day (a year-end series). */
  periods: string[];
  /** Years between the first and the last period (from calendar months). */
  years: number;
  metrics: Record<TrendMetric, SeriesTrend>;
  ratios: Record<RatioId, SeriesTrend>;
}

/** Relative tolerance under which two consecutive values count as equal (float ratios). */
const FLAT = 1e-9;

export function directionOf(values: readonly (number | null)[]): Direction | null {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return null;
  let up = 0;
  let down = 0;
  for (let i = 1; i < known.length; i++) {
    const a = known[i - 1]!;
    const b = known[i]!;
    if (Math.abs(b - a) <= FLAT * Math.max(1, Math.abs(a), Math.abs(b))) continue;
    if (b > a) up++;
    else down++;
  }
  if (up === 0 && down === 0) return 'flat';
  if (down === 0) return 'rising';
  if (up === 0) return 'falling';
  return 'mixed';
}

/** Calendar years between two ISO dates, from whole months (2022-12-31 -> 2024-12-31 = 2). */
export function yearsBetween(from: string, to: string): number {
  const [y1, m1] = from.split('-').map(Number) as [number, number];
  const [y2, m2] = to.split('-').map(Number) as [number, number];
  return ((y2 - y1) * 12 + (m2 - m1)) / 12;
}

/**
 * Compound annual growth: (last / first)^(1 / years) − 1. Undefined (with the reason) when
 * either end is zero or negative (a loss, negative equity: growth of a sign change has no
 * meaning) or the two dates are less than a month apart.
 */
export function cagr(first: number | null, last: number | null, years: number): { value: number | null; gap: CagrGap | null } {
  if (first === null || last === null) return { value: null, gap: 'missing' };
  if (years <= 0) return { value: null, gap: 'same_date' };
  if (first <= 0 || last <= 0) return { value: null, gap: 'non_positive' };
  const v = Math.pow(last / first, 1 / years) - 1;
  return Number.isFinite(v) ? { value: v + 0, gap: null } : { value: null, gap: 'non_positive' };
}

const pctChange = (first: number | null, last: number | null): number | null => {
  const pct = first === null || last === null ? null : percentChange(first, last);
  return pct === null ? null : pct + 0;
};

/**
 * The periods a trend runs over: those with the newest period's month-day (so a half-year
 * income statement is not lined up with full years), ascending.
 */
export function trendPeriods(periods: readonly string[]): string[] {
  const sorted = [...new Set(periods)].sort();
  const newest = sorted[sorted.length - 1];
  if (!newest) return [];
  return sorted.filter((p) => p.slice(5) === newest.slice(5));
}

/**
 * Direction and compound growth of sales, assets, equity and profit, and the direction of
 * every ratio, over three or more comparable periods; null with fewer.
 */
export function computeTrends(items: Items, periods: readonly string[] = periodsOf(items), minPeriods = 3): TrendReport | null {
  const used = trendPeriods(periods);
  if (used.length < minPeriods) return null;
  const years = yearsBetween(used[0]!, used[used.length - 1]!);
  const inputs = used.map((p) => deriveInputs(items, p));
  const metrics = {} as Record<TrendMetric, SeriesTrend>;
  for (const m of TREND_METRICS) {
    const values = inputs.map((i) => {
      const k = i[METRIC_INPUT[m]];
      return k === null ? null : k / 100;
    });
    const first = values[0] ?? null;
    const last = values[values.length - 1] ?? null;
    const growth = cagr(first, last, years);
    metrics[m] = { values, direction: directionOf(values), totalChangePct: pctChange(first, last), cagr: growth.value, cagrGap: growth.gap };
  }
  const table = computeRatios(items, used);
  const ratios = {} as Record<RatioId, SeriesTrend>;
  for (const id of RATIO_IDS) {
    const values = used.map((p) => table[id][p] ?? null);
    ratios[id] = { values, direction: directionOf(values), totalChangePct: pctChange(values[0] ?? null, values[values.length - 1] ?? null) };
  }
  return { periods: used, years, metrics, ratios };
}

export const DIRECTION_TEXT: Record<Direction, { tr: string; en: string }> = {
  rising: { tr: 'her dönem arttı', en: 'rose every period' },
  falling: { tr: 'her dönem azaldı', en: 'fell every period' },
  flat: { tr: 'değişmedi', en: 'did not change' },
  mixed: { tr: 'dalgalı seyretti', en: 'moved up and down' },
};

/** One sentence per metric, e.g. "Net Satışlar 2022-12-31 – 2024-12-31 arasında her dönem arttı (yıllık bileşik %10,0)." */
export function describeTrends(report: TrendReport, locale: Locale): string[] {
  const first = report.periods[0]!;
  const last = report.periods[report.periods.length - 1]!;
  const pct = (f: number) => formatPercent(f, locale);
  return TREND_METRICS.flatMap((m) => {
    const t = report.metrics[m];
    if (!t.direction) return [];
    const name = TREND_METRIC_NAMES[m][locale];
    const growth =
      t.cagr != null
        ? locale === 'tr' ? ` (yıllık bileşik ${pct(t.cagr)})` : ` (compound ${pct(t.cagr)} a year)`
        : t.cagrGap === 'non_positive'
          ? locale === 'tr' ? ' (zarar veya negatif değer olduğundan bileşik büyüme hesaplanamaz)' : ' (no compound growth: a loss or negative value at an end)'
          : '';
    return [locale === 'tr'
      ? `${name} ${first} – ${last} arasında ${DIRECTION_TEXT[t.direction].tr}${growth}.`
      : `${name} ${DIRECTION_TEXT[t.direction].en} from ${first} to ${last}${growth}.`];
  });
}
