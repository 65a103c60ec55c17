import { detectOtherSection, detectStatementHeading } from '../statement-headings.ts';
import type { StatementType } from '../../domain/types.ts';
import { groupLines } from './lines.ts';
import { parseStatement } from './statement-parser.ts';
import type { PageWords } from './words.ts';

/**
 * Finds the primary statements in a long document (an annual report of 100 pages: auditor's
 * report, statements, notes, activity report). Each page is read on its own and scored by
 * what a primary statement has and a note or a summary table does not: many distinct lines
 * of one statement and its aggregate totals. The best run of consecutive pages per statement
 * wins (earliest on a tie, since statements precede their notes).
 */
export interface PageScore {
  page: number;
  statement: StatementType | null;
  /** Distinct keyed lines with amounts. */
  keys: number;
  /** Aggregate lines (group totals, profit lines) among them. */
  anchors: number;
  /** The page's title names a statement that is not a primary one (cash flow, equity, notes). */
  excluded: boolean;
  /** The statement the page's title names, if any. */
  titled: StatementType | null;
  /** The newest period among the page's columns. */
  newest: string | null;
}

export interface LocatedStatements {
  /** Pages (or halves of spreads) to read, in document order. */
  pages: PageWords[];
  scores: PageScore[];
}

const ANCHORS: Record<StatementType, ReadonlySet<string>> = {
  balance_sheet: new Set(['1', '2', '3', '4', '5', 'TOTAL_ASSETS', 'TOTAL_LIABILITIES_AND_EQUITY']),
  income_statement: new Set(['NET_SALES', '60', '62', 'GROSS_PROFIT', '63', 'OPERATING_PROFIT', 'PROFIT_BEFORE_TAX', 'NET_PROFIT']),
};

/** A page counts as a statement page with this many aggregates and distinct lines. */
const MIN_ANCHORS = 2;
const MIN_KEYS = 4;
/** A statement printed without repeated headers is followed back this many pages at most. */
const MAX_CONTINUATION = 8;
/** The title block: lines above the first table row. */
const TITLE_LINES = 8;

/**
 * `context`: the pages before this one back to the last page that printed a period header,
 * for a page that continues a statement without repeating its header; only this page's
 * lines count.
 */
export function scorePage(page: PageWords, context: PageWords[] = []): PageScore {
  // Exact names suffice to recognise a statement page on a text layer and are fast over a
  // hundred pages; OCR'd pages keep the tolerant matching.
  const parsed = parseStatement([...context, page], { exactNames: page.source === 'text' });
  if (context.length) parsed.lines = parsed.lines.filter((l) => l.page === page.page);
  const titles = groupLines(page.words)
    .slice(0, TITLE_LINES)
    .map((l) => l.cells.map((c) => c.text).join(' '));
  const titled = titles.map((t) => detectStatementHeading(t)).find((t) => t !== null) ?? null;
  const excluded = !titled && titles.some((t) => detectOtherSection(t) !== null);
  const counts: Record<StatementType, { keys: number; anchors: number }> = {
    balance_sheet: { keys: 0, anchors: 0 },
    income_statement: { keys: 0, anchors: 0 },
  };
  for (const line of parsed.lines) {
    if (!line.key || !line.statement || !Object.keys(line.values).length) continue;
    counts[line.statement].keys++;
    if (ANCHORS[line.statement].has(line.key)) counts[line.statement].anchors++;
  }
  const best = (['balance_sheet', 'income_statement'] as const)
    .map((s) => ({ s, ...counts[s] }))
    .sort((a, b) => b.anchors * 3 + b.keys - (a.anchors * 3 + a.keys))[0]!;
  const newest = [...parsed.periods].sort().pop() ?? null;
  return { page: page.page, statement: best.keys ? best.s : null, keys: best.keys, anchors: best.anchors, excluded, titled, newest };
}

function isStatementPage(s: PageScore, type: StatementType): boolean {
  // A page titled as the statement needs one aggregate (a bank's balance sheet matches few
  // chart names); an untitled page needs two.
  const titled = s.titled === type;
  return !s.excluded && s.statement === type && s.anchors >= (titled ? 1 : MIN_ANCHORS) && s.keys >= (titled ? 2 : MIN_KEYS);
}

interface Scored extends PageScore {
  /** Position in the document's sequence of pages and spread halves. */
  order: number;
}

/** Runs of consecutive statement pages of one type (a page without a table may sit between). */
function runsOf(scores: Scored[], type: StatementType): Scored[][] {
  const runs: Scored[][] = [];
  let open = false;
  let gap = 0;
  for (const s of scores) {
    if (isStatementPage(s, type)) {
      if (open) runs[runs.length - 1]!.push(s);
      else runs.push([s]);
      open = true;
      gap = 0;
    } else if (s.keys === 0 && !s.excluded && open && gap === 0) {
      gap = 1; // one page without a table (a chart, a blank) may sit inside a statement
    } else {
      open = false;
    }
  }
  return runs;
}

const runScore = (run: Scored[]) => run.reduce((n, s) => n + s.anchors * 3 + s.keys, 0);
const runNewest = (run: Scored[]) => run.map((s) => s.newest ?? '').sort().pop() ?? '';

/**
 * A report may also print last year's statements (comparatives filed again): the newest
 * period's run wins, then a titled one, then the fuller one, then the earlier one.
 */
function better(a: Scored[], b: Scored[]): Scored[] {
  if (runNewest(a) !== runNewest(b)) return runNewest(b) > runNewest(a) ? b : a;
  // A run under the statement's own title beats a note's table of the same figures.
  if (titled(a) !== titled(b)) return titled(b) ? b : a;
  return runScore(b) > runScore(a) ? b : a;
}

const titled = (run: Scored[]) => run.some((s) => s.titled !== null && s.titled === s.statement);

export function locateStatements(pages: PageWords[]): LocatedStatements {
  const scores: Scored[] = pages.map((p, order) => ({ ...scorePage(p), order }));
  // A page without a period header of its own right after statement pages may continue
  // their table (printed without repeated headers): it is scored under their columns.
  const ownHeader = scores.map((s) => s.newest !== null);
  const continued = new Set<number>();
  for (let i = 1; i < scores.length; i++) {
    const s = scores[i]!;
    if (ownHeader[i] || s.keys > 0 || s.excluded || scores[i - 1]!.statement === null) continue;
    let from = i - 1;
    // Back over the statement's headerless pages to the one that printed the columns.
    while (from > 0 && from > i - MAX_CONTINUATION && !ownHeader[from] && scores[from]!.statement !== null) from--;
    if (!ownHeader[from]) continue;
    scores[i] = { ...scorePage(pages[i]!, pages.slice(from, i)), order: i };
    continued.add(i);
  }
  const chosen = new Set<number>();
  for (const type of ['balance_sheet', 'income_statement'] as const) {
    const runs = runsOf(scores, type);
    if (!runs.length) continue;
    const best = runs.reduce(better);
    for (const s of best) chosen.add(s.order);
    // A statement whose group totals close its groups further down may open with pages
    // that hold many of its lines but none of its aggregates yet: they lead the run.
    for (let at = best[0]!.order - 1; at >= 0; at--) {
      const prev = scores[at]!;
      if (prev.excluded || prev.statement !== type || prev.keys < MIN_KEYS || (prev.titled !== null && prev.titled !== type)) break;
      chosen.add(at);
      if (prev.titled === type) break;
    }
    // The statement's last page may hold only its tail (a line or two, no aggregates), and a
    // page with few aggregates may sit before it: untitled pages of its lines follow the run.
    for (let at = best[best.length - 1]!.order + 1; at < scores.length; at++) {
      const next = scores[at]!;
      // A page under the statement's own title ("… (devamı)") continues it if it prints the
      // same periods; another statement's title, or other periods, ends it.
      const foreign = (next.titled !== null && next.titled !== type) || (next.newest !== null && next.newest !== runNewest(best));
      if (next.excluded || next.statement !== type || next.keys === 0 || (at > best[best.length - 1]!.order + 1 && foreign)) break;
      chosen.add(at);
    }
  }
  // A headerless page that reads as statement lines under the columns of a chosen page before
  // it continues that page's table, whichever statement it continues (a page holding the end
  // of the income statement and the start of the balance sheet is chosen for one of them).
  for (let i = 1; i < scores.length; i++) if (continued.has(i) && chosen.has(i - 1) && scores[i]!.keys > 0 && !scores[i]!.excluded) chosen.add(i);
  // Nothing looks like a statement: read everything and let the parser say what it found.
  return { pages: chosen.size ? pages.filter((_, i) => chosen.has(i)) : pages, scores };
}
