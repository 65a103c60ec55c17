import type { Alert, ComparisonRow, ValidationCheck } from './analysis-contract.ts';
import { nameOf } from './chart-of-accounts.ts';
import { formatPercent, formatRatioValue } from './format-number.ts';
import { RATIO_DEFINITIONS, RATIO_IDS } from './ratio-definitions.ts';
import type { RatioTable } from './ratios.ts';
import { deriveInputs } from './statement-inputs.ts';
import type { Items } from './types.ts';

/**
 * Alerts for the newest period: a ratio outside its textbook rule of thumb (worded as such,
 * not as a benchmark), the current ratio falling below 1, negative equity, a loss, large
 * material changes, and every failed validation check.
 */
export function buildAlerts(args: {
  items: Items;
  periods: string[];
  ratios: RatioTable;
  comparison: ComparisonRow[];
  checks: ValidationCheck[];
}): Alert[] {
  const { items, ratios, comparison, checks } = args;
  const sorted = [...args.periods].sort();
  const latest = sorted[sorted.length - 1];
  const previous = sorted[sorted.length - 2];
  const alerts: Alert[] = [];

  for (const c of checks.filter((c) => !c.ok)) {
    alerts.push({
      kind: 'validation',
      id: c.id,
      period: c.period,
      severity: 'critical',
      message: `${c.message ?? 'Kontrol başarısız'} (${c.period}: beklenen ${c.expected}, okunan ${c.actual})`,
    });
  }
  if (!latest) return alerts;

  const inputs = deriveInputs(items, latest);
  if (inputs.EQ !== null && inputs.EQ < 0) {
    alerts.push({ kind: 'equity', id: 'negative_equity', period: latest, severity: 'critical', message: 'Özkaynaklar negatif: şirket teknik olarak borca batık görünüyor.' });
  }
  if (inputs.NP !== null && inputs.NP < 0) {
    alerts.push({ kind: 'loss', id: 'net_loss', period: latest, severity: 'warning', message: 'Dönem net zarar ile kapanmış.' });
  }
  const cr = ratios.current_ratio;
  if (previous && cr && cr[latest] != null && cr[previous] != null && cr[previous]! >= 1 && cr[latest]! < 1) {
    alerts.push({ kind: 'ratio', id: 'current_ratio_below_1', period: latest, severity: 'critical', message: `Cari oran 1'in altına düştü (${formatRatioValue(cr[previous]!, 'ratio', 'tr')} → ${formatRatioValue(cr[latest]!, 'ratio', 'tr')}).` });
  }
  for (const id of RATIO_IDS) {
    const def = RATIO_DEFINITIONS[id];
    const v = ratios[id]?.[latest];
    const rule = def.ruleOfThumb;
    if (v == null || !rule) continue;
    const low = rule.min !== undefined && v < rule.min;
    const high = rule.max !== undefined && v > rule.max;
    if (!low && !high) continue;
    alerts.push({
      kind: 'ratio',
      id,
      period: latest,
      severity: 'warning',
      message: `${def.name.tr} ${formatRatioValue(v, def.kind, 'tr')}: ders kitabı kuralının (${rule.text.tr}) ${low ? 'altında' : 'üstünde'}; bu bir sektör karşılaştırması değildir.`,
    });
  }
  for (const row of comparison.filter((r) => r.alert)) {
    alerts.push({
      kind: 'change',
      id: row.key,
      period: row.to,
      severity: 'info',
      message: `${nameOf(row.key, 'tr') ?? row.key} (${row.key}) ${row.from} → ${row.to} arasında ${row.changePct === null ? 'sıfırdan oluştu' : `${formatPercent(row.changePct / 100, 'tr')} değişti`}.`,
    });
  }
  return alerts;
}
