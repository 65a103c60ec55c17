import type { Alert, Analysis } from '../../contracts/analysis.ts';
import { amountScale, formatAmount, formatCompactAmount, formatNumber, formatPercent, formatRatioValue, scaledDigits, type AmountScale } from './format-number.ts';
import { itemsToKurus } from '../money.ts';
import { percentChange } from '../comparison.ts';
import { RATIO_DEFINITIONS, RATIO_FAMILIES, RATIO_IDS, type RatioFamily, type RatioId } from '../ratio-definitions.ts';
import { deriveInputs, type InputName } from '../statement-inputs.ts';
import type { Locale } from '../../contracts/locale.ts';
import { renderAlert } from '../alerts.ts';
import { checkText } from './check-text.ts';
import { realChangeLines, realChangeTitle } from './real-change-lines.ts';
import { extrasLines, historyTitle } from './history-lines.ts';
import { driverLines, driversTitle } from './driver-lines.ts';
import { TEXT } from './report-text.ts';
import { unsureFactsLine } from './fact-text.ts';

export { TEXT } from './report-text.ts';

/**
 * Everything a report says in words, in Turkish (default) or English, from the stored
 * analysis only: the key points, the report-length Markdown, and the shared labels,
 * period names and number scales the charts, the workbook and the PDF use, so every output
 * words the same fact the same way. Rules of thumb are always worded as general textbook
 * rules, never as sector benchmarks.
 */

export const FAMILIES: readonly RatioFamily[] = RATIO_FAMILIES;

// ---- periods ----------------------------------------------------------------------------

/** Oldest to newest (ISO dates sort as strings). */
export const chronological = (a: Pick<Analysis, 'periods'>): string[] => [...new Set(a.periods)].sort();

/** [newest, the one before it (if any)]. */
export function latestPair(a: Pick<Analysis, 'periods'>): [string | undefined, string | undefined] {
  const p = chronological(a);
  return [p[p.length - 1], p[p.length - 2]];
}

/** "2024" when every period is a distinct year end, else "30.06.2024" (anything else as given). */
export function periodLabel(period: string, all: readonly string[]): string {
  const yearEnds = all.every((p) => p.endsWith('-12-31')) && new Set(all.map((p) => p.slice(0, 4))).size === all.length;
  if (yearEnds) return period.slice(0, 4);
  const [y, m, d] = period.split('-');
  return d && m ? `${d}.${m}.${y}` : period;
}

/** A ratio in the unit a chart shows it: percentages as 25.3 (axis "%"), others as they are. */
export const chartValue = (value: number, id: RatioId): number =>
  RATIO_DEFINITIONS[id].kind === 'percent' ? value * 100 : value;

export function formatRatio(id: RatioId, value: number | null | undefined, locale: Locale): string {
  return formatRatioValue(value ?? null, RATIO_DEFINITIONS[id].kind, locale);
}

/** Where a value sits against its textbook rule: null when the ratio has no numeric rule. */
export function ruleStatus(id: RatioId, value: number | null | undefined): 'ok' | 'low' | 'high' | null {
  const rule = RATIO_DEFINITIONS[id].ruleOfThumb;
  if (value == null || !rule || (rule.min === undefined && rule.max === undefined)) return null;
  if (rule.min !== undefined && value < rule.min) return 'low';
  if (rule.max !== undefined && value > rule.max) return 'high';
  return 'ok';
}

/**
 * A rule of thumb in the unit its ratio is shown in: "1,5 – 2,0", "≥ 1,0", "≤ %50" (the
 * definitions word percentages as fractions). `long` adds the definition's own remark.
 */
export function ruleText(id: RatioId, locale: Locale, long = false): string {
  const def = RATIO_DEFINITIONS[id];
  const rule = def.ruleOfThumb;
  if (!rule) return '—';
  const f = (v: number) =>
    def.kind === 'percent' ? formatPercent(v, locale, 0) : def.kind === 'amount' ? formatNumber(v, locale) : formatNumber(v, locale, Number.isInteger(v * 10) ? 1 : 2);
  let s: string;
  if (rule.min !== undefined && rule.max !== undefined) s = `${f(rule.min)} – ${f(rule.max)}`;
  else if (def.kind === 'amount' && rule.min === 0) s = '> 0';
  else if (rule.min !== undefined) s = `≥ ${f(rule.min)}`;
  else if (rule.max !== undefined) s = `≤ ${f(rule.max)}`;
  else s = rule.better === 'lower' ? (locale === 'tr' ? 'düşük olması iyi' : 'lower is better') : rule.text[locale];
  if (long && id === 'debt_ratio') s += locale === 'tr' ? ' (bankalar %60 – %70’e kadar kabul edebilir)' : ' (banks accept up to 60 – 70%)';
  return s;
}

/** Signed change in percent of the base's magnitude (as the comparison computes it). */
export function formatChangePct(pct: number | null | undefined, locale: Locale): string {
  if (pct == null) return '—';
  const s = formatPercent(pct / 100, locale);
  return pct > 0 ? `+${s}` : s;
}

// ---- inputs in full units -------------------------------------------------------------------

/** The ratio inputs of a period in full currency units (deriveInputs works in kuruş). */
export function inputsInUnits(a: Pick<Analysis, 'items'>, period: string): Record<InputName, number | null> {
  const inputs = deriveInputs(itemsToKurus(a.items), period);
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v === null ? null : v / 100])) as Record<InputName, number | null>;
}

// ---- alerts and checks in either language ---------------------------------------------------

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const;
export const bySeverity = (x: Alert, y: Alert) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity];

/** A stored alert in the reader's language (domain/alerts.ts words it, Turkish and English). */
export function alertText(al: Alert, a: Analysis, locale: Locale): string {
  return renderAlert(al, locale, a);
}

// ---- the five things that matter -------------------------------------------------------------

export interface KeyPoint {
  tone: 'critical' | 'warning' | 'neutral' | 'good';
  text: string;
}

const rel = (now: number | null | undefined, before: number | null | undefined): number | null =>
  now == null || before == null ? null : percentChange(before, now);

/**
 * The points a reader needs first, most important first: critical alerts, then ratios outside
 * their textbook rules, then sales and profit, liquidity and leverage in the newest period
 * against the one before. Callers take as many as they have room for.
 */
export function keyPoints(a: Analysis, locale: Locale): KeyPoint[] {
  const tr = locale === 'tr';
  const [latest, previous] = latestPair(a);
  const points: KeyPoint[] = [];
  const alerts = [...a.alerts].sort(bySeverity);

  const failedChecks = a.validation.checks.filter((c) => !c.ok);
  if (failedChecks.length) {
    points.push({
      tone: 'critical',
      text: tr
        ? `${failedChecks.length} doğrulama kontrolü tutmuyor (${failedChecks.slice(0, 2).map((c) => checkText(c, 'tr')).join('; ')}): rakamları kaynakla karşılaştırın.`
        : `${failedChecks.length} validation check(s) do not tie (${failedChecks.slice(0, 2).map((c) => checkText(c, 'en')).join('; ')}): compare the figures with the source.`,
    });
  }
  for (const al of alerts.filter((x) => x.kind !== 'validation' && x.kind !== 'change' && !(x.kind === 'ratio' && x.id in RATIO_DEFINITIONS))) {
    points.push({ tone: al.severity === 'critical' ? 'critical' : 'warning', text: alertText(al, a, locale) });
  }
  const outside = RATIO_IDS.filter((id) => latest && (ruleStatus(id, a.ratios[id]?.[latest]) === 'low' || ruleStatus(id, a.ratios[id]?.[latest]) === 'high'));
  if (outside.length && latest) {
    const parts = outside.slice(0, 3).map((id) => `${RATIO_DEFINITIONS[id].name[locale]} ${formatRatio(id, a.ratios[id]?.[latest], locale)} (${tr ? 'kural' : 'rule'} ${ruleText(id, locale)})`);
    const more = outside.length > 3 ? (tr ? ` ve ${outside.length - 3} oran daha` : ` and ${outside.length - 3} more`) : '';
    points.push({
      tone: 'warning',
      text: tr
        ? `Ders kitabı kurallarının dışında: ${parts.join(', ')}${more}. Bunlar genel kurallardır, sektör karşılaştırması değildir.`
        : `Outside the textbook rules of thumb: ${parts.join(', ')}${more}. These are general rules, not sector benchmarks.`,
    });
  }
  if (latest) points.push(...figurePoints(a, locale, latest, previous));
  return points;
}

/** Sales and profit, liquidity, leverage, returns and size in the newest period, against the one before. */
function figurePoints(a: Analysis, locale: Locale, latest: string, previous: string | undefined): KeyPoint[] {
  const tr = locale === 'tr';
  const points: KeyPoint[] = [];
  const now = inputsInUnits(a, latest);
  const before = previous ? inputsInUnits(a, previous) : null;
  const cur = a.currency === 'TRY' ? 'TL' : a.currency;
  const amt = (v: number) => formatCompactAmount(v, locale, cur);
  const vs = (id: RatioId) => (previous && a.ratios[id]?.[previous] != null ? (tr ? ` (önceki ${formatRatio(id, a.ratios[id]?.[previous], 'tr')})` : ` (previous ${formatRatio(id, a.ratios[id]?.[previous], 'en')})`) : '');

  if (now.NS !== null) {
    const g = rel(now.NS, before?.NS);
    const sales = tr
      ? `Net satışlar ${amt(now.NS)}${g !== null ? ` (${formatChangePct(g, 'tr')})` : ''}`
      : `Net sales ${amt(now.NS)}${g !== null ? ` (${formatChangePct(g, 'en')})` : ''}`;
    const np = now.NP;
    const profit = np === null ? '' : tr
      ? `; net ${np < 0 ? 'zarar' : 'kar'} ${amt(Math.abs(np))}, net kar marjı ${formatRatio('net_margin', a.ratios.net_margin?.[latest], 'tr')}${vs('net_margin')}`
      : `; net ${np < 0 ? 'loss' : 'profit'} ${amt(Math.abs(np))}, net margin ${formatRatio('net_margin', a.ratios.net_margin?.[latest], 'en')}${vs('net_margin')}`;
    points.push({ tone: np !== null && np < 0 ? 'warning' : 'neutral', text: `${sales}${profit}.` });
  }
  if (a.ratios.current_ratio?.[latest] != null) {
    const nwc = a.ratios.net_working_capital?.[latest];
    points.push({
      tone: 'neutral',
      text: tr
        ? `Cari oran ${formatRatio('current_ratio', a.ratios.current_ratio[latest], 'tr')}${vs('current_ratio')}, asit-test oranı ${formatRatio('acid_test_ratio', a.ratios.acid_test_ratio?.[latest], 'tr')}${nwc != null ? `; net çalışma sermayesi ${amt(nwc)}` : ''}.`
        : `Current ratio ${formatRatio('current_ratio', a.ratios.current_ratio[latest], 'en')}${vs('current_ratio')}, acid-test ratio ${formatRatio('acid_test_ratio', a.ratios.acid_test_ratio?.[latest], 'en')}${nwc != null ? `; net working capital ${amt(nwc)}` : ''}.`,
    });
  }
  if (a.ratios.debt_ratio?.[latest] != null) {
    points.push({
      tone: 'neutral',
      text: tr
        ? `Kaldıraç oranı ${formatRatio('debt_ratio', a.ratios.debt_ratio[latest], 'tr')}${vs('debt_ratio')}, özkaynak oranı ${formatRatio('equity_ratio', a.ratios.equity_ratio?.[latest], 'tr')}.`
        : `Debt ratio ${formatRatio('debt_ratio', a.ratios.debt_ratio[latest], 'en')}${vs('debt_ratio')}, equity ratio ${formatRatio('equity_ratio', a.ratios.equity_ratio?.[latest], 'en')}.`,
    });
  }
  if (a.ratios.return_on_equity?.[latest] != null) {
    points.push({
      tone: 'neutral',
      text: tr
        ? `Özkaynak karlılığı ${formatRatio('return_on_equity', a.ratios.return_on_equity[latest], 'tr')}${vs('return_on_equity')}, aktif karlılığı ${formatRatio('return_on_assets', a.ratios.return_on_assets?.[latest], 'tr')}.`
        : `Return on equity ${formatRatio('return_on_equity', a.ratios.return_on_equity[latest], 'en')}${vs('return_on_equity')}, return on assets ${formatRatio('return_on_assets', a.ratios.return_on_assets?.[latest], 'en')}.`,
    });
  }
  if (now.TA !== null) {
    const g = rel(now.TA, before?.TA);
    points.push({
      tone: 'neutral',
      text: tr
        ? `Aktif toplamı ${amt(now.TA)}${g !== null ? ` (${formatChangePct(g, 'tr')})` : ''}${now.EQ !== null ? `, özkaynaklar ${amt(now.EQ)}` : ''}.`
        : `Total assets ${amt(now.TA)}${g !== null ? ` (${formatChangePct(g, 'en')})` : ''}${now.EQ !== null ? `, equity ${amt(now.EQ)}` : ''}.`,
    });
  }
  return points;
}

/** "Doğrulama: tutarlı · 68 kontrolün 68'i tuttu · güven %97,0 · PDF metni". */
export function validationLine(a: Analysis, locale: Locale): string {
  const t = TEXT[locale];
  const ok = a.validation.checks.filter((c) => c.ok).length;
  return `${t.validation}: ${t.statusText[a.validation.status]} · ${t.checksPassed(ok, a.validation.checks.length)} · ${t.confidence} ${formatPercent(a.validation.confidence, locale)} · ${t.method[a.document.method]}`;
}

/** The mark a key point is listed with, by its tone. */
export const TONE_MARK = { critical: '🔴', warning: '🟠', neutral: '•', good: '•' } as const;

/** The report-length summary as Markdown, from the stored analysis only. */
export function summaryMarkdown(a: Analysis, locale: Locale = 'tr', extras?: Parameters<typeof extrasLines>[0]): string {
  const t = TEXT[locale];
  const periods = chronological(a).reverse();
  const label = (p: string) => periodLabel(p, periods);
  const out: string[] = [];
  out.push(`# ${t.summaryTitle}: ${a.company.name ?? '—'}`, '');
  out.push(`- ${t.company}: ${a.company.name ?? '—'}${a.company.taxId ? ` (${t.taxId} ${a.company.taxId})` : ''}`);
  out.push(`- ${t.periods}: ${periods.join(', ')}`);
  out.push(`- ${t.unit}: ${a.unit} (${a.currency}) · ${t.source}: ${a.document.file} (${t.method[a.document.method]}, ${a.document.pages} ${t.pages.toLowerCase()})`);
  out.push(`- ${validationLine(a, locale)}`);
  const facts = unsureFactsLine(a, locale);
  if (facts) out.push(`- ${facts}`);

  out.push('', `## ${t.keyPoints}`, '');
  for (const p of keyPoints(a, locale)) out.push(`- ${TONE_MARK[p.tone]} ${p.text}`);

  if (a.realChange && realChangeLines(a, locale).length) {
    out.push('', `## ${realChangeTitle(a.realChange, locale)}`, '');
    for (const l of realChangeLines(a, locale)) out.push(`- ${l}`);
  }

  const history = extrasLines(extras, locale);
  if (history.length) out.push('', `## ${historyTitle(locale)}`, '', ...history.map((l) => `- ${l}`));
  const drivers = driverLines(a, locale);
  if (drivers.length) out.push('', `## ${driversTitle(locale)}`, '', ...drivers.map((l) => `- ${l}`));

  out.push('', `## ${t.alerts}`, '');
  if (!a.alerts.length) out.push(t.none);
  const shown = [...a.alerts].sort(bySeverity).slice(0, 15);
  for (const al of shown) out.push(`- ${al.severity === 'critical' ? '🔴' : al.severity === 'warning' ? '🟠' : 'ℹ️'} ${alertText(al, a, locale)}`);
  if (a.alerts.length > shown.length) out.push(`- … +${a.alerts.length - shown.length}`);

  for (const family of FAMILIES) {
    const ids = RATIO_IDS.filter((id) => RATIO_DEFINITIONS[id].family === family);
    out.push('', `## ${t.family[family]}`, '');
    out.push(`| ${t.ratio} | ${periods.map(label).join(' | ')} | ${t.rule} | ${t.formula} |`);
    out.push(`| --- | ${periods.map(() => '---:').join(' | ')} | --- | --- |`);
    for (const id of ids) {
      const def = RATIO_DEFINITIONS[id];
      const cells = periods.map((p) => formatRatio(id, a.ratios[id]?.[p], locale));
      const st = periods[0] ? ruleStatus(id, a.ratios[id]?.[periods[0]]) : null;
      const rule = def.ruleOfThumb ? `${ruleText(id, locale, true)}${st === 'low' ? ` ⬇ ${t.low}` : st === 'high' ? ` ⬆ ${t.high}` : ''}` : '—';
      out.push(`| ${def.name[locale]} | ${cells.join(' | ')} | ${rule} | ${def.formula[locale]} |`);
    }
  }
  out.push('', `_${t.ruleNote}_`);
  const failed = a.validation.checks.filter((c) => !c.ok);
  if (failed.length) {
    out.push('', `## ${t.failed}`, '');
    for (const c of failed) {
      // A check without figures (the unit's scale) is its message alone.
      if (c.expected === undefined) out.push(`- ${checkText(c, locale)}`);
      else out.push(`- ${checkText(c, locale)} (${c.period}): ${t.expected.toLowerCase()} ${formatNumber(c.expected ?? 0, locale, 2)}, ${t.actual.toLowerCase()} ${formatNumber(c.actual ?? 0, locale, 2)}`);
    }
  }
  return out.join('\n') + '\n';
}

export { amountScale, formatAmount, formatCompactAmount, formatNumber, formatPercent, scaledDigits, type AmountScale };
