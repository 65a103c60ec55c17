import { isDeduction, levelOf, parentOf } from '../chart-of-accounts.ts';
import { detectOtherSection, detectSectionHeading, detectStatementHeading, matchLabel, type MatchContext } from '../label-matcher.ts';
import { detectDecimalSeparator, parseAmount, unitScale, type DecimalSeparator } from '../number-format.ts';
import { foldTurkish, hasMinusMarker } from '../turkish-text.ts';
import type { Kurus, StatementType } from '../types.ts';
import { detectMeta, type DocumentMeta } from './document-meta.ts';
import { lowerAscii } from './fold.ts';
import { groupLines, type Cell, type TextLine } from './lines.ts';
import { documentYear, findPeriodColumns, splitPeriodRuns, parsePeriodCell, type PeriodColumn } from './periods.ts';
import type { PageWords, ReaderSource } from './words.ts';

export interface ExtractedLine {
  key: string | null;
  label: string;
  page: number;
  statement: StatementType | null;
  /** Values in kuruş of full currency units (already scaled from Bin/Milyon TL). */
  values: Record<string, Kurus>;
  confidence: number;
  source: ReaderSource;
}

export interface ExtractedStatement extends DocumentMeta {
  periods: string[];
  statements: StatementType[];
  lines: ExtractedLine[];
}

/** Which half of a T-format page a cell sits in, with that half's period columns. */
interface Region {
  x0: number;
  x1: number;
  columns: PeriodColumn[];
  /** The notes column ("Dipnot", "Notes"), whose small numbers are references, not amounts. */
  notes?: { x0: number; x1: number };
  /** Sub-columns to leave out: the TP and YP parts of a bank's TP / YP / Toplam breakdown. */
  ignore?: { x0: number; x1: number }[];
}

const NOTE_HEADER = /^(dip ?not|dipnot no|not|notlar|note|notes|aciklama no)$/;
const NOTE_REF = /^\d{1,3}(?:[.,]\d{1,2})?[a-z]?(?:[,-]\d{1,3})*$/i;

interface RowDraft {
  page: number;
  source: ReaderSource;
  code: string | null;
  label: string;
  labelX0: number;
  amounts: { cell: Cell; period: string }[];
  confidence: number;
  /** Vertical centre and height of the printed line (page points). */
  y: number;
  height: number;
}

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

  // Whether amounts print decimals (TL with kuruş): a bare "2" is then no amount.
  const amountTexts = allCells.filter((c) => c.amount && /\d/.test(c.text)).map((c) => c.text);
  const decimalsDoc = amountTexts.filter((t) => /[.,]\d{2}\)?$/.test(t)).length > amountTexts.length * 0.6;
  const headerTexts: string[] = [];
  const rows: RowDraft[] = [];
  const periods: string[] = [];
  let regions: Region[] | null = null;
  // Rows are collected per region and flushed left half first, so a T-format page reads as
  // AKTİF then PASİF (the group context of one half must not leak into the other).
  let buckets: RowDraft[][] = [];
  const flush = () => {
    for (const b of buckets) rows.push(...b);
    buckets = [];
  };
  const year = documentYear(pageLines.slice(0, 1).flatMap((p) => p.lines.slice(0, 12)));

  for (const { page, lines } of pageLines) {
    let seenData = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (isHeaderLine(line)) {
        // Stacked headers ("2023" over "Note | 2024 | (As restated)"): the lowest line reads them all.
        if (headerLineBelow(lines, i)) continue;
        const prev = headerBlockAbove(lines, i);
        const cols = findPeriodColumns([...prev, line], year ?? documentYear(lines.slice(0, i + 1)));
        if (cols && cols.every((c) => c.period)) {
          flush();
          regions = withBreakdown(withNotesColumn(splitRegions(cols, line, page.width), [...prev, line]), lines.slice(i + 1, i + 3));
          for (const c of regions.flatMap((r) => r.columns)) if (!periods.includes(c.period!)) periods.push(c.period!);
          // The page's own title ("STATEMENTS OF INCOME" above the columns) opens its statement.
          const title = pageTitle(lines.slice(0, i));
          if (title) rows.push({ page: page.page, source: page.source, code: null, label: title, labelX0: 0, amounts: [], confidence: 1, y: line.y, height: line.height });
        }
        continue;
      }
      const hasData = line.cells.some((c) => c.amount) && line.cells.some((c) => !c.amount);
      if (!seenData && !hasData) headerTexts.push(...line.cells.map((c) => c.text));
      seenData ||= hasData && regions !== null;
      if (!regions) continue;
      regions.forEach((region, r) => {
        const cells = line.cells.filter((c) => c.x0 >= region.x0 - 1 && c.x0 < region.x1);
        const read = page.source === 'ocr' ? cells.map((c) => ocrDashCell(c, region, decimal, decimalsDoc)) : cells;
        const row = toRow(read, region, page.page, page.source, decimal);
        if (row) (buckets[r] ??= []).push({ ...row, y: line.y, height: line.height });
      });
    }
    flush();
  }

  const meta = detectMeta(headerTexts, amountTexts);
  const scale = unitScale(meta.unit);
  const coded = rows.filter((r) => r.code);
  const hasCodeColumn = coded.length >= Math.max(3, rows.length * 0.3) && !isRowNumbering(coded.map((r) => Number(r.code)));
  const lines = assignKeys(mergeWrapped(rows), { decimal, scale, hasCodeColumn, fuzzy: !options.exactNames });
  const statements: StatementType[] = [];
  for (const l of lines) if (l.statement && !statements.includes(l.statement)) statements.push(l.statement);
  return { ...meta, periods, statements, lines };
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

function isHeaderLine(line: TextLine): boolean {
  let periods = 0;
  for (const c of line.cells) {
    const p = parsePeriodCell(c.text);
    if (p) periods++;
    // "2023 YILI AYRINTILI GELİR TABLOSU" read word by word is a title, not a column header.
    else if (!c.amount && detectStatementHeading(c.text)) return false;
    // A lone dash on a header line is a scanned rule or separator, not a zero.
    else if (c.amount && !/^[-−–—]$/.test(c.text)) return false;
  }
  return periods > 0;
}

/** How far above a column header its other header lines may reach ("December 31", "2023", "(As restated)"). */
const HEADER_BLOCK_LINES = 5;

/**
 * The header lines above a period header line: column headers are often stacked ("Bağımsız /
 * Denetimden Geçmiş / 31 Aralık 2020", "December 31 / 2023 / (As Restated)"). The block
 * stops at a data row or a statement title, so a title's date never becomes a column.
 */
function headerBlockAbove(lines: TextLine[], i: number): TextLine[] {
  const block: TextLine[] = [];
  for (let j = i - 1; j >= 0 && block.length < HEADER_BLOCK_LINES; j--) {
    const l = lines[j]!;
    if (l.cells.some((c) => detectStatementHeading(c.text)) || detectStatementHeading(l.cells.map((c) => c.text).join(' '))) break;
    if (l.cells.some((c) => c.amount && !parsePeriodCell(c.text) && !/^[-−–—]$/.test(c.text))) break;
    block.unshift(l);
  }
  return block;
}

/** The first statement (or other section) title among a page's lines above its columns. */
function pageTitle(lines: TextLine[]): string | null {
  for (const l of lines) {
    const text = l.cells.map((c) => c.text).join(' ');
    if (detectStatementHeading(text) || detectOtherSection(text)) return text;
  }
  return null;
}

function headerLineBelow(lines: TextLine[], i: number): boolean {
  for (let j = i + 1; j < lines.length && j <= i + HEADER_BLOCK_LINES; j++) {
    const l = lines[j]!;
    if (isHeaderLine(l)) return true;
    if (l.cells.some((c) => c.amount && !parsePeriodCell(c.text) && !/^[-−–—]$/.test(c.text))) return false;
  }
  return false;
}

/** Splits a page into halves when its header repeats the periods (AKTİF | PASİF side by side). */
function splitRegions(cols: PeriodColumn[], header: TextLine, pageWidth: number): Region[] {
  const periods = cols.map((c) => c.period);
  const half = periods.length / 2;
  const repeated =
    periods.length >= 2 && Number.isInteger(half) && periods.slice(0, half).join() === periods.slice(half).join();
  if (!repeated) return [{ x0: 0, x1: Infinity, columns: cols }];
  const left = cols.slice(0, half);
  const right = cols.slice(half);
  const leftEnd = left[left.length - 1]!.x1;
  // The right half starts at its first header cell after the left half's last period column.
  const rightStart = header.cells.filter((c) => c.x0 > leftEnd).reduce((m, c) => Math.min(m, c.x0), right[0]!.x0);
  const split = Math.max(leftEnd + 1, rightStart - 2);
  return [
    { x0: 0, x1: split, columns: left },
    { x0: split, x1: Math.max(pageWidth, split + 1) * 2, columns: right },
  ];
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
  const amounts = amountCells
    .filter((cell) => !inIgnoredColumn(cell, region))
    .map((cell) => ({ cell, period: nearestColumn(cell, region.columns).period! }));
  const confidence = Math.min(1, ...labelCells.map((c) => c.confidence), ...amountCells.map((c) => c.confidence));
  return { page, source, code, label, labelX0: labelCells[0]?.x0 ?? cells[0]!.x0, amounts, confidence };
}

const BREAKDOWN_PART = /^(tp|yp|tl|fc|yabanci para|turk parasi|local currency|foreign currency)$/;
const BREAKDOWN_TOTAL = /^(toplam|total)$/;

/**
 * Bank statements split each period into currency parts under it ("TP | YP | Toplam"). Only
 * the total is the period's figure: its sub-column becomes the period column and the parts
 * are left out, so a TP amount is never read as the period's value.
 */
function withBreakdown(regions: Region[], below: TextLine[]): Region[] {
  const line = below.find((l) => l.cells.some((c) => BREAKDOWN_TOTAL.test(lowerAscii(c.text))) && l.cells.some((c) => BREAKDOWN_PART.test(lowerAscii(c.text))));
  if (!line) return regions;
  return regions.map((region) => {
    const cells = line.cells.filter((c) => c.x0 >= region.x0 - 1 && c.x0 < region.x1);
    const totals = cells.filter((c) => BREAKDOWN_TOTAL.test(lowerAscii(c.text)));
    if (totals.length !== region.columns.length) return region;
    const columns = region.columns.map((col, k) => ({ ...col, x0: totals[k]!.x0, x1: totals[k]!.x1 }));
    const ignore = cells.filter((c) => BREAKDOWN_PART.test(lowerAscii(c.text))).map((c) => ({ x0: c.x0, x1: c.x1 }));
    return { ...region, columns, ignore };
  });
}

/** An amount right-aligned under a left-out sub-column rather than under a period column. */
function inIgnoredColumn(cell: Cell, region: Region): boolean {
  if (!region.ignore?.length) return false;
  const dist = (span: { x0: number; x1: number }) => Math.abs(span.x1 - cell.x1) + Math.max(0, span.x0 - cell.x1, cell.x0 - span.x1) * 10;
  const toIgnored = Math.min(...region.ignore.map(dist));
  const toColumn = Math.min(...region.columns.map(dist));
  return toIgnored < toColumn;
}

function withNotesColumn(regions: Region[], header: TextLine[]): Region[] {
  const note = header.flatMap((l) => l.cells).find((c) => NOTE_HEADER.test(lowerAscii(c.text)));
  if (!note) return regions;
  return regions.map((r) => (note.x0 >= r.x0 - 1 && note.x0 < r.x1 ? { ...r, notes: { x0: note.x0, x1: note.x1 } } : r));
}

/**
 * A note reference ("5", "12", "7.1") sits in the notes column, or — where the column has no
 * header — clearly left of every period column, where no amount is ever printed.
 */
function isNoteReference(cell: Cell, region: Region): boolean {
  if (!NOTE_REF.test(cell.text) || /^[-−–—]$/.test(cell.text)) return false;
  const center = (cell.x0 + cell.x1) / 2;
  if (region.notes && center >= region.notes.x0 - 8 && center <= region.notes.x1 + 8) return true;
  const firstColumn = Math.min(...region.columns.map((c) => c.x0));
  return /^\d{1,3}$/.test(cell.text) && cell.x1 < firstColumn - 20;
}

function nearestColumn(cell: Cell, columns: PeriodColumn[]): PeriodColumn {
  let best = columns[0]!;
  let bestScore = Infinity;
  for (const col of columns) {
    const gap = Math.max(0, col.x0 - cell.x1, cell.x0 - col.x1);
    const score = gap * 10 + Math.abs(col.x1 - cell.x1);
    if (score < bestScore) {
      bestScore = score;
      best = col;
    }
  }
  return best;
}

const isHeading = (label: string) => detectSectionHeading(label) !== null || detectStatementHeading(label) !== null;

/** Within one printed line's height of each other on the same page. */
const adjacent = (a: RowDraft, b: RowDraft) => a.page === b.page && Math.abs(b.y - a.y) < Math.max(a.height, b.height) * 1.5;

/**
 * A label printed on two lines with the amounts vertically centred between them
 * ("SÜRDÜRÜLEN FAALİYETLER VERGİ ÖNCESİ" / amounts / "(ZARARI)/KARI") is one line: an
 * amounts row without a label takes the label-only rows right above and below it.
 */
function centredLabel(rows: RowDraft[], i: number, out: RowDraft[]): { row: RowDraft; skip: number } | null {
  const row = rows[i]!;
  const above = out[out.length - 1];
  if (row.label || !row.amounts.length || !above || above.amounts.length || !above.label || !adjacent(above, row) || isHeading(above.label)) return null;
  out.pop();
  const below = rows[i + 1];
  const tail = below && !below.amounts.length && below.label && !below.code && adjacent(row, below) && below.labelX0 >= above.labelX0 - 1 && !isHeading(below.label);
  return {
    row: { ...row, code: above.code, label: tail ? `${above.label} ${below.label}` : above.label, labelX0: above.labelX0 },
    skip: tail ? 1 : 0,
  };
}

/** A label-only row that continues on the next row (long account names wrap) is joined to it. */
function mergeWrapped(rows: RowDraft[]): RowDraft[] {
  const out: RowDraft[] = [];
  for (let i = 0; i < rows.length; i++) {
    const centred = centredLabel(rows, i, out);
    if (centred) {
      out.push(centred.row);
      i += centred.skip;
      continue;
    }
    const row = rows[i]!;
    const next = rows[i + 1];
    if (
      !row.amounts.length && row.label && next && adjacent(row, next) && next.amounts.length && !next.code &&
      next.label && /^[\p{Ll}(]/u.test(next.label) && !detectSectionHeading(row.label) && !detectStatementHeading(row.label)
    ) {
      rows[i + 1] = { ...next, code: row.code, label: `${row.label} ${next.label}`, labelX0: row.labelX0 };
      continue;
    }
    if (!row.amounts.length && row.label && out.length && /^[\p{Ll}(]/u.test(row.label)) {
      const prev = out[out.length - 1]!;
      if (prev.amounts.length && adjacent(prev, row) && row.labelX0 >= prev.labelX0 - 1) {
        prev.label = `${prev.label} ${row.label}`;
        continue;
      }
    }
    out.push(row);
  }
  return out;
}

interface KeyOptions {
  decimal: DecimalSeparator;
  scale: number;
  hasCodeColumn: boolean;
  fuzzy: boolean;
}

function statementOfKey(key: string): StatementType {
  if (/^(6|NET_SALES|GROSS_PROFIT|OPERATING_PROFIT|ORDINARY_PROFIT|PROFIT_BEFORE_TAX|NET_PROFIT)/.test(key)) {
    return 'income_statement';
  }
  return 'balance_sheet';
}

function assignKeys(rows: RowDraft[], opts: KeyOptions): ExtractedLine[] {
  const ctx: MatchContext = { statement: null, mainGroup: null, subGroup: null, printedCode: null };
  const used = new Set<string>();
  const lines: ExtractedLine[] = [];
  let outside = false;
  for (const row of rows) {
    const statementHeading = detectStatementHeading(row.label);
    if (!row.amounts.length) {
      if (statementHeading) Object.assign(ctx, { statement: statementHeading, mainGroup: null, subGroup: null });
      const section = detectSectionHeading(row.label);
      if (section) Object.assign(ctx, { statement: 'balance_sheet', mainGroup: null, subGroup: null });
      if (statementHeading || section) outside = false;
      // Other comprehensive income, the split of profit among owners, cash flows, …: their
      // lines resemble statement lines but never stand for them.
      else if (detectOtherSection(row.label)) outside = true;
      continue;
    }
    if (outside) {
      lines.push({ key: null, label: row.label, page: row.page, statement: null, values: valuesOf(row, null, opts), confidence: row.confidence, source: row.source });
      continue;
    }
    let match = matchLabel(row.label, { ...ctx, printedCode: opts.hasCodeColumn ? row.code : null, fuzzy: opts.fuzzy });
    if (!match && ctx.statement) {
      // A statement that starts without its own heading ("Hasılat" right after the balance
      // sheet's last total): an exact name of the other statement switches to it.
      const other = matchLabel(row.label, { statement: null, mainGroup: null, subGroup: null, printedCode: opts.hasCodeColumn ? row.code : null, fuzzy: opts.fuzzy });
      if (other && other.score >= 0.95 && statementOfKey(other.key) !== ctx.statement) match = other;
    }
    // On a text layer every letter is as printed: a loose resemblance is another line, not
    // a misreading, and is left unkeyed rather than guessed.
    if (match && row.source === 'text' && match.via === 'fuzzy' && match.score < TEXT_FUZZY_MIN) match = null;
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
    });
  }
  return promoteLoneAccounts(keyUnlabelledTotals(lines, opts.scale));
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

/** A difference one misread digit explains: d × 10^k (in kuruş of whole units). */
function oneDigitApart(a: Kurus, b: Kurus): boolean {
  let d = Math.abs(a - b);
  if (d === 0) return true;
  while (d % 10 === 0) d /= 10;
  return d < 10;
}

/**
 * Equal in every period; on a scan, equal in at least one period and one misread digit apart
 * in the others (reconciliation then reports or repairs that digit).
 */
function sameValues(a: Record<string, Kurus>, b: Record<string, Kurus> | undefined, tolerance: number, ocr = false): boolean {
  if (!b || !Object.keys(a).length || !Object.keys(a).every((p) => p in b)) return false;
  const ties = Object.entries(a).filter(([p, v]) => Math.abs(v - b[p]!) <= tolerance).length;
  if (ties === Object.keys(a).length) return true;
  return ocr && ties > 0 && Object.entries(a).every(([p, v]) => Math.abs(v - b[p]!) <= tolerance || oneDigitApart(v, b[p]!));
}

const TEXT_FUZZY_MIN = 0.8;
const CONTINUING = /\b(surdurulen|continuing)\b/;
const TOTAL_LABEL = /\b(toplam|toplami|total)\b/i;

/**
 * Totals printed without a label, or with one no chart name fits ("YÜKÜMLÜLÜKLER TOPLAMI" for
 * a bank's liabilities and equity), (a ruled line and the amount under the last group: "Total
 * assets" implied), are known by position and arithmetic: right after the non-current assets
 * and equal to current plus non-current assets; after equity and equal to total assets.
 */
function keyUnlabelledTotals(lines: ExtractedLine[], scale: number): ExtractedLine[] {
  const byKey = new Map<string, ExtractedLine>();
  return lines.map((line) => {
    if (line.key) byKey.set(line.key, line);
    if (line.key || (line.label.trim() && !TOTAL_LABEL.test(line.label)) || line.statement === 'income_statement') return line;
    const current = byKey.get('1')?.values;
    const nonCurrent = byKey.get('2')?.values;
    let key: string | null = null;
    if (!byKey.has('TOTAL_ASSETS') && !byKey.has('3') && !byKey.has('5') && current && nonCurrent) {
      const sum = Object.fromEntries(Object.keys(current).map((p) => [p, current[p]! + (nonCurrent[p] ?? 0)]));
      if (sameValues(line.values, sum, scale, line.source === 'ocr')) key = 'TOTAL_ASSETS';
    } else if (!byKey.has('TOTAL_LIABILITIES_AND_EQUITY') && byKey.has('5') && sameValues(line.values, byKey.get('TOTAL_ASSETS')?.values, scale, line.source === 'ocr')) {
      key = 'TOTAL_LIABILITIES_AND_EQUITY';
    }
    if (!key) return line;
    // Known by arithmetic, not by name: as sure as the figures it was checked against.
    const keyed = { ...line, key, statement: 'balance_sheet' as const, confidence: 0.9 };
    byKey.set(key, keyed);
    return keyed;
  });
}

/**
 * IFRS layouts print some groups as a single line ("Cash" under current assets, with no
 * "Cash and cash equivalents" group): an account printed without its group and without
 * siblings stands for the whole group.
 */
function promoteLoneAccounts(lines: ExtractedLine[]): ExtractedLine[] {
  const keys = new Set(lines.map((l) => l.key).filter((k): k is string => k !== null));
  return lines.map((line) => {
    if (!line.key || levelOf(line.key) !== 3 || statementOfKey(line.key) !== 'balance_sheet') return line;
    const group = parentOf(line.key);
    if (!group || keys.has(group)) return line;
    const siblings = [...keys].filter((k) => k !== line.key && parentOf(k) === group);
    if (siblings.length) return line;
    keys.add(group);
    return { ...line, key: group };
  });
}
