/** Prints kuruş the way Turkish statement software does, so extractors meet real formats. */
import type { Kurus } from '../../domain/types.ts';

export type NumberFormat = 'tr' | 'en' | 'plain';

export type AmountStyle = {
  numberFormat: NumberFormat;
  /** 2 for TL (kuruş printed), 0 for Bin TL (whole thousands). */
  decimals: 0 | 2;
  negatives: 'parens' | 'minus';
  /** How a zero cell reads: `-` or `0,00`. */
  zero: string;
};

export function formatAmount(value: Kurus, style: AmountStyle): string {
  if (value === 0) return style.zero;
  // Bin TL values are whole thousands (multiples of 100 000 kuruş) by construction.
  const units = style.decimals === 2 ? Math.abs(value) : Math.abs(value) / 100_000;
  if (!Number.isInteger(units)) throw new Error(`amount ${value} does not fit ${style.decimals} decimals`);
  const intPart = style.decimals === 2 ? Math.floor(units / 100) : units;
  const thousands = style.numberFormat === 'tr' ? '.' : style.numberFormat === 'en' ? ',' : '';
  const decimalMark = style.numberFormat === 'en' ? '.' : ',';
  let text = String(intPart).replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  if (style.decimals === 2) text += decimalMark + String(units % 100).padStart(2, '0');
  if (value > 0) return text;
  return style.negatives === 'parens' ? `(${text})` : `-${text}`;
}
