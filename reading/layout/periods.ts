import { lowerAscii } from './fold.ts';
import type { Cell, TextLine } from './lines.ts';

/**
 * Period headers: `31.12.2024`, `2024`, `(2024)`, `31 December 2024`, `31 Aralık 2024`,
 * `Cari Dönem` / `Önceki Dönem` (with the year on the line below, in brackets, or only in
 * the title). A column is the horizontal span of its header, used to place amounts.
 */
export interface PeriodColumn {
  period: string | null;
  relative: 'current' | 'previous' | null;
  x0: number;
  x1: number;
  /** The header printed a bare year; its month and day may stand elsewhere in the header. */
  yearOnly?: boolean;
  /** The first day of a flow column printed as a range ("01.01.2024 - 30.09.2024"). */
  start?: string;
  /** A second column of `period` headed as a restatement: its printed heading. */
  variant?: string;
}

const MONTHS: Record<string, number> = {
  ocak: 1, subat: 2, mart: 3, nisan: 4, mayis: 5, haziran: 6, temmuz: 7, agustos: 8, eylul: 9, ekim: 10, kasim: 11, aralik: 12,
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

/** Three-letter forms (Jan, Dec, Oca, Ara, …), as folded by lowerAscii. */
const MONTH_ABBREVIATIONS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  oca: 1, sub: 2, nis: 4, haz: 6, tem: 7, agu: 8, eyl: 9, eki: 10, kas: 11, ara: 12,
};

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function validYear(y: number): boolean {
  return y >= 1990 && y <= 2100;
}

/** Parses a whole cell as a period; null when the cell says anything else. */
export function parsePeriodCell(text: string): { period: string | null; relative: PeriodColumn['relative']; yearOnly?: boolean; start?: string } | null {
  const parsed = parsePeriodEnd(text);
  const start = parsed?.period ? rangeStart(text, parsed.period) : null;
  return parsed && start ? { ...parsed, start } : parsed;
}

/**
 * The first day of a range printed in a period cell ("01.01.2024 - 30.09.2024", "1.1-30.9.2024",
 * "1 Ocak - 30 Eylül 2024"); the start's year is the end's when it is not printed.
 */
function rangeStart(text: string, end: string): string | null {
  const t = lowerAscii(text).replace(/^\(|\)$/g, '').trim();
  const numeric = /^(\d{1,2})[./](\d{1,2})(?:[./](\d{4}))?\s*[-–]\s*\d{1,2}[./]\d{1,2}[./]\d{4}$/.exec(t);
  const words = /^(\d{1,2}) ([a-z]+)\.?(?: (\d{4}))?\s*[-–]\s*\d{1,2} [a-z]+\.?,? \d{4}$/.exec(t);
  const endYear = Number(end.slice(0, 4));
  if (numeric) return iso(numeric[3] ? +numeric[3] : endYear, +numeric[2]!, +numeric[1]!);
  const month = words ? MONTHS[words[2]!] ?? MONTH_ABBREVIATIONS[words[2]!.slice(0, 3)] : undefined;
  if (words && month) return iso(words[3] ? +words[3] : endYear, month, +words[1]!);
  return null;
}

function parsePeriodEnd(text: string): { period: string | null; relative: PeriodColumn['relative']; yearOnly?: boolean } | null {
  let t = lowerAscii(text).replace(/\s*-\s*(tl|try|bin tl|usd|eur)$/, '').trim();
  let relative: PeriodColumn['relative'] = null;
  const rel = /^(cari|onceki|current|prior|previous)( donem| period| year)?\s*/.exec(t);
  if (rel) {
    relative = rel[1] === 'cari' || rel[1] === 'current' ? 'current' : 'previous';
    t = t.slice(rel[0].length).trim();
    if (!t) return { period: null, relative };
  }
  t = t.replace(/^\((.*)\)$/, '$1').trim();
  // A year named as such: "2024 Yılı", "Year 2024", "FY 2024".
  t = t.replace(/^(\d{4}) yili$/, '$1').replace(/^(?:year|fy) (\d{4})$/, '$1');
  // A period range ("01.01-31.12.2024", "01.01.2024 - 31.12.2024") is named by its end.
  t = t.replace(/^\d{1,2}[./]\d{1,2}(?:[./]\d{4})?\s*[-–]\s*(?=\d{1,2}[./]\d{1,2}[./]\d{4}$)/, '');
  // ... and in words: "1 Jan - 31 Dec 2024", "1 Ocak - 31 Aralık 2024".
  t = t.replace(/^\d{1,2} [a-z]+\.?(?: \d{4})?\s*[-–]\s*(?=\d{1,2} [a-z]+\.?,? \d{4}$)/, '');
  let m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(t);
  if (m && validYear(+m[3]!)) return { period: iso(+m[3]!, +m[2]!, +m[1]!), relative };
  m = /^(\d{1,2}) ([a-z]+)\.?,? (\d{4})$/.exec(t);
  const month = m ? MONTHS[m[2]!] ?? MONTH_ABBREVIATIONS[m[2]!.slice(0, 3)] : undefined;
  if (m && month && validYear(+m[3]!)) return { period: iso(+m[3]!, month, +m[1]!), relative };
  m = /^(\d{4})$/.exec(t);
  if (m && validYear(+m[1]!)) return { period: iso(+m[1]!, 12, 31), relative, yearOnly: true };
  return null;
}

/**
 * "December 31", "Years Ended December 31", "31 Aralık", "As at 30 June": a month and day
 * printed over bare-year columns. Null when the text is anything else.
 */
export function parseMonthDay(text: string): { month: number; day: number } | null {
  const t = lowerAscii(text).replace(/^(for the )?(years?|periods?|six months|three months|nine months) ended /, '').replace(/^(as (at|of)|at) /, '').replace(/[.,:]$/, '').trim();
  let m = /^([a-z]+)\.? (\d{1,2})$/.exec(t);
  let month = m ? MONTHS[m[1]!] ?? MONTH_ABBREVIATIONS[m[1]!.slice(0, 3)] : undefined;
  if (m && month && +m[2]! >= 1 && +m[2]! <= 31) return { month, day: +m[2]! };
  m = /^(\d{1,2}) ([a-z]+)\.?( tarihi( itibariyla)?)?$/.exec(t);
  month = m ? MONTHS[m[2]!] ?? MONTH_ABBREVIATIONS[m[2]!.slice(0, 3)] : undefined;
  if (m && month && +m[1]! >= 1 && +m[1]! <= 31) return { month, day: +m[1]! };
  return null;
}

/**
 * Print furniture, not the statement: a line with a web address or a time of day (print and
 * approval stamps, "Yazdırma Tarihi: 15.03.2025 10:42") never dates the statement.
 */
const STAMP_LINE = /https?:\/\/|www\.|\b\d{1,2}:\d{2}\b/i;
const textOf = (line: TextLine) => line.cells.map((c) => c.text).join(' ');

/** The document's own year, from titles such as "31 ARALIK 2023 TARİHİ…" or "2023 YILI". */
export function documentYear(lines: TextLine[]): number | null {
  const counts = new Map<number, number>();
  for (const line of lines) {
    if (STAMP_LINE.test(textOf(line))) continue;
    for (const cell of line.cells) {
      for (const m of cell.text.matchAll(/(?<!\d)(19\d{2}|20\d{2})(?!\d)/g)) {
        const y = Number(m[1]);
        counts.set(y, (counts.get(y) ?? 0) + 1);
      }
    }
  }
  // The latest year mentioned in the header area is the reporting year.
  return counts.size ? Math.max(...counts.keys()) : null;
}

const FULL_DATE = /(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)|(?<![a-z\d])(\d{1,2}) ([a-z]+) (\d{4})(?!\d)/g;

/**
 * The year end the title area states ("31 MART 2024 TARİHİ İTİBARIYLA", "01.07.2023 -
 * 30.06.2024 DÖNEMİ"): the month and day of its latest full date. It dates columns that
 * print only a year or "Cari / Önceki Dönem"; null when the title gives no full date.
 */
export function documentYearEnd(lines: TextLine[]): { month: number; day: number } | null {
  let best: string | null = null;
  for (const line of lines) {
    const text = lowerAscii(textOf(line));
    if (STAMP_LINE.test(text)) continue;
    for (const m of text.matchAll(FULL_DATE)) {
      const month = m[2] ? Number(m[2]) : MONTHS[m[5]!];
      const day = Number(m[1] ?? m[4]);
      const year = Number(m[3] ?? m[6]);
      if (!month || month > 12 || day < 1 || day > 31 || !validYear(year)) continue;
      const date = iso(year, month, day);
      if (best === null || date > best) best = date;
    }
  }
  return best === null ? null : { month: Number(best.slice(5, 7)), day: Number(best.slice(8, 10)) };
}

/**
 * Finds the period columns among the lines above the first amount row: the lowest header
 * line with period cells, merged with a header line right above it whose cells overlap
 * (`Cari Dönem` over `2023`).
 */
export function findPeriodColumns(headerLines: TextLine[], fallbackYear: number | null, yearEnd: { month: number; day: number } | null = null): PeriodColumn[] | null {
  const parsed = headerLines.map((line) => ({
    line,
    cols: line.cells
      .map((c: Cell) => ({ c, p: parsePeriodCell(c.text) }))
      .filter((x): x is { c: Cell; p: NonNullable<ReturnType<typeof parsePeriodCell>> } => x.p !== null)
      .map(({ c, p }) => ({ ...p, x0: c.x0, x1: c.x1 })),
  }));
  let idx = -1;
  for (let i = parsed.length - 1; i >= 0; i--) {
    if (parsed[i]!.cols.length) {
      idx = i;
      break;
    }
  }
  if (idx < 0) return null;
  let cols: PeriodColumn[] = joinRelativeWithYear(parsed[idx]!.cols, parsed[idx]!.line.height);
  // Lines above fill in what the lowest header line leaves open (`Cari Dönem` over `2023`),
  // nearest first; a dated cell over an empty part of the header is a column of its own.
  for (let j = idx - 1; j >= 0; j--) {
    for (const over of parsed[j]!.cols) {
      const at = cols.findIndex((col) => over.x0 < col.x1 && col.x0 < over.x1);
      if (at < 0) {
        if (over.period) cols.push(over);
        continue;
      }
      const col = cols[at]!;
      cols[at] = {
        period: col.period ?? over.period,
        relative: col.relative ?? over.relative,
        x0: Math.min(col.x0, over.x0),
        x1: Math.max(col.x1, over.x1),
        ...(col.period ? (col.yearOnly ? { yearOnly: true } : {}) : over.yearOnly ? { yearOnly: true } : {}),
        ...((col.start ?? over.start) ? { start: col.start ?? over.start } : {}),
      };
    }
  }
  cols.sort((a, b) => a.x0 - b.x0);
  cols = cols.map((c) => (c.start || !c.period ? c : withStackedStart(c, headerLines)));
  const monthDay = headerLines.flatMap((l) => l.cells).map((c) => parseMonthDay(c.text)).find((md) => md !== null) ?? yearEnd;
  const year = fallbackYear;
  return cols.map((c) => {
    if (c.period && c.yearOnly && monthDay) return { ...c, period: iso(Number(c.period.slice(0, 4)), monthDay.month, monthDay.day) };
    if (c.period || !c.relative || year === null) return c;
    return { ...c, period: iso(c.relative === 'current' ? year : year - 1, monthDay?.month ?? 12, monthDay?.day ?? 31) };
  });
}

/** `Cari Dönem` and `(2024)` read as two cells (OCR splits at wide gaps) are one column. */
function joinRelativeWithYear(cols: PeriodColumn[], height: number): PeriodColumn[] {
  const out: PeriodColumn[] = [];
  for (const col of cols) {
    const prev = out[out.length - 1];
    if (prev && prev.relative && !prev.period && col.period && !col.relative && col.x0 - prev.x1 < height * 2.5) {
      out[out.length - 1] = { period: col.period, relative: prev.relative, x0: prev.x0, x1: col.x1 };
    } else {
      out.push(col);
    }
  }
  return out;
}

const GLUED_NOTE_HEADER = /^(Dipnot|Notlar|Notes|Not|Note)\s+/i;
const PERIOD_TOKEN = /(?:\d{1,2} [A-Za-zÇĞİÖŞÜçğıöşü]+\.?(?: \d{4})? ?[-–] ?)?\d{1,2} [A-Za-zÇĞİÖŞÜçğıöşü]+\.?,? \d{4}|(?:\d{1,2}[./]\d{1,2}(?:[./]\d{4})? ?[-–] ?)?\d{1,2}[./-]\d{1,2}[./-]\d{4}/g;
/** Headers naming a period by its place ("Cari Dönem", "Prior Period"); a run of two is two headers. */
const RELATIVE_TOKEN = /(?:Cari|CARİ|Önceki|ÖNCEKİ|Onceki|ONCEKI) (?:Dönem|DÖNEM|Donem|DONEM)|(?:Current|CURRENT|Prior|PRIOR|Previous|PREVIOUS) (?:Period|PERIOD|Year|YEAR)/g;
const RUN_TOKEN = new RegExp(`${PERIOD_TOKEN.source}|${RELATIVE_TOKEN.source}`, 'g');

/**
 * Column headers drawn too close together reach the text layer as one run
 * ("31 December 202331 December 2022"). A cell that is nothing but two or more period
 * tokens (after a notes column's header, or not) is split into one cell per token, each
 * spanning its share of the run's width.
 */
export function splitPeriodRuns(line: TextLine): TextLine {
  let changed = false;
  const cells: Cell[] = [];
  for (const cell of line.cells) {
    const tokens = [...cell.text.matchAll(RUN_TOKEN)];
    // A notes column's header drawn tight against the dates ("Notes 31 December 2022 …") is one header more.
    const glued = GLUED_NOTE_HEADER.exec(cell.text);
    const head = glued && tokens[0]?.index === glued[0].length ? glued : null;
    const covered = tokens.reduce((n, m) => n + m[0].length, head ? head[0].length : 0);
    if (tokens.length < (head ? 1 : 2) || covered < cell.text.replace(/\s+$/, '').length - tokens.length) {
      cells.push(cell);
      continue;
    }
    changed = true;
    const width = cell.x1 - cell.x0;
    const len = cell.text.length;
    const at = (i: number) => cell.x0 + (width * i) / len;
    if (head) cells.push({ ...cell, text: head[1]!, x1: at(head[1]!.length) });
    for (const m of tokens) {
      const start = m.index!;
      cells.push({ ...cell, text: m[0], x0: at(start) + (head && start === head[0].length ? 1 : 0), x1: at(start + m[0].length) });
    }
  }
  return changed ? { ...line, cells } : line;
}

/** A range printed over two header lines ("01.01.2024 -" above "30.09.2024"): its first day. */
function withStackedStart(col: PeriodColumn, headerLines: TextLine[]): PeriodColumn {
  for (const line of headerLines) {
    for (const cell of line.cells) {
      if (cell.x0 >= col.x1 || col.x0 >= cell.x1) continue;
      const t = lowerAscii(cell.text).trim();
      if (!/[-–]$/.test(t)) continue;
      const start = rangeStart(`${t} ${col.period!.split('-').reverse().join('.')}`, col.period!);
      if (start && start <= col.period!) return { ...col, start };
    }
  }
  return col;
}
