/** Prints kuruş in every style the fuzzer draws: marks, grouping, signs, symbols, zeros. */
import type { Kurus } from '../../../domain/types.ts';
import type { LayoutDraw } from './dimensions.ts';

export type AmountDims = Pick<LayoutDraw, 'unit' | 'decimalMark' | 'thousands' | 'currencySymbol' | 'negatives' | 'zero'>;

function digits(value: Kurus, d: AmountDims): string {
  const decimals = d.unit === 'TL' ? 2 : 0;
  // Bin TL values are whole thousands by construction (the model's quantum).
  const units = decimals === 2 ? Math.abs(value) : Math.abs(value) / 100_000;
  if (!Number.isInteger(units)) throw new Error(`amount ${value} does not fit ${decimals} decimals`);
  const intPart = decimals === 2 ? Math.floor(units / 100) : units;
  const mark = d.decimalMark === 'comma' ? ',' : '.';
  const group = d.thousands === 'none' ? '' : d.thousands === 'space' ? '\u00a0' : mark === ',' ? '.' : ',';
  let text = String(intPart).replace(/\B(?=(\d{3})+(?!\d))/g, group);
  if (decimals === 2) text += mark + String(units % 100).padStart(2, '0');
  return text;
}

/** The cell text of one amount; '' for a zero printed blank. */
export function amountText(value: Kurus, d: AmountDims): string {
  if (value === 0) return d.zero === 'dash' ? '-' : d.zero === 'blank' ? '' : digits(0, d);
  const body = digits(value, d);
  const before = d.currencySymbol === 'lira-before' ? '₺' : '';
  const after = d.currencySymbol === 'lira-after' ? ' ₺' : d.currencySymbol === 'tl-after' ? ' TL' : '';
  if (value > 0) return `${before}${body}${after}`;
  // '-₺1.234', '(₺1.234)', '₺1.234-': the sign wraps the symbol as statement software prints it.
  if (d.negatives === 'parens') return `(${before}${body}${after})`;
  if (d.negatives === 'trailing-minus') return `${before}${body}-${after}`;
  return `-${before}${body}${after}`;
}
