import type { Analysis } from '../contracts/analysis.ts';
import type { Locale } from '../contracts/locale.ts';
import type { AnalysisExtras } from './analysis-extras.ts';
import { PRICE_INDEX_NAMES } from './price-index.ts';
import { RATIO_DEFINITIONS, type RatioId } from './ratio-definitions.ts';
import { TREND_METRIC_NAMES, TREND_METRICS } from './trends.ts';
import { lineChart, lineDataset, SERIES, type ChartSpec } from './chart-style.ts';
import { amountScale, chartValue, formatRatio, periodLabel } from './wording/summary-text.ts';
import { formatScaled } from './wording/format-number.ts';

/**
 * The company-history charts (extras.trends: every year-end of the company's stored reports,
 * three or more): key amounts nominal, the same amounts in the newest year's lira (real), and
 * the margin and leverage ratios. Drawn only when the history is longer than the document's
 * own periods (else the document's trend charts already show it).
 */
const HISTORY_RATIOS: RatioId[] = ['gross_margin', 'net_margin', 'return_on_equity', 'debt_ratio'];

export function historyCharts(a: Analysis, extras: Pick<AnalysisExtras, 'trends' | 'realTrends'> | null | undefined, locale: Locale): ChartSpec[] {
  const trends = extras?.trends;
  if (!trends || trends.periods.length <= new Set(a.periods).size) return [];
  const tr = locale === 'tr';
  const labels = trends.periods.map((p) => periodLabel(p, trends.periods));
  const span = `${labels[0]} – ${labels[labels.length - 1]}`;
  const line = lineDataset;
  const mk = (name: string, title: string, sub: string, yTitle: string, datasets: unknown[]): ChartSpec => lineChart(a, locale, { name, title, sub, yTitle, labels, datasets });
  const currency = a.currency === 'TRY' ? 'TL' : a.currency;
  const amountChart = (name: string, title: string, sub: string, series: Record<(typeof TREND_METRICS)[number], (number | null)[]>) => {
    const scale = amountScale(TREND_METRICS.flatMap((m) => series[m].map((v) => v ?? 0)), locale, currency);
    return mk(name, title, `${sub} · ${scale.unit}`, scale.unit, TREND_METRICS.map((m, n) =>
      line(TREND_METRIC_NAMES[m][locale], SERIES[n % SERIES.length]!, series[m].map((v) => (v === null ? null : v / scale.divisor)), (v) => formatScaled(v * scale.divisor, scale, locale, false))));
  };
  const charts = [amountChart('history-amounts', tr ? 'Şirket Geçmişi: Temel Tutarlar (nominal)' : 'Company History: Key Amounts (nominal)', span,
    Object.fromEntries(TREND_METRICS.map((m) => [m, trends.metrics[m].values])) as Record<(typeof TREND_METRICS)[number], (number | null)[]>)];
  const real = extras?.realTrends;
  if (real?.status === 'ok') {
    const name = PRICE_INDEX_NAMES[real.index][locale];
    charts.push(amountChart('history-real', tr ? `Şirket Geçmişi: Temel Tutarlar (reel, ${name})` : `Company History: Key Amounts (real, ${name})`,
      tr ? `${span} · ${labels[labels.length - 1]} fiyatlarıyla` : `${span} · in ${labels[labels.length - 1]} money`,
      Object.fromEntries(TREND_METRICS.map((m) => [m, real.metrics[m].values])) as Record<(typeof TREND_METRICS)[number], (number | null)[]>));
  }
  const present = HISTORY_RATIOS.filter((id) => trends.ratios[id].values.some((v) => v !== null));
  if (present.length) {
    charts.push(mk('history-ratios', tr ? 'Şirket Geçmişi: Karlılık ve Borçluluk (%)' : 'Company History: Profitability and Leverage (%)', span, tr ? 'Yüzde (%)' : 'Percent (%)',
      present.map((id, n) => line(RATIO_DEFINITIONS[id].name[locale], SERIES[n % SERIES.length]!, trends.ratios[id].values.map((v) => (v === null ? null : chartValue(v, id))), (_v, j) => formatRatio(id, trends.ratios[id].values[j], locale)))));
  }
  return charts;
}
