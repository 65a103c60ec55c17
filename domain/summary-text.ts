import type { Alert, Analysis, ValidationCheck } from './analysis-contract.ts';
import { nameOf } from './chart-of-accounts.ts';
import { formatAmount, formatPercent, formatRatioValue, type Locale } from './format-number.ts';
import { toKurus } from './money.ts';
import { RATIO_DEFINITIONS, RATIO_IDS, type RatioFamily, type RatioId } from './ratio-definitions.ts';
import { deriveInputs, type InputName } from './statement-inputs.ts';
import { UNIT_SCALE_CHECK, UNIT_SCALE_MESSAGE } from './unit-plausibility.ts';
import type { Items } from './types.ts';

/**
 * Everything a report says in words, in Turkish (default) or English, from the stored
 * analysis only: the short chat summary, the report-length Markdown, and the shared labels,
 * period names and number scales the charts, the workbook and the PDF use, so every output
 * words the same fact the same way. Rules of thumb are always worded as general textbook
 * rules, never as sector benchmarks.
 */

export const TEXT = {
  tr: {
    reportTitle: 'Finansal Analiz Raporu',
    summaryTitle: 'Finansal Analiz Özeti',
    company: 'Şirket', taxId: 'VKN', periods: 'Dönemler', period: 'Dönem', unit: 'Birim', source: 'Kaynak dosya',
    readMethod: 'Okuma yöntemi', pages: 'Sayfa', generated: 'Hazırlanma tarihi',
    validation: 'Doğrulama', confidence: 'güven', confidenceCap: 'Güven', alerts: 'Uyarılar', none: 'Uyarı yok.',
    ratios: 'Oranlar', ratio: 'Oran', formula: 'Formül', failed: 'Tutmayan kontroller',
    keyPoints: 'Öne çıkanlar', statement: 'Mali Tablo', balanceSheet: 'Bilanço', incomeStatement: 'Gelir Tablosu',
    code: 'Kod', account: 'Hesap', change: 'Değişim', changePct: 'Değişim %', value: 'Değer',
    rule: 'Ders kitabı kuralı', status: 'Durum', charts: 'Grafikler', comparison: 'Karşılaştırma',
    check: 'Kontrol', expected: 'Beklenen', actual: 'Okunan', difference: 'Fark', result: 'Sonuç',
    checksPassed: (ok: number, all: number) => `${ok}/${all} kontrol tuttu`,
    statusText: { ok: 'tutarlı', warnings: 'uyarılarla', failed: 'tutarsızlık var' },
    method: { text: 'PDF metni', ocr: 'OCR', vision: 'görsel model', mixed: 'karma' },
    ruleNote: 'Kural aralıkları genel ders kitabı kurallarıdır; sektör karşılaştırması değildir.',
    family: { liquidity: 'Likidite Oranları', profitability: 'Karlılık Oranları', efficiency: 'Faaliyet (Devir Hızı) Oranları', solvency: 'Mali Yapı Oranları' },
    notComputable: 'hesaplanamıyor', okMark: 'kural içinde', low: 'kuralın altında', high: 'kuralın üstünde',
    severity: { critical: 'Kritik', warning: 'Uyarı', info: 'Bilgi' },
    ask: 'Soru sorabilirsiniz: "cari oran neden düştü?", "hangi oranlar zayıf?", "/export pdf"',
  },
  en: {
    reportTitle: 'Financial Analysis Report',
    summaryTitle: 'Financial Analysis Summary',
    company: 'Company', taxId: 'Tax ID', periods: 'Periods', period: 'Period', unit: 'Unit', source: 'Source file',
    readMethod: 'Read by', pages: 'Pages', generated: 'Prepared on',
    validation: 'Validation', confidence: 'confidence', confidenceCap: 'Confidence', alerts: 'Alerts', none: 'No alerts.',
    ratios: 'Ratios', ratio: 'Ratio', formula: 'Formula', failed: 'Checks that do not tie',
    keyPoints: 'Highlights', statement: 'Statement', balanceSheet: 'Balance sheet', incomeStatement: 'Income statement',
    code: 'Code', account: 'Account', change: 'Change', changePct: 'Change %', value: 'Value',
    rule: 'Textbook rule', status: 'Status', charts: 'Charts', comparison: 'Comparison',
    check: 'Check', expected: 'Expected', actual: 'Read', difference: 'Difference', result: 'Result',
    checksPassed: (ok: number, all: number) => `${ok}/${all} checks tie`,
    statusText: { ok: 'consistent', warnings: 'with warnings', failed: 'inconsistent' },
    method: { text: 'PDF text', ocr: 'OCR', vision: 'vision model', mixed: 'mixed' },
    ruleNote: 'Rule-of-thumb ranges are general textbook rules, not sector benchmarks.',
    family: { liquidity: 'Liquidity ratios', profitability: 'Profitability ratios', efficiency: 'Efficiency (turnover) ratios', solvency: 'Solvency ratios' },
    notComputable: 'n/a', okMark: 'within rule', low: 'below rule', high: 'above rule',
    severity: { critical: 'Critical', warning: 'Warning', info: 'Info' },
    ask: 'Ask away: "why did the current ratio fall?", "which ratios are weak?", "/export pdf"',
  },
} as const;

export const FAMILIES: readonly RatioFamily[] = ['liquidity', 'profitability', 'efficiency', 'solvency'];

// ---- periods ----------------------------------------------------------------------------

/** Oldest to newest (ISO dates sort as strings). */
export const chronological = (a: Pick<Analysis, 'periods'>): string[] => [...new Set(a.periods)].sort();

/** [newest, the one before it (if any)]. */
export function latestPair(a: Pick<Analysis, 'periods'>): [string | undefined, string | undefined] {
  const p = chronological(a);
  return [p[p.length - 1], p[p.length - 2]];
}

/** "2024" when every period is a distinct year end, else "30.06.2024". */
export function periodLabel(period: string, all: readonly string[]): string {
  const yearEnds = all.every((p) => p.endsWith('-12-31')) && new Set(all.map((p) => p.slice(0, 4))).size === all.length;
  if (yearEnds) return period.slice(0, 4);
  const [y, m, d] = period.split('-');
  return `${d}.${m}.${y}`;
}

// ---- numbers ------------------------------------------------------------------------------

const nf = (locale: Locale, digits: number) =>
  new Intl.NumberFormat(locale === 'tr' ? 'tr-TR' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function formatNumber(value: number, locale: Locale, digits = 0): string {
  return nf(locale, digits).format(value + 0);
}

export interface AmountScale {
  divisor: number;
  /** Axis / column unit, e.g. "Mn TL" or "TL m". */
  unit: string;
}

/** One scale for a set of amounts, so a chart or a sentence reads "81,6 Mn TL". */
export function amountScale(values: readonly number[], locale: Locale, currency = 'TL'): AmountScale {
  const max = Math.max(0, ...values.map((v) => Math.abs(v)));
  const tr = locale === 'tr';
  if (max >= 1e9) return { divisor: 1e9, unit: tr ? `Mlr ${currency}` : `${currency} bn` };
  if (max >= 1e6) return { divisor: 1e6, unit: tr ? `Mn ${currency}` : `${currency} m` };
  if (max >= 1e4) return { divisor: 1e3, unit: tr ? `Bin ${currency}` : `${currency} k` };
  return { divisor: 1, unit: currency };
}

/** Digits that keep three significant figures at the given scale (81,6 / 4,35 / 128). */
export function scaledDigits(scaled: number): number {
  const m = Math.abs(scaled);
  return m >= 100 ? 0 : m >= 10 ? 1 : 2;
}

/** "81,6 Mn TL" / "TL 81.6m". */
export function formatCompactAmount(value: number, locale: Locale, currency = 'TL'): string {
  const s = amountScale([value], locale, currency);
  const scaled = value / s.divisor;
  const num = formatNumber(scaled, locale, s.divisor === 1 ? 0 : scaledDigits(scaled));
  return locale === 'tr' ? `${num} ${s.unit}` : `${s.unit.split(' ')[0]} ${num}${s.unit.split(' ')[1] ?? ''}`;
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
  const items: Items = {};
  for (const [k, v] of Object.entries(a.items)) items[k] = Object.fromEntries(Object.entries(v).map(([p, x]) => [p, toKurus(x)]));
  const inputs = deriveInputs(items, period);
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v === null ? null : v / 100])) as Record<InputName, number | null>;
}

// ---- alerts and checks in either language ---------------------------------------------------

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const;
export const bySeverity = (x: Alert, y: Alert) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity];

/** A validation check in words: "Sum of group 10 (Liquid Assets) does not tie". */
export function checkText(c: ValidationCheck, locale: Locale): string {
  const tr = locale === 'tr';
  const name = (key: string) => {
    const n = nameOf(key, locale);
    return n ? `${key} ${n}` : key;
  };
  if (c.id === 'balance') return tr ? 'Aktif toplamı = pasif toplamı' : 'Total assets = total liabilities and equity';
  if (c.id === 'net_profit_match') return tr ? 'Bilançodaki dönem karı = gelir tablosundaki' : 'Net profit in the balance sheet = income statement';
  if (c.id.startsWith('sum:')) return tr ? `${name(c.id.slice(4))}: alt kalemlerin toplamı` : `${name(c.id.slice(4))}: sum of its lines`;
  if (c.id.startsWith('is:')) return tr ? `Gelir tablosu ara toplamı ${name(c.id.slice(3))}` : `Income statement subtotal ${name(c.id.slice(3))}`;
  if (c.id === UNIT_SCALE_CHECK) return UNIT_SCALE_MESSAGE[locale];
  return c.message ?? c.id;
}

export function alertText(al: Alert, a: Analysis, locale: Locale): string {
  if (locale === 'tr') return al.message;
  const period = al.period ?? latestPair(a)[0];
  switch (al.kind) {
    case 'ratio': {
      if (al.id === 'current_ratio_below_1') {
        const [latest, previous] = latestPair(a);
        return `Current ratio fell below 1 (${formatRatio('current_ratio', previous ? a.ratios.current_ratio?.[previous] : null, 'en')} → ${formatRatio('current_ratio', latest ? a.ratios.current_ratio?.[latest] : null, 'en')}).`;
      }
      const id = al.id as RatioId;
      const def = RATIO_DEFINITIONS[id];
      if (!def) return al.message;
      const v = period ? a.ratios[id]?.[period] : null;
      const st = ruleStatus(id, v);
      return `${def.name.en} ${formatRatio(id, v, 'en')}: ${st === 'low' ? 'below' : 'above'} the textbook rule of thumb (${ruleText(id, 'en')}); this is not a sector benchmark.`;
    }
    case 'equity':
      return 'Equity is negative: the company appears technically insolvent.';
    case 'loss':
      return 'The period closed with a net loss.';
    case 'change': {
      const row = a.comparison.find((r) => r.key === al.id);
      const name = nameOf(al.id, 'en') ?? al.id;
      if (!row) return `${name} (${al.id}) changed materially.`;
      return `${name} (${al.id}) ${row.changePct === null ? 'appeared from zero' : `changed by ${formatChangePct(row.changePct, 'en')}`} from ${row.from} to ${row.to}.`;
    }
    case 'validation': {
      const c = a.validation.checks.find((x) => x.id === al.id && x.period === al.period);
      if (c && c.expected === undefined) return `${checkText(c, 'en')}.`;
      return c ? `${checkText(c, 'en')} fails (${c.period}: expected ${formatNumber(c.expected ?? 0, 'en', 2)}, read ${formatNumber(c.actual ?? 0, 'en', 2)}).` : `Check ${al.id} fails.`;
    }
  }
}

// ---- the five things that matter -------------------------------------------------------------

export interface KeyPoint {
  tone: 'critical' | 'warning' | 'neutral' | 'good';
  text: string;
}

const rel = (now: number | null | undefined, before: number | null | undefined): number | null =>
  now == null || before == null || before === 0 ? null : ((now - before) / Math.abs(before)) * 100;

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
  if (!latest) return points;

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

const TONE_MARK = { critical: '🔴', warning: '🟠', neutral: '•', good: '•' } as const;

/** The chat summary: a title, the five things that matter (alerts first) and the validation line. */
export function chatSummary(a: Analysis, locale: Locale = 'tr'): string {
  const periods = chronological(a).reverse();
  const title = `*${a.company.name ?? TEXT[locale].company}* — ${periods.map((p) => periodLabel(p, periods)).join(' / ')}`;
  const lines = keyPoints(a, locale).slice(0, 5).map((p) => `${TONE_MARK[p.tone]} ${p.text}`);
  return [title, ...lines, `_${validationLine(a, locale)}_`].join('\n') + '\n';
}

/** The report-length summary as Markdown, from the stored analysis only. */
export function summaryMarkdown(a: Analysis, locale: Locale = 'tr'): string {
  const t = TEXT[locale];
  const periods = chronological(a).reverse();
  const label = (p: string) => periodLabel(p, periods);
  const out: string[] = [];
  out.push(`# ${t.summaryTitle}: ${a.company.name ?? '—'}`, '');
  out.push(`- ${t.company}: ${a.company.name ?? '—'}${a.company.taxId ? ` (${t.taxId} ${a.company.taxId})` : ''}`);
  out.push(`- ${t.periods}: ${periods.join(', ')}`);
  out.push(`- ${t.unit}: ${a.unit} (${a.currency}) · ${t.source}: ${a.document.file} (${t.method[a.document.method]}, ${a.document.pages} ${t.pages.toLowerCase()})`);
  out.push(`- ${validationLine(a, locale)}`);

  out.push('', `## ${t.keyPoints}`, '');
  for (const p of keyPoints(a, locale)) out.push(`- ${TONE_MARK[p.tone]} ${p.text}`);

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

export { formatAmount, formatPercent };
