import type { ExtractedStatement } from './layout/statement-parser.ts';
import type { Kurus } from '../domain/types.ts';
import type { Check } from '../domain/validation.ts';
import { statementChecks } from '../domain/validate-extraction.ts';

/** One value changed by reconciliation repair: what was read and what makes the sums tie. */
export interface Repair {
  key: string;
  period: string;
  /** Kuruş as read. */
  from: Kurus;
  /** Kuruş after repair. */
  to: Kurus;
  /** The checks that failed before and tie after. */
  checks: string[];
  /** The cell read again alone: it said what repair chose, what was first read, or neither. */
  reread?: 'confirmed' | 'contradicted' | 'unread';
}

/** Confidence a repaired line gets at most: below the 0.8 that makes validation `ok`. */
export const REPAIRED_CONFIDENCE = 0.7;

/** Digits a scan confuses with each other (shapes that differ by a stroke or a gap). */
const CONFUSABLE: Record<string, string> = {
  '0': '689',
  '1': '47',
  '2': '7',
  '3': '589',
  '4': '1',
  '5': '3689',
  '6': '058',
  '7': '12',
  '8': '03569',
  '9': '0358',
};

/**
 * Plausible readings of a misread amount (kuruş, sign kept): one confusable digit changed,
 * one digit lost (any digit inserted), or one digit doubled (a repeated digit removed).
 */
export function ocrAlternatives(value: Kurus): Kurus[] {
  const sign = value < 0 ? -1 : 1;
  const digits = String(Math.abs(value));
  const out = new Set<number>();
  const add = (s: string) => {
    if (!/^\d+$/.test(s)) return;
    const v = Number(s) * sign;
    if (v !== value && Number.isSafeInteger(v)) out.add(v);
  };
  for (let i = 0; i < digits.length; i++) {
    for (const d of CONFUSABLE[digits[i]!] ?? '') add(digits.slice(0, i) + d + digits.slice(i + 1));
  }
  for (let i = 0; i <= digits.length; i++) {
    for (let d = 0; d <= 9; d++) if (i > 0 || d > 0) add(digits.slice(0, i) + d + digits.slice(i));
  }
  for (let i = 1; i < digits.length; i++) {
    if (digits[i] === digits[i - 1]) add(digits.slice(0, i) + digits.slice(i + 1));
  }
  return [...out];
}

const BIG = 1e12;

/**
 * Reconciliation repair. For each period with failing checks, tries every value involved in a
 * failing check against its plausible OCR alternatives; when exactly one (value, alternative)
 * makes every check involving that value tie, the value is replaced and its line's confidence
 * lowered. Ambiguity (two candidates) or no candidate leaves the values as read, and
 * validation reports the failure. Pure: returns a new statement.
 */
export function repairStatement(statement: ExtractedStatement, maxRepairsPerPeriod = 4): { statement: ExtractedStatement; repairs: Repair[] } {
  let current = statement;
  const repairs: Repair[] = [];
  for (const period of statement.periods) {
    for (let round = 0; round < maxRepairsPerPeriod; round++) {
      const fix = findUniqueFix(current, period);
      if (!fix) break;
      current = withValue(current, fix.line, period, fix.to);
      repairs.push({ key: fix.key, from: fix.from, to: fix.to, checks: fix.checks, period });
    }
  }
  current = withLostZeros(current);
  if (!repairs.length) return { statement: current, repairs };
  const repaired = new Set(repairs.map((r) => r.key));
  const lines = current.lines.map((line) => (line.key && repaired.has(line.key) && firstOf(current, line.key) === line ? { ...line, confidence: Math.min(line.confidence, REPAIRED_CONFIDENCE), repaired: true } : line));
  return { statement: { ...current, lines }, repairs };
}

/**
 * OCR loses a lone dash more often than any digit. A keyed OCR line with an amount in some
 * periods but none in another, inside a printed block that ties in that period without it,
 * printed zero there: a lost number would have broken the tie. Such cells become 0.
 */
function withLostZeros(statement: ExtractedStatement): ExtractedStatement {
  const spans = statementChecks(statement).flatMap((c) => (c.ok && c.lines?.length ? [{ period: c.period, from: Math.min(...c.lines), to: Math.max(...c.lines) }] : []));
  let changed = false;
  const lines = statement.lines.map((line, i) => {
    if (!line.key || line.source === 'text' || Object.keys(line.values).length === 0) return line;
    const lost = statement.periods.filter((p) => line.values[p] === undefined && spans.some((s) => s.period === p && s.from < i && i < s.to));
    if (!lost.length) return line;
    changed = true;
    return { ...line, values: { ...line.values, ...Object.fromEntries(lost.map((p) => [p, 0])) } };
  });
  return changed ? { ...statement, lines } : statement;
}

const checkKey = (c: Check) => `${c.id}@${c.period}`;
const firstOf = (s: ExtractedStatement, key: string) => s.lines.find((l) => l.key === key);

function withValue(statement: ExtractedStatement, line: number, period: string, value: Kurus): ExtractedStatement {
  const lines = statement.lines.slice();
  lines[line] = { ...lines[line]!, values: { ...lines[line]!.values, [period]: value } };
  return { ...statement, lines };
}

type Fix = Omit<Repair, 'period'> & { line: number };

function findUniqueFix(statement: ExtractedStatement, period: string): Fix | null {
  const checksOf = (s: ExtractedStatement) => statementChecks(s, [period]);
  const base = checksOf(statement);
  const failing = new Set(base.filter((c) => !c.ok).map(checkKey));
  if (!failing.size) return null;
  const baseByKey = new Map(base.map((c) => [checkKey(c), c]));
  const found: Fix[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < statement.lines.length; i++) {
    const { key, values } = statement.lines[i]!;
    const value = values[period];
    if (!key || seen.has(key) || value === undefined) continue;
    seen.add(key);
    // The checks this value takes part in: those whose numbers move when it moves.
    const involved = checksOf(withValue(statement, i, period, value + BIG))
      .filter((c) => {
        const b = baseByKey.get(checkKey(c));
        return !b || b.expected !== c.expected || b.actual !== c.actual || b.ok !== c.ok;
      })
      .map(checkKey);
    const fixes = involved.filter((id) => failing.has(id));
    if (!fixes.length) continue;
    for (const alt of ocrAlternatives(value)) {
      const after = new Map(checksOf(withValue(statement, i, period, alt)).map((c) => [checkKey(c), c]));
      if (involved.every((id) => after.get(id)?.ok)) {
        found.push({ key, line: i, from: value, to: alt, checks: fixes });
      }
      if (found.length > 1) return null;
    }
  }
  return found.length === 1 ? found[0]! : null;
}
