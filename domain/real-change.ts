import { percentChange } from './comparison.ts';
import { indexOf, monthOf, monthRange, PRICE_INDEX_NAMES, type Month, type PriceIndexId, type PriceIndexSeries } from './price-index.ts';
import type { Basis } from './statement-basis.ts';
import type { Kurus } from './types.ts';

/**
 * Nominal and real (inflation-adjusted) change of one amount between two periods.
 *
 * Which index months stand for a period:
 * - a balance-sheet stock is a level at one date, in the lira of that date: the index of the
 *   month the date falls in (31.12.2024 -> 2024-12), as TMS 29 and the tax-law adjustment
 *   take the reporting month's index;
 * - an income-statement flow is earned month by month over the period, in lira of every
 *   month: the mean of the monthly indices over the period (2024 -> 2024-01 … 2024-12). The
 *   period runs from `start` when given, else from January of the end's year (Turkish
 *   statements, interim ones too, run from the start of the calendar year).
 * The earlier amount is restated in the later period's lira (× later index / earlier index)
 * and compared with the later one. Nothing is extrapolated: a month outside the series gives
 * `index_not_available`.
 */
export type PeriodKind = 'stock' | 'flow';

export interface PeriodAmount {
  /** ISO period-end date (YYYY-MM-DD). */
  end: string;
  /** Flows only: ISO start date; default 1 January of the end's year. */
  start?: string;
  amount: Kurus;
  basis?: Basis;
}

export interface IndexUsed {
  months: Month[];
  /** The month's level (stock) or the mean over the months (flow). */
  level: number;
}

export interface Localized {
  tr: string;
  en: string;
}

export type RealChange =
  | {
      status: 'ok';
      index: PriceIndexId;
      kind: PeriodKind;
      from: IndexUsed;
      to: IndexUsed;
      nominal: { changeKurus: Kurus; changePct: number | null };
      /** `fromRestated`: the earlier amount in the later period's lira. */
      real: { fromRestated: Kurus; changeKurus: Kurus; changePct: number | null };
      /** True when a period's basis was not known and taken as historical. */
      basisAssumed: boolean;
    }
  | { status: 'index_not_available'; index: PriceIndexId; month: Month; first: Month; last: Month; message: Localized }
  | { status: 'already_inflation_adjusted'; index: PriceIndexId; message: Localized }
  | { status: 'mixed_basis'; index: PriceIndexId; message: Localized }
  | { status: 'period_lengths_differ'; index: PriceIndexId; months: [number, number]; message: Localized };

/** The index months a period stands for (see the module comment). */
export function indexMonths(kind: PeriodKind, period: Pick<PeriodAmount, 'end' | 'start'>): Month[] {
  const last = monthOf(period.end);
  if (kind === 'stock') return [last];
  return monthRange(period.start ? monthOf(period.start) : `${last.slice(0, 4)}-01`, last);
}

function indexUsed(series: PriceIndexSeries, months: Month[]): IndexUsed | { missing: Month } {
  let sum = 0;
  for (const m of months) {
    const v = indexOf(series, m);
    if (v === null) return { missing: m };
    sum += v;
  }
  return { months, level: sum / months.length };
}

function notAvailable(series: PriceIndexSeries, month: Month): RealChange {
  const [tr, en] = [PRICE_INDEX_NAMES[series.id].tr, PRICE_INDEX_NAMES[series.id].en];
  const before = month < series.first;
  return {
    status: 'index_not_available', index: series.id, month, first: series.first, last: series.last,
    message: before
      ? { tr: `${tr} ${month} için yok (seri ${series.first} ile başlıyor); reel değişim hesaplanmadı.`, en: `${en} is not available for ${month} (the series starts in ${series.first}); no real change computed.` }
      : {
          tr: `${tr} ${month} için henüz yok (son ay: ${series.last}); reel değişim hesaplanmadı, endeks tahmin edilmez.`,
          en: `${en} is not available for ${month} yet (last month: ${series.last}); no real change computed, and the index is not estimated.`,
        },
  };
}

const ADJUSTED: Localized = {
  tr: 'Bu tutarlar enflasyona göre düzeltilmiş (TMS 29 / VUK enflasyon düzeltmesi): raporlama tarihinin satın alma gücüyle ifade edildikleri için yeniden reelleştirilmez.',
  en: 'These amounts are already inflation-adjusted (TMS/IAS 29 or the tax-law adjustment): they are stated in the purchasing power of the reporting date, so they are not deflated again.',
};
const MIXED: Localized = {
  tr: 'Dönemlerden biri enflasyona göre düzeltilmiş, diğeri düzeltilmemiş; iki tutar aynı esasta olmadığından değişim hesaplanmadı.',
  en: 'One period is inflation-adjusted and the other is not; the two amounts are on different bases, so no change is computed.',
};

/** Nominal and real change from `from` to `to` (see the module comment for the months used). */
export function realChange(args: { kind: PeriodKind; from: PeriodAmount; to: PeriodAmount; series: PriceIndexSeries }): RealChange {
  const { kind, from, to, series } = args;
  for (const a of [from.amount, to.amount]) if (!Number.isSafeInteger(a)) throw new RangeError(`amount ${a} is not whole kuruş`);
  const adjusted = [from.basis, to.basis].filter((b) => b === 'inflation_adjusted').length;
  if (adjusted === 2) return { status: 'already_inflation_adjusted', index: series.id, message: ADJUSTED };
  if (adjusted === 1) return { status: 'mixed_basis', index: series.id, message: MIXED };
  const months = [indexMonths(kind, from), indexMonths(kind, to)] as const;
  if (months[0].length !== months[1].length) {
    const [a, b] = [months[0].length, months[1].length];
    return {
      status: 'period_lengths_differ', index: series.id, months: [a, b],
      message: { tr: `Dönemler farklı uzunlukta (${a} ve ${b} ay); değişim karşılaştırılamaz.`, en: `The periods differ in length (${a} and ${b} months); their change is not comparable.` },
    };
  }
  const idxFrom = indexUsed(series, months[0]);
  const idxTo = indexUsed(series, months[1]);
  // The later missing month is the one to name: it is the one a user can wait for.
  if ('missing' in idxTo) return notAvailable(series, idxTo.missing);
  if ('missing' in idxFrom) return notAvailable(series, idxFrom.missing);
  const restated = (from.amount * idxTo.level) / idxFrom.level;
  return {
    status: 'ok', index: series.id, kind, from: idxFrom, to: idxTo,
    nominal: { changeKurus: to.amount - from.amount, changePct: percentChange(from.amount, to.amount) },
    real: { fromRestated: Math.round(restated), changeKurus: Math.round(to.amount - restated), changePct: percentChange(restated, to.amount) },
    basisAssumed: from.basis !== 'historical' || to.basis !== 'historical',
  };
}
