import { RATIO_DEFINITIONS, type RatioFamily, type RatioId } from '../ratio-definitions.ts';
import { findFamily, findRatio, ratioFromText, tokenMatches, tokensOf } from './ratio-aliases.ts';
import {
  COMPARE, DEFINITION, EN_WORDS, EXPORT_WORDS, GREETING, HELP, LANG_CONTEXT, LANG_NAMES, RATIOS, RATIOS_ALL, SINCE, TR_WORDS, VALUE, WEAK, WHY, CHART, XLSX,
} from './intent-words.ts';
import { daysMetric } from './days-metrics.ts';
import { findLine, GROWTH, isOverallJudgement, isVerdict, judgementTopic, lineFamily, linesIn, WEAK_EXTRA, type JudgementTopic, type LineTarget } from './question-topics.ts';
import { ratioByFormula } from './ratio-by-formula.ts';
import type { Locale } from '../../contracts/locale.ts';

/**
 * What a chat message asks for, decided without a model: slash commands, bare commands
 * ("ratios 2024", "export pdf") and free questions in Turkish or English. Matching runs on
 * `foldTurkish` tokens, so "CARİ ORANI", "CARI ORANI" and "cari oranı" are the same; the
 * locale comes from the raw text (Turkish letters and words against English words).
 */
export type Intent =
  | { kind: 'help' }
  | { kind: 'ratios'; period?: string }
  | { kind: 'ratio_value'; ratioId: RatioId; period?: string }
  | { kind: 'compare'; ratioId?: RatioId; from?: string; to?: string; years?: number }
  | { kind: 'why'; ratioId: RatioId }
  | { kind: 'definition'; ratioId: RatioId }
  | { kind: 'weak' }
  | { kind: 'line'; line: LineTarget; period?: string }
  | { kind: 'growth'; line: LineTarget; from?: string; to?: string; years?: number }
  | { kind: 'judgement'; topic: JudgementTopic }
  | { kind: 'family'; family: RatioFamily; period?: string }
  | { kind: 'chart'; family?: RatioFamily }
  | { kind: 'export'; format: 'xlsx' | 'pdf' }
  | { kind: 'digest'; args: string[] }
  | { kind: 'language'; locale: Locale }
  | { kind: 'unknown' };

export interface ParsedIntent {
  intent: Intent;
  locale: Locale;
  /** False when the text carried no language signal ("ROE", "/export pdf") and `locale` is the default. */
  localeDetected?: boolean;
}

export const DEFAULT_LOCALE: Locale = 'tr';

/** Does any phrase occur in the folded tokens (each phrase token as a stem)? */
function has(tokens: readonly string[], phrases: readonly (readonly string[])[]): boolean {
  return phrases.some((p) => indexOf(tokens, p) >= 0);
}
function indexOf(tokens: readonly string[], phrase: readonly string[]): number {
  for (let at = 0; at + phrase.length <= tokens.length; at++) {
    if (phrase.every((p, i) => stemMatches(p, tokens[at + i]!))) return at;
  }
  return -1;
}
// Keyword stems of up to three letters must be whole words ("vs", "in", "en"); longer ones are
// prefixes ("karşılaştır" → "karşılaştırır mısın"), reusing the alias rule for softened stems.
const stemMatches = (stem: string, token: string) => (stem.length <= 3 ? stem === token : tokenMatches(stem, token));

// ---- periods ----------------------------------------------------------------------------------

/** Years and ISO / Turkish dates in the raw text, in order: "2024", "2024-12-31", "31.12.2024" → "2024-12-31". */
export function periodsIn(text: string): string[] {
  const out: string[] = [];
  const re = /(?<![\d.,:])(?:((?:19|20)\d{2})-(\d{2})-(\d{2})|(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d{2})|((?:19|20)\d{2}))(?![\d.,:]\d)/g;
  for (const m of text.matchAll(re)) {
    if (m[1]) out.push(`${m[1]}-${m[2]}-${m[3]}`);
    else if (m[6]) out.push(`${m[6]}-${m[5]!.padStart(2, '0')}-${m[4]!.padStart(2, '0')}`);
    else if (m[7]) out.push(m[7]);
  }
  return [...new Set(out)];
}

// ---- locale -----------------------------------------------------------------------------------

const TR_LETTERS = /[çğışöüÇĞİŞÖÜ]/;
// Words the two vocabularies share after folding carry no signal.
const SHARED = new Set([...TR_WORDS].filter((w) => EN_WORDS.has(w)));

export function detectLocale(text: string, skipFirstToken = false): { locale: Locale; detected: boolean } {
  let tr = TR_LETTERS.test(text) ? 3 : 0;
  let en = 0;
  const tokens = tokensOf(text).slice(skipFirstToken ? 1 : 0);
  for (const t of tokens) {
    if (SHARED.has(t)) continue;
    if (TR_WORDS.has(t)) tr++;
    if (EN_WORDS.has(t)) en++;
  }
  // Apostrophe suffixes ("2023'te", "ROE'si") are Turkish.
  if (/\w['’](?:[dt][ae]n?|y?[ıiuü]n?|s[ıiuü]|n[ıiuü]n|y?[ae])\b/i.test(text)) tr += 2;
  if (tr === en) return { locale: DEFAULT_LOCALE, detected: false };
  return { locale: tr > en ? 'tr' : 'en', detected: true };
}

// ---- commands ---------------------------------------------------------------------------------

type CommandName = 'help' | 'ratios' | 'ratio' | 'compare' | 'why' | 'define' | 'weak' | 'chart' | 'export' | 'digest' | 'lang' | 'pdf' | 'excel';
const COMMANDS: Record<string, CommandName> = {
  help: 'help', yardim: 'help', start: 'help', komutlar: 'help',
  ratios: 'ratios', oranlar: 'ratios', rasyolar: 'ratios',
  ratio: 'ratio', oran: 'ratio',
  compare: 'compare', karsilastir: 'compare', kiyasla: 'compare',
  why: 'why', neden: 'why',
  define: 'define', definition: 'define', tanim: 'define', formul: 'define', formula: 'define',
  weak: 'weak', zayif: 'weak',
  chart: 'chart', charts: 'chart', grafik: 'chart', grafikler: 'chart',
  export: 'export', disaaktar: 'export', rapor: 'pdf', report: 'pdf', pdf: 'pdf', excel: 'excel', xlsx: 'excel',
  digest: 'digest', ozet: 'digest',
  lang: 'lang', language: 'lang', dil: 'lang',
};
/** Commands recognised without a slash when they open the message ("ratios 2024", "digest weekly ACME 09:00"). */
const BARE = new Set(['help', 'ratios', 'compare', 'export', 'digest', 'chart', 'weak', 'define', 'lang', 'language', 'yardim']);

function parseCommand(name: CommandName, rawArgs: string[], argText: string): Intent {
  const tokens = tokensOf(argText);
  const periods = periodsIn(argText);
  const ratio = findRatio(tokens)?.value ?? ratioFromText(argText);
  switch (name) {
    case 'help':
      return { kind: 'help' };
    case 'ratios':
      if (ratio) return withPeriod({ kind: 'ratio_value', ratioId: ratio }, periods[0]);
      return withPeriod({ kind: 'ratios' }, periods[0]);
    case 'ratio':
      return ratio ? withPeriod({ kind: 'ratio_value', ratioId: ratio }, periods[0]) : withPeriod({ kind: 'ratios' }, periods[0]);
    case 'compare':
      return compareIntent(ratio ?? undefined, periods, tokens);
    case 'why':
      return ratio ? { kind: 'why', ratioId: ratio } : { kind: 'compare' };
    case 'define':
      return ratio ? { kind: 'definition', ratioId: ratio } : { kind: 'help' };
    case 'weak':
      return { kind: 'weak' };
    case 'chart': {
      const family = findFamily(tokens)?.value ?? (ratio ? familyOf(ratio) : undefined);
      return family ? { kind: 'chart', family } : { kind: 'chart' };
    }
    case 'export':
      return { kind: 'export', format: has(tokens, XLSX) ? 'xlsx' : tokens.includes('pdf') || tokens.some((t) => t.startsWith('rapor') || t === 'report') ? 'pdf' : 'xlsx' };
    case 'pdf':
      return { kind: 'export', format: has(tokens, XLSX) ? 'xlsx' : 'pdf' };
    case 'excel':
      return { kind: 'export', format: 'xlsx' };
    case 'digest':
      return { kind: 'digest', args: rawArgs };
    case 'lang': {
      const target = languageTarget(tokens);
      return target ? { kind: 'language', locale: target } : { kind: 'help' };
    }
  }
}

// ---- free text --------------------------------------------------------------------------------

const familyOf = (id: RatioId): RatioFamily => RATIO_DEFINITIONS[id].family;

function withPeriod<T extends { kind: 'ratios' } | { kind: 'ratio_value'; ratioId: RatioId }>(intent: T, period: string | undefined): T & { period?: string } {
  return period ? { ...intent, period } : intent;
}

/** "son 5 yılda", "in the last 5 years", "over 5 years": how many years back a question looks. */
export function spanYears(text: string): number | undefined {
  const m = /(?:\bson|\blast|\bpast|\bover(?: the)?(?: last| past)?)\s+(\d{1,2})\s*(?:yıl|yil|year)/iu.exec(text);
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= 30 ? n : undefined;
}

function compareIntent(ratioId: RatioId | undefined, periods: string[], tokens: readonly string[], years?: number): Intent {
  const out: { kind: 'compare'; ratioId?: RatioId; from?: string; to?: string; years?: number } = { kind: 'compare' };
  if (ratioId) out.ratioId = ratioId;
  if (years !== undefined) out.years = years;
  if (periods.length >= 2) {
    const [a, b] = [...periods.slice(0, 2)].sort();
    out.from = a!;
    out.to = b!;
  } else if (periods.length === 1) {
    if (has(tokens, SINCE)) out.from = periods[0]!;
    else out.to = periods[0]!;
  }
  return out;
}

function languageTarget(tokens: readonly string[]): Locale | null {
  for (const [locale, names] of LANG_NAMES) if (has(tokens, names)) return locale;
  return null;
}

function parseFree(text: string): Intent {
  const tokens = tokensOf(text);
  if (tokens.length === 0) return text.trim() === '?' ? { kind: 'help' } : { kind: 'unknown' };
  const periods = periodsIn(text);
  const named = findRatio(tokens);
  const familyMatch = findFamily(tokens);
  // "kaldıraç oranları": a family named by one of its ratios in the plural is the family.
  const familyOverRatio = named && familyMatch && familyMatch.start <= named.start && familyMatch.end >= named.end && familyMatch.end - familyMatch.start >= named.end - named.start;
  const ratio = familyOverRatio ? undefined : daysMetric(tokens, named?.value) ?? ratioByFormula(tokens, text) ?? undefined;

  if (!ratio && tokens.length <= 6) {
    const target = languageTarget(tokens);
    const twoLetter = tokens.some((t) => t === 'en' || t === 'tr');
    // "English please", "türkçe konuş", "in English"; a bare "en"/"tr" only with a language word.
    if (target && (!twoLetter || has(tokens, LANG_CONTEXT)) && (tokens.length <= 2 || has(tokens, LANG_CONTEXT))) {
      return { kind: 'language', locale: target };
    }
  }
  if (!ratio && has(tokens, HELP)) return { kind: 'help' };
  if (has(tokens, CHART)) {
    const family = findFamily(tokens)?.value ?? (ratio ? familyOf(ratio) : undefined);
    return family ? { kind: 'chart', family } : { kind: 'chart' };
  }
  if (!ratio && has(tokens, EXPORT_WORDS)) {
    return { kind: 'export', format: has(tokens, XLSX) ? 'xlsx' : 'pdf' };
  }
  // A yes/no judgement before ratio names: "are we over-leveraged" is not the leverage value.
  const topic = judgementTopic(tokens);
  if (topic) return { kind: 'judgement', topic };
  // "likiditemiz iyi mi", "özkaynaklarımız yeterli mi": a verdict on a family or a line's topic.
  if (!ratio && isVerdict(tokens) && !has(tokens, GROWTH) && !has(tokens, COMPARE) && !has(tokens, WHY) && !has(tokens, RATIOS_ALL)) {
    const verdictOn = familyMatch?.value ?? lineFamily(linesIn(tokens));
    if (verdictOn) return { kind: 'judgement', topic: verdictOn };
  }
  if (ratio) {
    if (has(tokens, WHY)) return { kind: 'why', ratioId: ratio };
    if (has(tokens, DEFINITION) && !has(tokens, VALUE)) return { kind: 'definition', ratioId: ratio };
    const years = spanYears(text);
    if (has(tokens, COMPARE) || periods.length >= 2 || years !== undefined) return compareIntent(ratio, periods, tokens, years);
    return withPeriod({ kind: 'ratio_value', ratioId: ratio }, periods[0]);
  }
  const family = familyMatch?.value;
  if (family && !has(tokens, RATIOS_ALL)) return periods[0] ? { kind: 'family', family, period: periods[0] } : { kind: 'family', family };
  if (isOverallJudgement(tokens)) return { kind: 'judgement', topic: 'overall' };
  if (has(tokens, WEAK) || has(tokens, WEAK_EXTRA)) return { kind: 'weak' };
  const line = findLine(tokens, text);
  if (line) {
    const years = spanYears(text);
    if (has(tokens, GROWTH) || periods.length >= 2 || years !== undefined) {
      const c = compareIntent(undefined, periods, tokens) as { from?: string; to?: string };
      return { kind: 'growth', line, ...(c.from ? { from: c.from } : {}), ...(c.to ? { to: c.to } : {}), ...(years !== undefined ? { years } : {}) };
    }
    return periods[0] ? { kind: 'line', line, period: periods[0] } : { kind: 'line', line };
  }
  if (has(tokens, WHY) || has(tokens, COMPARE) || periods.length >= 2) return compareIntent(undefined, periods, tokens);
  if (has(tokens, RATIOS) || family || (periods.length === 1 && tokens.length <= 3)) return withPeriod({ kind: 'ratios' }, periods[0]);
  return has(tokens, GREETING) ? { kind: 'help' } : { kind: 'unknown' };
}

/** The intent and the language to answer in. */
export function parseIntent(text: string): ParsedIntent {
  const trimmed = text.normalize('NFC').trim();
  // Telegram appends the bot's name to commands in groups: /ratios@SmartLodgeBot 2024.
  const command = /^\/([\p{L}_-]+)(?:@\w+)?(?:\s+([\s\S]*))?$/u.exec(trimmed);
  let intent: Intent;
  let skipFirst = false;
  if (command) {
    const name = COMMANDS[tokensOf(command[1]!.replace(/[_-]/g, '')).join('')];
    const argText = command[2] ?? '';
    intent = name ? parseCommand(name, argText.split(/\s+/).filter(Boolean), argText) : { kind: 'unknown' };
    skipFirst = true;
  } else {
    const [first = '', ...rest] = trimmed.split(/\s+/);
    const bare = tokensOf(first).join('');
    const name = BARE.has(bare) ? COMMANDS[bare] : undefined;
    intent = name && (name === 'digest' || rest.length <= 3) ? parseCommand(name, rest, rest.join(' ')) : parseFree(trimmed);
  }
  if (intent.kind === 'language') return { intent, locale: intent.locale, localeDetected: true };
  const { locale, detected } = detectLocale(trimmed, skipFirst);
  return { intent, locale, localeDetected: detected };
}
