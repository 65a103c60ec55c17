import { editDistance } from '../../domain/turkish-text.ts';
import { QUESTION_VOCABULARY, WHY } from '../../domain/questions/intent-words.ts';
import { parseIntent, periodsIn, type Intent, type ParsedIntent } from '../../domain/questions/intents.ts';
import { tokensOf } from '../../domain/questions/ratio-aliases.ts';

/**
 * A question read in its conversation: typos corrected towards the bot's vocabulary when the
 * text is otherwise not understood, and short follow-ups ("peki 2023'te?", "neden?", "ya nakit
 * oranı?") completed from the last subject of the same thread or chat.
 */

/** Each unknown word of three letters or more replaced by the one vocabulary word a single edit away. */
export function correctTypos(text: string): string | null {
  const vocabulary = [...QUESTION_VOCABULARY].filter((w) => w.length >= 3);
  let changed = false;
  const fixed = tokensOf(text).map((t) => {
    if (t.length < 3 || QUESTION_VOCABULARY.has(t) || /^\d+$/.test(t)) return t;
    const near = vocabulary.filter((w) => Math.abs(w.length - t.length) <= 1 && editDistance(w, t) === 1);
    if (near.length !== 1) return t;
    changed = true;
    return near[0]!;
  });
  return changed ? fixed.join(' ') : null;
}

/** parseIntent, retried on the typo-corrected text when the first reading is not understood. */
export function understand(text: string): ParsedIntent {
  const parsed = parseIntent(text);
  if (parsed.intent.kind !== 'unknown') return parsed;
  const corrected = correctTypos(text);
  if (!corrected) return parsed;
  const again = parseIntent(corrected);
  return again.intent.kind === 'unknown' ? parsed : { ...again, locale: parsed.localeDetected ? parsed.locale : again.locale, localeDetected: parsed.localeDetected || again.localeDetected };
}

const FOLLOW = new Set(tokensOf('peki ya and what about how about ayrıca bir de o zaman sonra'));
const isShort = (text: string) => tokensOf(text).length <= 5;

type WithRatio = Extract<Intent, { ratioId: unknown }>;
const ratioOf = (i: Intent): WithRatio['ratioId'] | undefined => ('ratioId' in i ? i.ratioId : undefined);

/** The intent a short follow-up stands for, given the thread's last one. */
export function withFollowUp(text: string, parsed: Intent, last: Intent | undefined): Intent {
  if (!last || !isShort(text)) return parsed;
  const tokens = tokensOf(text);
  const periods = periodsIn(text);
  const onlyPeriod = periods.length === 1 && (parsed.kind === 'ratios' || parsed.kind === 'unknown') && tokens.length <= 4 && !tokens.some((t) => t.startsWith('oran') || t.startsWith('ratio'));
  // "neden?" / "why?" after a ratio or a line.
  if (parsed.kind === 'compare' && !parsed.ratioId && WHY.some((w) => tokens.some((t) => t.startsWith(w[0]!))) && tokens.length <= 3) {
    const ratioId = ratioOf(last);
    if (ratioId) return { kind: 'why', ratioId };
    if (last.kind === 'line' || last.kind === 'growth') return { kind: 'growth', line: last.line };
  }
  // "peki 2023'te?": the last question again, for another period.
  if (onlyPeriod) {
    const period = periods[0]!;
    switch (last.kind) {
      case 'ratio_value':
      case 'line':
      case 'family':
      case 'ratios':
        return { ...last, period };
      case 'compare':
      case 'growth':
        return { ...last, to: period, from: undefined } as Intent;
      default:
        return parsed;
    }
  }
  // "ya nakit oranı?": the last kind of question, about another ratio or line.
  const follows = tokens.some((t) => FOLLOW.has(t));
  if (parsed.kind === 'ratio_value' && !parsed.period && (follows || tokens.length <= 3)) {
    if (last.kind === 'compare' || last.kind === 'why' || last.kind === 'definition') return { ...last, ratioId: parsed.ratioId };
    if (last.kind === 'ratio_value' && last.period) return { ...parsed, period: last.period };
  }
  if (parsed.kind === 'line' && !parsed.period && (follows || tokens.length <= 3)) {
    if (last.kind === 'growth') return { ...last, line: parsed.line };
    if (last.kind === 'line' && last.period) return { ...parsed, period: last.period };
  }
  return parsed;
}
