import type { Alert, Analysis, ComparisonRow, RealChanges, ValidationCheck } from '../contracts/analysis.ts';
import type { PriceIndexId } from './price-index.ts';
import { describeRealRow } from './real-change-text.ts';
import { nameOf } from './chart-of-accounts.ts';
import { formatNumberUpTo, formatPercent, formatRatioValue } from './wording/format-number.ts';
import { itemsToKurus } from './money.ts';
import { RATIO_DEFINITIONS, RATIO_IDS, type RatioId } from './ratio-definitions.ts';
import { computeRatiosForPeriod, type RatioTable } from './ratios.ts';
import { deriveInputs } from './statement-inputs.ts';
import type { Items } from './types.ts';
import type { Locale } from '../contracts/locale.ts';
import { failedCheckEn } from './wording/check-text.ts';

/**
 * An alert before wording: `kind`, `id`, `period` and `severity` are stable (they key digests
 * and tests); `params` hold what the message needs so it can be worded in either language.
 */
export type AlertSpec = Omit<Alert, 'message'> & { params: AlertParams };

type AlertParams =
  | { type: 'validation'; message: string | null; period: string | null; expected: number | null; actual: number | null }
  | { type: 'negative_equity' }
  | { type: 'net_loss' }
  | { type: 'current_ratio_below_1'; before: number; now: number }
  | { type: 'rule'; ratio: RatioId; value: number; side: 'low' | 'high'; previous: number | null; crossed: boolean }
  | { type: 'change'; key: string; from: string; to: string; changePct: number | null; real: { pct: number | null; index: PriceIndexId } | null };

export interface AlertInput {
  /** Every period known for the company (kuruş): the document's and its stored history. */
  items: Items;
  /** The periods being reported (the document's); alerts speak about the newest of them. */
  periods: string[];
  ratios: RatioTable;
  comparison: ComparisonRow[];
  checks: ValidationCheck[];
  /** The comparison in real terms, when a price index covers both periods: change alerts word both. */
  realChange?: RealChanges | null;
}

/**
 * Alerts for the newest period: every failed validation check, negative equity, a loss, the
 * current ratio falling below 1, each ratio outside its textbook rule of thumb (worded as
 * such, not as a benchmark; noting when it crossed the rule since the previous period), and
 * each large material change the comparison flagged (thresholds ALERT_CHANGE_PCT and
 * ALERT_MATERIALITY_PCT, applied in `compareItems`).
 */
export function alertSpecs(args: AlertInput): AlertSpec[] {
  const { items, ratios, comparison, checks } = args;
  const sorted = [...new Set(args.periods)].sort();
  const latest = sorted[sorted.length - 1];
  // The period before the newest may come from an earlier upload (the items' history).
  const known = [...new Set([...sorted, ...Object.values(items).flatMap((v) => Object.keys(v))])].sort();
  const previous = latest ? known.filter((p) => p < latest).pop() : undefined;
  const specs: AlertSpec[] = [];

  for (const c of checks.filter((c) => !c.ok)) {
    specs.push({
      kind: 'validation', id: c.id, period: c.period, severity: 'critical',
      params: { type: 'validation', message: c.message ?? null, period: c.period ?? null, expected: c.expected ?? null, actual: c.actual ?? null },
    });
  }
  if (!latest) return specs;

  const inputs = deriveInputs(items, latest);
  if (inputs.EQ !== null && inputs.EQ < 0) {
    specs.push({ kind: 'equity', id: 'negative_equity', period: latest, severity: 'critical', params: { type: 'negative_equity' } });
  }
  if (inputs.NP !== null && inputs.NP < 0) {
    specs.push({ kind: 'loss', id: 'net_loss', period: latest, severity: 'warning', params: { type: 'net_loss' } });
  }

  let previousRatios: Record<RatioId, number | null> | null = null;
  const before = (id: RatioId): number | null => {
    if (!previous) return null;
    const stored = ratios[id]?.[previous];
    if (stored !== undefined) return stored;
    previousRatios ??= computeRatiosForPeriod(deriveInputs(items, previous));
    return previousRatios[id];
  };

  const crNow = ratios.current_ratio?.[latest] ?? null;
  const crBefore = before('current_ratio');
  if (crNow !== null && crBefore !== null && crBefore >= 1 && crNow < 1) {
    specs.push({ kind: 'ratio', id: 'current_ratio_below_1', period: latest, severity: 'critical', params: { type: 'current_ratio_below_1', before: crBefore, now: crNow } });
  }
  for (const id of RATIO_IDS) {
    const rule = RATIO_DEFINITIONS[id].ruleOfThumb;
    const v = ratios[id]?.[latest];
    if (v == null || !rule) continue;
    const side = outside(v, rule);
    if (!side) continue;
    const prev = before(id);
    const crossed = prev !== null && outside(prev, rule) === null;
    specs.push({ kind: 'ratio', id, period: latest, severity: 'warning', params: { type: 'rule', ratio: id, value: v, side, previous: prev, crossed } });
  }
  for (const row of comparison.filter((r) => r.alert)) {
    specs.push({ kind: 'change', id: row.key, period: row.to, severity: 'info', params: { type: 'change', key: row.key, from: row.from, to: row.to, changePct: row.changePct, real: realOf(args.realChange, row) } });
  }
  return specs;
}

/** The real change of a compared row, when the real comparison covers the same two periods. */
function realOf(section: RealChanges | null | undefined, row: ComparisonRow): { pct: number | null; index: PriceIndexId } | null {
  if (!section || section.from !== row.from || section.to !== row.to) return null;
  const r = section.rows.find((x) => x.key === row.key && x.status === 'ok');
  return r ? { pct: r.realPct, index: section.index } : null;
}

function outside(v: number, rule: { min?: number; max?: number }): 'low' | 'high' | null {
  if (rule.min !== undefined && v < rule.min) return 'low';
  if (rule.max !== undefined && v > rule.max) return 'high';
  return null;
}

const num = (v: number | null, locale: Locale) =>
  v === null ? '—' : formatNumberUpTo(v, locale);

/** The message of an alert in Turkish (as analysis.json stores it) or English. */
export function formatAlert(spec: AlertSpec, locale: Locale): string {
  const p = spec.params;
  const tr = locale === 'tr';
  switch (p.type) {
    case 'validation':
      return tr
        ? `${p.message ?? 'Kontrol başarısız'} (${p.period}: beklenen ${p.expected}, okunan ${p.actual})`
        : `${failedCheckEn(spec.id)} (${p.period}: expected ${num(p.expected, 'en')}, read ${num(p.actual, 'en')})`;
    case 'negative_equity':
      return tr ? 'Özkaynaklar negatif: şirket teknik olarak borca batık görünüyor.' : 'Equity is negative: the company appears technically insolvent.';
    case 'net_loss':
      return tr ? 'Dönem net zarar ile kapanmış.' : 'The period closed with a net loss.';
    case 'current_ratio_below_1':
      return tr
        ? `Cari oran 1'in altına düştü (${formatRatioValue(p.before, 'ratio', 'tr')} → ${formatRatioValue(p.now, 'ratio', 'tr')}).`
        : `Current ratio fell below 1 (${formatRatioValue(p.before, 'ratio', 'en')} → ${formatRatioValue(p.now, 'ratio', 'en')}).`;
    case 'rule': {
      const def = RATIO_DEFINITIONS[p.ratio];
      const rule = def.ruleOfThumb!;
      const crossed = p.crossed && p.previous !== null;
      if (tr) {
        const was = crossed ? ` Önceki dönemde kural içindeydi (${formatRatioValue(p.previous, def.kind, 'tr')}).` : '';
        return `${def.name.tr} ${formatRatioValue(p.value, def.kind, 'tr')}: ders kitabı kuralının (${rule.text.tr}) ${p.side === 'low' ? 'altında' : 'üstünde'}; bu bir sektör karşılaştırması değildir.${was}`;
      }
      const was = crossed ? ` It was within the rule in the previous period (${formatRatioValue(p.previous, def.kind, 'en')}).` : '';
      return `${def.name.en} ${formatRatioValue(p.value, def.kind, 'en')}: ${p.side === 'low' ? 'below' : 'above'} the textbook rule of thumb (${rule.text.en}); this is not a sector benchmark.${was}`;
    }
    case 'change': {
      const name = nameOf(p.key, locale) ?? p.key;
      // Nominal beside real, as every output shows a change (an inflationary year can turn a rise into a fall).
      if (p.real && p.changePct !== null) return `${describeRealRow(`${name} (${p.key}) ${p.from} → ${p.to}:`, { nominalPct: p.changePct, realPct: p.real.pct }, p.real.index, locale)}.`;
      if (tr) return `${name} (${p.key}) ${p.from} → ${p.to} arasında ${p.changePct === null ? 'sıfırdan oluştu' : `${formatPercent(p.changePct / 100, 'tr')} değişti`}.`;
      return `${name} (${p.key}) ${p.changePct === null ? 'appeared from zero' : `changed by ${formatPercent(p.changePct / 100, 'en')}`} from ${p.from} to ${p.to}.`;
    }
  }
}

const toAlert = (spec: AlertSpec, locale: Locale): Alert => {
  // Key order as analysis.json has always written it.
  const alert: Alert = spec.period === undefined
    ? { kind: spec.kind, id: spec.id, severity: spec.severity, message: formatAlert(spec, locale) }
    : { kind: spec.kind, id: spec.id, period: spec.period, severity: spec.severity, message: formatAlert(spec, locale) };
  return alert;
};

/** The contract's alerts (Turkish messages by default, as analysis.json stores them). */
export function buildAlerts(args: AlertInput, locale: Locale = 'tr'): Alert[] {
  return alertSpecs(args).map((s) => toAlert(s, locale));
}

const sameAlert = (a: Pick<Alert, 'kind' | 'id' | 'period'>, b: Pick<Alert, 'kind' | 'id' | 'period'>) =>
  a.kind === b.kind && a.id === b.id && (a.period ?? null) === (b.period ?? null);

/**
 * A stored alert in the reader's language. The stored message is Turkish; the English one is
 * rebuilt from the analysis (plus the company history the analysis was built with, when the
 * caller has it: an alert about the previous period may need it), matched on kind, id and
 * period. An alert that cannot be rebuilt gets a plain English wording of its kind.
 */
export function renderAlert(alert: Alert, locale: Locale, analysis: Pick<Analysis, 'items' | 'periods' | 'ratios' | 'comparison' | 'validation' | 'realChange'>, history?: Items): string {
  if (locale === 'tr') return alert.message;
  const items: Items = {};
  for (const [k, v] of Object.entries(history ?? {})) items[k] = { ...v };
  itemsToKurus(analysis.items, items);
  const spec = alertSpecs({
    items,
    periods: analysis.periods,
    ratios: analysis.ratios as RatioTable,
    comparison: analysis.comparison,
    checks: analysis.validation.checks,
    realChange: analysis.realChange ?? null,
  }).find((s) => sameAlert(s, alert));
  if (spec) return formatAlert(spec, 'en');
  switch (alert.kind) {
    case 'validation': return `${failedCheckEn(alert.id)}${alert.period ? ` (${alert.period})` : ''}.`;
    case 'equity': return 'Equity is negative: the company appears technically insolvent.';
    case 'loss': return 'The period closed with a net loss.';
    case 'change': return `${nameOf(alert.id, 'en') ?? alert.id} (${alert.id}) changed materially.`;
    case 'ratio':
      if (alert.id === 'current_ratio_below_1') return 'Current ratio fell below 1.';
      return `${RATIO_DEFINITIONS[alert.id as RatioId]?.name.en ?? alert.id} is outside the textbook rule of thumb; this is not a sector benchmark.`;
  }
}
