import { nameOf } from './chart-of-accounts.ts';
import { RATIO_IDS, type RatioId } from './ratio-definitions.ts';
import { combineDrivers } from './drivers-sum.ts';
import { AMOUNT_DIVISOR, isSumFormula, RATIO_FORMULAS, sumTerms, type SumFormula, type Term } from './ratio-formulas.ts';
import { deriveInputs, resolveGroup, type InputName } from './statement-inputs.ts';
import type { Items } from './types.ts';

/**
 * Why a ratio moved between two periods.
 *
 * A ratio R = N / D changes by ΔR = N₁/D₁ − N₀/D₀. The midpoint (shift-share) split
 *   numerator effect   = (N₁ − N₀) · ½(1/D₀ + 1/D₁)
 *   denominator effect = ½(N₀ + N₁) · (1/D₁ − 1/D₀)
 * adds up to ΔR exactly, works with negative values (losses, negative equity) where a log
 * split cannot, and treats both periods alike. The numerator effect is linear in ΔN, so each
 * numerator component gets (sign · Δcomponent) · ½(1/D₀ + 1/D₁); the denominator effect is
 * shared among the denominator components in proportion to their signed change. Each input
 * (current assets, short-term liabilities, …) is then split over the printed sub-groups and
 * accounts it sums, with any difference the printed lines do not explain as a residual line,
 * so every level adds up to the ratio change.
 */

/**
 * How each input is built from printed lines: the key it is printed as, the groups that sum
 * to it with their sign (COGS = −62, so a larger cost line raises COGS), whether net sales
 * (60 + 61, else the printed NET_SALES line) is one of its parts, and the groups to fall back
 * on when none of the first resolves (total assets printed with main groups only).
 */
type InputSpec = { key: string; groups: string[]; sign: 1 | -1; sales?: boolean; fallback?: string[] };
const INPUT_LINES: Record<InputName, InputSpec> = {
  CA: { key: '1', groups: range('1'), sign: 1 },
  NCA: { key: '2', groups: range('2'), sign: 1 },
  STL: { key: '3', groups: range('3'), sign: 1 },
  LTL: { key: '4', groups: range('4'), sign: 1 },
  EQ: { key: '5', groups: range('5'), sign: 1 },
  TA: { key: 'TOTAL_ASSETS', groups: [...range('1'), ...range('2')], sign: 1, fallback: ['1', '2'] },
  CASH: { key: '10', groups: ['10'], sign: 1 },
  SEC: { key: '11', groups: ['11'], sign: 1 },
  TR: { key: '12', groups: ['12'], sign: 1 },
  INV: { key: '15', groups: ['15'], sign: 1 },
  NS: { key: 'NET_SALES', groups: [], sign: 1, sales: true },
  COGS: { key: '62', groups: ['62'], sign: -1 },
  GP: { key: 'GROSS_PROFIT', groups: ['62'], sign: 1, sales: true },
  OPEX: { key: '63', groups: ['63'], sign: -1 },
  OP: { key: 'OPERATING_PROFIT', groups: ['62', '63'], sign: 1, sales: true },
  FIN: { key: '66', groups: ['66'], sign: -1 },
  PBT: { key: 'PROFIT_BEFORE_TAX', groups: range('6').slice(2, 9), sign: 1, sales: true },
  NP: { key: 'NET_PROFIT', groups: range('6').slice(2), sign: 1, sales: true },
  TP: { key: '32', groups: ['32'], sign: 1 },
};

function range(main: string): string[] {
  return Array.from({ length: 10 }, (_, d) => `${main}${d}`);
}

export type Side = 'numerator' | 'denominator';

/** A line's share of a ratio change; amounts in full units, contribution in the ratio's units. */
export interface DriverLine {
  /** Printed key (sub-group or account); null for the part the printed lines do not explain. */
  key: string | null;
  name: { tr: string; en: string } | null;
  from: number;
  to: number;
  change: number;
  contribution: number;
}

export interface DriverGroup extends DriverLine {
  /** The group's printed accounts, when it has any. */
  accounts: DriverLine[];
}

export interface InputDriver {
  input: InputName;
  side: Side;
  /** The term's sign in the formula (acid-test: −INV). */
  sign: 1 | -1;
  from: number;
  to: number;
  change: number;
  contribution: number;
  groups: DriverGroup[];
}

export interface RatioDrivers {
  id: RatioId;
  from: string;
  to: string;
  fromValue: number;
  toValue: number;
  change: number;
  numeratorEffect: number;
  denominatorEffect: number;
  inputs: InputDriver[];
  /**
   * The printed lines that moved the ratio most, at the finest printed level (an account,
   * else its sub-group), netted across numerator and denominator, largest |contribution| first.
   */
  top: DriverLine[];
}

const units = (k: number): number => k / 100 + 0;
const named = (key: string | null) => {
  if (key === null) return null;
  const tr = nameOf(key, 'tr');
  const en = nameOf(key, 'en');
  return tr && en ? { tr, en } : null;
};

/**
 * The decomposition of one ratio's change from `from` to `to`; null when the ratio is
 * undefined in either period (a missing input or a zero divisor).
 */
export function ratioDrivers(items: Items, id: RatioId, from: string, to: string, limit = 5): RatioDrivers | null {
  const formula = RATIO_FORMULAS[id];
  if (isSumFormula(formula)) return sumDrivers(items, id, formula, from, to, limit);
  const i0 = deriveInputs(items, from);
  const i1 = deriveInputs(items, to);
  const n0 = sumTerms(i0, formula.numerator);
  const n1 = sumTerms(i1, formula.numerator);
  const amount = formula.denominator.length === 0;
  const d0 = amount ? AMOUNT_DIVISOR : sumTerms(i0, formula.denominator);
  const d1 = amount ? AMOUNT_DIVISOR : sumTerms(i1, formula.denominator);
  if (n0 === null || n1 === null || d0 === null || d1 === null || d0 === 0 || d1 === 0) return null;

  // The scale (365 for days) is a constant factor, so it multiplies both effects alike.
  const k = formula.scale ?? 1;
  const fromValue = (k * n0) / d0 + 0;
  const toValue = (k * n1) / d1 + 0;
  const perNumerator = (k * (1 / d0 + 1 / d1)) / 2;
  const numeratorEffect = (n1 - n0) * perNumerator + 0;
  const denominatorEffect = k * ((n0 + n1) / 2) * (1 / d1 - 1 / d0) + 0;
  // The denominator effect per kuruş of signed denominator change (0 when D did not move).
  const perDenominator = d1 === d0 ? 0 : denominatorEffect / (d1 - d0);

  const inputs: InputDriver[] = [];
  const sides: [Side, Term[], number][] = [['numerator', formula.numerator, perNumerator], ['denominator', formula.denominator, perDenominator]];
  for (const [side, terms, per] of sides) {
    for (const term of terms) {
      const a = i0[term.input]!;
      const b = i1[term.input]!;
      const contribution = term.sign * (b - a) * per + 0;
      inputs.push({
        input: term.input, side, sign: term.sign,
        from: units(a), to: units(b), change: units(b - a), contribution,
        groups: splitInput(items, term.input, from, to, a, b, term.sign * per),
      });
    }
  }

  return {
    id, from, to, fromValue, toValue,
    change: toValue - fromValue + 0,
    numeratorEffect, denominatorEffect,
    inputs,
    top: topLines(inputs, limit),
  };
}

/** A sum of ratios (cash conversion cycle): its parts' drivers, combined in drivers-sum.ts. */
function sumDrivers(items: Items, id: RatioId, formula: SumFormula, from: string, to: string, limit: number): RatioDrivers | null {
  const parts = formula.parts.map((p) => ({ sign: p.sign, d: ratioDrivers(items, p.ratio, from, to, Number.MAX_SAFE_INTEGER) }));
  if (parts.some((p) => p.d === null)) return null;
  return combineDrivers(id, from, to, parts as { sign: 1 | -1; d: RatioDrivers }[], (inputs) => topLines(inputs, limit));
}

/**
 * An input's change over its printed groups and their accounts. `per` converts one kuruş of
 * the input's change into ratio units (formula sign included).
 */
function splitInput(items: Items, input: InputName, from: string, to: string, a: number, b: number, per: number): DriverGroup[] {
  const spec = INPUT_LINES[input];
  const groups: DriverGroup[] = [];
  let explained = 0;
  const resolves = (g: string) => resolveGroup(items, g, from) !== null || resolveGroup(items, g, to) !== null;

  const addGroup = (g: string, x0: number, x1: number, withAccounts: boolean) => {
    explained += x1 - x0;
    const accountKeys = withAccounts ? Object.keys(items).filter((k) => /^\d{3}$/.test(k) && k.startsWith(g)).sort() : [];
    const accounts = accountKeys
      .map((k) => line(k, spec.sign * (items[k]?.[from] ?? 0), spec.sign * (items[k]?.[to] ?? 0), per))
      .filter((l) => l.change !== 0);
    const accountKurus = accounts.reduce((s, l) => s + Math.round(l.change * 100), 0);
    // A printed group whose accounts do not add up keeps the difference as its own residual.
    if (accounts.length && accountKurus !== x1 - x0) {
      const rest = x1 - x0 - accountKurus;
      accounts.push({ key: null, name: null, from: 0, to: units(rest), change: units(rest), contribution: rest * per + 0 });
    }
    if (x1 - x0 === 0 && accounts.length === 0) return;
    groups.push({ ...line(g, x0, x1, per), accounts: sortByImpact(accounts) });
  };

  if (spec.sales) {
    if (resolves('60') || resolves('61')) {
      for (const g of ['60', '61']) if (resolves(g)) addGroup(g, resolveGroup(items, g, from) ?? 0, resolveGroup(items, g, to) ?? 0, true);
    } else {
      const s0 = deriveInputs(items, from).NS;
      const s1 = deriveInputs(items, to).NS;
      if (s0 !== null && s1 !== null) addGroup('NET_SALES', s0, s1, false);
    }
  }
  const own = spec.groups.filter(resolves);
  const chosen = own.length === 0 && spec.fallback ? spec.fallback.filter(resolves) : own;
  for (const g of chosen) {
    addGroup(g, spec.sign * (resolveGroup(items, g, from) ?? 0), spec.sign * (resolveGroup(items, g, to) ?? 0), g.length === 2);
  }

  const residual = b - a - explained;
  if (residual !== 0) {
    // The input moved by more (or less) than its printed parts: a total printed without its
    // parts, or parts that do not tie. Shown as the input's own line when nothing else is.
    const alone = groups.length === 0;
    const key = alone ? spec.key : null;
    groups.push({ key, name: named(key), from: units(alone ? a : 0), to: units(alone ? b : residual), change: units(residual), contribution: residual * per + 0, accounts: [] });
  }
  return sortByImpact(groups);
}

function line(key: string, x0: number, x1: number, per: number): DriverLine {
  return { key, name: named(key), from: units(x0), to: units(x1), change: units(x1 - x0), contribution: (x1 - x0) * per + 0 };
}

function sortByImpact<T extends DriverLine>(lines: T[]): T[] {
  return [...lines].sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution) || String(x.key).localeCompare(String(y.key)));
}

/** Finest printed lines netted by key across inputs and sides. */
function topLines(inputs: InputDriver[], limit: number): DriverLine[] {
  const byKey = new Map<string, DriverLine>();
  const add = (l: DriverLine, sign: number) => {
    const id = l.key ?? '(other)';
    const prev = byKey.get(id);
    if (prev) prev.contribution += l.contribution;
    else byKey.set(id, { ...l, from: sign * l.from, to: sign * l.to, change: sign * l.change });
  };
  for (const input of inputs) {
    // Lines carry the input's internal sign (COGS = −62); show printed values again.
    const printedSign = INPUT_LINES[input.input].sign;
    for (const g of input.groups) {
      if (g.accounts.length) for (const acc of g.accounts) add(acc, acc.key === null ? 1 : printedSign);
      else add(g, g.key === null ? 1 : printedSign);
    }
  }
  return sortByImpact([...byKey.values()].filter((l) => Math.abs(l.contribution) > 1e-12)).slice(0, limit);
}
