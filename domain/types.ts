/**
 * Core value types of the pure domain. Amounts are integer kuruş (1 TL = 100 kuruş) so sums
 * reconcile exactly; conversion to full currency units happens only at the contract boundary.
 */
export type Kurus = number;

/** ISO period-end date (YYYY-MM-DD) -> amount in kuruş. */
export type PeriodValues = Record<string, Kurus>;

/** Canonical key (TDHP code or a total key such as TOTAL_ASSETS) -> values per period. */
export type Items = Record<string, PeriodValues>;

export type StatementType = 'balance_sheet' | 'income_statement';

export const TOTAL_KEYS = [
  'TOTAL_ASSETS',
  'TOTAL_LIABILITIES_AND_EQUITY',
  'NET_SALES',
  'GROSS_PROFIT',
  'OPERATING_PROFIT',
  'ORDINARY_PROFIT',
  'PROFIT_BEFORE_TAX',
  'NET_PROFIT',
] as const;
export type TotalKey = (typeof TOTAL_KEYS)[number];
