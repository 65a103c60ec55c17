import type { BenchmarkReport } from '../benchmarks.ts';
import type { PriceIndexSeries } from '../price-index.ts';
import type { Analysis } from '../../contracts/analysis.ts';
import { changeSign, formatAmount, formatRatioChange, formatRatioValue } from '../wording/format-number.ts';
import { toKurus } from '../money.ts';
import { RATIO_DEFINITIONS, RATIO_FAMILIES, type RatioFamily, type RatioId } from '../ratio-definitions.ts';
import { computeRatiosForPeriod } from '../ratios.ts';
import { periodLabel, ruleStatus as domainRuleStatus } from '../wording/summary-text.ts';
import { deriveInputs, type StatementInputs } from '../statement-inputs.ts';
import type { Items } from '../types.ts';
import { numberTokens } from './answer-numbers.ts';
import type { Intent } from '../questions/intents.ts';
import type { Locale } from '../../contracts/locale.ts';

/**
 * What every answer is written with: the periods and items it may read (the analysis and the
 * company's earlier uploads), and a writer that cites every number as it formats it.
 */
export interface Citation {
  label: string;
  period?: string;
  value: number;
}
export type Attachment = { kind: 'chart'; family?: RatioFamily } | { kind: 'export'; format: 'xlsx' | 'pdf' };
export interface Answer {
  text: string;
  citations: Citation[];
  attachment?: Attachment;
}
export interface AnswerContext {
  /** None when the conversation has no analysed statement yet (definitions still answer). */
  analysis?: Analysis;
  locale: Locale;
  /** Earlier analyses of the same company, newest first: they add periods the current one lacks. */
  history?: Analysis[];
  /** The question as typed (for suggestions when it is not understood). */
  question?: string;
  /** The conversation's reading of the question (a follow-up completed from the thread). */
  intent?: Intent;
  /** The price index growth answers measure real change with (loaded once by the bot); none: nominal only. */
  priceIndex?: PriceIndexSeries;
  /** Where the analysis's ratios stand in the company's sector table (stored extras), if known. */
  benchmarks?: BenchmarkReport | null;
}

export type L = { tr: string; en: string };

export const FAMILY_NAMES: Record<RatioFamily, L> = {
  liquidity: { tr: 'Likidite', en: 'Liquidity' },
  profitability: { tr: 'Karlılık', en: 'Profitability' },
  efficiency: { tr: 'Faaliyet / Devir Hızları', en: 'Efficiency / turnovers' },
  solvency: { tr: 'Mali Yapı', en: 'Solvency' },
};
export const FAMILIES: readonly RatioFamily[] = RATIO_FAMILIES;

export const tx = (locale: Locale, tr: string, en: string) => (locale === 'tr' ? tr : en);
export { MINUS } from '../wording/format-number.ts';

// ---- the data the answers read ---------------------------------------------------------------

/** The periods of the analysis and its history, each period's items taken from one analysis only. */
export interface DataView {
  periods: string[];
  items: Items;
  owner: Map<string, Analysis>;
  labels: Map<string, string>;
  currency: string;
  main: Analysis;
  /** Every analysis the view was built from: the current one first, then the company's earlier ones. */
  sources: Analysis[];
  priceIndex?: PriceIndexSeries;
  benchmarks?: BenchmarkReport | null;
}

/** A context with its analysis: what every answer about figures reads. */
export type AnalysedContext = AnswerContext & { analysis: Analysis };
export const hasAnalysis = (ctx: AnswerContext): ctx is AnalysedContext => ctx.analysis !== undefined;

export function view(ctx: AnalysedContext): DataView {
  const sources = [ctx.analysis, ...(ctx.history ?? [])];
  const owner = new Map<string, Analysis>();
  for (const a of sources) for (const p of a.periods) if (!owner.has(p)) owner.set(p, a);
  const items: Items = {};
  for (const [period, a] of owner) {
    for (const [key, values] of Object.entries(a.items)) {
      const v = values[period];
      if (v === undefined) continue;
      (items[key] ??= {})[period] = toKurus(v);
    }
  }
  const labels = new Map<string, string>();
  for (const a of sources) for (const l of a.lines) if (l.key && !labels.has(l.key)) labels.set(l.key, l.label);
  const currency = !ctx.analysis.currency || ctx.analysis.currency === 'TRY' ? 'TL' : ctx.analysis.currency;
  return { periods: [...owner.keys()].sort(), items, owner, labels, currency, main: ctx.analysis, sources, ...(ctx.priceIndex ? { priceIndex: ctx.priceIndex } : {}), ...(ctx.benchmarks ? { benchmarks: ctx.benchmarks } : {}) };
}

/** A user's "2024", "2024-12-31" or "31.12.2024" → the stored period (the latest in that year). */
export function resolvePeriod(wanted: string | undefined, periods: readonly string[]): string | null {
  if (periods.length === 0) return null;
  if (!wanted) return periods[periods.length - 1]!;
  if (periods.includes(wanted)) return wanted;
  const iso = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(wanted);
  if (iso) return resolvePeriod(`${iso[3]}-${iso[2]!.padStart(2, '0')}-${iso[1]!.padStart(2, '0')}`, periods);
  const year = /^(\d{4})/.exec(wanted)?.[1];
  if (!year || wanted.length > 4) return null;
  const inYear = periods.filter((p) => p.startsWith(year));
  return inYear[inYear.length - 1] ?? null;
}

export const inputsFor = (data: DataView, period: string): StatementInputs => deriveInputs(data.items, period);

/** The stored ratio (null when undefined); recomputed from the items only when the analysis lacks it. */
export function ratioValue(data: DataView, id: RatioId, period: string): number | null {
  const stored = data.owner.get(period)?.ratios[id]?.[period];
  if (stored !== undefined) return stored;
  return computeRatiosForPeriod(inputsFor(data, period))[id];
}

// ---- writing with citations -------------------------------------------------------------------

export class Writer {
  readonly citations: Citation[] = [];
  constructor(
    readonly locale: Locale,
    readonly data: DataView | null,
  ) {}

  t(tr: string, en: string): string {
    return tx(this.locale, tr, en);
  }
  cite(label: string, value: number, period?: string): void {
    const v = value + 0;
    if (!this.citations.some((c) => c.label === label && c.period === period && c.value === v)) {
      this.citations.push(period ? { label, period, value: v } : { label, value: v });
    }
  }
  period(p: string): string {
    return periodLabel(p, this.data?.periods ?? [p]);
  }
  ratio(id: RatioId, value: number, period?: string): string {
    this.cite(RATIO_DEFINITIONS[id].name[this.locale], value, period);
    return formatRatioValue(value, RATIO_DEFINITIONS[id].kind, this.locale);
  }
  amount(label: string, units: number, period?: string): string {
    this.cite(label, units, period);
    return formatAmount(units, this.locale, this.data?.currency ?? 'TL');
  }
  signedAmount(label: string, units: number, period?: string): string {
    this.cite(label, units, period);
    const sign = changeSign(units);
    return `${sign}${formatAmount(Math.abs(units), this.locale, this.data?.currency ?? 'TL')}`;
  }
  /** A change of a ratio in its own units; percentages move in points ("+2,1 puan"). */
  delta(id: RatioId, change: number, label: string, period?: string): string {
    const kind = RATIO_DEFINITIONS[id].kind;
    this.cite(label, change, period);
    return formatRatioChange(change, kind, this.locale, this.data?.currency ?? 'TL');
  }
  /** A rule-of-thumb text with its numbers cited ("1,5 – 2,0 arası"). */
  rule(id: RatioId): string | null {
    const rule = RATIO_DEFINITIONS[id].ruleOfThumb;
    if (!rule) return null;
    const text = rule.text[this.locale];
    for (const n of numberTokens(text)) {
      const c = n.candidates.find((x) => x.decimals > 0) ?? n.candidates[0];
      if (c) this.cite(this.t(`${RATIO_DEFINITIONS[id].name.tr} ders kitabı kuralı`, `${RATIO_DEFINITIONS[id].name.en} textbook rule`), c.value);
    }
    return text;
  }
  answer(text: string, attachment?: Attachment): Answer {
    return attachment ? { text, citations: this.citations, attachment } : { text, citations: this.citations };
  }
}

/** A value as the reader sees it: rounded to the digits `formatRatioValue` prints. */
export function shownValue(id: RatioId, v: number): number {
  const kind = RATIO_DEFINITIONS[id].kind;
  const step = kind === 'percent' ? 1000 : kind === 'amount' ? 1 : kind === 'days' ? 10 : 100;
  return Math.round(v * step) / step;
}

/**
 * Where the value the reader sees sits against its textbook rule: "Cari Oran: 2,00" is within
 * 1,5 – 2,0 even when the unrounded value is 2,0035, so no flag contradicts the printed number.
 */
export const ruleStatus = (id: RatioId, v: number): 'low' | 'high' | 'ok' | null => domainRuleStatus(id, shownValue(id, v));

/** Outside the rule on the unfavourable side; above a range with no preferred side (current ratio) is not a weakness. */
export function isWeakness(id: RatioId, status: 'low' | 'high' | 'ok' | null): boolean {
  const better = RATIO_DEFINITIONS[id].ruleOfThumb?.better;
  if (status === 'low') return better !== 'lower';
  if (status === 'high') return better === 'lower';
  return false;
}

export const TEXTBOOK_NOTE: L = {
  tr: 'genel bir ders kitabı kuralıdır, sektör ölçütü değildir',
  en: 'a general textbook rule, not a sector benchmark',
};

export function validationNote(data: DataView, locale: Locale): string {
  const status = data.main.validation.status;
  if (status === 'failed') return tx(locale, '\n⚠️ Not: tablonun tutarlılık kontrolleri başarısız; rakamları belgeyle karşılaştırın.', '\n⚠️ Note: the statement failed its consistency checks; verify the figures against the document.');
  if (status === 'warnings') return tx(locale, '\nNot: tablo doğrulamasında uyarılar var.', '\nNote: the statement’s validation has warnings.');
  return '';
}
