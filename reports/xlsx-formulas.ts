import type { Analysis } from '../contracts/analysis.ts';
import { toKurus } from '../domain/money.ts';
import type { RatioId } from '../domain/ratio-definitions.ts';
import { isSumFormula, RATIO_FORMULAS, sideText } from '../domain/ratio-formulas.ts';
import { INPUT_NAMES, type InputName } from '../domain/statement-inputs.ts';
import { inputResolver, type InputAlgebra } from '../domain/input-resolution.ts';

/**
 * The ratio inputs of docs/ratios.md as spreadsheet formulas: the one resolution of
 * domain/input-resolution.ts (printed line, else the sum of what lies under it, else 0
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

/** A lone cell reference needs no brackets after a minus sign. */
const isCellRef = (f: string): boolean => /^('[^']+'!)?\$?[A-Z]+\$?\d+$/.test(f);

/** The printed lines of a period as references to the statement sheet's cells. */
function formulaAlgebra(a: Pick<Analysis, 'items'>, period: string, cellOf: CellOf, inputCell: InputCellOf): InputAlgebra<Expr> {
  return {
    line: (key) => {
      const v = a.items[key]?.[period];
      const ref = cellOf(key);
      return v === undefined || ref === null ? null : { f: ref, k: toKurus(v), how: key };
    },
    keys: Object.keys(a.items),
    sum: (exprs, how) => {
      const present = exprs.filter((e): e is Expr => e !== null);
      if (!present.length) return null;
      const named = how ?? `Σ ${present.map((e) => e.how).join(' + ')}`;
      if (present.length === 1) return { ...present[0]!, how: named };
      const refs = present.map((e) => e.f);
      return { f: refs.length > 2 ? `SUM(${refs.join(',')})` : refs.join('+'), k: present.reduce((s, e) => s + e.k, 0), how: named };
    },
    zero: (code) => ZERO(`0 (${code})`),
    negate: (e) => (e.f === '0' ? { ...e, k: 0 } : { f: `-${isCellRef(e.f) ? e.f : `(${e.f})`}`, k: e.k === 0 ? 0 : -e.k, how: `−${e.how}` }),
    combine: (x, y, sign, how, inputs) => {
      const op = sign < 0 ? '-' : '+';
      const f = inputs ? `${inputCell(inputs[0])}${op}${inputCell(inputs[1])}` : `${x.f}${op}${y.f}`;
      return { f, k: x.k + sign * y.k, how };
    },
    kurus: (e) => e.k,
  };
}

export function inputFormulas(a: Pick<Analysis, 'items'>, period: string, cellOf: CellOf, inputCell: InputCellOf): InputExprs {
  const out = inputResolver(formulaAlgebra(a, period, cellOf, inputCell)).inputs();
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
