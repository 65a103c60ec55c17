import { nameOf } from '../chart-of-accounts.ts';
import { ratioDrivers, type InputDriver } from '../drivers.ts';
import { RATIO_DEFINITIONS, RATIO_IDS, type RatioId } from '../ratio-definitions.ts';
import { INPUT_LABELS } from '../statement-inputs.ts';
import { FAMILIES, FAMILY_NAMES, ratioValue, resolvePeriod, shownValue, validationNote, Writer, type Answer, type DataView, type L } from './answer-writer.ts';
import { nullReason, ratioSentence, noPeriod } from './answers-ratio.ts';
import type { Locale } from '../../contracts/locale.ts';
import { answerRatioHistory, historyPeriods } from './answers-history.ts';

/** Comparisons between periods and why a ratio moved, as answers. */

// ---- comparisons ------------------------------------------------------------------------------

export function comparePeriods(data: DataView, from?: string, to?: string): { from: string; to: string } | { missing: string } | null {
  const ps = data.periods;
  const t = to ? resolvePeriod(to, ps) : ps[ps.length - 1];
  if (to && !t) return { missing: to };
  const f = from ? resolvePeriod(from, ps) : t ? ps[ps.indexOf(t) - 1] : undefined;
  if (from && !f) return { missing: from };
  if (!t || !f || f === t) return null;
  return f < t ? { from: f, to: t } : { from: t, to: f };
}

export function needTwoPeriods(w: Writer, data: DataView, id?: RatioId): Answer {
  const only = data.periods.map((p) => w.period(p)).join(', ');
  let text = w.t(
    `Karşılaştırma için en az iki dönem gerekir; ${only ? `bu tabloda yalnızca ${only} dönemi var` : 'bu tabloda dönem yok'}.`,
    `A comparison needs at least two periods; ${only ? `this statement has only ${only}` : 'this statement has none'}.`,
  );
  if (id && data.periods.length) text += `\n${ratioSentence(w, data, id, data.periods[data.periods.length - 1]!)}`;
  return w.answer(text);
}

const direction = (w: Writer, change: number) =>
  change > 0 ? w.t('yükseldi', 'rose') : change < 0 ? w.t('düştü', 'fell') : w.t('değişmedi', 'unchanged');

function compareOne(w: Writer, data: DataView, id: RatioId, from: string, to: string): string {
  const name = RATIO_DEFINITIONS[id].name[w.locale];
  const a = ratioValue(data, id, from);
  const b = ratioValue(data, id, to);
  if (a === null || b === null) {
    const which = a === null ? from : to;
    return w.t(`${name}: ${w.period(which)} için hesaplanamıyor (${nullReason(w, data, id, which)}).`, `${name}: cannot be computed for ${w.period(which)} (${nullReason(w, data, id, which)}).`);
  }
  // The difference of the values as shown, so the reader's own subtraction agrees.
  const change = shownValue(id, b) - shownValue(id, a);
  const d = w.delta(id, change, w.t(`${name} değişimi`, `${name} change`), to);
  return `${name}: ${w.period(from)} ${w.ratio(id, a, from)} → ${w.period(to)} ${w.ratio(id, b, to)} (${d}, ${direction(w, change)}).`;
}

export function answerCompare(w: Writer, data: DataView, id: RatioId | undefined, from?: string, to?: string, years?: number): Answer {
  // "son 5 yılda …", "… since 2020": the whole path when the history has three or more year-ends.
  if (id && !to && (years !== undefined || from)) {
    const path = historyPeriods(data, years !== undefined ? { years } : { from: from! });
    if (path.length >= 3) return answerRatioHistory(w, data, id, path, data.sources);
  }
  const pair = comparePeriods(data, from, to);
  if (pair && 'missing' in pair) return noPeriod(w, data, pair.missing);
  if (!pair) return needTwoPeriods(w, data, id);
  if (id) {
    let text = compareOne(w, data, id, pair.from, pair.to);
    text += w.t('\nNedenini görmek için “neden değişti?” diye sorabilirsiniz.', '\nAsk “why did it change?” to see the drivers.');
    return w.answer(text + validationNote(data, w.locale));
  }
  const lines = [w.t(`${w.period(pair.from)} → ${w.period(pair.to)} oran değişimleri:`, `Ratio changes ${w.period(pair.from)} → ${w.period(pair.to)}:`)];
  for (const family of FAMILIES) {
    lines.push(`*${FAMILY_NAMES[family][w.locale]}*`);
    for (const r of RATIO_IDS.filter((x) => RATIO_DEFINITIONS[x].family === family)) {
      const name = RATIO_DEFINITIONS[r].name[w.locale];
      const a = ratioValue(data, r, pair.from);
      const b = ratioValue(data, r, pair.to);
      if (a === null || b === null) {
        lines.push(`• ${name}: ${w.t('hesaplanamıyor', 'n/a')}`);
        continue;
      }
      const d = w.delta(r, shownValue(r, b) - shownValue(r, a), w.t(`${name} değişimi`, `${name} change`), pair.to);
      lines.push(`• ${name}: ${w.ratio(r, a, pair.from)} → ${w.ratio(r, b, pair.to)} (${d})`);
    }
  }
  return w.answer(lines.join('\n') + validationNote(data, w.locale));
}

// ---- why --------------------------------------------------------------------------------------

function lineName(w: Writer, data: DataView, key: string | null, name: L | null): string {
  if (key === null) return w.t('ayrıntısı basılmamış diğer kalemler', 'other lines (not itemised)');
  return displayName(name?.[w.locale] ?? nameOf(key, w.locale) ?? data.labels.get(key) ?? key, w.locale);
}

/** Statements print group names in capitals ("TİCARİ ALACAKLAR"); answers use title case. */
export function displayName(name: string, locale: Locale): string {
  if (name !== name.toLocaleUpperCase('tr-TR') || !/\p{L}/u.test(name)) return name;
  const lang = locale === 'tr' ? 'tr-TR' : 'en-US';
  return name
    .toLocaleLowerCase('tr-TR')
    .replace(/(^|[\s(/-])(\p{L})/gu, (_m, pre: string, ch: string) => pre + ch.toLocaleUpperCase(lang))
    .replace(/\b(Ve|Veya|İle)\b/gu, (x) => x.toLocaleLowerCase('tr-TR'));
}

function inputMoves(w: Writer, inputs: InputDriver[], from: string, to: string): string {
  return inputs
    .map((i) => {
      const label = INPUT_LABELS[i.input][w.locale];
      return `${label} ${w.amount(label, i.from, from)} → ${w.amount(label, i.to, to)}`;
    })
    .join('; ');
}

export function answerWhy(w: Writer, data: DataView, id: RatioId): Answer {
  const pair = comparePeriods(data);
  if (!pair || 'missing' in pair) return needTwoPeriods(w, data, id);
  const { from, to } = pair;
  const def = RATIO_DEFINITIONS[id];
  const name = def.name[w.locale];
  const a = ratioValue(data, id, from);
  const b = ratioValue(data, id, to);
  const drivers = a === null || b === null ? null : ratioDrivers(data.items, id, from, to, 5);
  if (!drivers || a === null || b === null) {
    // The first compare line already says which period is undefined and why.
    return w.answer(compareOne(w, data, id, from, to) + validationNote(data, w.locale));
  }
  // The difference of the values as shown, so the reader's own subtraction agrees.
  const change = shownValue(id, b) - shownValue(id, a);
  const lines = [
    `${name}: ${w.period(from)} ${w.ratio(id, a, from)} → ${w.period(to)} ${w.ratio(id, b, to)} (${w.delta(id, change, w.t(`${name} değişimi`, `${name} change`), to)}, ${direction(w, change)}).`,
    w.t(`Formül: ${def.formula.tr}.`, `Formula: ${def.formula.en}.`),
  ];
  const num = drivers.inputs.filter((i) => i.side === 'numerator');
  const den = drivers.inputs.filter((i) => i.side === 'denominator');
  if (den.length === 0) {
    // An amount (net working capital): each input moves it one for one.
    for (const i of num) {
      const label = INPUT_LABELS[i.input][w.locale];
      lines.push(`• ${label}: ${w.amount(label, i.from, from)} → ${w.amount(label, i.to, to)} (${w.t('etkisi', 'effect')} ${w.signedAmount(w.t(`${label} etkisi`, `${label} effect`), i.contribution, to)})`);
    }
  } else {
    const ne = w.delta(id, drivers.numeratorEffect, w.t(`${name} pay etkisi`, `${name} numerator effect`), to);
    const de = w.delta(id, drivers.denominatorEffect, w.t(`${name} payda etkisi`, `${name} denominator effect`), to);
    lines.push(w.t(`• Pay etkisi ${ne}: ${inputMoves(w, num, from, to)}.`, `• Numerator effect ${ne}: ${inputMoves(w, num, from, to)}.`));
    lines.push(w.t(`• Payda etkisi ${de}: ${inputMoves(w, den, from, to)}.`, `• Denominator effect ${de}: ${inputMoves(w, den, from, to)}.`));
    if (change !== 0) {
      const main = Math.abs(drivers.numeratorEffect) >= Math.abs(drivers.denominatorEffect) ? 'numerator' : 'denominator';
      lines.push(main === 'numerator'
        ? w.t('Değişimin büyük kısmı paydaki hareketten geliyor.', 'Most of the change comes from the numerator.')
        : w.t('Değişimin büyük kısmı paydadaki hareketten geliyor.', 'Most of the change comes from the denominator.'));
    }
  }
  if (drivers.top.length) {
    lines.push(w.t('En çok etkileyen kalemler:', 'Lines that moved it most:'));
    for (const l of drivers.top.slice(0, 5)) {
      const label = lineName(w, data, l.key, l.name);
      const moved = w.signedAmount(w.t(`${label} değişimi`, `${label} change`), l.change, to);
      const effect = def.kind === 'amount'
        ? w.signedAmount(w.t(`${label} etkisi`, `${label} effect`), l.contribution, to)
        : w.delta(id, l.contribution, w.t(`${label} etkisi`, `${label} effect`), to);
      lines.push(def.kind === 'amount'
        ? w.t(`• ${label}: ${moved} (etkisi ${effect})`, `• ${label}: ${moved} (effect ${effect})`)
        : w.t(`• ${label}: ${moved} (orana etkisi ${effect})`, `• ${label}: ${moved} (effect on the ratio ${effect})`));
    }
  }
  return w.answer(lines.join('\n') + validationNote(data, w.locale));
}

