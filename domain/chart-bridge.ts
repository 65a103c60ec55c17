import type { Analysis } from '../contracts/analysis.ts';
import type { Locale } from '../contracts/locale.ts';
import { itemsToKurus } from './money.ts';
import { RATIO_DEFINITIONS, type RatioId } from './ratio-definitions.ts';
import { resolveGroup } from './statement-inputs.ts';
import { amountScale, chartValue, chronological, formatRatio, inputsInUnits, periodLabel } from './wording/summary-text.ts';
import { formatScaled } from './wording/format-number.ts';

import { axisTitle, baseOptions, CHART_DPR, companyLine, currencyOf, lineChart, lineDataset, PALETTE, SERIES, ticks, wrap, type ChartSpec, type Point } from './chart-style.ts';

/** The income-statement bridge and the trend charts (three or more periods); see chart-style.ts for the conventions. */


// ---- income-statement bridge ----------------------------------------------------------------

export interface BridgeStep {
  key: string;
  label: string;
  /** Full units: the subtotal's value, or the step's signed contribution. */
  value: number;
  total: boolean;
}

/**
 * Net sales down to net profit, each step the difference between two printed (or derived)
 * subtotals, so the bridge always closes: other items between operating profit and profit
 * before tax are split into other operating, finance and extraordinary where printed.
 */
export function incomeBridgeSteps(a: Analysis, period: string, locale: Locale): BridgeStep[] | null {
  const tr = locale === 'tr';
  const i = inputsInUnits(a, period);
  if (i.NS === null || i.GP === null || i.OP === null) return null;
  const items = itemsToKurus(a.items);
  const group = (...codes: string[]) => codes.map((c) => resolveGroup(items, c, period)).reduce<number>((s, v) => s + (v ?? 0), 0) / 100;
  const steps: BridgeStep[] = [
    { key: 'NS', label: tr ? 'Net Satışlar' : 'Net sales', value: i.NS, total: true },
    { key: 'COGS', label: tr ? 'Satışların Maliyeti' : 'Cost of sales', value: i.GP - i.NS, total: false },
    { key: 'GP', label: tr ? 'Brüt Kar' : 'Gross profit', value: i.GP, total: true },
    { key: 'OPEX', label: tr ? 'Faaliyet Giderleri' : 'Operating expenses', value: i.OP - i.GP, total: false },
    { key: 'OP', label: tr ? 'Faaliyet Karı' : 'Operating profit', value: i.OP, total: true },
  ];
  const end = i.PBT ?? i.NP;
  if (end !== null) {
    const other = [
      { key: 'OTHER_OP', label: tr ? 'Diğer Faaliyet (net)' : 'Other operating (net)', value: group('64', '65') },
      { key: 'FIN', label: tr ? 'Finansman Giderleri' : 'Finance expenses', value: group('66') },
      { key: 'EXTRA', label: tr ? 'Olağan Dışı (net)' : 'Extraordinary (net)', value: group('67', '68') },
    ];
    const residual = end - i.OP - other.reduce((s, o) => s + o.value, 0);
    if (Math.abs(residual) >= 0.5) other.push({ key: 'OTHER', label: tr ? 'Diğer' : 'Other', value: residual });
    for (const o of other) if (Math.abs(o.value) >= 0.005) steps.push({ ...o, total: false });
    if (i.PBT !== null) {
      steps.push({ key: 'PBT', label: tr ? 'Vergi Öncesi Kar' : 'Profit before tax', value: i.PBT, total: true });
      if (i.NP !== null) {
        if (Math.abs(i.NP - i.PBT) >= 0.005) steps.push({ key: 'TAX', label: tr ? 'Vergi Karşılığı' : 'Tax', value: i.NP - i.PBT, total: false });
        steps.push({ key: 'NP', label: tr ? 'Net Kar' : 'Net profit', value: i.NP, total: true });
      }
    } else {
      steps.push({ key: 'NP', label: tr ? 'Net Kar' : 'Net profit', value: i.NP!, total: true });
    }
  }
  // A negative subtotal reads as a loss.
  for (const s of steps) if (s.total && s.value < 0) s.label = s.label.replace(tr ? /Kar(ı)?$/ : /profit$/, tr ? 'Zarar' : 'loss');
  return steps;
}

/** A waterfall of the newest period: subtotals as full bars, steps floating from the running total. */
export function incomeBridgeChart(a: Analysis, locale: Locale = 'tr'): ChartSpec | null {
  if (!a.statements.includes('income_statement')) return null;
  const all = chronological(a);
  const period = all[all.length - 1];
  if (!period) return null;
  const steps = incomeBridgeSteps(a, period, locale);
  if (!steps) return null;
  const tr = locale === 'tr';
  const scale = amountScale(steps.map((s) => s.value), locale, currencyOf(a));
  let running = 0;
  const data: Point[] = [];
  const colors: string[] = [];
  steps.forEach((s, j) => {
    const v = s.value / scale.divisor;
    if (s.total) {
      running = v;
      data.push({ x: j, y: [0, v], label: formatScaled(s.value, scale, locale, false) });
      colors.push(s.value < 0 ? PALETTE.down : PALETTE.total);
    } else {
      const start = running;
      running += v;
      data.push({ x: j, y: [start, running], label: `${s.value > 0 ? '+' : '−'}${formatScaled(Math.abs(s.value), scale, locale, false)}` });
      colors.push(s.value < 0 ? '#e57373' : '#68b684');
    }
  });
  const title = tr ? `Gelir Tablosu Köprüsü (${periodLabel(period, all)})` : `Income Statement Bridge (${periodLabel(period, all)})`;
  const options = baseOptions(locale, title, companyLine(a, tr ? `tutarlar ${scale.unit} · koyu mavi: ara toplam, yeşil: artış, kırmızı: azalış` : `amounts in ${scale.unit} · dark blue: subtotal, green: increase, red: decrease`));
  (options.plugins as Record<string, unknown>).legend = { display: false };
  return {
    name: 'income-bridge',
    title,
    width: 900,
    height: 520,
    devicePixelRatio: CHART_DPR,
    config: {
      type: 'bar',
      data: {
        labels: steps.map((s) => wrap(s.label, 14)),
        datasets: [{ label: scale.unit, data, backgroundColor: colors, borderColor: colors, borderWidth: 1, barPercentage: 0.85, categoryPercentage: 0.9 }],
      },
      options: {
        ...options,
        scales: {
          x: { ticks: { ...ticks(12), maxRotation: 0, autoSkip: false }, grid: { display: false } },
          y: { beginAtZero: true, grace: '8%', title: axisTitle(scale.unit), ticks: ticks(13), grid: { color: PALETTE.grid } },
        },
      },
    },
  };
}

// ---- trends (three or more periods) ---------------------------------------------------------

/** Line charts across all periods: headline amounts, margins and returns, liquidity. */
export function trendCharts(a: Analysis, locale: Locale = 'tr'): ChartSpec[] {
  const all = chronological(a);
  if (all.length < 3) return [];
  const tr = locale === 'tr';
  const labels = all.map((p) => periodLabel(p, all));
  const charts: ChartSpec[] = [];
  const line = lineDataset;
  const mk = (name: string, title: string, sub: string, yTitle: string, datasets: unknown[]): ChartSpec => lineChart(a, locale, { name, title, sub, yTitle, labels, datasets });

  const inputs = all.map((p) => inputsInUnits(a, p));
  const amountKeys = ([['NS', tr ? 'Net Satışlar' : 'Net sales'], ['NP', tr ? 'Net Kar' : 'Net profit'], ['TA', tr ? 'Aktif Toplamı' : 'Total assets'], ['EQ', tr ? 'Özkaynaklar' : 'Equity']] as const)
    .filter(([k]) => inputs.some((i) => i[k] !== null));
  if (amountKeys.length) {
    const scale = amountScale(inputs.flatMap((i) => amountKeys.map(([k]) => i[k] ?? 0)), locale, currencyOf(a));
    charts.push(mk('trend-amounts', tr ? 'Temel Tutarların Seyri' : 'Key Amounts over Time', tr ? `tutarlar ${scale.unit}` : `amounts in ${scale.unit}`, scale.unit,
      amountKeys.map(([k, label], n) => line(label, SERIES[n % SERIES.length]!, inputs.map((i) => (i[k] === null ? null : i[k]! / scale.divisor)), (v) => formatScaled(v * scale.divisor, scale, locale, false)))));
  }
  const ratioTrend = (name: string, title: string, ids: RatioId[], yTitle: string) => {
    const present = ids.filter((id) => all.some((p) => a.ratios[id]?.[p] != null));
    if (!present.length) return;
    charts.push(mk(name, title, all.map((p) => periodLabel(p, all)).join(' – '), yTitle,
      present.map((id, n) => line(RATIO_DEFINITIONS[id].name[locale], SERIES[n % SERIES.length]!, all.map((p) => { const v = a.ratios[id]?.[p]; return v == null ? null : chartValue(v, id); }), (_v, j) => formatRatio(id, a.ratios[id]?.[all[j]!], locale)))));
  };
  ratioTrend('trend-profitability', tr ? 'Karlılık ve Borçluluk Seyri (%)' : 'Profitability and Leverage over Time (%)', ['gross_margin', 'net_margin', 'return_on_equity', 'debt_ratio'], tr ? 'Yüzde (%)' : 'Percent (%)');
  ratioTrend('trend-liquidity', tr ? 'Likidite Oranlarının Seyri' : 'Liquidity Ratios over Time', ['current_ratio', 'acid_test_ratio', 'cash_ratio'], tr ? 'Kat' : 'Times');
  return charts;
}

