import type { Localized, RatioDefinition, RuleOfThumb } from './ratio-definitions.ts';

/**
 * The four days metrics of docs/ratios.md (efficiency family, shown in days). Their formulas
 * live in the one formula table (ratio-formulas.ts); here are their names and rules.
 */

const SHORTER: RuleOfThumb = { better: 'lower', text: { tr: 'kısa olması tercih edilir', en: 'shorter is better' } };

const days = (name: Localized, ruleOfThumb: RuleOfThumb | null): Omit<RatioDefinition, 'formula'> =>
  ({ family: 'efficiency', kind: 'days', name, ruleOfThumb });

export const DAYS_DEFINITIONS = {
  days_sales_outstanding: days(
    { tr: 'Alacak Tahsil Süresi', en: 'Days sales outstanding (DSO)' },
    // Shorter collection is better; the level itself depends on the sector's credit terms.
    SHORTER,
  ),
  days_inventory_outstanding: days(
    { tr: 'Stok Devir Süresi', en: 'Days inventory outstanding (DIO)' },
    SHORTER,
  ),
  days_payables_outstanding: days(
    { tr: 'Borç Ödeme Süresi', en: 'Days payables outstanding (DPO)' },
    // Longer is cheaper supplier credit or late payment: no favourable direction.
    null,
  ),
  cash_conversion_cycle: days(
    { tr: 'Nakit Dönüşüm Süresi', en: 'Cash conversion cycle' },
    SHORTER,
  ),
} as const satisfies Record<string, Omit<RatioDefinition, 'formula'>>;
