import type { Analysis } from '../contracts/analysis.ts';
import { toKurus } from '../domain/money.ts';
import type { RatioId } from '../domain/ratio-definitions.ts';
import { isSumFormula, RATIO_FORMULAS, sideText } from '../domain/ratio-formulas.ts';
import { INPUT_NAMES, type InputName } from '../domain/statement-inputs.ts';

/**
 * The ratio inputs of docs/ratios.md as spreadsheet formulas: the same resolution
 * as domain/statement-inputs.ts (printed line, else the sum of what lies under it, else 0
 * where the spec says so), written as references to the workbook's statement cells so an
 * accountant can follow every number back to a printed line. Values travel in kuruş, as in
 * the domain, so the cached results equal the stored analysis exactly.
 */
export interface Expr {
  /** Formula text without "=". */
  f: string;
  /** Value in kuruş. */
  k: number;
  /** How the input was obtained, for the "source" column ("60 + 61", "printed line"). */
  how: string;
}

export type InputExprs = Record<InputName, Expr | null>;

/** Where the statement sheet holds a key's value for a period ("'Tablo'!C7"), or null. */
export type CellOf = (key: string) => string | null;
/** Where the inputs block holds an input for the same period ("C31"). */
export type InputCellOf = (name: InputName) => string;

const ZERO = (how: string): Expr => ({ f: '0', k: 0, how });

function sumOf(exprs: (Expr | null)[], how: string): Expr | null {
  const present = exprs.filter((e): e is Expr => e !== null);
  if (!present.length) return null;
  if (present.length === 1) return { ...present[0]!, how };
  const refs = present.map((e) => e.f);
  return { f: refs.length > 2 ? `SUM(${refs.join(',')})` : refs.join('+'), k: present.reduce((s, e) => s + e.k, 0), how };
}

export function inputFormulas(a: Pick<Analysis, 'items'>, period: string, cellOf: CellOf, inputCell: InputCellOf): InputExprs {
  const keys = Object.keys(a.items);
  const printed = (key: string): Expr | null => {
    const v = a.items[key]?.[period];
    const ref = cellOf(key);
    return v === undefined || ref === null ? null : { f: ref, k: toKurus(v), how: key };
  };
  const resolveGroup = (code: string): Expr | null => {
    const line = printed(code);
    if (line) return line;
    if (code.length === 1) {
      const subs = Array.from({ length: 10 }, (_, d) => resolveGroup(`${code}${d}`));
      return sumOf(subs, `Σ ${subs.filter(Boolean).map((e) => e!.how).join(' + ')}`);
    }
    const accounts = keys.filter((k) => /^\d{3}$/.test(k) && k.startsWith(code)).sort().map(printed);
    return sumOf(accounts, `Σ ${accounts.filter(Boolean).map((e) => e!.how).join(' + ')}`);
  };
  const mainGroup = (code: string): Expr | null => {
    const own = resolveGroup(code);
    if (own) return own;
    const assetSide = code === '1' || code === '2';
    const side = assetSide ? ['1', '2'] : ['3', '4', '5'];
    const total = assetSide ? printed('TOTAL_ASSETS') : (printed('TOTAL_LIABILITIES_AND_EQUITY') ?? printed('TOTAL_ASSETS'));
    const others = side.filter((c) => c !== code).map(resolveGroup);
    if (!total || others.some((e) => e === null)) return null;
    return others.reduce((s, e) => s + e!.k, 0) === total.k ? ZERO(`0 (${code})`) : null;
  };
  const balanceGroup = (code: string): Expr | null => resolveGroup(code) ?? (mainGroup(code.charAt(0)) ? ZERO(`0 (${code})`) : null);

  const CA = mainGroup('1');
  const NCA = mainGroup('2');
  const STL = mainGroup('3');
  const LTL = mainGroup('4');
  const EQ = mainGroup('5');
  const TA = printed('TOTAL_ASSETS') ?? (CA && NCA ? { f: `${inputCell('CA')}+${inputCell('NCA')}`, k: CA.k + NCA.k, how: 'CA + NCA' } : null);

  const sales = resolveGroup('60');
  const incomePresent = printed('NET_SALES') !== null || sales !== null;
  const incomeGroup = (code: string): Expr | null => resolveGroup(code) ?? (incomePresent ? ZERO(`0 (${code})`) : null);
  const negate = (e: Expr | null): Expr | null =>
    e === null ? null : e.f === '0' ? { ...e, k: 0 } : { f: `-${/^('[^']+'!)?\$?[A-Z]+\$?\d+$/.test(e.f) ? e.f : `(${e.f})`}`, k: e.k === 0 ? 0 : -e.k, how: `−${e.how}` };

  const deductions = incomeGroup('61');
  const NS = printed('NET_SALES') ?? (sales && deductions ? { f: `${sales.f}+${deductions.f}`, k: sales.k + deductions.k, how: '60 + 61' } : null);
  const COGS = negate(incomeGroup('62'));
  const GP = printed('GROSS_PROFIT') ?? (NS && COGS ? { f: `${inputCell('NS')}-${inputCell('COGS')}`, k: NS.k - COGS.k, how: 'NS − COGS' } : null);
  const OPEX = negate(incomeGroup('63'));
  const OP = printed('OPERATING_PROFIT') ?? (GP && OPEX ? { f: `${inputCell('GP')}-${inputCell('OPEX')}`, k: GP.k - OPEX.k, how: 'GP − OPEX' } : null);
  const FIN = negate(incomeGroup('66'));
  const PBT = printed('PROFIT_BEFORE_TAX');
  const profitAccounts = sumOf([printed('590'), printed('591')], '590 + 591');
  const NP = printed('NET_PROFIT') ?? profitAccounts ?? printed('59');

  const out: InputExprs = {
    CA, NCA, STL, LTL, EQ, TA,
    CASH: balanceGroup('10'),
    SEC: balanceGroup('11'),
    TR: balanceGroup('12'),
    INV: balanceGroup('15'),
    NS, COGS, GP, OPEX, OP, FIN, PBT, NP,
    TP: balanceGroup('32'),
  };
  for (const n of INPUT_NAMES) if (out[n] && out[n]!.k === 0) out[n]!.k = 0; // fold -0
  return out;
}

/**
 * A ratio of domain/ratio-formulas.ts over the input cells ("(C31-C35)", "C33"). The numerator
 * and denominator are kept apart so a zero divisor can be shown, not divided by; an amount
 * ratio has no denominator (the input cells already hold full units).
 */
export function ratioCellFormula(id: RatioId, cell: (n: InputName) => string): { num: string; den?: string } {
  const f = RATIO_FORMULAS[id];
  if (isSumFormula(f)) {
    // Only written when every part is defined, so each part's division is safe inline.
    const parts = f.parts.map((p, i) => {
      const q = ratioCellFormula(p.ratio, cell);
      const e = q.den ? `${q.num}/${q.den}` : q.num;
      return `${i === 0 ? (p.sign < 0 ? '-' : '') : p.sign < 0 ? '-' : '+'}(${e})`;
    });
    return { num: parts.join('') };
  }
  const side = sideText(f.numerator, cell);
  const num = f.scale ? `${f.scale}*${side}` : side;
  return f.denominator.length ? { num, den: sideText(f.denominator, cell) } : { num };
}
