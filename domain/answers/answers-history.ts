import type { Analysis } from '../../contracts/analysis.ts';
import { toKurus } from '../money.ts';
import { RATIO_DEFINITIONS, type RatioId } from '../ratio-definitions.ts';
import { DIRECTION_TEXT, directionOf, trendPeriods } from '../trends.ts';
import { ratioValue, resolvePeriod, shownValue, validationNote, type Answer, type DataView, type Writer } from './answer-writer.ts';

/**
 * A ratio over the company's history ("son 5 yılda net kâr marjı nasıl değişti?", "how did
 * leverage change since 2020?"): every year-end from the first asked for to the newest, the
 * change first to last and the direction, from the analyses of the company's reports. A period
 * several reports print is taken from the newest report (its restated figures), and where an
 * earlier report printed another amount the difference is said.
 */
export function historyPeriods(data: DataView, opts: { years?: number; from?: string }): string[] {
  const all = trendPeriods(data.periods);
  const last = all[all.length - 1];
  if (!last) return [];
  let first: string | undefined;
  if (opts.years !== undefined) first = `${Number(last.slice(0, 4)) - opts.years}${last.slice(4)}`;
  else if (opts.from) first = resolvePeriod(opts.from, data.periods) ?? undefined;
  return first ? all.filter((p) => p >= first!) : all;
}

const RESTATED_KEYS = ['NET_SALES', 'NET_PROFIT', 'TOTAL_ASSETS'] as const;
const KEY_NAMES = { NET_SALES: { tr: 'net satışlar', en: 'net sales' }, NET_PROFIT: { tr: 'net kâr', en: 'net profit' }, TOTAL_ASSETS: { tr: 'aktif toplamı', en: 'total assets' } } as const;

/** Where an earlier report printed a headline amount of a period differently from the report used. */
export function restatementNotes(w: Writer, data: DataView, sources: readonly Analysis[], periods: readonly string[]): string[] {
  const notes: string[] = [];
  for (const p of periods) {
    const used = data.owner.get(p);
    if (!used) continue;
    for (const other of sources) {
      if (other === used || !other.periods.includes(p)) continue;
      for (const key of RESTATED_KEYS) {
        const a = used.items[key]?.[p];
        const b = other.items[key]?.[p];
        if (a === undefined || b === undefined || toKurus(a) === toKurus(b)) continue;
        const name = KEY_NAMES[key][w.locale];
        notes.push(w.t(
          `${w.period(p)} ${name}: sonraki raporun yeniden düzenlenmiş tutarı ${w.amount(name, a, p)} kullanıldı (önceki rapor ${w.amount(name, b, p)}).`,
          `${w.period(p)} ${name}: the later report's restated ${w.amount(name, a, p)} is used (the earlier report printed ${w.amount(name, b, p)}).`,
        ));
      }
    }
  }
  return notes;
}

export function answerRatioHistory(w: Writer, data: DataView, id: RatioId, periods: readonly string[], sources: readonly Analysis[]): Answer {
  const def = RATIO_DEFINITIONS[id];
  const name = def.name[w.locale];
  const values = periods.map((p) => ratioValue(data, id, p));
  const path = periods.map((p, i) => `${w.period(p)} ${values[i] === null ? w.t('hesaplanamıyor', 'n/a') : w.ratio(id, values[i]!, p)}`).join(' · ');
  const first = periods[0]!;
  const last = periods[periods.length - 1]!;
  const [v0, v1] = [values[0], values[values.length - 1]];
  let text = w.t(`${name}, ${w.period(first)} → ${w.period(last)}: ${path}.`, `${name}, ${w.period(first)} → ${w.period(last)}: ${path}.`);
  if (v0 != null && v1 != null) {
    const d = w.delta(id, shownValue(id, v1) - shownValue(id, v0), w.t(`${name} değişimi`, `${name} change`), last);
    const dir = directionOf(values);
    text += w.t(
      ` ${w.period(first)} → ${w.period(last)} değişim: ${d}${dir ? `; ${DIRECTION_TEXT[dir].tr}` : ''}.`,
      ` From ${w.period(first)} to ${w.period(last)}: ${d}${dir ? `; it ${DIRECTION_TEXT[dir].en}` : ''}.`,
    );
  }
  const notes = restatementNotes(w, data, sources, periods);
  if (notes.length) text += `\n${notes.join('\n')}`;
  return w.answer(text + validationNote(data, w.locale));
}
