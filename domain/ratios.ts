import { RATIO_IDS, type RatioId } from './ratio-definitions.ts';
import { deriveInputs, type StatementInputs } from './statement-inputs.ts';
import type { Items } from './types.ts';

/** ratio id -> period -> value; null where an input is missing or a divisor is zero. */
export type RatioTable = Record<RatioId, Record<string, number | null>>;
export type PeriodRatios = Record<RatioId, number | null>;

type Value = number | null;

const add = (...values: Value[]): Value =>
  values.some((v) => v === null) ? null : (values as number[]).reduce((a, b) => a + b, 0);

const sub = (a: Value, b: Value): Value => (a === null || b === null ? null : a - b);

/** Never 0, Infinity or NaN for an undefined ratio (spec); -0 is folded into 0. */
const div = (numerator: Value, denominator: Value): Value => {
  if (numerator === null || denominator === null || denominator === 0) return null;
  const q = numerator / denominator;
  return Number.isFinite(q) ? q + 0 : null;
};

/** Inputs are kuruş, so quotients are unit-free; only the amount is converted to full units. */
export function computeRatiosForPeriod(i: StatementInputs): PeriodRatios {
  const debt = add(i.STL, i.LTL);
  const liquid = add(i.CASH, i.SEC);
  const nwc = sub(i.CA, i.STL);
  return {
    current_ratio: div(i.CA, i.STL),
    acid_test_ratio: div(sub(i.CA, i.INV), i.STL),
    cash_ratio: div(liquid, i.STL),
    inventory_dependency_ratio: div(sub(i.STL, liquid), i.INV),
    net_working_capital: nwc === null ? null : nwc / 100,
    gross_margin: div(i.GP, i.NS),
    operating_margin: div(i.OP, i.NS),
    net_margin: div(i.NP, i.NS),
    operating_expense_ratio: div(i.OPEX, i.NS),
    return_on_assets: div(i.NP, i.TA),
    return_on_equity: div(i.NP, i.EQ),
    inventory_turnover: div(i.COGS, i.INV),
    receivables_turnover: div(i.NS, i.TR),
    asset_turnover: div(i.NS, i.TA),
    current_asset_turnover: div(i.NS, i.CA),
    debt_ratio: div(debt, i.TA),
    equity_ratio: div(i.EQ, i.TA),
    debt_to_equity: div(debt, i.EQ),
    short_term_debt_share: div(i.STL, add(i.STL, i.LTL, i.EQ)),
    fixed_assets_to_equity: div(i.NCA, i.EQ),
    interest_coverage: div(add(i.PBT, i.FIN), i.FIN),
  };
}

export function computeRatios(items: Items, periods: string[]): RatioTable {
  const table = Object.fromEntries(RATIO_IDS.map((id) => [id, {}])) as RatioTable;
  for (const period of periods) {
    const values = computeRatiosForPeriod(deriveInputs(items, period));
    for (const id of RATIO_IDS) table[id][period] = values[id];
  }
  return table;
}
