import { RATIO_IDS, type RatioId } from './ratio-definitions.ts';
import { AMOUNT_DIVISOR, isSumFormula, RATIO_FORMULAS, sumTerms } from './ratio-formulas.ts';
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

export function computeRatios(items: Items, periods: string[]): RatioTable {
  const table = Object.fromEntries(RATIO_IDS.map((id) => [id, {}])) as RatioTable;
  for (const period of periods) {
    const values = computeRatiosForPeriod(deriveInputs(items, period));
    for (const id of RATIO_IDS) table[id][period] = values[id];
  }
  return table;
}
