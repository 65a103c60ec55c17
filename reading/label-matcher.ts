/**
 * Maps a printed statement label to its canonical key. Names repeat across the chart
 * ("Ticari Alacaklar" is 12 and 22, "Geçmiş Yıllar Karları" is 57 and 570), so text
 * similarity only shortlists candidates; the position in the document (statement, current
 * main group and sub-group) decides between equal names.
 */
import type { StatementType } from '../domain/types.ts';
import { ACCOUNTS, ancestorsOf, keyForCode, levelOf, type Account } from '../domain/chart-of-accounts.ts';
import { extractCode, hasMinusMarker } from '../domain/turkish-text.ts';
import { exactScore, formsOf, fuzzyScore, type Forms } from './label-forms.ts';
import { detectSectionHeading } from './statement-headings.ts';

export interface MatchContext {
  statement: StatementType | null;
  /** Current main group ("1"–"5"), as tracked by the caller. */
  mainGroup: string | null;
  /** Current sub-group ("10", "25", "60", …). */
  subGroup: string | null;
  /** Code printed in a code column; null when the document has none, undefined when unknown. */
  printedCode?: string | null;
  /** Edit-distance matching for misread words (OCR); off where the text is known exact. */
  fuzzy?: boolean;
}

export interface LabelMatch {
  key: string;
  score: number;
  via: 'code' | 'name' | 'fuzzy';
}

interface Entry {
  account: Account;
  order: number;
  names: Forms[];
}

// Fuzzy scores are 0.9 × similarity: 0.72 is 80 % alike, or 70 % (0.63) for a candidate the
// context expects, since one OCR slip in a four-letter word ("Kasa" → "Kesa") is 25 %.
const MIN_TEXT_SCORE = 0.72;
const MIN_TEXT_SCORE_IN_CONTEXT = 0.63;

const INDEX: readonly Entry[] = ACCOUNTS.map((account, order) => ({
  account,
  order,
  names: [account.tr, account.en, ...account.synonyms].map(formsOf),
}));
const ENTRY_BY_KEY = new Map(INDEX.map((e) => [e.account.key, e]));

// "HAZIR DEĞERLER TOPLAMI" / "Total Current Assets" are the group's own total line.
function groupTotalInner(label: Forms): string | null {
  const m = /^(?:toplam|total) (.+)$/.exec(label.core) ?? /^(.+) (?:toplami|total)$/.exec(label.core);
  return m?.[1] ?? null;
}

function isUpperCaseLabel(label: string): boolean {
  const letters = label.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toLocaleUpperCase('tr-TR');
}

/**
 * Position in the document as a score adjustment: children of the current sub-group first,
 * then members of the current main group; repeating the group we are already in is
 * unlikely. Small enough not to override a clearly better name match.
 */
function contextAdjustment(a: Account, label: string, ctx: MatchContext): number {
  let adj = 0;
  const level = levelOf(a.key);
  const ancestors = ancestorsOf(a.key);
  if (ctx.subGroup && a.parent === ctx.subGroup) adj += 0.08;
  else if (ctx.mainGroup && ancestors.includes(ctx.mainGroup)) adj += level === 2 ? 0.05 : 0.03;
  else if (ctx.mainGroup && level >= 2 && a.statement === 'balance_sheet' && /^[1-5]$/.test(ctx.mainGroup)) adj -= 0.05;
  if (a.key === ctx.subGroup || a.key === ctx.mainGroup) adj -= 0.04;
  // Capitals mark group lines in most layouts; title case proves nothing (T2 prints its
  // sub-groups that way), and a lone account without its group line is the rarer case.
  if (level !== 3 && isUpperCaseLabel(label)) adj += 0.01;
  if (hasMinusMarker(label)) adj += a.normalSign === -1 ? 0.02 : level === 0 ? 0 : -0.02;
  return adj;
}

interface Candidate {
  entry: Entry;
  text: number;
  fuzzy: boolean;
  total: number;
}

/** Shorter labels are too often a name of their own to be read as a cut one. */
const MIN_CUT_LABEL = 24;

/**
 * A label cut at a form's field width ("DİĞER FAALİYETLERDEN OLAĞAN GELİR V") is the chart
 * line whose name it begins, when exactly one line's name does; two or more is no match.
 */
function truncatedCandidates(full: string, entries: Entry[], label: string, ctx: MatchContext): Candidate[] {
  if (full.length < MIN_CUT_LABEL) return [];
  const hits = entries.filter((e) => e.names.some((n) => n.full.length > full.length && n.full.startsWith(full)));
  if (new Set(hits.map((e) => e.account.key)).size !== 1) return [];
  return hits.slice(0, 1).map((entry) => ({ entry, text: 0.9, fuzzy: false, total: 0.9 + contextAdjustment(entry.account, label, ctx) }));
}

function rankByName(label: string, ctx: MatchContext): Candidate[] {
  const forms = formsOf(label);
  const inner = groupTotalInner(forms);
  // The other statement's lines are never candidates ("691" vs "370" share a name).
  const entries = INDEX.filter((e) => !ctx.statement || e.account.statement === ctx.statement);
  const score = (entry: Entry, fuzzy: boolean): Candidate | null => {
    let text = 0;
    for (const name of entry.names) text = Math.max(text, fuzzy ? fuzzyScore(forms, name) : exactScore(forms, name));
    const level = levelOf(entry.account.key);
    if (!fuzzy && inner && (level === 1 || level === 2) && text < 0.93) {
      if (entry.names.some((n) => n.core === inner || n.full === inner)) text = 0.93;
    }
    const expected = ctx.subGroup !== null && entry.account.parent === ctx.subGroup;
    if (text < (expected ? MIN_TEXT_SCORE_IN_CONTEXT : MIN_TEXT_SCORE)) return null;
    return { entry, text, fuzzy, total: text + contextAdjustment(entry.account, label, ctx) };
  };
  // Edit distance is the costly part and only needed when no name matched outright.
  let out = entries.map((e) => score(e, false)).filter((c): c is Candidate => c !== null);
  if (!out.length) out = truncatedCandidates(forms.full, entries, label, ctx);
  if (!out.length && ctx.fuzzy !== false) out = entries.map((e) => score(e, true)).filter((c): c is Candidate => c !== null);
  return out.sort((a, b) => b.total - a.total || a.entry.order - b.entry.order);
}

// A code is plausible when the chart knows it, or it is an account under a known sub-group
// (companies open accounts the chart leaves free), and it belongs to the current statement.
function plausibleCode(code: string, ctx: MatchContext): string | null {
  if (!/^\d{1,3}$/.test(code)) return null;
  const key = keyForCode(code) ?? (code.length === 3 && keyForCode(code.slice(0, 2)) ? code : null);
  if (!key) return null;
  const statement = ENTRY_BY_KEY.get(key)?.account.statement ?? (code.startsWith('6') ? 'income_statement' : 'balance_sheet');
  if (ctx.statement && statement !== ctx.statement) return null;
  return key;
}

const clamp = (x: number): number => Math.max(0, Math.min(1, Math.round(x * 1000) / 1000));

/** The canonical key for a printed label, or null when nothing in the chart fits. */
export function matchLabel(label: string, ctx: MatchContext): LabelMatch | null {
  // Without word from the caller, only unmistakable codes count: three digits or "(102)".
  const auto = ctx.printedCode === undefined ? extractCode(label) : null;
  const code = ctx.printedCode ?? (auto && (auto.length === 3 || /\(\s*\d+\s*\)\s*$/.test(label)) ? auto : null);
  // Section headings ("KAYNAKLAR") resemble group names ("ÖZKAYNAKLAR") but are no line.
  if (detectSectionHeading(label)) return null;
  const ranked = rankByName(label, ctx);
  const best = ranked[0];
  let contradicted = false;

  if (code) {
    const key = plausibleCode(code, ctx);
    if (key) {
      const own = ranked.find((c) => c.entry.account.key === key);
      // A clear name match elsewhere beats a code whose own name is unlike the label: the
      // code was probably misread (OCR) or belongs to another column.
      contradicted = !own && !!best && best.text >= 0.96 && ENTRY_BY_KEY.has(key);
      if (!contradicted) {
        const known = ENTRY_BY_KEY.has(key);
        const score = own ? 0.97 + 0.03 * own.text : known ? 0.9 : 0.85;
        return { key, score: clamp(score), via: 'code' };
      }
    }
  }
  if (!best) return null;
  const score = contradicted ? 0.85 * Math.min(1, best.total) : best.total;
  return { key: best.entry.account.key, score: clamp(score), via: best.fuzzy ? 'fuzzy' : 'name' };
}
