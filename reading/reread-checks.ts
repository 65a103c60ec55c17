import type { PageWords } from './layout/words.ts';
import type { ExtractedLine, ExtractedStatement } from './layout/statement-parser.ts';
import type { OcrEngine } from './ocr/index.ts';
import type { PdfDocument } from './pdf.ts';
import type { Kurus } from '../domain/types.ts';
import type { PageBox } from '../domain/extracted-statement.ts';
import type { Check } from '../domain/validation.ts';
import { statementChecks } from '../domain/validate-extraction.ts';
import { detectDecimalSeparator, isAmountToken, parseAmount, unitScale, type DecimalSeparator } from '../domain/number-format.ts';
import { isDeduction } from '../domain/chart-of-accounts.ts';
import { hasMinusMarker } from '../domain/turkish-text.ts';
import { padded, REREAD_DPI } from './confirm-repairs.ts';

const REREAD_DPIS = [REREAD_DPI, REREAD_DPI / 2];

/** A cell whose first reading broke a check, replaced by its re-reading that makes every check tie. */
export interface Reread {
  key: string | null;
  period: string;
  /** Kuruş as first read; null where no amount was read at all. */
  from: Kurus | null;
  to: Kurus;
}

/** Cells re-read per document at most: each is one small OCR call, and a hostile scan may fail every check. */
const MAX_CELLS = 32;
/** Pairs of re-readings are tried only among this many (the tries grow with the square). */
const MAX_PAIR_OPTIONS = 40;
const BIG = 1e12;

type Option = { line: number; to: Kurus };
const checkKey = (c: Check) => `${c.id}@${c.period}`;

/**
 * When a check still fails after repair, every OCR cell involved in it (a misread amount, a
 * cell read as letters, or an amount not read at all) is read again alone: cropped, at a
 * higher resolution, digits only. A re-reading is taken only when it makes every check of the
 * period tie, and only when it is the one set of re-readings that does: otherwise the values
 * stay as first read and validation reports the failure.
 */
export async function rereadFailingChecks(
  doc: PdfDocument,
  pages: PageWords[],
  statement: ExtractedStatement,
  ocr: Pick<OcrEngine, 'recognizeRegion'>,
): Promise<{ statement: ExtractedStatement; rereads: Reread[] }> {
  const decimal = detectDecimalSeparator(pages.flatMap((p) => p.words.map((w) => w.text)).filter(isAmountToken));
  const scale = unitScale(statement.unit);
  let current = statement;
  const rereads: Reread[] = [];
  let budget = MAX_CELLS;
  for (const period of statement.periods) {
    const cells = involvedCells(current, period).slice(0, budget);
    budget -= cells.length;
    const options: Option[] = [];
    for (const i of cells) {
      const line = current.lines[i]!;
      const page = pages.find((p) => p.page === line.page && p.source === 'ocr');
      const box = line.cells?.[period];
      if (!page || !box) continue;
      // Two resolutions: a digit one misreads the other often does not, and only a tie decides.
      for (const dpi of REREAD_DPIS) {
        const text = await ocr.recognizeRegion(doc, page.page, padded(focus(box, page), page), { dpi, digitsOnly: true, ...(page.upright ? { upright: page.upright } : {}) });
        for (const to of readValues(text, line, period, decimal, scale)) if (to !== line.values[period] && !options.some((o) => o.line === i && o.to === to)) options.push({ line: i, to });
      }
    }
    const fix = tyingChoice(current, period, options);
    for (const o of fix ?? []) {
      const line = current.lines[o.line]!;
      rereads.push({ key: line.key, period, from: line.values[period] ?? null, to: o.to });
      current = withValue(current, o.line, period, o.to);
    }
  }
  return { statement: current, rereads };
}

/**
 * The part of a cell's slot to read: the words with digits OCR found in it (a tight crop reads
 * best), or the whole slot where it found none (the amount was lost or read as letters).
 */
function focus(box: PageBox, page: PageWords): PageBox {
  const inside = page.words.filter((w) => /\d/.test(w.text) && w.x0 >= box.x0 - 1 && w.x1 <= box.x1 + 1 && (w.y0 + w.y1) / 2 > box.y0 && (w.y0 + w.y1) / 2 < box.y1);
  if (!inside.length) return box;
  return { x0: Math.min(...inside.map((w) => w.x0)), y0: Math.min(...inside.map((w) => w.y0)), x1: Math.max(...inside.map((w) => w.x1)), y1: Math.max(...inside.map((w) => w.y1)) };
}

/** OCR lines with a place for the period's amount whose value moves a failing check of the period. */
function involvedCells(statement: ExtractedStatement, period: string): number[] {
  const base = statementChecks(statement, [period]);
  const failing = new Set(base.filter((c) => !c.ok).map(checkKey));
  if (!failing.size) return [];
  const baseByKey = new Map(base.map((c) => [checkKey(c), c]));
  const out: number[] = [];
  statement.lines.forEach((line, i) => {
    if (line.source !== 'ocr' || !line.cells?.[period]) return;
    const value = line.values[period];
    const moved = statementChecks(withValue(statement, i, period, (value ?? 0) + BIG), [period]);
    const involved = moved.some((c) => {
      const b = baseByKey.get(checkKey(c));
      return failing.has(checkKey(c)) && (!b || b.expected !== c.expected || b.actual !== c.actual);
    });
    // A cell read as nothing may be the term a failing check misses, though no check has it yet.
    if (involved || (value === undefined && line.key !== null && moved.some((c) => !baseByKey.has(checkKey(c))))) out.push(i);
  });
  return out;
}

/**
 * The amounts a digits-only re-reading can stand for, in kuruş: its sign as printed, else the
 * first reading's, else the line's (a deduction); with neither, both signs (the sums decide).
 */
function readValues(text: string, line: ExtractedLine, period: string, decimal: DecimalSeparator, scale: number): Kurus[] {
  if (!/\d/.test(text)) return [];
  const parsed = parseAmount(text.replace(/\s+/g, ''), decimal);
  if (!parsed) return [];
  const size = Math.abs(parsed.value) * scale;
  const first = line.values[period];
  if (parsed.negative) return [-size];
  if (first) return [Math.sign(first) * size];
  if ((line.key && isDeduction(line.key)) || hasMinusMarker(line.label)) return [-size];
  return size === 0 ? [0] : [size, -size];
}

/**
 * The one set of re-readings that makes every check of the period tie: a single cell first,
 * then two cells, then every re-read cell at once. Two sets that tie at the same size are a
 * guess between them, and none is taken.
 */
function tyingChoice(statement: ExtractedStatement, period: string, options: Option[]): Option[] | null {
  if (!options.length) return null;
  const ties = (set: Option[]) => {
    let s = statement;
    for (const o of set) s = withValue(s, o.line, period, o.to);
    const checks = statementChecks(s, [period]);
    return checks.length > 0 && checks.every((c) => c.ok);
  };
  const singles = options.filter((o) => ties([o]));
  if (singles.length) return singles.length === 1 ? singles : null;
  if (options.length <= MAX_PAIR_OPTIONS) {
    const pairs: Option[][] = [];
    for (let a = 0; a < options.length; a++) {
      for (let b = a + 1; b < options.length; b++) {
        if (options[a]!.line !== options[b]!.line && ties([options[a]!, options[b]!])) pairs.push([options[a]!, options[b]!]);
      }
    }
    if (pairs.length) return pairs.length === 1 ? pairs[0]! : null;
  }
  // Several cells misread at once: only where each was re-read to one value.
  const lines = new Set(options.map((o) => o.line));
  return lines.size === options.length && lines.size > 2 && ties(options) ? options : null;
}

function withValue(statement: ExtractedStatement, line: number, period: string, value: Kurus): ExtractedStatement {
  const lines = statement.lines.slice();
  lines[line] = { ...lines[line]!, values: { ...lines[line]!.values, [period]: value } };
  return { ...statement, lines };
}
