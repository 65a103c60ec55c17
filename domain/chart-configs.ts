import type { Analysis } from './analysis-contract.ts';
import { RATIO_DEFINITIONS, RATIO_IDS, type RatioFamily } from './ratio-definitions.ts';

/**
 * Chart.js configurations (plain JSON, so the same config renders locally or on a QuickChart
 * server). Periods run oldest to newest, left to right.
 */
export interface ChartSpec {
  name: string;
  width: number;
  height: number;
  config: Record<string, unknown>;
}

const FAMILY_TITLES: Record<RatioFamily, string> = {
  liquidity: 'Likidite Oranları',
  profitability: 'Karlılık Oranları',
  efficiency: 'Faaliyet (Devir Hızı) Oranları',
  solvency: 'Mali Yapı Oranları',
};
const COLORS = ['#2b6cb0', '#a0aec0', '#38a169', '#dd6b20'];

export function ratioFamilyCharts(analysis: Analysis): ChartSpec[] {
  const periods = [...analysis.periods].sort();
  const charts: ChartSpec[] = [];
  for (const family of Object.keys(FAMILY_TITLES) as RatioFamily[]) {
    // Amounts (net working capital) do not share an axis with ratios.
    const ids = RATIO_IDS.filter((id) => RATIO_DEFINITIONS[id].family === family && RATIO_DEFINITIONS[id].kind !== 'amount');
    const withData = ids.filter((id) => periods.some((p) => analysis.ratios[id]?.[p] != null));
    if (!withData.length) continue;
    charts.push({
      name: `ratios-${family}`,
      width: 900,
      height: 500,
      config: {
        type: 'bar',
        data: {
          labels: withData.map((id) => RATIO_DEFINITIONS[id].name.tr),
          datasets: periods.map((p, i) => ({
            label: p.slice(0, 4),
            data: withData.map((id) => analysis.ratios[id]?.[p] ?? null),
            backgroundColor: COLORS[(periods.length - 1 - i) % COLORS.length],
          })),
        },
        options: {
          plugins: { title: { display: true, text: `${FAMILY_TITLES[family]} — ${analysis.company.name ?? ''}`, font: { size: 18 } } },
        },
      },
    });
  }
  return charts;
}
