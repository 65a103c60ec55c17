import type { ValidationCheck } from '../contracts/analysis.ts';
import type { ExtractedStatement } from './extracted-statement.ts';
import { itemsOf } from './statement-items.ts';
import { foldTurkish } from './turkish-text.ts';

/**
 * Signals, besides the printed precision (unit-plausibility.ts), that the scale applied to a
 * statement is not the one its figures were printed in. Each compares two figures that must
 * be the same amount, or in a fixed relation, whatever the company's size, and fires only
 * when they differ by a whole unit step (×1000 or ×1,000,000 either way): a different scale
 * would fix them, so the unit is questioned (never rescaled here).
 *
 * Not used, because they are blind to the scale: paid-in capital against total assets, or
 * net profit per share against net profit per unit of capital. Both figures of such a pair sit
 * in the same table and carry the same (right or wrong) scale, so their ratio never moves
 * with it; a rule on their size would be a threshold on the company, not on the unit.
 */
export const UNIT_SIGNALS = {
  /** The balance sheet's period profit (590/591) and the income statement's net profit. */
  net_profit: {
    id: 'unit_scale:net_profit',
    tr: 'Bilançodaki dönem karı gelir tablosundakinin tam bin/milyon katı (ya da tersi): tablolar farklı birimlerle basılmış olabilir, birim doğrulanmalı',
    en: 'The balance sheet\'s period profit is exactly a thousand/million times the income statement\'s (or the reverse): the statements may be printed in different units, please confirm the unit',
  },
  /** Earnings per share against net profit over the printed number of shares. */
  per_share: {
    id: 'unit_scale:per_share',
    tr: 'Hisse başına kazanç, net kar / pay sayısı ile ancak başka bir birimde (bin/milyon) tutuyor: birim doğrulanmalı',
    en: 'Earnings per share only match net profit / number of shares at another scale (thousands/millions): please confirm the unit',
  },
} as const;

/** Unit steps a misread scale moves amounts by. */
const STEPS = [1e-6, 1e-3, 1e3, 1e6];

/**
 * The step (other than 1) that makes `a` equal to `b`, within `tolerance` of b: the larger unit
 * rounds its figures, so a figure repeated in it is off by up to half a unit.
 */
function stepBetween(a: number, b: number, tolerance: number): number | null {
  if (a === 0 || b === 0 || Math.sign(a) !== Math.sign(b)) return null;
  if (Math.abs(a / b - 1) <= tolerance) return null;
  return STEPS.find((s) => Math.abs(a / (b * s) - 1) <= tolerance) ?? null;
}

/** (c) The two statements of one document must state the same period profit. */
export function netProfitScaleCheck(statement: ExtractedStatement): ValidationCheck | null {
  const items = itemsOf(statement);
  for (const p of statement.periods) {
    const income = items.NET_PROFIT?.[p];
    const parts = ['590', '591'].map((k) => items[k]?.[p]).filter((v): v is number => v !== undefined);
    if (income === undefined || !parts.length) continue;
    const balance = parts.reduce((s, v) => s + v, 0);
    // 1%: a profit of at least fifty units of the larger scale, rounded to one.
    if (stepBetween(income, balance, 0.01) !== null) {
      return { id: UNIT_SIGNALS.net_profit.id, period: p, ok: false, expected: balance / 100, actual: income / 100, message: UNIT_SIGNALS.net_profit.tr };
    }
  }
  return null;
}

const EPS_LABEL = /(hisse|pay) basina (kazanc|kar|zarar)|earnings? per share|(loss|profit|income) per share|\beps\b/;
const SHARES_LABEL = /(hisse|pay) (sayisi|adedi)|number of shares|shares outstanding/;

/**
 * (b) Earnings per share are printed per share (in full currency units), the number of shares
 * as a count: neither is in the table's unit, but the reader scaled both with it. Undoing that
 * scale, EPS × shares / net profit is the scale the profit was printed in; when it is a unit
 * step away from the one applied, the unit is questioned. Needs both lines printed.
 */
export function perShareScaleCheck(statement: ExtractedStatement, scale: number): ValidationCheck | null {
  const find = (re: RegExp) => statement.lines.find((l) => re.test(foldTurkish(l.label)) && Object.keys(l.values).length > 0);
  const eps = find(EPS_LABEL);
  const shares = find(SHARES_LABEL);
  const profit = itemsOf(statement).NET_PROFIT;
  if (!eps || !shares || !profit) return null;
  for (const p of statement.periods) {
    const e = eps.values[p];
    const n = shares.values[p];
    const np = profit[p];
    if (!e || !n || !np) continue;
    // Back to the printed figures (kuruş / 100 / scale), then the scale the profit was printed in.
    const printed = (v: number) => v / 100 / scale;
    const implied = (printed(e) * printed(n)) / printed(np);
    // 10%: per-share figures are rounded and may be on the parent's share of the profit.
    if (stepBetween(implied, scale, 0.1) !== null) {
      return { id: UNIT_SIGNALS.per_share.id, period: p, ok: false, message: UNIT_SIGNALS.per_share.tr };
    }
  }
  return null;
}
