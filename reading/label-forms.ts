/**
 * How a label is compared with a chart name, text only: both normalised the same way (notes,
 * tax wording, OCR look-alikes), then scored as exact, abbreviated or fuzzy (edit distance,
 * guarded against words that mean the opposite). The position in the document is the
 * matcher's business (label-matcher.ts).
 */
import { normalizeLabel, similarity } from '../domain/turkish-text.ts';

export interface Forms {
  full: string; // parenthesised words kept: tells "Dönem Net Karı (Zararı)" (59) from 590
  core: string; // notes dropped
  fullTokens: string[];
  coreTokens: string[];
  skeleton: string; // full, with OCR look-alikes collapsed
}


/** Words that mark a group's own total line and add no meaning of their own. */
const TOTAL_WORDS = new Set(['toplam', 'toplami', 'total', 'totals', 'hesabi', 'hesaplari'].flatMap((w) => [w, skeleton(w)]));
const STOPWORDS = new Set(['ve', 'ile', 'and', 'of', 'the', 'for', 'on', 'to', 'from', 'in']);

export function formsOf(text: string): Forms {
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
      const prefix = t.length >= 3 && n.startsWith(t);
      // An edit distance is at least the difference in length: a pair whose best possible
      // similarity can neither reach 0.6 nor beat the best so far changes nothing (the read's
      // hottest loop: every label against every chart name).
      const bound = 1 - Math.abs(t.length - n.length) / Math.max(t.length, n.length, 1);
      if (!prefix && (bound < 0.6 || bound <= best)) return;
      const s = prefix ? 0.9 : similarity(t, n);
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
export function exactScore(label: Forms, name: Forms): number {
  if (!label.full) return 0;
  if (label.full === name.full) return 1;
  if (label.core && (label.core === name.core || label.core === name.full || label.full === name.core)) return 0.96;
  if (abbreviates(label.fullTokens, name.fullTokens) || abbreviates(label.coreTokens, name.coreTokens)) return 0.9;
  return 0;
}

// Edit-distance similarity for OCR slips, scaled to at most 0.9 so that it never outranks an
// exact name.
export function fuzzyScore(label: Forms, name: Forms): number {
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
