import { RATIO_IDS, type RatioId } from './ratio-definitions.ts';
import { AMOUNT_DIVISOR, FLOW_INPUTS, isSumFormula, RATIO_FORMULAS, sumTerms } from './ratio-formulas.ts';
import { deriveInputs, type StatementInputs } from './statement-inputs.ts';
import type { Items } from './types.ts';

/** ratio id -> period -> value; null where an input is missing or a divisor is zero. */
export type RatioTable = Record<RatioId, Record<string, number | null>>;
export type PeriodRatios = Record<RatioId, number | null>;

/** Inputs are kuruş, so quotients are unit-free; only an amount is converted to full units. */
export function computeRatioValue(id: RatioId, i: StatementInputs): number | null {
  const f = RATIO_FORMULAS[id];
  if (isSumFormula(f)) {
    // A sum is undefined when any part is (a cycle without its payables days is not a cycle).
    let s = 0;
    for (const p of f.parts) {
      const v = computeRatioValue(p.ratio, i);
      if (v === null) return null;
      s += p.sign * v;
    }
    return s + 0;
  }
  const numerator = sumTerms(i, f.numerator);
  if (numerator === null) return null;
  if (f.denominator.length === 0) return numerator / AMOUNT_DIVISOR;
  const denominator = sumTerms(i, f.denominator);
  // Never 0, Infinity or NaN for an undefined ratio (spec); -0 is folded into 0.
  if (denominator === null || denominator === 0) return null;
  const q = ((f.scale ?? 1) * numerator) / denominator;
  return Number.isFinite(q) ? q + 0 : null;
}

export function computeRatiosForPeriod(i: StatementInputs): PeriodRatios {
  return Object.fromEntries(RATIO_IDS.map((id) => [id, computeRatioValue(id, i)])) as PeriodRatios;
}

/**
 * Every ratio of every period. `months` gives the length of an interim period's flows (a
 * nine-month income statement): a ratio that sets a flow against a stock (turnovers, ROA, ROE)
 * is then annualised (the flow × 12 / months), so it compares with full years; flow-over-flow
 * and stock-over-stock ratios need no such scaling.
 */
export function computeRatios(items: Items, periods: string[], months: Record<string, number> = {}): RatioTable {
  const table = Object.fromEntries(RATIO_IDS.map((id) => [id, {}])) as RatioTable;
  for (const period of periods) {
    const values = computeRatiosForPeriod(deriveInputs(items, period));
    const m = months[period];
    for (const id of RATIO_IDS) {
      const v = values[id];
      const power = m && m !== 12 ? flowPower(id) : 0;
      table[id][period] = v === null || power === 0 ? v : v * (12 / m!) ** power;
    }
  }
  return table;
}

/** +1 when a ratio's flows sit over stocks only, −1 when under them, 0 when both sides are alike. */
export function flowPower(id: RatioId): -1 | 0 | 1 {
  const f = RATIO_FORMULAS[id];
  if (isSumFormula(f)) {
    // A sum (the cash conversion cycle) scales as its parts do, when they all scale alike.
    const powers = new Set(f.parts.map((p) => flowPower(p.ratio)));
    return powers.size === 1 ? [...powers][0]! : 0;
  }
  const kind = (terms: typeof f.numerator) => (terms.length === 0 ? 'none' : terms.every((t) => FLOW_INPUTS.has(t.input)) ? 'flow' : terms.some((t) => FLOW_INPUTS.has(t.input)) ? 'mixed' : 'stock');
  const [num, den] = [kind(f.numerator), kind(f.denominator)];
  if (num === 'flow' && den === 'stock') return 1;
  if (num === 'stock' && den === 'flow') return -1;
  return 0;
}
