import { CODE_ALIASES, nameOf } from '../chart-of-accounts.ts';
import { formatPercent } from '../wording/format-number.ts';
import { RATIO_DEFINITIONS, type RatioId } from '../ratio-definitions.ts';
import { INPUT_LABELS, INPUT_NAMES, type InputName } from '../statement-inputs.ts';
import { inert } from '../../contracts/outgoing.ts';
import { inputsFor, isWeakness, ratioValue, resolvePeriod, ruleStatus, TEXTBOOK_NOTE, validationNote, type Answer, type DataView, type Writer } from './answer-writer.ts';
import type { Intent } from '../questions/intents.ts';
import { growthSentence, realSentence } from './answers-real.ts';
import { historyPeriods } from './answers-history.ts';
import { yearsBetween } from '../trends.ts';
import type { JudgementTopic, LineTarget } from '../questions/question-topics.ts';
import type { Locale } from '../../contracts/locale.ts';

/**
 * Answers an owner asks for in plain words: a statement line and its growth, and judgements
 * ("kârlı mı?", "borçlarım çok mu?") as one plain verdict followed by the numbers behind it.
 * Verdicts rest on the textbook rules only, and say so.
 */

const LIAB_LABEL = { tr: 'Yabancı Kaynaklar Toplamı', en: 'Total liabilities' };

function lineLabel(data: DataView, line: LineTarget, locale: Locale): string {
  if (line === 'LIAB') return LIAB_LABEL[locale];
  if ((INPUT_NAMES as readonly string[]).includes(line)) return INPUT_LABELS[line as InputName][locale];
  const key = CODE_ALIASES[line] ?? line;
  return inert(nameOf(key, locale) ?? data.labels.get(key) ?? line);
}

/** A line's value in kuruş, null when the statement does not show it. */
function lineValue(data: DataView, line: LineTarget, period: string): number | null {
  if ((INPUT_NAMES as readonly string[]).includes(line)) return inputsFor(data, period)[line as InputName];
  if (line === 'LIAB') {
    const i = inputsFor(data, period);
    return i.STL === null || i.LTL === null ? null : i.STL + i.LTL;
  }
  return data.items[CODE_ALIASES[line] ?? line]?.[period] ?? data.items[line]?.[period] ?? null;
}

export function answerLineValue(w: Writer, data: DataView, line: LineTarget, wanted?: string): Answer {
  const period = resolvePeriod(wanted, data.periods);
  const label = lineLabel(data, line, w.locale);
  if (!period) return w.answer(w.t(`İstenen dönem bu tabloda yok. Mevcut dönemler: ${data.periods.map((p) => w.period(p)).join(', ')}.`, `The requested period is not in this statement. Available periods: ${data.periods.map((p) => w.period(p)).join(', ')}.`));
  const v = lineValue(data, line, period);
  if (v === null) return w.answer(w.t(`${label} ${w.period(period)} tablosunda yok ya da okunamadı.`, `${label} is not in the ${w.period(period)} statement, or could not be read.`));
  let text = `${label} ${w.period(period)}: ${w.amount(label, v / 100, period)}.`;
  const others = data.periods.filter((p) => p !== period && lineValue(data, line, p) !== null).reverse();
  if (others.length) text += w.t(' Diğer dönemler: ', ' Other periods: ') + others.map((p) => `${w.period(p)}: ${w.amount(label, lineValue(data, line, p)! / 100, p)}`).join('; ') + '.';
  return w.answer(text + validationNote(data, w.locale));
}

/** Nominal change between two periods, from the amounts as shown (whole currency units). */
export function answerGrowth(w: Writer, data: DataView, line: LineTarget, from?: string, to?: string, years?: number): Answer {
  const ps = data.periods;
  // "son 5 yılda net satışlar …", "… since 2020": every year-end of the history and its compound growth.
  if (!to && (years !== undefined || from)) {
    const path = historyPeriods(data, years !== undefined ? { years } : { from: from! });
    if (path.length >= 3) return answerLineHistory(w, data, line, path);
  }
  const b = to ? resolvePeriod(to, ps) : ps[ps.length - 1];
  const a = from ? resolvePeriod(from, ps) : b ? ps[ps.indexOf(b) - 1] : undefined;
  const label = lineLabel(data, line, w.locale);
  if (!a || !b || a === b) {
    const only = ps.map((p) => w.period(p)).join(', ');
    return w.answer(w.t(`Değişim için iki dönem gerekir; bu tabloda ${only || 'dönem yok'}.`, `A change needs two periods; this statement has ${only || 'none'}.`));
  }
  const [p0, p1] = a < b ? [a, b] : [b, a];
  const v0 = lineValue(data, line, p0);
  const v1 = lineValue(data, line, p1);
  if (v0 === null || v1 === null) return w.answer(w.t(`${label} her iki dönemde de okunamadı.`, `${label} is not available for both periods.`));
  const shown0 = Math.round(v0 / 100);
  const shown1 = Math.round(v1 / 100);
  const diff = shown1 - shown0;
  const pct = shown0 !== 0 ? diff / Math.abs(shown0) : null;
  const move = diff > 0 ? w.t('arttı', 'rose') : diff < 0 ? w.t('azaldı', 'fell') : w.t('değişmedi', 'was unchanged');
  let text = `${label}: ${w.period(p0)} ${w.amount(label, shown0, p0)} → ${w.period(p1)} ${w.amount(label, shown1, p1)}; ${move}`;
  if (diff !== 0) text += ` (${w.signedAmount(w.t(`${label} değişimi`, `${label} change`), diff, p1)}`;
  if (diff !== 0 && pct !== null) {
    w.cite(w.t(`${label} değişim oranı`, `${label} change rate`), pct * 100, p1);
    text += `, ${pct > 0 ? '+' : ''}${formatPercent(pct, w.locale)}`;
  }
  text += diff !== 0 ? ').' : '.';
  return w.answer(text + realSentence(w, data, { line, label, p0, p1, v0, v1 }) + validationNote(data, w.locale));
}

/** A statement line over the history: each year-end, then compound growth nominal and real. */
function answerLineHistory(w: Writer, data: DataView, line: LineTarget, periods: string[]): Answer {
  const label = lineLabel(data, line, w.locale);
  const values = periods.map((p) => lineValue(data, line, p));
  const path = periods.map((p, i) => `${w.period(p)} ${values[i] === null ? w.t('okunamadı', 'n/a') : w.amount(label, Math.round(values[i]! / 100), p)}`).join(' · ');
  const [p0, p1] = [periods[0]!, periods[periods.length - 1]!];
  const [v0, v1] = [values[0], values[values.length - 1]];
  let text = `${label}, ${w.period(p0)} → ${w.period(p1)}: ${path}.`;
  if (v0 != null && v1 != null) text += growthSentence(w, data, { line, label, p0, p1, v0, v1, years: yearsBetween(p0, p1) });
  return w.answer(text + validationNote(data, w.locale));
}

type Verdict = { sentence: string; numbers: string[]; weak: boolean | null };

function ratioLines(w: Writer, data: DataView, ids: RatioId[], period: string): { lines: string[]; weak: RatioId[]; rated: number } {
  const lines: string[] = [];
  const weak: RatioId[] = [];
  let rated = 0;
  for (const id of ids) {
    const v = ratioValue(data, id, period);
    if (v === null) continue;
    const status = ruleStatus(id, v);
    const rule = status ? w.rule(id) : null;
    if (status) rated++;
    if (status && isWeakness(id, status)) weak.push(id);
    lines.push(`• ${RATIO_DEFINITIONS[id].name[w.locale]}: ${w.ratio(id, v, period)}${rule ? ` (${w.t('kural', 'rule')}: ${rule}${status && isWeakness(id, status) ? w.t(' — zayıf tarafta', ' — on the weak side') : ''})` : ''}`);
  }
  return { lines, weak, rated };
}

function profitVerdict(w: Writer, data: DataView, period: string): Verdict {
  const np = inputsFor(data, period).NP;
  const label = INPUT_LABELS.NP[w.locale];
  if (np === null) return { sentence: w.t('Dönem net karı tabloda yok; kârlılık söylenemiyor.', 'Net profit is not in the statement, so profitability cannot be told.'), numbers: [], weak: null };
  const shown = w.amount(label, np / 100, period);
  const sentence = np > 0
    ? w.t(`Evet, ${w.period(period)} döneminde kârlı: dönem net karı ${shown}.`, `Yes, profitable in ${w.period(period)}: net profit ${shown}.`)
    : np < 0
      ? w.t(`Hayır, ${w.period(period)} döneminde zarar var: dönem net karı ${shown}.`, `No, a loss in ${w.period(period)}: net profit ${shown}.`)
      : w.t(`${w.period(period)} döneminde ne kâr ne zarar var.`, `Break-even in ${w.period(period)}.`);
  const { lines } = ratioLines(w, data, ['gross_margin', 'operating_margin', 'net_margin', 'return_on_equity'], period);
  return { sentence, numbers: lines, weak: np < 0 };
}

const TOPIC_RATIOS: Record<Exclude<JudgementTopic, 'overall' | 'profitability'>, RatioId[]> = {
  liquidity: ['current_ratio', 'acid_test_ratio', 'cash_ratio', 'net_working_capital'],
  solvency: ['debt_ratio', 'debt_to_equity', 'equity_ratio', 'interest_coverage'],
  efficiency: ['inventory_turnover', 'receivables_turnover', 'asset_turnover'],
};

function ruleVerdict(w: Writer, data: DataView, topic: keyof typeof TOPIC_RATIOS, period: string): Verdict {
  const { lines, weak, rated } = ratioLines(w, data, TOPIC_RATIOS[topic], period);
  const p = w.period(period);
  if (topic === 'efficiency' || rated === 0) {
    return { sentence: w.t(`${p} devir hızlarının genel bir eşiği yok; önceki dönemlerle karşılaştırarak değerlendirin.`, `Turnovers in ${p} have no general threshold; judge them against earlier periods.`), numbers: lines, weak: null };
  }
  const names = weak.map((id) => RATIO_DEFINITIONS[id].name[w.locale]).join(', ');
  const sentence = topic === 'liquidity'
    ? weak.length ? w.t(`Kısa vadeli ödeme gücü ${p} itibarıyla zayıf tarafta (${names}).`, `Short-term paying power is on the weak side as of ${p} (${names}).`) : w.t(`Kısa vadeli ödeme gücü ${p} itibarıyla ders kitabı kurallarını karşılıyor.`, `Short-term paying power meets the textbook rules as of ${p}.`)
    : weak.length ? w.t(`Borç düzeyi ${p} itibarıyla yüksek tarafta (${names}).`, `Debt is on the high side as of ${p} (${names}).`) : w.t(`Borç düzeyi ${p} itibarıyla ders kitabı kuralları içinde.`, `Debt is within the textbook rules as of ${p}.`);
  return { sentence, numbers: lines, weak: weak.length > 0 };
}

export function answerJudgement(w: Writer, data: DataView, topic: JudgementTopic): Answer {
  const period = data.periods[data.periods.length - 1];
  if (!period) return w.answer(w.t('Tabloda dönem yok.', 'The statement has no periods.'));
  const note = w.t(`\n(Kurallar ${TEXTBOOK_NOTE.tr}.)`, `\n(The rules are ${TEXTBOOK_NOTE.en}.)`);
  if (topic !== 'overall') {
    const v = topic === 'profitability' ? profitVerdict(w, data, period) : ruleVerdict(w, data, topic, period);
    return w.answer([v.sentence, ...v.numbers].join('\n') + (topic === 'profitability' ? '' : note) + validationNote(data, w.locale));
  }
  const parts = [profitVerdict(w, data, period), ruleVerdict(w, data, 'liquidity', period), ruleVerdict(w, data, 'solvency', period)];
  const weakCount = parts.filter((x) => x.weak === true).length;
  const head = weakCount === 0
    ? w.t('Genel tablo sağlam görünüyor:', 'Overall the picture looks sound:')
    : weakCount === 1 ? w.t('Genel tablo karışık; bir alan zayıf:', 'Overall a mixed picture; one area is weak:') : w.t('Genel tablo zayıf; birden çok alan sorunlu:', 'Overall a weak picture; several areas need attention:');
  const body = parts.flatMap((x) => [x.sentence, ...x.numbers]);
  return w.answer([head, ...body].join('\n') + note + validationNote(data, w.locale));
}

/** "*Örnek Gıda A.Ş. — 2024*": the company and period an answer is about, first in every answer. */
export function contextLine(intent: Intent, data: DataView, company: string | null, locale: Locale, label: (p: string) => string): string {
  const ps = data.periods;
  const latest = ps[ps.length - 1];
  if (!latest) return '';
  const wanted = 'period' in intent ? intent.period : undefined;
  let period = label(resolvePeriod(wanted, ps) ?? latest);
  const span = (intent.kind === 'compare' || intent.kind === 'growth') && !intent.to && (intent.years !== undefined || intent.from)
    ? historyPeriods(data, intent.years !== undefined ? { years: intent.years } : { from: intent.from! })
    : [];
  // A history question ("son 5 yılda …") is about the years it spans, not the newest pair.
  if (span.length >= 2) period = `${label(span[0]!)} → ${label(span[span.length - 1]!)}`;
  else if (intent.kind === 'compare' || intent.kind === 'growth' || intent.kind === 'why') {
    const to = resolvePeriod(intent.kind === 'why' ? undefined : intent.to, ps) ?? latest;
    const from = intent.kind !== 'why' && intent.from ? resolvePeriod(intent.from, ps) : ps[ps.indexOf(to) - 1];
    if (from && from !== to) period = `${label(from < to ? from : to)} → ${label(from < to ? to : from)}`;
  }
  const name = company ? inert(company) : locale === 'tr' ? 'Şirket' : 'Company';
  return `*${name} — ${period}*`;
}
