import { isAmountToken } from '../../domain/number-format.ts';
import type { Word } from './words.ts';

/**
 * A text layer sometimes hands over neighbouring amounts as one item ("(28.030,10) (23.922,60)")
 * when they are drawn close together. Each amount becomes its own word, placed by its share
 * of the item's width, so it lands in its own column.
 */
function splitAmountRun(w: Word): Word[] {
  const parts = [...w.text.matchAll(/\S+/g)];
  if (parts.length < 2 || !parts.every((p) => isAmountToken(p[0]))) return [w];
  const width = w.x1 - w.x0;
  const len = w.text.length;
  return parts.map((p) => ({ ...w, text: p[0], x0: w.x0 + (width * p.index!) / len, x1: w.x0 + (width * (p.index! + p[0].length)) / len }));
}

/** A run of words on one line that belong together (a label, an amount, a header). */
const DASH_ONLY = /^[-−–—]$/;

export interface Cell {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  confidence: number;
  amount: boolean;
}

export interface TextLine {
  y: number;
  height: number;
  cells: Cell[];
}

/**
 * Groups words into lines by vertical overlap, then merges neighbouring words into cells.
 * Text layers usually give whole cells already; OCR gives single words, so the merge rule
 * (a gap narrower than about one character height) is what makes both look the same.
 */
export function groupLines(words: Word[]): TextLine[] {
  const sorted = words.flatMap(splitAmountRun).filter((w) => w.text.trim()).sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2);
  const lines: { words: Word[]; center: number; height: number }[] = [];
  for (const w of sorted) {
    const center = (w.y0 + w.y1) / 2;
    const h = Math.max(1, w.y1 - w.y0);
    // A thin word (a dash, a dot leader: OCR boxes hug the ink) joins the line it sits within.
    const line = lines.find((l) => Math.abs(l.center - center) < Math.max(Math.min(l.height, h), Math.max(l.height, h) * 0.6) * 0.5);
    if (line) {
      line.words.push(w);
      line.center = (line.center * (line.words.length - 1) + center) / line.words.length;
      line.height = Math.max(line.height, h);
    } else {
      lines.push({ words: [w], center, height: h });
    }
  }
  return lines
    .sort((a, b) => a.center - b.center)
    .map((l) => ({ y: l.center, height: l.height, cells: mergeCells(l.words, l.height).map((c) => ({ ...c, text: rejoinDottedI(c.text) })) }));
}

const CAPS = /^[A-ZÇĞİÖŞÜ]+$/;

/**
 * Some fonts draw the capital İ as a glyph of its own, and the text layer then spaces it out
 * ("KONSOL I DE B I LANÇO", "TAR I H I"): a lone I between capital words belongs to both.
 */
export function rejoinDottedI(text: string): string {
  if (!/ [Iİ] /.test(` ${text} `)) return text;
  const out: string[] = [];
  const parts = text.split(' ');
  for (let i = 0; i < parts.length; i++) {
    const t = parts[i]!;
    const prev = out[out.length - 1];
    const lone = t === 'I' || t === 'İ';
    if (lone && prev !== undefined && CAPS.test(prev)) {
      const next = parts[i + 1];
      out[out.length - 1] = prev + 'İ' + (next !== undefined && CAPS.test(next) ? next : '');
      if (next !== undefined && CAPS.test(next)) i++;
    } else out.push(t);
  }
  return out.join(' ');
}

const SPACE_GROUP_HEAD = /^\(?[-−–]?\s?(?:₺\s?)?\d{1,3}(?: \d{3})*$/;
const SPACE_GROUP_TAIL = /^\d{3}(?:(?: \d{3})*[.,]\d{1,2})?(?:\s?(?:₺|TL))?\)?[-−–]?$/;

function mergeCells(words: Word[], height: number): Cell[] {
  const byX = [...words].sort((a, b) => a.x0 - b.x0);
  const cells: Cell[] = [];
  for (const w of byX) {
    const text = w.text.trim();
    const amount = isAmountToken(text);
    const prev = cells[cells.length - 1];
    const gap = prev ? w.x0 - prev.x1 : Infinity;
    // Never glue an amount to a label: "Kasa 132.569,54" must stay two cells even when tight.
    if (prev && gap < height * 0.75 && !prev.amount && !amount) {
      prev.text = `${prev.text} ${text}`;
      prev.x1 = Math.max(prev.x1, w.x1);
      prev.y0 = Math.min(prev.y0, w.y0);
      prev.y1 = Math.max(prev.y1, w.y1);
      prev.confidence = Math.min(prev.confidence, w.confidence ?? 1);
    } else if (prev && gap < height * 0.75 && prev.amount && !amount && /^\d{1,2}[.)]$/.test(prev.text)) {
      // A position number read as its own word ("1." "Kasa") starts the label.
      prev.text = `${prev.text} ${text}`;
      prev.amount = false;
      prev.x1 = Math.max(prev.x1, w.x1);
      prev.y0 = Math.min(prev.y0, w.y0);
      prev.y1 = Math.max(prev.y1, w.y1);
      prev.confidence = Math.min(prev.confidence, w.confidence ?? 1);
    } else if (prev && gap < height * 0.75 && !prev.amount && amount && /:$/.test(prev.text) && !DASH_ONLY.test(text)) {
      // "Yılı: 2024", "Vergi No: 1234567890": a number right after a colon is the field's value.
      prev.text = `${prev.text} ${text}`;
      prev.x1 = Math.max(prev.x1, w.x1);
      prev.y0 = Math.min(prev.y0, w.y0);
      prev.y1 = Math.max(prev.y1, w.y1);
      prev.confidence = Math.min(prev.confidence, w.confidence ?? 1);
    } else if (prev && gap < height * 0.75 && prev.amount && amount && SPACE_GROUP_HEAD.test(prev.text) && SPACE_GROUP_TAIL.test(text)) {
      // "1 234 567,89": thousands grouped by a (no-break) space reach the text layer as one
      // word per group; a group of exactly three digits right after is the same amount.
      prev.text = `${prev.text} ${text}`;
      prev.x1 = Math.max(prev.x1, w.x1);
      prev.confidence = Math.min(prev.confidence, w.confidence ?? 1);
    } else if (prev && gap < height * 0.35 && prev.amount && amount && !/[)]$/.test(prev.text)) {
      // OCR splits "1.234. 567,89" now and then; very tight amount pieces are one amount.
      prev.text = `${prev.text}${text}`;
      prev.x1 = Math.max(prev.x1, w.x1);
      prev.confidence = Math.min(prev.confidence, w.confidence ?? 1);
    } else {
      cells.push({ text, x0: w.x0, x1: w.x1, y0: w.y0, y1: w.y1, confidence: w.confidence ?? 1, amount });
    }
  }
  // A currency mark drawn as its own glyphs ("P" "=17,299,358") joins into an amount.
  return cells.map((c) => (!c.amount && /\d/.test(c.text) && isAmountToken(c.text) ? { ...c, amount: true } : c));
}
