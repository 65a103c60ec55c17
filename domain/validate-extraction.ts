import type { ValidationCheck } from '../contracts/analysis.ts';
import type { ExtractedLine, ExtractedStatement } from './extracted-statement.ts';
import { fromKurus } from './money.ts';
import { itemsOf, roundingKurus } from './statement-items.ts';
import { blockChecks } from './block-checks.ts';
import { levelOf, parentOf } from './chart-of-accounts.ts';
import { runChecks, type Check } from './validation.ts';
import { unitScaleChecks } from './unit-plausibility.ts';

export interface ValidationSummary {
  status: 'ok' | 'warnings' | 'failed';
  confidence: number;
  checks: ValidationCheck[];
}

const CHECK_MESSAGES: Record<string, { tr: string; en: string }> = {
  balance: { tr: 'Aktif toplamı pasif toplamına eşit değil', en: 'Total assets do not equal total liabilities and equity' },
  net_profit_match: { tr: 'Bilançodaki dönem net karı gelir tablosundakiyle aynı değil', en: 'Net profit in the balance sheet differs from the income statement' },
};

function messageFor(id: string): string {
  if (CHECK_MESSAGES[id]) return CHECK_MESSAGES[id].tr;
  if (id.startsWith('layout:')) return `${id.slice(7)} satırı ile altındaki satırlar ayrı kalemler olarak basılmış; ana grup toplamı tutuyor`;
  if (id.startsWith('sum:')) return `${id.slice(4)} grubunun alt kalemlerinin toplamı grup toplamını tutmuyor`;
  if (id.startsWith('is:')) return `Gelir tablosu ara toplamı (${id.slice(3)}) hesaplanan değerle tutmuyor`;
  return 'Kontrol başarısız';
}

/**
 * Every reconciliation check of a statement (kuruş): keyed sums, with the printed blocks
 * deciding where the keying cannot. Repair tries its candidates against the same checks.
 */
export function statementChecks(statement: ExtractedStatement, periods: string[] = statement.periods): Check[] {
  // A statement printed in whole units (no kuruş) rounds each figure to the unit.
  const values = statement.lines.flatMap((l) => Object.values(l.values));
  const wholeUnits = values.length > 0 && values.every((v) => v % 100 === 0);
  const rounding = Math.max(roundingKurus(statement.unit), wholeUnits ? 100 : 0);
  return reconcile(runChecks(itemsOf(statement), periods, { roundingKurus: rounding }), blockChecks(statement.lines, periods, rounding));
}

/**
 * A keyed check that fails may be the keying's fault (TFRS lines no chart account matches);
 * the printed block around the same total then decides. Block checks also cover totals that
 * have no keyed children at all.
 */
function reconcile(keyed: Check[], blocks: Check[]): Check[] {
  const block = new Map(blocks.map((c) => [`${c.id}@${c.period}`, c]));
  const out = keyed.map((c) => {
    const printed = block.get(`${c.id}@${c.period}`);
    // A tying block decides a failed keyed check, and lends a passing one the lines it summed.
    if (!printed?.ok) return c;
    return c.ok ? { ...c, lines: printed.lines } : printed;
  });
  const seen = new Set(keyed.map((c) => `${c.id}@${c.period}`));
  const all = [...out, ...blocks.filter((c) => !seen.has(`${c.id}@${c.period}`))];
  // Only the printed block may vouch: keyed sums would also tie around a misread account.
  const passed = new Set(blocks.filter((c) => c.ok).map((c) => `${c.id}@${c.period}`));
  // A sub-group whose printed neighbours are not its accounts (TFRS prints "Ödenmiş Sermaye"
  // and "Sermaye Düzeltmesi Farkları" side by side) is a layout matter once its main group ties.
  return all.map((c) => {
    const group = c.id.startsWith('sum:') ? c.id.slice(4) : null;
    if (c.ok || !group || levelOf(group) !== 2) return c;
    const side = /^[12]/.test(group) ? 'TOTAL_ASSETS' : 'TOTAL_LIABILITIES_AND_EQUITY';
    const vouched = [`sum:${parentOf(group)}`, `sum:${side}`].some((id) => passed.has(`${id}@${c.period}`));
    return vouched ? { ...c, id: `layout:${group}`, ok: true } : c;
  });
}

/**
 * What keeps a statement from `ok`. A label matched with doubt: the sums cannot tell a wrong
 * key. A figure read with doubt (OCR, a repaired digit) unless a printed block that ties
 * summed it: a misread amount would not tie. OCR lines outside their statement's keyed span
 * (stamps, headers, footnotes) state no figure, so their doubt does not count.
 */
function unsureLine(statement: ExtractedStatement, checks: Check[]): (l: ExtractedLine, i: number) => boolean {
  const vouched = new Set(checks.flatMap((c) => (c.ok ? (c.lines ?? []).map((i) => `${i}@${c.period}`) : [])));
  // Each statement's span runs from its first keyed line to its last.
  const span = new Map<ExtractedLine['statement'], [number, number]>();
  statement.lines.forEach((l, i) => {
    if (l.key) span.set(l.statement, [span.get(l.statement)?.[0] ?? i, i]);
  });
  const inSpan = (i: number) => {
    const s = span.get(statement.lines[i]!.statement);
    return !!s && i >= s[0] && i <= s[1];
  };
  return (l, i) => {
    if (l.confidence >= 0.8 || (l.key === null && l.source === 'text')) return false;
    if (l.repaired || (l.keyConfidence !== undefined && l.keyConfidence < 0.8)) return true;
    if (l.key === null && (Object.keys(l.values).length === 0 || !inSpan(i))) return false;
    // A keyed line in every period (a cell the sums did not cover may be misread, or lost);
    // an unkeyed one only where it printed an amount, since it states no figure of its own.
    const periods = l.key ? statement.periods : Object.keys(l.values);
    return periods.some((p) => !vouched.has(`${i}@${p}`));
  };
}

/**
 * Keyed lines of one statement amid another's (balance sheet, then income-statement lines,
 * then the balance sheet again): a line keyed to the wrong statement, or two statements read
 * into each other. Either way an item may be missing or stand for another, which the sums of
 * either statement alone need not show.
 */
function interleaved(statement: ExtractedStatement): boolean {
  const runs: ExtractedLine['statement'][] = [];
  for (const l of statement.lines) {
    const part = l.key ? l.statement : null;
    if (part && runs.at(-1) !== part) runs.push(part);
  }
  return new Set(runs).size < runs.length;
}

/** A keyed OCR line with amounts in some periods and none in another may have lost a cell. */
function lostCell(statement: ExtractedStatement): (l: ExtractedLine) => boolean {
  // The periods each statement prints (a balance sheet may show a date its income statement does not).
  const periodsOf = new Map<ExtractedLine['statement'], Set<string>>();
  for (const l of statement.lines) {
    const set = periodsOf.get(l.statement) ?? new Set<string>();
    Object.keys(l.values).forEach((p) => set.add(p));
    periodsOf.set(l.statement, set);
  }
  return (l) => {
    const printed = Object.keys(l.values).length;
    return l.key !== null && l.source !== 'text' && printed > 0 && printed < (periodsOf.get(l.statement)?.size ?? 0);
  };
}

/**
 * Totals that are never blank: a statement's total (or profit line) printed for some of its
 * periods and not read for another has an amount the reader did not take (a "88-" it did not
 * know for a number), and no check can show it, since a check needs both sides.
 */
const NEVER_BLANK = ['TOTAL_ASSETS', 'TOTAL_LIABILITIES_AND_EQUITY', 'GROSS_PROFIT', 'OPERATING_PROFIT', 'PROFIT_BEFORE_TAX', 'NET_PROFIT'];
function totalMissing(statement: ExtractedStatement): boolean {
  const printed = new Map<ExtractedLine['statement'], Set<string>>();
  for (const l of statement.lines) if (l.key) Object.keys(l.values).forEach((p) => printed.set(l.statement, (printed.get(l.statement) ?? new Set()).add(p)));
  return statement.lines.some((l) => l.key !== null && NEVER_BLANK.includes(l.key) && [...(printed.get(l.statement) ?? [])].some((p) => l.values[p] === undefined));
}

/** The main aggregates the statement reports all take part in a passing check. */
const AGGREGATES = ['1', '2', '3', '4', '5', 'TOTAL_ASSETS', 'TOTAL_LIABILITIES_AND_EQUITY', 'GROSS_PROFIT', 'OPERATING_PROFIT', 'PROFIT_BEFORE_TAX', 'NET_PROFIT'];
const INCOME_CHAIN = ['NET_SALES', 'GROSS_PROFIT', 'OPERATING_PROFIT', 'ORDINARY_PROFIT', 'PROFIT_BEFORE_TAX', 'NET_PROFIT'];
function covered(checks: Check[], items: ReturnType<typeof itemsOf>): boolean {
  const ids = new Set(checks.filter((c) => c.ok).map((c) => c.id.replace(/^(sum|is):/, '')));
  // A total that ties vouches for the terms it was summed from.
  if (ids.has('TOTAL_ASSETS')) ids.add('1').add('2');
  if (ids.has('TOTAL_LIABILITIES_AND_EQUITY')) ids.add('3').add('4').add('5');
  // An income-statement total ties from the total printed before it ("profit before tax" minus
  // the tax charge gives the period's profit), so that total took part too.
  INCOME_CHAIN.forEach((key, i) => {
    if (!ids.has(key)) return;
    const before = INCOME_CHAIN.slice(0, i).reverse().find((k) => k in items);
    if (before) ids.add(before);
  });
  return AGGREGATES.filter((k) => k in items).every((k) => ids.has(k));
}

/**
 * Reconciles an extraction: every check with both numbers, a document confidence from the
 * lines' confidences and the share of checks that tie. A failed check makes the status
 * `failed`; unmatched or unsure lines make it `warnings`, so nothing wrong passes silently.
 */
export function validateExtraction(statement: ExtractedStatement): ValidationSummary {
  const items = itemsOf(statement);
  const raw = statementChecks(statement);
  const checks: ValidationCheck[] = raw.map((c) => ({
    id: c.id,
    period: c.period,
    ok: c.ok,
    expected: fromKurus(c.expected),
    actual: fromKurus(c.actual),
    ...(c.ok && !c.id.startsWith('layout:') ? {} : { message: messageFor(c.id) }),
  }));
  const failed = checks.filter((c) => !c.ok).length;
  const lineConf = statement.lines.length
    ? statement.lines.reduce((s, l) => s + l.confidence, 0) / statement.lines.length
    : 0;
  const checkShare = checks.length ? (checks.length - failed) / checks.length : 0.5;
  const confidence = Math.round(lineConf * (0.5 + 0.5 * checkShare) * 1000) / 1000;
  const unsure = interleaved(statement) || totalMissing(statement) || statement.lines.some(unsureLine(statement, raw)) || statement.lines.some(lostCell(statement)) || checks.length === 0 || !covered(raw, items);
  // A doubted unit is asked, not a sum that failed: it makes the reading unsure, not failed.
  const unit = unitScaleChecks(statement);
  const status = failed ? 'failed' : unsure || unit.length ? 'warnings' : 'ok';
  return { status, confidence, checks: [...checks, ...unit] };
}
