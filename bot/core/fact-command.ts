import { FactAnswer, type ReviewDecision } from '../../contracts/workflow.ts';
import { foldLetters } from '../../domain/turkish-text.ts';

/** How users name a unit: the Turkish words, the English ones, and the lira itself. */
const UNITS: ReadonlyArray<[RegExp, FactAnswer & { fact: 'unit' }]> = [
  [/^(milyon( tl| try| turk lirasi)?|millions?( of (tl|try|lira))?|in millions)$/, { fact: 'unit', value: 'Milyon TL' }],
  [/^(bin( tl| try| turk lirasi)?|thousands?( of (tl|try|lira))?|in thousands|000)$/, { fact: 'unit', value: 'Bin TL' }],
  [/^(tl|try|turk lirasi|lira|units?|tam( tl)?|full( units)?|whole units)$/, { fact: 'unit', value: 'TL' }],
];

/** Lira as users write it; any other three-letter code is taken as an ISO currency. */
const CURRENCY_WORDS: Record<string, string> = { tl: 'TRY', '₺': 'TRY', lira: 'TRY', dolar: 'USD', $: 'USD', euro: 'EUR', avro: 'EUR', '€': 'EUR' };

/**
 * A user's statement of a document fact, as the question about an unsure fact and the
 * summary's marked line invite it:
 *   `birim bin TL` · `birim milyon TL` · `birim TL` · `unit thousands` · `unit millions` ·
 *   `unit units` (also just `bin TL` / `milyon TL`), `şirket: X A.Ş.` · `company: X Ltd`,
 *   `para birimi USD` · `currency EUR`.
 * The company needs its colon (a question may start with "şirket"). Null: not such a statement.
 */
export function parseFactCommand(text: string): ReviewDecision | null {
  const raw = text.trim().replace(/\s+/g, ' ');
  // Folded (Turkish lower case, no diacritics): "BİRİM", "UNIT" and "şirket" all match.
  const t = foldLetters(raw);
  if (/^(sirket|firma|company)\s*:/.test(t)) return fact({ fact: 'company', value: raw.slice(raw.indexOf(':') + 1).trim() });
  const unit = /^(?:birim|unit)\s*:?\s*(.+)$/.exec(t)?.[1] ?? (/^(bin|milyon) (tl|try)$/.test(t) ? t : null);
  if (unit !== null) {
    const hit = UNITS.find(([re]) => re.test(unit.trim()));
    return hit ? fact(hit[1]) : null;
  }
  const currency = /^(?:para birimi|currency)\s*:?\s*(\S+)$/.exec(t)?.[1];
  if (currency) return fact({ fact: 'currency', value: CURRENCY_WORDS[currency] ?? currency.toUpperCase() } as FactAnswer);
  return null;
}

/** Checked against the contract: a value it refuses (a one-letter name, "para birimi XY") is no answer. */
function fact(answer: FactAnswer): ReviewDecision | null {
  const parsed = FactAnswer.safeParse(answer);
  return parsed.success ? { action: 'fact', answer: parsed.data } : null;
}
