import type { Items, Kurus } from './types.ts';

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

const printed = (items: Items, key: string, period: string): Value => items[key]?.[period] ?? null;

const sum = (values: Value[]): Value => {
  const present = values.filter((v): v is Kurus => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
};

// -0 would make deepStrictEqual and Object.is disagree with 0.
const negate = (v: Value): Value => (v === null ? null : v === 0 ? 0 : -v);

/**
 * A one- or two-digit TDHP group: its printed line, else the sum of what lies under it.
 * A main group sums its sub-groups, each resolved the same way, so a statement that prints
 * some sub-groups and only the accounts of others is still summed without double counting.
 */
export function resolveGroup(items: Items, code: string, period: string): Value {
  const line = printed(items, code, period);
  if (line !== null) return line;
  if (code.length === 1) {
    return sum(Array.from({ length: 10 }, (_, d) => resolveGroup(items, `${code}${d}`, period)));
  }
  const accounts = Object.keys(items).filter((k) => /^\d{3}$/.test(k) && k.startsWith(code));
  return sum(accounts.map((k) => printed(items, k, period)));
}

/**
 * A main group that is neither printed nor derivable counts 0 only when the rest of its side
 * of the balance sheet adds up exactly to the printed side total (a company with no
 * long-term debt omits section 4); otherwise it stays unknown rather than guessed.
 */
function mainGroup(items: Items, code: string, period: string): Value {
  const own = resolveGroup(items, code, period);
  if (own !== null) return own;
  const assetSide = code === '1' || code === '2';
  const side = assetSide ? ['1', '2'] : ['3', '4', '5'];
  const total = assetSide
    ? printed(items, 'TOTAL_ASSETS', period)
    : (printed(items, 'TOTAL_LIABILITIES_AND_EQUITY', period) ?? printed(items, 'TOTAL_ASSETS', period));
  const others = side.filter((c) => c !== code).map((c) => resolveGroup(items, c, period));
  if (total === null || others.some((v) => v === null)) return null;
  return sum(others) === total ? 0 : null;
}

/** A balance-sheet sub-group: 0 when absent but its main group is known (no inventory -> INV 0). */
function balanceGroup(items: Items, code: string, period: string): Value {
  const own = resolveGroup(items, code, period);
  if (own !== null) return own;
  return mainGroup(items, code.charAt(0), period) !== null ? 0 : null;
}

export function deriveInputs(items: Items, period: string): StatementInputs {
  const CA = mainGroup(items, '1', period);
  const NCA = mainGroup(items, '2', period);
  const STL = mainGroup(items, '3', period);
  const LTL = mainGroup(items, '4', period);
  const EQ = mainGroup(items, '5', period);
  const TA = printed(items, 'TOTAL_ASSETS', period) ?? (CA !== null && NCA !== null ? CA + NCA : null);

  const sales = resolveGroup(items, '60', period);
  const incomePresent = printed(items, 'NET_SALES', period) !== null || sales !== null;
  // Within a present income statement an absent deduction or cost line is nil, not unknown.
  const incomeGroup = (code: string): Value => resolveGroup(items, code, period) ?? (incomePresent ? 0 : null);

  const deductions = incomeGroup('61');
  const NS = printed(items, 'NET_SALES', period) ?? (sales !== null && deductions !== null ? sales + deductions : null);
  const COGS = negate(incomeGroup('62'));
  const GP = printed(items, 'GROSS_PROFIT', period) ?? (NS !== null && COGS !== null ? NS - COGS : null);
  const OPEX = negate(incomeGroup('63'));
  const OP = printed(items, 'OPERATING_PROFIT', period) ?? (GP !== null && OPEX !== null ? GP - OPEX : null);
  const FIN = negate(incomeGroup('66'));
  const PBT = printed(items, 'PROFIT_BEFORE_TAX', period);

  // 590/591 are the balance sheet's own record of the period result; 59 is their group.
  const profitAccounts = sum([printed(items, '590', period), printed(items, '591', period)]);
  const NP = printed(items, 'NET_PROFIT', period) ?? profitAccounts ?? printed(items, '59', period);

  return {
    CA, NCA, STL, LTL, EQ, TA,
    CASH: balanceGroup(items, '10', period),
    SEC: balanceGroup(items, '11', period),
    TR: balanceGroup(items, '12', period),
    INV: balanceGroup(items, '15', period),
    NS, COGS, GP, OPEX, OP, FIN, PBT, NP,
    TP: balanceGroup(items, '32', period),
  };
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
