import type { Localized, RatioDefinition, RuleOfThumb } from './ratio-definitions.ts';

/**
 * The four days metrics of docs/ratios.md (efficiency family, shown in days). Their formulas
 * live in the one formula table (ratio-formulas.ts); here are their names and rules.
 */

const SHORTER: RuleOfThumb = { better: 'lower', text: { tr: 'kısa olması tercih edilir', en: 'shorter is better' } };

const days = (name: Localized, formula: Localized, ruleOfThumb: RuleOfThumb | null): RatioDefinition =>
  ({ family: 'efficiency', kind: 'days', name, formula, ruleOfThumb });

export const DAYS_DEFINITIONS = {
  days_sales_outstanding: days(
    { tr: 'Alacak Tahsil Süresi', en: 'Days sales outstanding (DSO)' },
    { tr: '365 × Ticari Alacaklar / Net Satışlar', en: '365 × Trade receivables / Net sales' },
    // Shorter collection is better; the level itself depends on the sector's credit terms.
    SHORTER,
  ),
  days_inventory_outstanding: days(
    { tr: 'Stok Devir Süresi', en: 'Days inventory outstanding (DIO)' },
    { tr: '365 × Stoklar / Satışların Maliyeti', en: '365 × Inventories / Cost of sales' },
    SHORTER,
  ),
  days_payables_outstanding: days(
    { tr: 'Borç Ödeme Süresi', en: 'Days payables outstanding (DPO)' },
    { tr: '365 × Ticari Borçlar / Satışların Maliyeti', en: '365 × Trade payables / Cost of sales' },
    // Longer is cheaper supplier credit or late payment: no favourable direction.
    null,
  ),
  cash_conversion_cycle: days(
    { tr: 'Nakit Dönüşüm Süresi', en: 'Cash conversion cycle' },
    { tr: 'Alacak Tahsil Süresi + Stok Devir Süresi − Borç Ödeme Süresi', en: 'DSO + DIO − DPO' },
    SHORTER,
  ),
} as const satisfies Record<string, RatioDefinition>;
