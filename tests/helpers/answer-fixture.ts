import type { Analysis } from '../../contracts/analysis.ts';
import type { RatioId } from '../../domain/ratio-definitions.ts';

/**
 * A hand-built two-year analysis whose every figure is known:
 *
 *                     2024-12-31   2023-12-31
 *  CA  (1)            15.234.000   12.000.000   of which 10: 3.000.000 / 1.500.000 (100 Kasa, 102 Bankalar),
 *                                               12: 8.234.000 / 6.500.000, 15: 4.000.000 / 4.000.000
 *  NCA (2)             9.766.000    9.000.000
 *  TA                 25.000.000   21.000.000
 *  STL (3)            10.022.000    9.000.000   of which 300: 4.000.000 / 4.000.000, 320: 6.022.000 / 5.000.000
 *  LTL (4)             2.978.000    3.000.000
 *  EQ  (5)            12.000.000    9.000.000
 *  NET_SALES          40.000.000   30.000.000   62: −30.000.000 / −22.000.000, 63: −6.000.000 / −5.000.000
 *  GP / OP            10.000.000 / 4.000.000    8.000.000 / 3.000.000
 *  66                 −1.000.000     −800.000
 *  PBT / NP            2.500.000 / 2.000.000    2.000.000 / 1.600.000
 */
export const A = '2024-12-31';
export const B = '2023-12-31';
export const M = 1_000_000;

export const ITEMS: Analysis['items'] = {
  '1': { [A]: 15_234_000, [B]: 12 * M },
  '10': { [A]: 3 * M, [B]: 1_500_000 },
  '100': { [A]: 500_000, [B]: 300_000 },
  '102': { [A]: 2_500_000, [B]: 1_200_000 },
  '12': { [A]: 8_234_000, [B]: 6_500_000 },
  '15': { [A]: 4 * M, [B]: 4 * M },
  '2': { [A]: 9_766_000, [B]: 9 * M },
  TOTAL_ASSETS: { [A]: 25 * M, [B]: 21 * M },
  '3': { [A]: 10_022_000, [B]: 9 * M },
  '300': { [A]: 4 * M, [B]: 4 * M },
  '320': { [A]: 6_022_000, [B]: 5 * M },
  '4': { [A]: 2_978_000, [B]: 3 * M },
  '5': { [A]: 12 * M, [B]: 9 * M },
  TOTAL_LIABILITIES_AND_EQUITY: { [A]: 25 * M, [B]: 21 * M },
  NET_SALES: { [A]: 40 * M, [B]: 30 * M },
  '62': { [A]: -30 * M, [B]: -22 * M },
  GROSS_PROFIT: { [A]: 10 * M, [B]: 8 * M },
  '63': { [A]: -6 * M, [B]: -5 * M },
  OPERATING_PROFIT: { [A]: 4 * M, [B]: 3 * M },
  '66': { [A]: -1 * M, [B]: -800_000 },
  PROFIT_BEFORE_TAX: { [A]: 2_500_000, [B]: 2 * M },
  NET_PROFIT: { [A]: 2 * M, [B]: 1_600_000 },
};

// The ratios written out from the table above (not computed by the domain).
export const RATIOS: Record<RatioId, Record<string, number | null>> = {
  current_ratio: { [A]: 15.234 / 10.022, [B]: 12 / 9 },
  acid_test_ratio: { [A]: 11.234 / 10.022, [B]: 8 / 9 },
  cash_ratio: { [A]: 3 / 10.022, [B]: 1.5 / 9 },
  inventory_dependency_ratio: { [A]: 7.022 / 4, [B]: 7.5 / 4 },
  net_working_capital: { [A]: 5_212_000, [B]: 3 * M },
  gross_margin: { [A]: 10 / 40, [B]: 8 / 30 },
  operating_margin: { [A]: 4 / 40, [B]: 3 / 30 },
  net_margin: { [A]: 2 / 40, [B]: 1.6 / 30 },
  operating_expense_ratio: { [A]: 6 / 40, [B]: 5 / 30 },
  return_on_assets: { [A]: 2 / 25, [B]: 1.6 / 21 },
  return_on_equity: { [A]: 2 / 12, [B]: 1.6 / 9 },
  inventory_turnover: { [A]: 30 / 4, [B]: 22 / 4 },
  receivables_turnover: { [A]: 40 / 8.234, [B]: 30 / 6.5 },
  asset_turnover: { [A]: 40 / 25, [B]: 30 / 21 },
  current_asset_turnover: { [A]: 40 / 15.234, [B]: 30 / 12 },
  debt_ratio: { [A]: 13 / 25, [B]: 12 / 21 },
  equity_ratio: { [A]: 12 / 25, [B]: 9 / 21 },
  debt_to_equity: { [A]: 13 / 12, [B]: 12 / 9 },
  short_term_debt_share: { [A]: 10.022 / 25, [B]: 9 / 21 },
  fixed_assets_to_equity: { [A]: 9.766 / 12, [B]: 1 },
  interest_coverage: { [A]: 3.5, [B]: 2.8 / 0.8 },
  // Trade payables are account 320 (group 32): 6.022.000 / 5.000.000.
  days_sales_outstanding: { [A]: (365 * 8.234) / 40, [B]: (365 * 6.5) / 30 },
  days_inventory_outstanding: { [A]: (365 * 4) / 30, [B]: (365 * 4) / 22 },
  days_payables_outstanding: { [A]: (365 * 6.022) / 30, [B]: (365 * 5) / 22 },
  cash_conversion_cycle: { [A]: 365 * (8.234 / 40 + 4 / 30 - 6.022 / 30), [B]: 365 * (6.5 / 30 + 4 / 22 - 5 / 22) },
};

export function analysis(over: Partial<Analysis> = {}): Analysis {
  return {
    document: { file: 'acme-2024.pdf', sha256: 'x', pages: 2, method: 'text', pagesByMethod: { text: [1, 2], ocr: [], vision: [] } },
    company: { name: 'ACME Gıda A.Ş.', taxId: null },
    currency: 'TRY',
    unit: 'TL',
    periods: [A, B],
    statements: ['balance_sheet', 'income_statement'],
    items: ITEMS,
    lines: [],
    validation: { status: 'ok', confidence: 0.99, checks: [] },
    ratios: RATIOS,
    comparison: [],
    alerts: [],
    ...over,
  };
}

/** 2024 without inventory (INV = 0) and without the pre-tax profit line. */
export function thin(): Analysis {
  const items = structuredClone(ITEMS);
  delete items['15'];
  delete items.PROFIT_BEFORE_TAX![A];
  const ratios = structuredClone(RATIOS);
  ratios.inventory_turnover![A] = null;
  ratios.inventory_dependency_ratio![A] = null;
  ratios.interest_coverage![A] = null;
  ratios.acid_test_ratio![A] = 15.234 / 10.022;
  return analysis({ items, ratios });
}
