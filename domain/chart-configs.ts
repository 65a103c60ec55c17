import type { AnalysisExtras } from './analysis-extras.ts';
import { historyCharts } from './chart-history.ts';
import type { Analysis } from '../contracts/analysis.ts';
import type { Locale } from '../contracts/locale.ts';
import { RATIO_DEFINITIONS, RATIO_IDS, type RatioFamily, type RatioId } from './ratio-definitions.ts';
import { INPUT_LABELS } from './statement-inputs.ts';
import { amountScale, chartValue, chronological, formatRatio, inputsInUnits, periodLabel, ruleText, TEXT } from './wording/summary-text.ts';

import { axisTitle, baseOptions, CHART_DPR, companyLine, currencyOf, fontFamily, PALETTE, ticks, wrap, type ChartSpec, type Point } from './chart-style.ts';
import { incomeBridgeChart, trendCharts } from './chart-bridge.ts';
import { formatPercent, formatScaled } from './wording/format-number.ts';

export { CHART_DPR, type ChartSpec } from './chart-style.ts';
export { incomeBridgeChart, incomeBridgeSteps, trendCharts, type BridgeStep } from './chart-bridge.ts';

// ---- ratio families: this period against the previous one -------------------------------

type UnitGroup = 'percent' | 'multiple' | 'days';
// Days (45 gün) never share an axis with turnovers (4,5 kez): the turnovers would vanish.
const unitGroup = (id: RatioId): UnitGroup => {
  const kind = RATIO_DEFINITIONS[id].kind;
  return kind === 'percent' ? 'percent' : kind === 'days' ? 'days' : 'multiple';
};

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
    const groups = (['percent', 'multiple', 'days'] as UnitGroup[])
      .map((g) => ids.filter((id) => unitGroup(id) === g && periods.some((p) => a.ratios[id]?.[p] != null)))
      .filter((g) => g.length > 0);
    groups.forEach((withData, gi) => {
      const group = unitGroup(withData[0]!);
      const percent = group === 'percent';
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
      const name = gi === 0 ? `ratios-${family}` : `ratios-${family}-${percent ? 'percent' : group === 'days' ? 'days' : 'multiples'}`;
      const unit = percent ? '%' : group === 'days' ? (locale === 'tr' ? 'gün' : 'days') : locale === 'tr' ? 'kat' : 'times';
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
  const parts: { key: 'CA' | 'NCA' | 'STL' | 'LTL' | 'EQ'; color: string; side: 0 | 1; textColor: string }[] = [
    { key: 'CA', color: '#1f4e79', side: 0, textColor: '#ffffff' },
    { key: 'NCA', color: '#7fa7cf', side: 0, textColor: '#1a202c' },
    { key: 'STL', color: '#c05621', side: 1, textColor: '#ffffff' },
    { key: 'LTL', color: '#f2b57e', side: 1, textColor: '#1a202c' },
    { key: 'EQ', color: '#2f855a', side: 1, textColor: '#ffffff' },
  ];
  const datasets = parts.map((part) => ({
    label: INPUT_LABELS[part.key][locale],
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
      return { x: j, y: v / scale.divisor, label: Math.abs(share) >= 0.07 ? `${formatScaled(v, scale, locale, false)} (${formatPercent(share, locale, 0)})` : '' };
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

/** Every chart of a report, in reading order. */
export function reportCharts(a: Analysis, locale: Locale = 'tr', extras?: Pick<AnalysisExtras, 'trends' | 'realTrends'> | null): ChartSpec[] {
  return [
    ...ratioFamilyCharts(a, locale),
    balanceCompositionChart(a, locale),
    incomeBridgeChart(a, locale),
    ...trendCharts(a, locale),
    ...historyCharts(a, extras, locale),
  ].filter((c): c is ChartSpec => c !== null);
}
