import { isDeduction, levelOf, parentOf } from '../../domain/chart-of-accounts.ts';
import { detectOtherSection, detectSectionHeading, detectStatementHeading } from '../statement-headings.ts';
import { matchLabel, type MatchContext } from '../label-matcher.ts';
import { detectDecimalSeparator, parseAmount, unitScale, type DecimalSeparator } from '../../domain/number-format.ts';
import { foldTurkish, hasMinusMarker } from '../../domain/turkish-text.ts';
import type { ExtractedLine, ExtractedStatement } from '../../domain/extracted-statement.ts';
import type { Kurus, StatementType } from '../../domain/types.ts';
import { detectMeta, type DocumentMeta } from './document-meta.ts';
import { isPageFurniture, isPageNumberRow } from './page-furniture.ts';
import { monthsInWords, startBefore } from './period-span.ts';
import { inIgnoredColumn, isNoteReference, nearestColumn, splitRegions, withBreakdown, withNotesColumn, labelVariants, type Region } from './columns.ts';
import { headerBlockAbove, headerLineBelow, isHeaderLine, pageTitle } from './header-lines.ts';
import { keyUnlabelledTotals, promoteLoneAccounts, statementOfKey } from './inferred-keys.ts';
import { mergeWrapped, type RowDraft } from './rows.ts';
import { groupLines, type Cell, type TextLine } from './lines.ts';
import { cellBoxes } from './cell-boxes.ts';
import { accountOfUsedGroup } from './group-account.ts';
import { shortMinusCell, trailingMinusDoc } from './short-minus.ts';
import { documentYear, documentYearEnd, findPeriodColumns, splitPeriodRuns } from './periods.ts';
import type { PageWords, ReaderSource } from './words.ts';

export type { ExtractedLine, ExtractedStatement } from '../../domain/extracted-statement.ts';

const CODE_CELL = /^\d{1,3}$/;
const OUTLINE_NUMBER = /^\d{1,2}(\.\d{1,2})+\.?$|^\d{1,2}\.$/;

/**
 * Reads a statement from positioned words. Works page by page: header lines set the
 * period columns (repeated headers on continuation pages reset them, pages without one
 * inherit the previous page's), each later line becomes a label with amounts placed in
 * the column they sit under. T-format pages (assets left, liabilities right) are split
 * into two regions when the header repeats its periods.
 */
export interface ParseOptions {
  /** Names must match exactly or as abbreviations (a quick survey of many pages). */
  exactNames?: boolean;
}

export function parseStatement(pages: PageWords[], options: ParseOptions = {}): ExtractedStatement {
  const pageLines = pages.map((p) => ({ page: p, lines: groupLines(p.words).map(dropNoise).map(splitPeriodRuns).filter((l) => l.cells.length) }));
  const allCells = pageLines.flatMap((p) => p.lines.flatMap((l) => l.cells));
  const decimal = detectDecimalSeparator(allCells.filter((c) => c.amount).map((c) => c.text));
  const minusAfter = trailingMinusDoc(allCells);
  // Whether amounts print decimals (TL with kuruş): a bare "2" is then no amount.
  const amountTexts = allCells.filter((c) => c.amount && /\d/.test(c.text)).map((c) => c.text);
  const decimalsDoc = amountTexts.filter((t) => /[.,]\d{2}\)?$/.test(t)).length > amountTexts.length * 0.6;
  const headerTexts: string[] = [];
  const headerPages: number[] = [];
  const rows: RowDraft[] = [];
  const periods: string[] = [];
  const variants: Record<string, string> = {};
  const starts: Record<string, string> = {};
  let regions: Region[] | null = null;
  // Rows are collected per region and flushed left half first, so a T-format page reads as
  // AKTİF then PASİF (the group context of one half must not leak into the other).
  let buckets: RowDraft[][] = [];
  const flush = () => {
    for (const b of buckets) rows.push(...b);
    buckets = [];
  };
  const titleArea = pageLines.slice(0, 1).flatMap((p) => p.lines.slice(0, 12));
  const year = documentYear(titleArea);
  const yearEnd = documentYearEnd(titleArea);

  for (const { page, lines } of pageLines) {
    let seenData = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (isHeaderLine(line)) {
        // Stacked headers ("2023" over "Note | 2024 | (As restated)"): the lowest line reads them all.
        if (headerLineBelow(lines, i)) continue;
        const prev = headerBlockAbove(lines, i);
        const cols = findPeriodColumns([...prev, line], year ?? documentYear(lines.slice(0, i + 1)), yearEnd);
        if (cols && cols.every((c) => c.period)) {
          flush();
          regions = withBreakdown(labelVariants(withNotesColumn(splitRegions(cols, [...prev, line], page.width), [...prev, line]), [...prev, line]), lines.slice(i + 1, i + 3));
          notePeriods(regions, monthsInWords([...prev, line]), { periods, variants, starts });
          // The page's own title ("STATEMENTS OF INCOME" above the columns) opens its statement.
          const title = pageTitle(lines.slice(0, i));
          if (title) rows.push({ page: page.page, source: page.source, code: null, label: title, labelX0: 0, amounts: [], confidence: 1, y: line.y, height: line.height });
        }
        continue;
      }
      if (isPageFurniture(line, page, regions)) continue;
      const hasData = line.cells.some((c) => c.amount) && line.cells.some((c) => !c.amount);
      // A form prints a field's name and value apart ("Soyadı (Unvanı)" … ": X A.Ş."): the
      // whole line is read too, after its cells.
      if (!seenData && !hasData) {
        const texts = [...line.cells.map((c) => c.text), ...(line.cells.length > 1 ? [line.cells.map((c) => c.text).join(' ')] : [])];
        headerTexts.push(...texts);
        headerPages.push(...texts.map(() => page.page));
      }
      seenData ||= hasData && regions !== null;
      if (!regions) continue;
      regions.forEach((region, r) => {
        const cells = line.cells.filter((c) => c.x0 >= region.x0 - 1 && c.x0 < region.x1).map((c) => shortMinusCell(c, region, minusAfter));
        const read = page.source === 'ocr' ? cells.map((c) => ocrDashCell(c, region, decimal, decimalsDoc)) : cells;
        const row = toRow(read, region, page.page, page.source, decimal);
        if (row) (buckets[r] ??= []).push({ ...row, y: line.y, height: line.height, ...(page.source === 'ocr' ? { cells: cellBoxes({ ...line, cells }, region, row.amounts) } : {}) });
      });
    }
    flush();
  }

  const meta = detectMeta(headerTexts, amountTexts, headerPages);
  const scale = unitScale(meta.unit);
  const coded = rows.filter((r) => r.code);
  const hasCodeColumn = coded.length >= Math.max(3, rows.length * 0.3) && !isRowNumbering(coded.map((r) => Number(r.code)));
  const lines = assignKeys(mergeWrapped(rows), { decimal, scale, hasCodeColumn, fuzzy: !options.exactNames });
  const statements: StatementType[] = [];
  for (const l of lines) if (l.statement && !statements.includes(l.statement)) statements.push(l.statement);
  const extra = { ...(Object.keys(variants).length ? { variants: pick(variants, periods) } : {}), ...(Object.keys(starts).length ? { periodStarts: pick(starts, periods) } : {}) };
  return { ...meta, periods, statements, lines, ...extra };
}

/**
 * Row numbers (1, 2, 3, … in a risk table or a bank's line numbering) look like account
 * codes but mostly count up by one; TDHP codes skip (100, 101, 102, 108, 12, 120 …).
 */
function isRowNumbering(codes: number[]): boolean {
  let steps = 0;
  for (let i = 1; i < codes.length; i++) if (codes[i] === codes[i - 1]! + 1) steps++;
  return steps >= (codes.length - 1) * 0.6;
}

// A currency mark printed apart from its amount ("P/ 2,557,457", "$   12") says nothing on its own.
const LONE_CURRENCY_MARK = /^(₱|₺|\$|€|£|P ?\/|P ?=)$/;

function dropNoise(line: TextLine): TextLine {
  // Ruled tables scan into stray '|', '_' and dots; they carry no text.
  return { ...line, cells: line.cells.filter((c) => (/[\p{L}\d]/u.test(c.text) || /^[-−–—]$/.test(c.text)) && !LONE_CURRENCY_MARK.test(c.text.trim())) };
}

/**
 * A scanned zero dash is a tiny blot that OCR reads as anything ("od", "«|", "2"). A short
 * cell inside a period column that is no proper amount is taken as that dash, with a low
 * confidence so the line is reported as unsure; the sums then show whether zero was right.
 */
function ocrDashCell(cell: Cell, region: Region, decimal: DecimalSeparator, decimalsDoc: boolean): Cell {
  const t = cell.text.trim();
  if (t.length > 3 || /^[-−–—]$/.test(t)) return cell;
  const inColumn = region.columns.some((col) => cell.x1 > col.x0 && cell.x0 < col.x1 + 2);
  if (!inColumn || cell.x1 - cell.x0 > (cell.y1 - cell.y0) * 2) return cell;
  const parsed = cell.amount ? parseAmount(t, decimal) : null;
  const bareInteger = parsed !== null && /^\d{1,3}$/.test(t);
  if (parsed && !(decimalsDoc && bareInteger)) return cell;
  return { ...cell, text: '-', amount: true, confidence: Math.min(cell.confidence, 0.5) };
}

function toRow(cells: Cell[], region: Region, page: number, source: ReaderSource, decimal: DecimalSeparator): Omit<RowDraft, 'y' | 'height'> | null {
  if (!cells.length) return null;
  // A title such as "2023 YILI AYRINTILI GELİR TABLOSU" or "ÖZET GELİR TABLOSU (01.01.2024 -
  // 31.12.2024)" read word by word has number-like cells; it is still a heading.
  const whole = cells.map((c) => c.text).join(' ');
  if (cells.some((c) => c.amount) && cells.some((c) => !c.amount && detectStatementHeading(c.text)) && detectStatementHeading(whole)) {
    return { page, source, code: null, label: whole, labelX0: cells[0]!.x0, amounts: [], confidence: Math.min(...cells.map((c) => c.confidence)) };
  }
  let i = 0;
  let code: string | null = null;
  // Outline numbering ("1.1", "2.4.1", "1.") before a label is neither an amount nor a code.
  if (cells.length > 1 && OUTLINE_NUMBER.test(cells[0]!.text) && !cells[1]!.amount) i = 1;
  else if (cells.length > 1 && CODE_CELL.test(cells[0]!.text) && !cells[1]!.amount) {
    code = cells[0]!.text;
    i = 1;
  }
  const labelCells: Cell[] = [];
  for (; i < cells.length && !cells[i]!.amount; i++) labelCells.push(cells[i]!);
  // Only cells that read as amounts count: a title's "(01.01.2024 - 31.12.2024)" does not.
  const amountCells = cells.slice(i).filter((c) => c.amount && parseAmount(c.text, decimal) !== null && !isNoteReference(c, region));
  const label = labelCells.map((c) => c.text).join(' ').trim();
  if (!label && !amountCells.length) return null;
  const placed = amountCells.filter((cell) => !inIgnoredColumn(cell, region)).map((cell) => ({ cell, column: nearestColumn(cell, region.columns) }));
  const amounts = placed.filter((a) => !a.column.variant).map((a) => ({ cell: a.cell, period: a.column.period! }));
  const variantAmounts = placed.filter((a) => a.column.variant).map((a) => ({ cell: a.cell, period: a.column.period! }));
  // More figures than columns (two placed under one period) means the columns were not all
  // found: which figure is the period's is a guess, so the row is doubtful, never sure.
  const crowded = new Set(amounts.map((a) => a.period)).size < amounts.length;
  const confidence = Math.min(crowded ? 0.5 : 1, ...labelCells.map((c) => c.confidence), ...amountCells.map((c) => c.confidence));
  return { page, source, code, label, labelX0: labelCells[0]?.x0 ?? cells[0]!.x0, amounts, ...(variantAmounts.length ? { variantAmounts } : {}), confidence };
}

const TEXT_FUZZY_MIN = 0.8;
const CONTINUING = /\b(surdurulen|continuing)\b/;

interface KeyOptions {
  decimal: DecimalSeparator;
  scale: number;
  hasCodeColumn: boolean;
  fuzzy: boolean;
}

function assignKeys(rows: RowDraft[], opts: KeyOptions): ExtractedLine[] {
  const ctx: MatchContext = { statement: null, mainGroup: null, subGroup: null, printedCode: null };
  const used = new Set<string>();
  const lines: ExtractedLine[] = [];
  let outside = false;
  for (const row of rows) {
    const statementHeading = detectStatementHeading(row.label);
    // A page number ("Sayfa 1 / 2", "Page 3 of 9") in a header or footer is no amount line.
    if (isPageNumberRow(row)) continue;
    if (!row.amounts.length) {
      // A title repeated on a continuation page ("BİLANÇO (devamı)") keeps the open group.
      if (statementHeading && statementHeading !== ctx.statement) Object.assign(ctx, { statement: statementHeading, mainGroup: null, subGroup: null });
      const section = detectSectionHeading(row.label);
      if (section) Object.assign(ctx, { statement: 'balance_sheet', mainGroup: null, subGroup: null });
      if (statementHeading || section) outside = false;
      // Other comprehensive income, the split of profit among owners, cash flows, …: their
      // lines resemble statement lines but never stand for them.
      else if (detectOtherSection(row.label)) outside = true;
      else if (!outside) enterGroupHeading(row, ctx, opts);
      continue;
    }
    if (outside) {
      lines.push({ key: null, label: row.label, page: row.page, statement: null, values: valuesOf(row, null, opts), confidence: row.confidence, source: row.source });
      continue;
    }
    let match = matchLabel(row.label, { ...ctx, printedCode: opts.hasCodeColumn ? row.code : undefined, fuzzy: opts.fuzzy });
    if (!match && ctx.statement) {
      // A statement that starts without its own heading ("Hasılat" right after the balance
      // sheet's last total): an exact name of the other statement switches to it.
      const other = matchLabel(row.label, { statement: null, mainGroup: null, subGroup: null, printedCode: opts.hasCodeColumn ? row.code : undefined, fuzzy: opts.fuzzy });
      if (other && other.score >= 0.95 && statementOfKey(other.key) !== ctx.statement) match = other;
    }
    // On a text layer every letter is as printed: a loose resemblance is another line, not
    // a misreading, and is left unkeyed rather than guessed.
    if (match && row.source === 'text' && match.via === 'fuzzy' && match.score < TEXT_FUZZY_MIN) match = null;
    match = accountOfUsedGroup(row.label, match, used, { printedCode: opts.hasCodeColumn ? row.code : undefined, fuzzy: opts.fuzzy }) ?? match;
    let key = match?.key ?? null;
    if (key && used.has(key)) {
      // A continuing-operations profit stands in for the period's profit only until the
      // statement prints the total ("DÖNEM NET KARI" after the discontinued operations).
      const standIn = lines.find((l) => l.key === key && CONTINUING.test(foldTurkish(l.label)));
      if (standIn && !CONTINUING.test(foldTurkish(row.label))) standIn.key = null;
      else key = null;
    }
    const values = valuesOf(row, key, opts);
    if (key) {
      used.add(key);
      const level = levelOf(key);
      const statement = statementOfKey(key);
      ctx.statement = statement;
      if (level === 1) Object.assign(ctx, { mainGroup: key, subGroup: null });
      else if (level === 2) Object.assign(ctx, { mainGroup: parentOf(key), subGroup: key });
      else if (level === 3) Object.assign(ctx, { subGroup: parentOf(key), mainGroup: parentOf(parentOf(key) ?? '') });
    }
    lines.push({
      key,
      label: row.label,
      page: row.page,
      statement: key ? statementOfKey(key) : ctx.statement,
      values,
      confidence: Math.round((match?.score ?? 0.3) * row.confidence * 1000) / 1000,
      source: row.source,
      ...(match ? { keyConfidence: Math.round(match.score * 1000) / 1000 } : {}),
      ...(row.variantAmounts ? { variantValues: valuesOf({ ...row, amounts: row.variantAmounts }, key, opts) } : {}),
      ...(row.cells ? { cells: row.cells } : {}),
    });
  }
  return promoteLoneAccounts(keyUnlabelledTotals(lines, opts.scale));
}

/**
 * A group heading printed without amounts (its total closes the group further down) still
 * opens the group: the lines under it are matched in that group's context ("Borç ve Gider
 * Karşılıkları" under UZUN VADELİ is 47, not 37). It sets no item.
 */
function enterGroupHeading(row: RowDraft, ctx: MatchContext, opts: KeyOptions): void {
  const heading = matchLabel(row.label, { ...ctx, printedCode: opts.hasCodeColumn ? row.code : undefined, fuzzy: opts.fuzzy });
  if (!heading || heading.score < 0.95) return;
  const level = levelOf(heading.key);
  ctx.statement = statementOfKey(heading.key);
  if (level === 1) Object.assign(ctx, { mainGroup: heading.key, subGroup: null });
  else if (level === 2) Object.assign(ctx, { mainGroup: parentOf(heading.key), subGroup: heading.key });
}

function valuesOf(row: RowDraft, key: string | null, opts: KeyOptions): Record<string, Kurus> {
  const values: Record<string, Kurus> = {};
  for (const { cell, period } of row.amounts) {
    const parsed = parseAmount(cell.text, opts.decimal);
    if (!parsed || period in values) continue;
    let v = parsed.value * opts.scale;
    const deduction = (key !== null && isDeduction(key)) || hasMinusMarker(row.label);
    if (deduction && v !== 0) v = -Math.abs(v);
    values[period] = v;
  }
  return values;
}

/** A header's columns: new periods in print order, restated variants apart, interim starts. */
function notePeriods(regions: Region[], spanMonths: number | null, into: { periods: string[]; variants: Record<string, string>; starts: Record<string, string> }): void {
  for (const c of regions.flatMap((r) => r.columns)) {
    if (c.variant) into.variants[c.period!] ??= c.variant;
    else if (!into.periods.includes(c.period!)) into.periods.push(c.period!);
    const start = c.start ?? (spanMonths ? startBefore(c.period!, spanMonths) : null);
    if (start && !c.variant) into.starts[c.period!] ??= start;
  }
}

/** The variant headings of periods the statement has (a variant alone makes no period). */
const pick = (variants: Record<string, string>, periods: string[]): Record<string, string> => Object.fromEntries(Object.entries(variants).filter(([p]) => periods.includes(p)));
