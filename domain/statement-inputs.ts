import type { Items, Kurus } from './types.ts';
import { inputResolver, type InputAlgebra } from './input-resolution.ts';

/**
 * The inputs of the ratio library (docs/ratios.md, "Inputs"), in kuruş with their
 * economic sign, except COGS, OPEX and FIN which the spec defines as positive costs.
 * `null` means "cannot be known from this statement", which makes every ratio using it null.
 */
export const INPUT_NAMES = [
  'CA', 'NCA', 'STL', 'LTL', 'EQ', 'TA', 'CASH', 'SEC', 'TR', 'INV',
  'NS', 'COGS', 'GP', 'OPEX', 'OP', 'FIN', 'PBT', 'NP', 'TP',
] as const;
export type InputName = (typeof INPUT_NAMES)[number];
export type StatementInputs = Record<InputName, Kurus | null>;

type Value = Kurus | null;

// -0 would make deepStrictEqual and Object.is disagree with 0.
const negate = (v: Kurus): Kurus => (v === 0 ? 0 : -v);

/** The printed lines of a period as kuruş amounts (input-resolution.ts decides how they combine). */
function kurusAlgebra(items: Items, period: string): InputAlgebra<Kurus> {
  return {
    line: (key) => items[key]?.[period] ?? null,
    keys: Object.keys(items),
    sum: (values) => {
      const present = values.filter((v): v is Kurus => v !== null);
      return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
    },
    zero: () => 0,
    negate,
    combine: (a, b, sign) => a + sign * b,
    kurus: (v) => v,
  };
}

/**
 * A one- or two-digit TDHP group: its printed line, else the sum of what lies under it.
 * A main group sums its sub-groups, each resolved the same way, so a statement that prints
 * some sub-groups and only the accounts of others is still summed without double counting.
 */
export function resolveGroup(items: Items, code: string, period: string): Value {
  return inputResolver(kurusAlgebra(items, period)).group(code);
}

export function deriveInputs(items: Items, period: string): StatementInputs {
  return inputResolver(kurusAlgebra(items, period)).inputs();
}

/** Each input's name in Turkish and English, for answers, exports and reports. */
export const INPUT_LABELS: Record<InputName, { tr: string; en: string }> = {
  CA: { tr: 'Dönen Varlıklar', en: 'Current assets' },
  NCA: { tr: 'Duran Varlıklar', en: 'Non-current assets' },
  STL: { tr: 'Kısa Vadeli Yabancı Kaynaklar', en: 'Short-term liabilities' },
  LTL: { tr: 'Uzun Vadeli Yabancı Kaynaklar', en: 'Long-term liabilities' },
  EQ: { tr: 'Özkaynaklar', en: 'Equity' },
  TA: { tr: 'Aktif Toplamı', en: 'Total assets' },
  CASH: { tr: 'Hazır Değerler', en: 'Cash and equivalents' },
  SEC: { tr: 'Menkul Kıymetler', en: 'Marketable securities' },
  TR: { tr: 'Ticari Alacaklar', en: 'Trade receivables' },
  INV: { tr: 'Stoklar', en: 'Inventories' },
  NS: { tr: 'Net Satışlar', en: 'Net sales' },
  COGS: { tr: 'Satışların Maliyeti', en: 'Cost of sales' },
  GP: { tr: 'Brüt Satış Karı', en: 'Gross profit' },
  OPEX: { tr: 'Faaliyet Giderleri', en: 'Operating expenses' },
  OP: { tr: 'Faaliyet Karı', en: 'Operating profit' },
  FIN: { tr: 'Finansman Giderleri', en: 'Finance expenses' },
  PBT: { tr: 'Dönem Karı (vergi öncesi)', en: 'Profit before tax' },
  NP: { tr: 'Dönem Net Karı', en: 'Net profit' },
  TP: { tr: 'Ticari Borçlar', en: 'Trade payables' },
};
