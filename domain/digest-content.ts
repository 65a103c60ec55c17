import { buildAlerts } from './alerts.ts';
import { compareItems, newestPair, ratioChanges } from './comparison.ts';
import { formatRatioValue } from './wording/format-number.ts';
import { HEADLINE_RATIOS, MATERIAL_RATIO_MOVE, RATIO_DEFINITIONS } from './ratio-definitions.ts';
import { computeRatios } from './ratios.ts';
import type { Items } from './types.ts';
import type { Locale } from '../contracts/locale.ts';
import type { PriceIndexSeries } from './price-index.ts';
import { realComparison } from './real-comparison.ts';
import type { Basis } from './statement-basis.ts';
import { HEADLINE_KEYS, realChangeLines } from './wording/real-change-lines.ts';

export interface CompanySeries {
  name: string;
  /** All current (not superseded) items of the company, kuruş, every stored period. */
  items: Items;
  /** Per period, the basis its stored analysis found (adjusted figures are never deflated again). */
  basis?: Record<string, { basis: Basis }>;
  /** Months of an interim period (9 for a nine-month report); a period not listed is a year. */
  months?: Record<string, number>;
}

export interface DigestSection {
  company: string;
  from: string | null;
  to: string | null;
  lines: string[];
  alertIds: string[];
  /** Headline ratios, for the digest chart. */
  ratios: { id: string; name: string; from: number | null; to: number | null }[];
}

/**
 * For each company: the latest period against the one before it, the ratio changes that
 * matter (≥10 % relative move or crossing the rule of thumb), and alerts not reported in the
 * previous digest. A company with one period gets a line saying what is missing.
 */
export function digestSections(companies: CompanySeries[], previousAlertIds: Set<string>, locale: Locale, priceIndex?: PriceIndexSeries): DigestSection[] {
  return companies.map((c) => {
    const periods = [...new Set(Object.values(c.items).flatMap((v) => Object.keys(v)))].sort();
    // Like with like: nine months against the same nine months, never against a full year.
    const pair = newestPair(periods, c.months);
    if (!pair) {
      const only = periods[0]?.slice(0, 4) ?? '—';
      return {
        company: c.name, from: null, to: periods[0] ?? null, alertIds: [], ratios: [],
        lines: [locale === 'tr' ? `Yalnızca ${only} dönemi var; karşılaştırma için önceki dönemin tablosunu gönderin.` : `Only ${only} is on file; send the previous period's statement to compare.`],
      };
    }
    const [from, to] = pair;
    // Flows over stocks (ROE, turnovers) annualised for interim periods, as in the analysis.
    const ratios = computeRatios(c.items, [from, to], c.months);
    // The current ratio always leads; other ratios appear when they moved or crossed a rule.
    const changes = ratioChanges(ratios, from, to).filter((r) => {
      if (r.id === 'current_ratio') return true;
      const rule = RATIO_DEFINITIONS[r.id].ruleOfThumb;
      const crossed = rule && r.fromValue !== null && r.toValue !== null && ((rule.min !== undefined && (r.fromValue >= rule.min) !== (r.toValue >= rule.min)) || (rule.max !== undefined && (r.fromValue <= rule.max) !== (r.toValue <= rule.max)));
      return crossed || (r.changePct !== null && Math.abs(r.changePct) >= MATERIAL_RATIO_MOVE * 100);
    });
    const alerts = buildAlerts({ items: c.items, periods: [from, to], ratios, comparison: compareItems(c.items, from, to), checks: [] }, locale).filter((a) => a.kind !== 'change');
    const fresh = alerts.filter((a) => !previousAlertIds.has(`${c.name}:${a.id}:${a.period}`));
    // Sales, profit and assets nominal and real, with the index months (none without an index).
    const real = priceIndex
      ? realChangeLines({ realChange: realComparison({ items: c.items, from, to, series: priceIndex, ...(c.basis ? { basis: c.basis } : {}), keys: HEADLINE_KEYS.filter((k) => c.items[k]?.[from] !== undefined && c.items[k]?.[to] !== undefined) }) }, locale)
      : [];
    const lines = [
      ...fresh.map((a) => `${a.severity === 'critical' ? '🔴' : '🟠'} ${a.message}`),
      ...changes.slice(0, 6).map((r) => {
        const def = RATIO_DEFINITIONS[r.id];
        return `• ${def.name[locale]}: ${formatRatioValue(r.fromValue, def.kind, locale)} → ${formatRatioValue(r.toValue, def.kind, locale)}`;
      }),
      ...real.map((l) => `• ${l}`),
    ];
    return {
      company: c.name, from, to, lines,
      alertIds: fresh.map((a) => `${c.name}:${a.id}:${a.period}`),
      ratios: HEADLINE_RATIOS.map((id) => ({ id, name: RATIO_DEFINITIONS[id].name[locale], from: ratios[id][from] ?? null, to: ratios[id][to] ?? null })),
    };
  });
}
