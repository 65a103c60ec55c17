import type { Analysis } from '../contracts/analysis.ts';
import type { Locale } from '../contracts/locale.ts';
import { itemsToKurus } from './money.ts';
import { RATIO_DEFINITIONS, RATIO_IDS, type RatioFamily, type RatioId } from './ratio-definitions.ts';
import { resolveGroup } from './statement-inputs.ts';
import {
  amountScale, chartValue, chronological, formatNumber, formatRatio, inputsInUnits, periodLabel, ruleText,
  scaledDigits, TEXT, type AmountScale,
} from './wording/summary-text.ts';

/**
 * Chart.js 4 configurations as plain JSON, so the very same object renders locally (chart.js
 * on @napi-rs/canvas) or on a QuickChart server. Nothing in them is a function: amounts are
 * pre-scaled ("81,6" with "Mn TL" in the axis title), `options.locale` gives Turkish tick
 * numbers, and every value label is a ready-made string in its data point's `label`, which
 * chartjs-plugin-datalabels' default formatter shows on QuickChart and the local renderer's
 * small stand-in plugin draws here. Periods run oldest to newest, left to right.
 */
export interface ChartSpec {
  name: string;
  /** A caption for the report ("Likidite Oranları"); defaults to the name. */
  title?: string;
  /** Logical size; the PNG is width × devicePixelRatio by height × devicePixelRatio. */
  width: number;
  height: number;
  devicePixelRatio?: number;
  config: Record<string, unknown>;
}

export const CHART_DPR = 2;
const PALETTE = {
  latest: '#1f4e79',
  previous: '#9fb6cd',
  older: '#cbd5e0',
  up: '#2f855a',
  down: '#c53030',
  total: '#1f4e79',
  text: '#1a202c',
  muted: '#4a5568',
  grid: '#e2e8f0',
};
const SERIES = ['#1f4e79', '#c05621', '#2f855a', '#6b46c1', '#b7791f'];

interface Point {
  x: number | string | [number, number] | null;
  y: number | string | [number, number] | null;
  label?: string;
}

const fontFamily = 'DejaVu Sans';

function baseOptions(locale: Locale, title: string, subtitle: string): Record<string, unknown> {
  return {
    locale: locale === 'tr' ? 'tr-TR' : 'en-US',
    maintainAspectRatio: false,
    layout: { padding: { left: 12, right: 24, top: 8, bottom: 8 } },
    font: { family: fontFamily },
    plugins: {
      title: { display: true, text: title, color: PALETTE.text, font: { size: 20, weight: 'bold', family: fontFamily }, padding: { top: 6, bottom: 4 } },
      subtitle: { display: true, text: subtitle, color: PALETTE.muted, font: { size: 13, family: fontFamily }, padding: { bottom: 12 } },
      legend: { position: 'top', labels: { color: PALETTE.text, font: { size: 14, family: fontFamily }, boxWidth: 18 } },
      tooltip: { enabled: false },
      datalabels: { color: PALETTE.text, font: { size: 13, weight: 'bold', family: fontFamily }, anchor: 'end', align: 'end', offset: 4, clamp: true },
    },
  };
}

const axisTitle = (text: string) => ({ display: true, text, color: PALETTE.muted, font: { size: 14, family: fontFamily } });
const ticks = (size = 14) => ({ color: PALETTE.text, font: { size, family: fontFamily } });

/** Breaks a long category name into lines of at most `max` characters. */
function wrap(text: string, max = 24): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && (cur + ' ' + w).length > max) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines;
}

const companyLine = (a: Analysis, extra: string) => [a.company.name, extra].filter(Boolean).join(' · ');
const currencyOf = (a: Analysis) => (a.currency === 'TRY' ? 'TL' : a.currency);

// ---- ratio families: this period against the previous one -------------------------------

type UnitGroup = 'percent' | 'multiple';
const unitGroup = (id: RatioId): UnitGroup => (RATIO_DEFINITIONS[id].kind === 'percent' ? 'percent' : 'multiple');

/**
 * One horizontal bar chart per family and unit (percentages never share an axis with
 * multiples: solvency splits into two charts). A bar that would dwarf the rest is clipped at
 * the axis end; its printed value stays true and its name says it runs off the scale.
 */
export function ratioFamilyCharts(a: Analysis, locale: Locale = 'tr'): ChartSpec[] {
  const t = TEXT[locale];
  const all = chronological(a);
  const periods = all.slice(-2);
  const charts: ChartSpec[] = [];
  for (const family of ['liquidity', 'profitability', 'efficiency', 'solvency'] as RatioFamily[]) {
    const ids = RATIO_IDS.filter((id) => RATIO_DEFINITIONS[id].family === family && RATIO_DEFINITIONS[id].kind !== 'amount');
    const groups = (['percent', 'multiple'] as UnitGroup[])
      .map((g) => ids.filter((id) => unitGroup(id) === g && periods.some((p) => a.ratios[id]?.[p] != null)))
      .filter((g) => g.length > 0);
    groups.forEach((withData, gi) => {
      const percent = unitGroup(withData[0]!) === 'percent';
      const values = withData.flatMap((id) => periods.map((p) => a.ratios[id]?.[p]).filter((v): v is number => v != null).map((v) => chartValue(v, id)));
      const mags = values.map(Math.abs).sort((x, y) => y - x);
      // Clip when one magnitude is over four times the next one.
      const cap = mags.length > 2 && mags[1]! > 0 && mags[0]! > 4 * mags[1]! ? niceCeil(mags[1]! * 1.8) : null;
      const labels = withData.map((id) => {
        const def = RATIO_DEFINITIONS[id];
        const lines = wrap(def.name[locale]);
        if (def.ruleOfThumb) lines.push(...wrap(`${locale === 'tr' ? 'kural' : 'rule'} ${ruleText(id, locale)}`));
        const offScale = cap !== null && periods.some((p) => { const v = a.ratios[id]?.[p]; return v != null && Math.abs(chartValue(v, id)) > cap; });
        if (offScale) lines.push(locale === 'tr' ? '(ölçek dışı)' : '(off scale)');
        return lines;
      });
      const datasets = periods.map((p, i) => {
        const latest = i === periods.length - 1;
        return {
          label: periodLabel(p, all),
          backgroundColor: latest ? PALETTE.latest : PALETTE.previous,
          borderRadius: 3,
          barPercentage: 0.9,
          categoryPercentage: 0.75,
          data: withData.map((id, j): Point => {
            const v = a.ratios[id]?.[p];
            return v == null
              ? { y: j, x: null, label: t.notComputable }
              : { y: j, x: chartValue(v, id), label: formatRatio(id, v, locale) };
          }),
        };
      });
      const name = gi === 0 ? `ratios-${family}` : `ratios-${family}-${percent ? 'percent' : 'multiples'}`;
      const unit = percent ? '%' : locale === 'tr' ? 'kat' : 'times';
      const title = groups.length > 1 ? `${t.family[family]} (${unit})` : t.family[family];
      const range = cap !== null ? { max: Math.max(...values) > cap ? cap : undefined, min: Math.min(...values) < -cap ? -cap : undefined } : {};
      charts.push({
        name,
        title,
        width: 820,
        height: Math.min(640, Math.max(360, 150 + withData.length * 72)),
        devicePixelRatio: CHART_DPR,
        config: {
          type: 'bar',
          data: { labels, datasets },
          options: {
            ...baseOptions(locale, title, companyLine(a, periods.map((p) => periodLabel(p, all)).join(locale === 'tr' ? ' ve ' : ' vs '))),
            indexAxis: 'y',
            scales: {
              x: {
                ...range,
                beginAtZero: true,
                grace: '12%',
                title: axisTitle(percent ? (locale === 'tr' ? 'Yüzde (%)' : 'Percent (%)') : locale === 'tr' ? 'Kat' : 'Times'),
                ticks: ticks(13),
                grid: { color: PALETTE.grid },
              },
              y: { ticks: ticks(14), grid: { display: false } },
            },
          },
        },
      });
    });
  }
  return charts;
}

/** 1, 2, 2.5, 5 × 10^n at or above v. */
function niceCeil(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

// ---- balance-sheet composition ------------------------------------------------------------

/** Assets (current, non-current) beside liabilities and equity, per period, stacked. */
export function balanceCompositionChart(a: Analysis, locale: Locale = 'tr'): ChartSpec | null {
  if (!a.statements.includes('balance_sheet')) return null;
  const all = chronological(a);
  const periods = all.slice(-3);
  const inputs = periods.map((p) => inputsInUnits(a, p));
  if (inputs.some((i) => i.CA === null || i.NCA === null || i.STL === null || i.LTL === null || i.EQ === null)) return null;
  const tr = locale === 'tr';
  const scale = amountScale(inputs.flatMap((i) => [i.CA! + i.NCA!, i.STL! + i.LTL! + i.EQ!]), locale, currencyOf(a));
  const labels: string[][] = [];
  for (const [k, p] of periods.entries()) {
    const i = inputs[k]!;
    labels.push([`${tr ? 'Varlıklar' : 'Assets'} ${periodLabel(p, all)}`, formatScaled(i.CA! + i.NCA!, scale, locale)]);
    labels.push([`${tr ? 'Kaynaklar' : 'Liab. + equity'} ${periodLabel(p, all)}`, formatScaled(i.STL! + i.LTL! + i.EQ!, scale, locale)]);
  }
  const parts: { key: 'CA' | 'NCA' | 'STL' | 'LTL' | 'EQ'; tr: string; en: string; color: string; side: 0 | 1; textColor: string }[] = [
    { key: 'CA', tr: 'Dönen Varlıklar', en: 'Current assets', color: '#1f4e79', side: 0, textColor: '#ffffff' },
    { key: 'NCA', tr: 'Duran Varlıklar', en: 'Non-current assets', color: '#7fa7cf', side: 0, textColor: '#1a202c' },
    { key: 'STL', tr: 'Kısa Vadeli Yabancı Kaynaklar', en: 'Short-term liabilities', color: '#c05621', side: 1, textColor: '#ffffff' },
    { key: 'LTL', tr: 'Uzun Vadeli Yabancı Kaynaklar', en: 'Long-term liabilities', color: '#f2b57e', side: 1, textColor: '#1a202c' },
    { key: 'EQ', tr: 'Özkaynaklar', en: 'Equity', color: '#2f855a', side: 1, textColor: '#ffffff' },
  ];
  const datasets = parts.map((part) => ({
    label: part[locale],
    backgroundColor: part.color,
    borderColor: '#ffffff',
    borderWidth: 1,
    datalabels: { color: part.textColor, anchor: 'center', align: 'center', font: { size: 13, weight: 'bold', family: fontFamily } },
    data: labels.map((_, j): Point => {
      const k = Math.floor(j / 2);
      const i = inputs[k]!;
      if (j % 2 !== part.side) return { x: j, y: null };
      const v = i[part.key]!;
      const total = part.side === 0 ? i.CA! + i.NCA! : i.STL! + i.LTL! + i.EQ!;
      const share = total ? v / total : 0;
      return { x: j, y: v / scale.divisor, label: Math.abs(share) >= 0.07 ? `${formatScaled(v, scale, locale, false)} (${formatPct0(share, locale)})` : '' };
    }),
  }));
  const title = tr ? 'Bilanço Yapısı: Varlıklar ve Kaynaklar' : 'Balance Sheet Composition: Assets vs Liabilities and Equity';
  return {
    name: 'balance-composition',
    title,
    width: 820,
    height: 520,
    devicePixelRatio: CHART_DPR,
    config: {
      type: 'bar',
      data: { labels, datasets },
      options: {
        ...baseOptions(locale, title, companyLine(a, tr ? `tutarlar ${scale.unit}, parantez içinde pay` : `amounts in ${scale.unit}, share in brackets`)),
        scales: {
          x: { stacked: true, ticks: ticks(13), grid: { display: false } },
          y: { stacked: true, beginAtZero: true, title: axisTitle(scale.unit), ticks: ticks(13), grid: { color: PALETTE.grid } },
        },
      },
    },
  };
}

function formatScaled(v: number, scale: AmountScale, locale: Locale, withUnit = true): string {
  const s = v / scale.divisor;
  const num = formatNumber(s, locale, scale.divisor === 1 ? 0 : scaledDigits(s));
  return withUnit ? `${num} ${scale.unit}` : num;
}
const formatPct0 = (f: number, locale: Locale) => (locale === 'tr' ? `%${formatNumber(f * 100, 'tr')}` : `${formatNumber(f * 100, 'en')}%`);

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
  const line = (label: string, color: string, points: (number | null)[], text: (v: number, j: number) => string) => ({
    label,
    borderColor: color,
    backgroundColor: color,
    borderWidth: 3,
    pointRadius: 5,
    tension: 0,
    spanGaps: true,
    datalabels: { color, align: 'top', anchor: 'center', offset: 6 },
    data: points.map((v, j): Point => ({ x: j, y: v, label: v === null ? '' : text(v, j) })),
  });
  const mk = (name: string, title: string, sub: string, yTitle: string, datasets: unknown[]): ChartSpec => ({
    name,
    title,
    width: 820,
    height: 480,
    devicePixelRatio: CHART_DPR,
    config: {
      type: 'line',
      data: { labels, datasets },
      options: {
        ...baseOptions(locale, title, companyLine(a, sub)),
        scales: {
          x: { ticks: ticks(14), grid: { display: false }, offset: true },
          y: { beginAtZero: true, grace: '15%', title: axisTitle(yTitle), ticks: ticks(13), grid: { color: PALETTE.grid } },
        },
      },
    },
  });

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

/** Every chart of a report, in reading order. */
export function reportCharts(a: Analysis, locale: Locale = 'tr'): ChartSpec[] {
  return [
    ...ratioFamilyCharts(a, locale),
    balanceCompositionChart(a, locale),
    incomeBridgeChart(a, locale),
    ...trendCharts(a, locale),
  ].filter((c): c is ChartSpec => c !== null);
}
