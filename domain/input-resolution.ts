import type { Kurus } from './types.ts';
import type { InputName } from './statement-inputs.ts';

/**
 * How the ratio inputs of docs/ratios.md are found among the printed lines, written once: the
 * printed line, else the sum of what lies under it, else 0 where the spec says so, else
 * unknown. The calculator resolves amounts in kuruş (statement-inputs.ts); the workbook
 * resolves spreadsheet formulas over its statement cells (reports/xlsx-formulas.ts). Each
 * brings its own values through an `InputAlgebra`, so the two can never resolve differently.
 */
export interface InputAlgebra<V> {
  /** A printed line's value in this period, or null. */
  line(key: string): V | null;
  /** Every key that may hold a printed line (three-digit accounts are searched among them). */
  keys: readonly string[];
  /** The present values added up, null when none is; `how` names the sum for a reader (default "Σ" of the parts). */
  sum(values: readonly (V | null)[], how?: string): V | null;
  /** Nil on the spec's authority: the group `code` is absent where its statement is present. */
  zero(code: string): V;
  /** A cost group turned into the positive cost the spec defines. */
  negate(v: V): V;
  /** `a` plus `sign` times `b`, named `how`; `inputs` when both are inputs themselves. */
  combine(a: V, b: V, sign: 1 | -1, how: string, inputs?: readonly [InputName, InputName]): V;
  /** The value in kuruş (to test whether one side of the balance sheet adds up). */
  kurus(v: V): Kurus;
}

export interface InputResolver<V> {
  /** A one- or two-digit TDHP group: its printed line, else the sum of what lies under it. */
  group(code: string): V | null;
  inputs(): Record<InputName, V | null>;
}

export function inputResolver<V>(alg: InputAlgebra<V>): InputResolver<V> {
  const accounts = alg.keys.filter((k) => /^\d{3}$/.test(k)).sort();

  // A main group sums its sub-groups, each resolved the same way, so a statement that prints
  // some sub-groups and only the accounts of others is still summed without double counting.
  const group = (code: string): V | null => {
    const line = alg.line(code);
    if (line !== null) return line;
    if (code.length === 1) return alg.sum(Array.from({ length: 10 }, (_, d) => group(`${code}${d}`)));
    return alg.sum(accounts.filter((k) => k.startsWith(code)).map((k) => alg.line(k)));
  };

  // A main group that is neither printed nor derivable counts 0 only when the rest of its side
  // of the balance sheet adds up exactly to the printed side total (a company with no
  // long-term debt omits section 4); otherwise it stays unknown rather than guessed.
  const mainGroup = (code: string): V | null => {
    const own = group(code);
    if (own !== null) return own;
    const assetSide = code === '1' || code === '2';
    const side = assetSide ? ['1', '2'] : ['3', '4', '5'];
    const total = assetSide ? alg.line('TOTAL_ASSETS') : (alg.line('TOTAL_LIABILITIES_AND_EQUITY') ?? alg.line('TOTAL_ASSETS'));
    const others = side.filter((c) => c !== code).map(group);
    if (total === null || others.some((v) => v === null)) return null;
    return others.reduce((s, v) => s + alg.kurus(v!), 0) === alg.kurus(total) ? alg.zero(code) : null;
  };

  // A balance-sheet sub-group: 0 when absent but its main group is known (no inventory -> INV 0).
  const balanceGroup = (code: string): V | null => group(code) ?? (mainGroup(code.charAt(0)) !== null ? alg.zero(code) : null);

  const inputs = (): Record<InputName, V | null> => {
    const CA = mainGroup('1');
    const NCA = mainGroup('2');
    const TA = alg.line('TOTAL_ASSETS') ?? (CA !== null && NCA !== null ? alg.combine(CA, NCA, 1, 'CA + NCA', ['CA', 'NCA']) : null);

    const sales = group('60');
    const incomePresent = alg.line('NET_SALES') !== null || sales !== null;
    // Within a present income statement an absent deduction or cost line is nil, not unknown.
    const incomeGroup = (code: string): V | null => group(code) ?? (incomePresent ? alg.zero(code) : null);
    const cost = (code: string): V | null => {
      const v = incomeGroup(code);
      return v === null ? null : alg.negate(v);
    };

    const deductions = incomeGroup('61');
    const NS = alg.line('NET_SALES') ?? (sales !== null && deductions !== null ? alg.combine(sales, deductions, 1, '60 + 61') : null);
    const COGS = cost('62');
    const GP = alg.line('GROSS_PROFIT') ?? (NS !== null && COGS !== null ? alg.combine(NS, COGS, -1, 'NS − COGS', ['NS', 'COGS']) : null);
    const OPEX = cost('63');
    const OP = alg.line('OPERATING_PROFIT') ?? (GP !== null && OPEX !== null ? alg.combine(GP, OPEX, -1, 'GP − OPEX', ['GP', 'OPEX']) : null);
    // 590/591 are the balance sheet's own record of the period result; 59 is their group.
    const NP = alg.line('NET_PROFIT') ?? alg.sum([alg.line('590'), alg.line('591')], '590 + 591') ?? alg.line('59');

    return {
      CA, NCA, STL: mainGroup('3'), LTL: mainGroup('4'), EQ: mainGroup('5'), TA,
      CASH: balanceGroup('10'),
      SEC: balanceGroup('11'),
      TR: balanceGroup('12'),
      INV: balanceGroup('15'),
      NS, COGS, GP, OPEX, OP, FIN: cost('66'), PBT: alg.line('PROFIT_BEFORE_TAX'), NP,
      TP: balanceGroup('32'),
    };
  };

  return { group, inputs };
}
