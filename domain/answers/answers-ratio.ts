import { describePosition, positionOf } from '../benchmarks.ts';
import { inputsOf, isSumFormula, quotientsOf, RATIO_FORMULAS, sumTerms, type Term } from '../ratio-formulas.ts';
import { RATIO_DEFINITIONS, RATIO_IDS, type RatioFamily, type RatioId } from '../ratio-definitions.ts';
import { computeRatiosForPeriod } from '../ratios.ts';
import { INPUT_LABELS, type StatementInputs } from '../statement-inputs.ts';
import {
  FAMILIES, FAMILY_NAMES, inputsFor, isWeakness, MINUS, ratioValue, resolvePeriod, ruleStatus, TEXTBOOK_NOTE, validationNote, Writer,
  type Answer, type DataView,
} from './answer-writer.ts';

/** One ratio (its value, inputs and rule) and the ratio lists, as answers. */

// ---- one ratio --------------------------------------------------------------------------------

/** "15.234.000 TL / 10.022.000 TL", "(15.234.000 TL − 3.000.000 TL) / 10.022.000 TL". */
/** Signed terms as a sum a reader follows: "a + b − c", a leading minus without a space. */
const signedSum = (terms: readonly { sign: 1 | -1; text: string }[]): string =>
  terms.map((t, i) => (i === 0 ? (t.sign < 0 ? `${MINUS}${t.text}` : t.text) : `${t.sign < 0 ? MINUS : '+'} ${t.text}`)).join(' ');

export function expression(w: Writer, id: RatioId, inputs: StatementInputs, period: string): string {
  const f = RATIO_FORMULAS[id];
  if (isSumFormula(f)) {
    // "45,2 gün + 60,8 gün − 30,1 gün": each part as shown, so the reader can add them up.
    const values = computeRatiosForPeriod(inputs);
    return signedSum(f.parts.map((p) => ({ sign: p.sign, text: w.ratio(p.ratio, values[p.ratio]!, period) })));
  }
  const side = (terms: readonly Term[], wrap: boolean) => {
    const s = signedSum(terms.map((term) => ({ sign: term.sign, text: w.amount(INPUT_LABELS[term.input][w.locale], inputs[term.input]! / 100, period) })));
    return wrap && terms.length > 1 ? `(${s})` : s;
  };
  if (f.denominator.length === 0) return side(f.numerator, false);
  const scale = f.scale ? `${f.scale} × ` : '';
  return `${scale}${side(f.numerator, true)} / ${side(f.denominator, true)}`;
}

/** The ratio as stored, shown with the inputs when the inputs reproduce it. */
export function valueWithInputs(w: Writer, data: DataView, id: RatioId, period: string, value: number): string {
  const inputs = inputsFor(data, period);
  const recomputed = computeRatiosForPeriod(inputs)[id];
  const shown = w.ratio(id, value, period);
  const tolerance = RATIO_DEFINITIONS[id].kind === 'amount' ? 0.01 : 1e-9 * Math.max(1, Math.abs(value));
  if (recomputed === null || Math.abs(recomputed - value) > tolerance) return shown;
  return `${shown} = ${expression(w, id, inputs, period)}`;
}

/** Why a ratio is null in a period: the missing inputs, or the zero divisor. */
export function nullReason(w: Writer, data: DataView, id: RatioId, period: string): string {
  const inputs = inputsFor(data, period);
  const used = inputsOf(id);
  const missing = used.filter((n) => inputs[n] === null).map((n) => INPUT_LABELS[n][w.locale]);
  if (missing.length) {
    return w.t(`${missing.join(', ')} tabloda yok ya da okunamadı`, `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing from the statement`);
  }
  const zero = quotientsOf(id).map((q) => q.formula.denominator).find((den) => den.length > 0 && sumTerms(inputs, den) === 0);
  if (zero) {
    const names = zero.map((t) => INPUT_LABELS[t.input][w.locale]);
    const amount = w.amount(names.join(' + '), 0, period);
    return w.t(`payda (${names.join(' + ')}) ${amount}; sıfıra bölme tanımsız`, `the denominator (${names.join(' + ')}) is ${amount}, and division by zero is undefined`);
  }
  return w.t('tabloda bu oran için değer yok', 'the analysis holds no value for this ratio');
}

export function ratioSentence(w: Writer, data: DataView, id: RatioId, period: string): string {
  const name = RATIO_DEFINITIONS[id].name[w.locale];
  const v = ratioValue(data, id, period);
  if (v === null) return w.t(`${name} ${w.period(period)} hesaplanamıyor: ${nullReason(w, data, id, period)}.`, `${name} ${w.period(period)} cannot be computed: ${nullReason(w, data, id, period)}.`);
  return `${name} ${w.period(period)}: ${valueWithInputs(w, data, id, period, v)}`;
}

export function ruleSentence(w: Writer, id: RatioId, value: number | null): string {
  const rule = w.rule(id);
  if (!rule) return '';
  const status = value === null ? null : ruleStatus(id, value);
  const verdict =
    status === 'low' ? w.t(' Bu değer kuralın altında.', ' This value is below it.')
    : status === 'high' && !isWeakness(id, status) ? w.t(' Bu değer aralığın üstünde; bu tek başına bir zayıflık değildir.', ' This value is above the range, which is not a weakness in itself.')
    : status === 'high' ? w.t(' Bu değer kuralın üstünde.', ' This value is above it.')
    : status === 'ok' ? w.t(' Bu değer kurala uyuyor.', ' This value is within it.')
    : '';
  return w.t(`\nDers kitabı kuralı: ${rule} (${TEXTBOOK_NOTE.tr}).${verdict}`, `\nTextbook rule of thumb: ${rule} (${TEXTBOOK_NOTE.en}).${verdict}`);
}

export function noPeriod(w: Writer, data: DataView, wanted: string): Answer {
  const list = data.periods.map((p) => w.period(p)).join(', ');
  // The requested period is not echoed: every number in an answer comes from the data.
  void wanted;
  return w.answer(w.t(`İstenen dönem bu tabloda yok. Mevcut dönemler: ${list}.`, `The requested period is not in this statement. Available periods: ${list}.`));
}

export function answerRatioValue(w: Writer, data: DataView, id: RatioId, wanted?: string): Answer {
  const period = resolvePeriod(wanted, data.periods);
  if (!period) return noPeriod(w, data, wanted ?? '');
  const def = RATIO_DEFINITIONS[id];
  let text = `${ratioSentence(w, data, id, period)} (${def.formula[w.locale]}).`;
  const v = ratioValue(data, id, period);
  text += ruleSentence(w, id, v);
  // The sector's quartiles, when the company's sector has a loaded table for this ratio.
  const position = positionOf(data.benchmarks, id, period);
  if (position) text += `\n${w.t('Sektörde', 'In the sector')}: ${describePosition(position, w.locale)}`;
  const others = data.periods.filter((p) => p !== period).reverse();
  if (others.length) {
    const parts = others.map((p) => {
      const o = ratioValue(data, id, p);
      return `${w.period(p)}: ${o === null ? w.t('hesaplanamıyor', 'n/a') : w.ratio(id, o, p)}`;
    });
    text += w.t(`\nDiğer dönemler: ${parts.join('; ')}.`, `\nOther periods: ${parts.join('; ')}.`);
  }
  return w.answer(text + validationNote(data, w.locale));
}

// ---- all ratios -------------------------------------------------------------------------------

/** Every ratio, or one family's ("likidite durumum nasıl"), flagged against the rules as shown. */
export function answerRatios(w: Writer, data: DataView, wanted?: string, only?: RatioFamily): Answer {
  const period = resolvePeriod(wanted, data.periods);
  if (!period) return noPeriod(w, data, wanted ?? '');
  const lines = [only
    ? w.t(`${FAMILY_NAMES[only].tr} oranları, ${w.period(period)}:`, `${FAMILY_NAMES[only].en} ratios, ${w.period(period)}:`)
    : w.t(`${w.period(period)} oranları:`, `Ratios for ${w.period(period)}:`)];
  for (const family of only ? [only] : FAMILIES) {
    if (!only) lines.push(`*${FAMILY_NAMES[family][w.locale]}*`);
    for (const id of RATIO_IDS.filter((r) => RATIO_DEFINITIONS[r].family === family)) {
      const v = ratioValue(data, id, period);
      const status = v === null ? null : ruleStatus(id, v);
      const flag = status && status !== 'ok' ? (isWeakness(id, status) ? ' ⚠️' : ' ℹ️') : '';
      const rule = only && status ? ` (${w.t('kural', 'rule')}: ${w.rule(id)})` : '';
      lines.push(`• ${RATIO_DEFINITIONS[id].name[w.locale]}: ${v === null ? w.t('hesaplanamıyor', 'n/a') : w.ratio(id, v, period)}${rule}${flag}`);
    }
  }
  if (lines.some((l) => l.endsWith('⚠️'))) {
    lines.push(w.t('⚠️ ders kitabı kuralının zayıf tarafında (genel kural, sektör ölçütü değil).', '⚠️ on the weak side of the textbook rule of thumb (a general rule, not a sector benchmark).'));
  }
  if (lines.some((l) => l.endsWith('ℹ️'))) {
    lines.push(w.t('ℹ️ aralığın üstünde; bu tek başına bir zayıflık değildir.', 'ℹ️ above the range, which is not a weakness in itself.'));
  }
  return w.answer(lines.join('\n') + validationNote(data, w.locale));
}

