/**
 * Maps a printed statement label to its canonical key. Names repeat across the chart
 * ("Ticari Alacaklar" is 12 and 22, "Geçmiş Yıllar Karları" is 57 and 570), so text
 * similarity only shortlists candidates; the position in the document (statement, current
 * main group and sub-group) decides between equal names.
 */
import type { StatementType } from '../domain/types.ts';
import { ACCOUNTS, ancestorsOf, keyForCode, levelOf, type Account } from '../domain/chart-of-accounts.ts';
import {
  extractCode,
  foldTurkish,
  hasMinusMarker,
  normalizeLabel,
  similarity,
  stripLabelDecorations,
} from '../domain/turkish-text.ts';

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

interface Forms {
  full: string; // parenthesised words kept: tells "Dönem Net Karı (Zararı)" (59) from 590
  core: string; // notes dropped
  fullTokens: string[];
  coreTokens: string[];
  skeleton: string; // full, with OCR look-alikes collapsed
}

interface Entry {
  account: Account;
  order: number;
  names: Forms[];
}

/** Words that mark a group's own total line and add no meaning of their own. */
const TOTAL_WORDS = new Set(['toplam', 'toplami', 'total', 'totals', 'hesabi', 'hesaplari'].flatMap((w) => [w, skeleton(w)]));
const STOPWORDS = new Set(['ve', 'ile', 'and', 'of', 'the', 'for', 'on', 'to', 'from', 'in']);
// Fuzzy scores are 0.9 × similarity: 0.72 is 80 % alike, or 70 % (0.63) for a candidate the
// context expects, since one OCR slip in a four-letter word ("Kasa" → "Kesa") is 25 %.
const MIN_TEXT_SCORE = 0.72;
const MIN_TEXT_SCORE_IN_CONTEXT = 0.63;

function formsOf(text: string): Forms {
  const full = plainTax(ocrRepair(normalizeLabel(text, { keepNotes: true })));
  const core = plainTax(ocrRepair(normalizeLabel(text)));
  return { full, core, fullTokens: tokens(full), coreTokens: tokens(core), skeleton: skeleton(full) };
}

function tokens(s: string): string[] {
  return s ? s.split(' ') : [];
}

// "Before/after income tax", "after final tax", "before corporate tax": the kind of tax names
// the regime, not another line, so it is dropped on both sides before comparing.
function plainTax(s: string): string {
  return s.replace(/\b(before|after) (?:income|final|corporate|corporation) (tax|taxes|taxation)\b/g, '$1 $2');
}

// Glyphs OCR confuses, collapsed on both sides before fuzzy comparison ("Birikrniş").
function skeleton(s: string): string {
  return s.replace(/rn/g, 'm').replace(/cl/g, 'd').replace(/l/g, 'i');
}

// OCR reads O as 0 and I/l as 1 inside words ("ST0KLAR"); digits inside a word are never
// meaningful in a label, so turn them back into the letters they resemble.
function ocrRepair(s: string): string {
  return s.replace(/\b(?=\w*[a-z]\w*[a-z])(?=\w*\d)\w+\b/g, (w) =>
    w.replace(/0/g, 'o').replace(/1/g, 'i').replace(/5/g, 's').replace(/8/g, 'b'),
  );
}

const INDEX: readonly Entry[] = ACCOUNTS.map((account, order) => ({
  account,
  order,
  names: [account.tr, account.en, ...account.synonyms].map(formsOf),
}));
const ENTRY_BY_KEY = new Map(INDEX.map((e) => [e.account.key, e]));

/**
 * Every label token equals, or abbreviates (is a prefix of), the name's token in the same
 * position; connectives may be missing on either side. Covers "Diğ. Yas. Yük. Karş." and
 * "K.V.Y.K."; one-letter prefixes only when the whole label is an initialism.
 */
function abbreviates(label: string[], name: string[]): boolean {
  if (!label.length || !name.length) return false;
  const content = label.filter((t) => !STOPWORDS.has(t));
  const initialism = content.length > 1 && content.every((t) => t.length === 1);
  const single = content.length === 1;
  const prefixOk = (l: string, n: string): boolean => {
    if (!n.startsWith(l)) return false;
    if (initialism) return true;
    if (single) return l.length >= Math.max(4, n.length / 2);
    return l.length >= 2;
  };
  const seen = new Set<string>();
  const walk = (i: number, j: number): boolean => {
    if (i === label.length && j === name.length) return true;
    const k = `${i},${j}`;
    if (seen.has(k)) return false;
    seen.add(k);
    if (j < name.length && STOPWORDS.has(name[j]!) && walk(i, j + 1)) return true;
    if (i < label.length && STOPWORDS.has(label[i]!) && walk(i + 1, j)) return true;
    return i < label.length && j < name.length && prefixOk(label[i]!, name[j]!) && walk(i + 1, j + 1);
  };
  return walk(0, 0);
}

interface TokenPairing {
  similarity: number;
  /** Content words left without a partner, on the side with more of them. */
  unmatched: number;
  /** The label's own words left without a partner, and the name's. */
  labelOnly: string[];
  nameOnly: number;
}

// Tokens pair up by similarity; an abbreviation ("vad." for "vadeli") counts almost fully, and
// bare numbers left in the label (misread numbering) are ignored.
function pairTokens(label: string[], name: string[]): TokenPairing {
  const words = label.filter((t) => !/^\d+$/.test(t));
  if (!words.length || !name.length) return { similarity: 0, unmatched: words.length + name.length, labelOnly: words, nameOnly: name.length };
  const used = new Set<number>();
  let sum = 0;
  let unmatched = 0;
  const labelOnly: string[] = [];
  for (const t of words) {
    let best = 0;
    let at = -1;
    name.forEach((n, j) => {
      if (used.has(j)) return;
      const s = t.length >= 3 && n.startsWith(t) ? 0.9 : similarity(t, n);
      if (s > best) [best, at] = [s, j];
    });
    if (best >= 0.6) {
      used.add(at);
      sum += best;
    } else if (!STOPWORDS.has(t)) {
      unmatched++;
      labelOnly.push(t);
    }
  }
  // A misread word leaves one token unpaired on each side: count it once.
  const unpaired = name.filter((n, j) => !used.has(j) && !STOPWORDS.has(n));
  const unpairedNames = unpaired.length;
  // A name's "Toplam" left unpaired is no misread partner for a word the label adds.
  const nameOnly = unpaired.filter((n) => !TOTAL_WORDS.has(n)).length;
  return { similarity: sum / Math.max(words.length, name.length), unmatched: Math.max(unmatched, unpairedNames), labelOnly, nameOnly };
}

// Words that look alike but mean the opposite: a one-letter OCR slip never turns "gider"
// into "gelir", so a fuzzy match across such a pair is a different line, not a misreading.
const OPPOSITES: ReadonlyArray<[RegExp, RegExp]> = [
  [/^gelir/, /^gider/],
  [/^kar(i|lar|lari)?$/, /^zarar/],
  [/^alacak/, /^borc/],
  [/^kisa$/, /^uzun$/],
  [/^ici$/, /^disi$/],
  [/^donen$/, /^duran$/],
  [/^olagan$/, /^olagandisi$/],
  [/^alinan$/, /^verilen$/],
  [/^aktif/, /^pasif/],
  [/^(income|gains?|revenues?)$/, /^(expenses?|loss(es)?|costs?)$/],
  [/^profits?$/, /^loss(es)?$/],
  [/^short$/, /^long$/],
  [/^receivables?$/, /^payables?$/],
  [/^given$/, /^received$/],
  [/^domestic$/, /^(export|foreign)$/],
];

function opposed(label: string[], name: string[]): boolean {
  const has = (ts: string[], re: RegExp): boolean => ts.some((t) => re.test(t));
  return OPPOSITES.some(
    ([a, b]) =>
      (has(label, a) && !has(label, b) && has(name, b) && !has(name, a)) ||
      (has(label, b) && !has(label, a) && has(name, a) && !has(name, b)),
  );
}

// Exact, note-free and abbreviated forms: cheap, and decisive when they hit.
function exactScore(label: Forms, name: Forms): number {
  if (!label.full) return 0;
  if (label.full === name.full) return 1;
  if (label.core && (label.core === name.core || label.core === name.full || label.full === name.core)) return 0.96;
  if (abbreviates(label.fullTokens, name.fullTokens) || abbreviates(label.coreTokens, name.coreTokens)) return 0.9;
  return 0;
}

// Edit-distance similarity for OCR slips, scaled to at most 0.9 so that it never outranks an
// exact name.
function fuzzyScore(label: Forms, name: Forms): number {
  if (!label.full) return 0;
  const lengthRatio = Math.min(label.full.length, name.full.length) / Math.max(label.full.length, name.full.length);
  if (lengthRatio < 0.6 || opposed(label.fullTokens, name.fullTokens)) return 0;
  // Lost spaces are common in extracted text ("TicariAlacaklar"), so compare without them too.
  const compact = similarity(label.skeleton.replace(/ /g, ''), name.skeleton.replace(/ /g, ''));
  const pairing = pairTokens(tokens(label.skeleton), tokens(name.skeleton));
  // A misread word leaves a partner unpaired on the name's side too. A word the label adds
  // to a name it otherwise contains whole ("Diğer Kısa Vadeli Yükümlülükler", "Other current
  // assets") is a different, narrower line, never that name's total.
  // Only a real word counts: a misread numbering ("I11-", "1O") is no qualifier.
  if (pairing.nameOnly === 0 && pairing.labelOnly.some((t) => /^[a-z]{3,}$/.test(t) && !TOTAL_WORDS.has(t))) return 0;
  // Character similarity alone is lenient on long labels where a whole word differs
  // ("… Dönem Karı" vs "… Vergi Öncesi Karı"): beyond one unpaired word, only the
  // space-free comparison may vouch for the match.
  const best =
    pairing.unmatched <= 1
      ? Math.max(
          similarity(label.skeleton, name.skeleton),
          label.core && name.core ? similarity(label.core, name.core) : 0,
          pairing.similarity,
          compact,
        )
      : compact >= 0.9
        ? compact
        : 0;
  return 0.9 * best;
}

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

const STATEMENT_PATTERNS: ReadonlyArray<[StatementType, RegExp]> = [
  ['balance_sheet', /\b(bilancosu|bilanco|finansal durum tablosu|mali durum tablosu|statement of financial position|balance sheet)\b/],
  [
    'income_statement',
    /\b(gelir tablosu|kar veya zarar tablosu|kar zarar tablosu|kar veya zarar ve diger kapsamli gelir tablosu|kapsamli gelir tablosu|income statement|statement of profit or loss|statement of income|statement of comprehensive income|profit and loss statement|profit or loss statement)\b/,
  ],
];

/** "AYRINTILI BİLANÇO", "STATEMENT OF PROFIT OR LOSS", … → the statement that follows. */
export function detectStatementHeading(line: string): StatementType | null {
  const folded = foldTurkish(line);
  if (!folded || folded.split(' ').length > 16) return null;
  const hits = STATEMENT_PATTERNS.filter(([, re]) => re.test(folded)).map(([t]) => t);
  return hits.length === 1 ? hits[0]! : null;
}

const ASSET_HEADINGS = new Set(['aktif', 'aktifler', 'aktif varliklar', 'varliklar', 'varliklar aktif', 'assets']);
const LIABILITY_HEADINGS = new Set([
  'pasif',
  'pasifler',
  'pasif kaynaklar',
  'kaynaklar',
  'kaynaklar pasif',
  'yukumlulukler ve ozkaynaklar',
  'kaynaklar yukumlulukler ve ozkaynaklar',
  'pasif yukumlulukler ve ozkaynaklar',
  'liabilities and equity',
  'liabilities and shareholders equity',
  'liabilities and stockholders equity',
  'equity and liabilities',
  'liabilities',
]);

/**
 * The AKTİF / PASİF section headings, which carry no amounts. Only the whole line counts,
 * so "AKTİF TOPLAMI" (a total) and "AKTİF / PASİF" (a column header) are not headings.
 */
export function detectSectionHeading(line: string): 'assets' | 'liabilities' | null {
  if (/\d/.test(stripLabelDecorations(line))) return null;
  const folded = foldTurkish(stripLabelDecorations(line));
  if (ASSET_HEADINGS.has(folded)) return 'assets';
  if (LIABILITY_HEADINGS.has(folded)) return 'liabilities';
  return null;
}

export type OtherSection = 'cash_flow' | 'equity_changes' | 'notes' | 'other_comprehensive_income' | 'profit_attribution' | 'off_balance_sheet';

// Matched against foldTurkish text: lower case, no diacritics, punctuation as spaces.
const OTHER_SECTION_PATTERNS: ReadonlyArray<[OtherSection, RegExp]> = [
  ['cash_flow', /\b(nakit akis(lari)? tablosu|nakit akim tablosu|statements? of cash flows?|cash flows? statements?)\b/],
  ['equity_changes', /\b(ozkaynak(lar)?( kalemlerinde)? degisim|ozsermaye degisim|changes in (shareholders |stockholders |owners )?equity)\b/],
  ['notes', /^(konsolide |consolidated )?(finansal tablolara (iliskin|ait) (aciklayici )?(dipnotlar|notlar)|notes to (the )?(consolidated |separate )?financial statements)$/],
  ['off_balance_sheet', /^(konsolide )?(nazim hesaplar|bilanco disi (yukumlulukler|hesaplar|kalemler))|^off balance sheet\b/],
  ['other_comprehensive_income', /^(diger kapsamli (gelir|gelirler|gider|giderler)( gelir| gelirler| gider| giderler)*( kismi)?|other comprehensive (income|loss)( income| loss)*)$/],
  ['profit_attribution', /^(net )?donem( net)?( (kar|kari|karinin|zarar|zarari|zararinin))+ dagilimi$|^(net )?(profit|income|loss)( (profit|income|loss))*( for the (year|period))? attributable to\b/],
];

/**
 * Headings of what is not a balance sheet or an income statement (cash flows, changes in
 * equity, notes, other comprehensive income, the split of profit among owners, off-balance
 * sheet items): the lines under them never feed balance-sheet or income-statement keys.
 */
export function detectOtherSection(line: string): OtherSection | null {
  const folded = foldTurkish(stripLabelDecorations(line));
  if (!folded || folded.split(' ').length > 16) return null;
  return OTHER_SECTION_PATTERNS.find(([, re]) => re.test(folded))?.[0] ?? null;
}
