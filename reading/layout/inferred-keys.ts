import { levelOf, parentOf } from '../../domain/chart-of-accounts.ts';
import type { Kurus, StatementType } from '../../domain/types.ts';
import type { ExtractedLine } from '../../domain/extracted-statement.ts';

/**
 * Keys the layout gives where no name does: totals known by position and arithmetic, and a
 * lone account standing for its unprinted group.
 */

export function statementOfKey(key: string): StatementType {
  if (/^(6|NET_SALES|GROSS_PROFIT|OPERATING_PROFIT|ORDINARY_PROFIT|PROFIT_BEFORE_TAX|NET_PROFIT)/.test(key)) {
    return 'income_statement';
  }
  return 'balance_sheet';
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

const TOTAL_LABEL = /\b(toplam|toplami|total)\b/i;

/**
 * Totals printed without a label, or with one no chart name fits ("YÜKÜMLÜLÜKLER TOPLAMI" for
 * a bank's liabilities and equity), (a ruled line and the amount under the last group: "Total
 * assets" implied), are known by position and arithmetic: right after the non-current assets
 * and equal to current plus non-current assets; after equity and equal to total assets.
 */
export function keyUnlabelledTotals(lines: ExtractedLine[], scale: number): ExtractedLine[] {
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
export function promoteLoneAccounts(lines: ExtractedLine[]): ExtractedLine[] {
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
