/**
 * Merges two readings of one document (e.g. text layer or OCR as primary, a vision model as
 * secondary). Two independent readers agreeing on a printed number is strong evidence; when
 * they disagree, the statement's own arithmetic (groups sum their children, the totals, the
 * income-statement chain) decides, because a misread digit almost never keeps a sum tying.
 * Pure: no I/O, deterministic.
 */
import { levelOf, parentOf } from '../domain/chart-of-accounts.ts';
import type { ExtractedLine } from './layout/statement-parser.ts';
import type { ReaderSource } from './layout/words.ts';
import type { Items, Kurus } from '../domain/types.ts';

export type CrossCheckDecision = 'agreed' | 'chose-primary' | 'chose-secondary' | 'disputed';
export type CrossCheckReason = 'equal' | 'ties' | 'only-primary' | 'only-secondary' | 'no-tie';

/** One key × period: both readings' numbers and what was kept, for audit. */
export interface CellDecision {
  key: string;
  period: string;
  decision: CrossCheckDecision;
  reason: CrossCheckReason;
  primary: Kurus | null;
  secondary: Kurus | null;
  /** The value in the merged reading; null when the key/period is left out. */
  chosen: Kurus | null;
}

/** A value the readings disagree on and the arithmetic could not settle: validation shows both. */
export interface Dispute {
  period: string;
  primary: Kurus;
  secondary: Kurus;
}

export interface CrossCheckedLine extends ExtractedLine {
  sources: ReaderSource[];
  disputes: Dispute[];
}

export interface CrossCheckResult {
  lines: CrossCheckedLine[];
  items: Items;
  decisions: CellDecision[];
}

export interface CrossCheckOptions {
  /** Printed rounding in kuruş (100000 for Bin TL): sums may be off by half of it per term, as in validation. */
  roundingKurus?: number;
}

export interface Reading {
  lines: readonly ExtractedLine[];
}

interface Relation {
  total: string;
  terms: string[];
}

const FIXED: readonly Relation[] = [
  { total: 'TOTAL_ASSETS', terms: ['1', '2'] },
  { total: 'TOTAL_LIABILITIES_AND_EQUITY', terms: ['3', '4', '5'] },
  { total: 'TOTAL_ASSETS', terms: ['TOTAL_LIABILITIES_AND_EQUITY'] },
  { total: 'NET_SALES', terms: ['60', '61'] },
  { total: 'GROSS_PROFIT', terms: ['NET_SALES', '62'] },
  { total: 'OPERATING_PROFIT', terms: ['GROSS_PROFIT', '63'] },
  { total: 'ORDINARY_PROFIT', terms: ['OPERATING_PROFIT', '64', '65', '66'] },
  { total: 'PROFIT_BEFORE_TAX', terms: ['ORDINARY_PROFIT', '67', '68'] },
  { total: 'NET_PROFIT', terms: ['PROFIT_BEFORE_TAX', '691'] },
  { total: 'NET_PROFIT', terms: ['590', '591'] },
];
const MAX_ROUNDS = 6;
const TIED_CONFIDENCE = 0.9;
const DISPUTED_CONFIDENCE = 0.3;

export function crossCheck(primary: Reading, secondary: Reading, opts: CrossCheckOptions = {}): CrossCheckResult {
  const rounding = opts.roundingKurus ?? 1;
  const P = itemsOf(primary.lines);
  const S = itemsOf(secondary.lines);
  const resolved: Items = structuredClone(P);
  const open: { key: string; period: string; p: Kurus | undefined; s: Kurus }[] = [];
  const cells: CellDecision[] = [];

  for (const key of new Set([...Object.keys(P), ...Object.keys(S)])) {
    for (const period of new Set([...Object.keys(P[key] ?? {}), ...Object.keys(S[key] ?? {})])) {
      const p = P[key]?.[period];
      const s = S[key]?.[period];
      if (p !== undefined && s === undefined) cells.push(cell(key, period, 'chose-primary', 'only-primary', p, null, p));
      else if (p !== undefined && p === s) cells.push(cell(key, period, 'agreed', 'equal', p, s, p));
      else if (s !== undefined) open.push({ key, period, p, s });
    }
  }

  // Greedy to a fixpoint: two misreads in one sum only tie once the other is fixed.
  const score = (key: string, period: string, v: Kurus | undefined) => tyingRelations(resolved, key, period, v, rounding);
  for (let round = 0, changed = true; changed && round < MAX_ROUNDS; round++) {
    changed = false;
    for (const c of open) {
      const pick = score(c.key, c.period, c.s) > score(c.key, c.period, c.p) ? c.s : c.p;
      if (pick !== resolved[c.key]?.[c.period]) {
        set(resolved, c.key, c.period, pick);
        changed = true;
      }
    }
  }
  const settled: CellDecision[] = [];
  for (const c of open) {
    const sp = score(c.key, c.period, c.p);
    const ss = score(c.key, c.period, c.s);
    const p = c.p ?? null;
    if (ss > sp) settled.push(cell(c.key, c.period, 'chose-secondary', 'ties', p, c.s, c.s));
    else if (p === null) settled.push(cell(c.key, c.period, 'chose-primary', 'only-secondary', null, c.s, null));
    else if (sp > ss) settled.push(cell(c.key, c.period, 'chose-primary', 'ties', p, c.s, p));
    else settled.push(cell(c.key, c.period, 'disputed', 'no-tie', p, c.s, p));
  }

  // Should the greedy loop stop before a fixpoint, the audit trail still states what is kept.
  for (const c of settled) set(resolved, c.key, c.period, c.chosen ?? undefined);
  cells.push(...settled);

  const items: Items = {};
  for (const [key, values] of Object.entries(resolved)) if (Object.keys(values).length) items[key] = values;
  return { lines: mergeLines(primary.lines, secondary.lines, cells), items, decisions: cells };
}

function cell(key: string, period: string, decision: CrossCheckDecision, reason: CrossCheckReason, primary: Kurus | null, secondary: Kurus | null, chosen: Kurus | null): CellDecision {
  return { key, period, decision, reason, primary, secondary, chosen };
}

function itemsOf(lines: readonly ExtractedLine[]): Items {
  const items: Items = {};
  for (const l of lines) if (l.key && !items[l.key]) items[l.key] = { ...l.values };
  return items;
}

function set(items: Items, key: string, period: string, v: Kurus | undefined): void {
  if (v === undefined) delete items[key]?.[period];
  else (items[key] ??= {})[period] = v;
}

/** How many sums involving `key` hold in `period` when it takes value `v` (undefined: absent). */
function tyingRelations(items: Items, key: string, period: string, v: Kurus | undefined, rounding: number): number {
  const get = (k: string) => (k === key ? v : items[k]?.[period]);
  const present = Object.keys(items).filter((k) => k !== key && get(k) !== undefined);
  if (v !== undefined) present.push(key);
  const childrenOf = (g: string) => present.filter((k) => parentOf(k) === g);
  const relations: Relation[] = FIXED.filter((r) => r.total === key || r.terms.includes(key));
  if (levelOf(key) === 1 || levelOf(key) === 2) relations.push({ total: key, terms: childrenOf(key) });
  const parent = parentOf(key);
  if (parent && (levelOf(parent) === 1 || levelOf(parent) === 2)) relations.push({ total: parent, terms: [...new Set([...childrenOf(parent), key])] });

  let holds = 0;
  for (const r of relations) {
    const total = get(r.total);
    const terms = r.terms.map(get).filter((t): t is Kurus => t !== undefined);
    if (total === undefined || !terms.length) continue;
    const tolerance = rounding > 1 ? Math.ceil(((r.terms.length + 1) * rounding) / 2) : 0;
    if (Math.abs(total - terms.reduce((a, b) => a + b, 0)) <= tolerance) holds++;
  }
  return holds;
}

function mergeLines(primary: readonly ExtractedLine[], secondary: readonly ExtractedLine[], cells: CellDecision[]): CrossCheckedLine[] {
  const byKey = new Map<string, CellDecision[]>();
  for (const c of cells) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  const secondaryByKey = new Map(secondary.filter((l) => l.key).map((l) => [l.key!, l]));

  // Label and page come from the primary line when there is one; sources per line, since a
  // primary reading may itself mix text-layer and OCR pages.
  const build = (p: ExtractedLine | undefined, s: ExtractedLine | undefined, decided: CellDecision[]): CrossCheckedLine => {
    const base = (p ?? s)!;
    const values: Record<string, Kurus> = {};
    const sources = new Set<ReaderSource>();
    const disputes: Dispute[] = [];
    let confidence = base.confidence;
    let first = true;
    for (const c of decided) {
      if (c.chosen === null) continue;
      values[c.period] = c.chosen;
      if (p && c.chosen === c.primary) sources.add(p.source);
      if (s && c.chosen === c.secondary) sources.add(s.source);
      if (c.decision === 'disputed') disputes.push({ period: c.period, primary: c.primary!, secondary: c.secondary! });
      const cc = cellConfidence(c, p?.confidence ?? 0, s?.confidence ?? 0);
      confidence = first ? cc : Math.min(confidence, cc);
      first = false;
    }
    if (!sources.size) sources.add(base.source);
    return { ...base, values, confidence: Math.round(confidence * 1000) / 1000, sources: [...sources], disputes };
  };

  const out: CrossCheckedLine[] = [];
  const seen = new Set<string>();
  for (const line of primary) {
    if (!line.key || seen.has(line.key)) {
      out.push({ ...line, sources: [line.source], disputes: [] });
      continue;
    }
    seen.add(line.key);
    out.push(build(line, secondaryByKey.get(line.key), byKey.get(line.key) ?? []));
  }
  // Lines only the secondary reader saw, kept where the arithmetic supports them, placed after
  // the line the secondary printed before them.
  let anchor = out.length - 1;
  for (const line of secondary) {
    if (!line.key) continue;
    if (seen.has(line.key)) {
      anchor = out.findIndex((l) => l.key === line.key);
      continue;
    }
    seen.add(line.key);
    const merged = build(undefined, line, byKey.get(line.key) ?? []);
    if (!Object.keys(merged.values).length) continue;
    out.splice(++anchor, 0, merged);
  }
  return out;
}

function cellConfidence(c: CellDecision, primary: number, secondary: number): number {
  switch (c.decision) {
    case 'agreed':
      return 1 - (1 - primary) * (1 - secondary);
    case 'chose-secondary':
      return Math.max(secondary, TIED_CONFIDENCE);
    case 'chose-primary':
      return c.reason === 'ties' ? Math.max(primary, TIED_CONFIDENCE) : primary;
    case 'disputed':
      return Math.min(primary, DISPUTED_CONFIDENCE);
  }
}
