import type { RatioId } from './ratio-definitions.ts';
import type { InputName, StatementInputs } from './statement-inputs.ts';

/**
 * The one table of ratio formulas (docs/ratios.md): each ratio as signed sums of inputs over
 * signed sums of inputs. The calculator (ratios.ts), the drivers of a change (drivers.ts), the
 * workbook's live formulas (reports/xlsx-formulas.ts) and the answers' worked expressions all
 * read it, so a formula is changed here or nowhere.
 */

/** A signed term of a ratio's numerator or denominator. */
export type Term = { input: InputName; sign: 1 | -1 };
/**
 * A quotient of signed sums. An empty denominator marks an amount (net working capital), shown
 * in full currency units; `scale` multiplies the quotient (365 turns a share of a year's flow
 * into days: DSO = 365 · TR / NS).
 */
export type QuotientFormula = { numerator: Term[]; denominator: Term[]; scale?: number };
/** A signed sum of other ratios of this table (cash conversion cycle = DSO + DIO − DPO). */
export type SumFormula = { parts: { ratio: RatioId; sign: 1 | -1 }[] };
export type RatioFormula = QuotientFormula | SumFormula;

/** Days in the year of a days metric: period-end balances over a full year's flow. */
export const DAYS_IN_YEAR = 365;

const t = (input: InputName, sign: 1 | -1 = 1): Term => ({ input, sign });

export const RATIO_FORMULAS: Record<RatioId, RatioFormula> = {
  current_ratio: { numerator: [t('CA')], denominator: [t('STL')] },
  acid_test_ratio: { numerator: [t('CA'), t('INV', -1)], denominator: [t('STL')] },
  cash_ratio: { numerator: [t('CASH'), t('SEC')], denominator: [t('STL')] },
  inventory_dependency_ratio: { numerator: [t('STL'), t('CASH', -1), t('SEC', -1)], denominator: [t('INV')] },
  net_working_capital: { numerator: [t('CA'), t('STL', -1)], denominator: [] },
  gross_margin: { numerator: [t('GP')], denominator: [t('NS')] },
  operating_margin: { numerator: [t('OP')], denominator: [t('NS')] },
  net_margin: { numerator: [t('NP')], denominator: [t('NS')] },
  operating_expense_ratio: { numerator: [t('OPEX')], denominator: [t('NS')] },
  return_on_assets: { numerator: [t('NP')], denominator: [t('TA')] },
  return_on_equity: { numerator: [t('NP')], denominator: [t('EQ')] },
  inventory_turnover: { numerator: [t('COGS')], denominator: [t('INV')] },
  receivables_turnover: { numerator: [t('NS')], denominator: [t('TR')] },
  asset_turnover: { numerator: [t('NS')], denominator: [t('TA')] },
  current_asset_turnover: { numerator: [t('NS')], denominator: [t('CA')] },
  debt_ratio: { numerator: [t('STL'), t('LTL')], denominator: [t('TA')] },
  equity_ratio: { numerator: [t('EQ')], denominator: [t('TA')] },
  debt_to_equity: { numerator: [t('STL'), t('LTL')], denominator: [t('EQ')] },
  short_term_debt_share: { numerator: [t('STL')], denominator: [t('STL'), t('LTL'), t('EQ')] },
  fixed_assets_to_equity: { numerator: [t('NCA')], denominator: [t('EQ')] },
  interest_coverage: { numerator: [t('PBT'), t('FIN')], denominator: [t('FIN')] },
  days_sales_outstanding: { numerator: [t('TR')], denominator: [t('NS')], scale: DAYS_IN_YEAR },
  days_inventory_outstanding: { numerator: [t('INV')], denominator: [t('COGS')], scale: DAYS_IN_YEAR },
  days_payables_outstanding: { numerator: [t('TP')], denominator: [t('COGS')], scale: DAYS_IN_YEAR },
  cash_conversion_cycle: {
    parts: [
      { ratio: 'days_sales_outstanding', sign: 1 },
      { ratio: 'days_inventory_outstanding', sign: 1 },
      { ratio: 'days_payables_outstanding', sign: -1 },
    ],
  },
};

/** Inputs that run over a period (income statement); the others stand at its date (balance sheet). */
export const FLOW_INPUTS: ReadonlySet<InputName> = new Set<InputName>(['NS', 'COGS', 'GP', 'OPEX', 'OP', 'FIN', 'PBT', 'NP']);

export const isSumFormula = (f: RatioFormula): f is SumFormula => 'parts' in f;

/** The quotient ratios a ratio is made of: itself, or the parts of a sum (with their signs). */
export function quotientsOf(id: RatioId): { id: RatioId; sign: 1 | -1; formula: QuotientFormula }[] {
  const f = RATIO_FORMULAS[id];
  if (!isSumFormula(f)) return [{ id, sign: 1, formula: f }];
  return f.parts.flatMap((p) => quotientsOf(p.ratio).map((q) => ({ ...q, sign: (q.sign * p.sign) as 1 | -1 })));
}

/** Every input a ratio reads, once each, in formula order. */
export const inputsOf = (id: RatioId): InputName[] =>
  [...new Set(quotientsOf(id).flatMap((q) => [...q.formula.numerator, ...q.formula.denominator].map((x) => x.input)))];


/** Kuruş per lira: the divisor of an amount ratio, whose inputs are kuruş. */
export const AMOUNT_DIVISOR = 100;

/** The value of a formula side (signed sum of inputs); null when any input is missing. */
export function sumTerms(inputs: StatementInputs, terms: readonly Term[]): number | null {
  let s = 0;
  for (const term of terms) {
    const v = inputs[term.input];
    if (v === null) return null;
    s += term.sign * v;
  }
  return s;
}

/** A formula side as text, each input written by `write` ("(A-B)"; one term is left bare). */
export function sideText(terms: readonly Term[], write: (input: InputName) => string, ops = { plus: '+', minus: '-' }): string {
  const parts = terms.map((term, i) => (i === 0 ? (term.sign < 0 ? ops.minus : '') : term.sign < 0 ? ops.minus : ops.plus) + write(term.input));
  return terms.length > 1 ? `(${parts.join('')})` : parts.join('');
}

/**
 * A formula in words: "(Current assets − Inventories) / Short-term liabilities",
 * "365 × Trade receivables / Net sales", "DSO + DIO − DPO" in the parts' names. The labels
 * come from the caller (input labels and ratio names live above this table).
 */
export function formulaText(id: RatioId, names: { input: (i: InputName) => string; ratio: (r: RatioId) => string }): string {
  const f = RATIO_FORMULAS[id];
  if (isSumFormula(f)) return f.parts.map((p, i) => `${i === 0 ? (p.sign < 0 ? '−' : '') : p.sign < 0 ? ' − ' : ' + '}${names.ratio(p.ratio)}`).join('');
  const side = (terms: readonly Term[], wrap: boolean) => {
    const text = terms.map((t, i) => `${i === 0 ? (t.sign < 0 ? '−' : '') : t.sign < 0 ? ' − ' : ' + '}${names.input(t.input)}`).join('');
    return wrap && terms.length > 1 ? `(${text})` : text;
  };
  if (!f.denominator.length) return side(f.numerator, false);
  return `${f.scale ? `${f.scale} × ` : ''}${side(f.numerator, true)} / ${side(f.denominator, true)}`;
}
