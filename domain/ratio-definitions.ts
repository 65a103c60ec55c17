import { DAYS_DEFINITIONS } from './ratio-definitions-days.ts';
import { formulaText } from './ratio-formulas.ts';
import { INPUT_LABELS } from './statement-inputs.ts';

/** The 25 ratios of docs/ratios.md (21 + four days metrics); the ids are stable across JSON, DB and exports. */
export const RATIO_IDS = [
  'current_ratio',
  'acid_test_ratio',
  'cash_ratio',
  'inventory_dependency_ratio',
  'net_working_capital',
  'gross_margin',
  'operating_margin',
  'net_margin',
  'operating_expense_ratio',
  'return_on_assets',
  'return_on_equity',
  'inventory_turnover',
  'receivables_turnover',
  'asset_turnover',
  'current_asset_turnover',
  'debt_ratio',
  'equity_ratio',
  'debt_to_equity',
  'short_term_debt_share',
  'fixed_assets_to_equity',
  'interest_coverage',
  'days_sales_outstanding',
  'days_inventory_outstanding',
  'days_payables_outstanding',
  'cash_conversion_cycle',
] as const;
export type RatioId = (typeof RATIO_IDS)[number];

/** The four families, in the order reports list them. */
export const RATIO_FAMILIES = ['liquidity', 'profitability', 'efficiency', 'solvency'] as const;

/** The ratios a reader looks at first: the digest's chart, and whose moves are explained. */
export const HEADLINE_RATIOS = ['current_ratio', 'acid_test_ratio', 'debt_ratio', 'net_margin', 'return_on_equity'] as const satisfies readonly RatioId[];
/** A relative move of a ratio worth telling (10 %): digests list it, reports explain it. */
export const MATERIAL_RATIO_MOVE = 0.1;
export type RatioFamily = (typeof RATIO_FAMILIES)[number];
/** How a value is shown: 'percent' values are fractions (0.253 -> %25,3), 'amount' is full units, 'days' is days. */
export type RatioKind = 'ratio' | 'percent' | 'times' | 'amount' | 'days';
export type Localized = { tr: string; en: string };

/**
 * General textbook rule (not a sector benchmark, and must be worded as such). Bounds are
 * inclusive; `better` says which way is favourable, the only content when the spec gives
 * no number (inventory dependency: "lower is better").
 */
export type RuleOfThumb = { min?: number; max?: number; better?: 'higher' | 'lower'; text: Localized };

export type RatioDefinition = {
  family: RatioFamily;
  name: Localized;
  formula: Localized;
  kind: RatioKind;
  ruleOfThumb: RuleOfThumb | null;
};

/** A definition as written here; its formula text is derived from the one formula table. */
type Written = Omit<RatioDefinition, 'formula'>;

const WRITTEN: Record<RatioId, Written> = {
  current_ratio: {
    family: 'liquidity',
    name: { tr: 'Cari Oran', en: 'Current ratio' },
    kind: 'ratio',
    ruleOfThumb: { min: 1.5, max: 2.0, text: { tr: '1,5 – 2,0 arası', en: 'between 1.5 and 2.0' } },
  },
  acid_test_ratio: {
    family: 'liquidity',
    name: { tr: 'Asit-Test (Likidite) Oranı', en: 'Acid-test (quick) ratio' },
    kind: 'ratio',
    ruleOfThumb: { min: 1.0, better: 'higher', text: { tr: 'en az 1,0', en: 'at least 1.0' } },
  },
  cash_ratio: {
    family: 'liquidity',
    name: { tr: 'Nakit Oranı', en: 'Cash ratio' },
    kind: 'ratio',
    ruleOfThumb: { min: 0.2, better: 'higher', text: { tr: 'en az 0,20', en: 'at least 0.20' } },
  },
  inventory_dependency_ratio: {
    family: 'liquidity',
    name: { tr: 'Stok Bağımlılık Oranı', en: 'Inventory dependency ratio' },
    kind: 'ratio',
    ruleOfThumb: { better: 'lower', text: { tr: 'düşük olması tercih edilir', en: 'lower is better' } },
  },
  net_working_capital: {
    family: 'liquidity',
    name: { tr: 'Net Çalışma Sermayesi', en: 'Net working capital' },
    kind: 'amount',
    // "> 0" in the spec; an inclusive 0 only differs at exactly zero.
    ruleOfThumb: { min: 0, better: 'higher', text: { tr: 'pozitif olmalı', en: 'positive' } },
  },
  gross_margin: {
    family: 'profitability',
    name: { tr: 'Brüt Kar Marjı', en: 'Gross margin' },
    kind: 'percent',
    ruleOfThumb: null,
  },
  operating_margin: {
    family: 'profitability',
    name: { tr: 'Faaliyet Kar Marjı', en: 'Operating margin' },
    kind: 'percent',
    ruleOfThumb: null,
  },
  net_margin: {
    family: 'profitability',
    name: { tr: 'Net Kar Marjı', en: 'Net margin' },
    kind: 'percent',
    ruleOfThumb: null,
  },
  operating_expense_ratio: {
    family: 'profitability',
    name: { tr: 'Faaliyet Giderleri / Net Satışlar', en: 'Operating expense ratio' },
    kind: 'percent',
    ruleOfThumb: null,
  },
  return_on_assets: {
    family: 'profitability',
    name: { tr: 'Aktif Karlılığı (ROA)', en: 'Return on assets' },
    kind: 'percent',
    ruleOfThumb: null,
  },
  return_on_equity: {
    family: 'profitability',
    name: { tr: 'Özkaynak Karlılığı (ROE)', en: 'Return on equity' },
    kind: 'percent',
    ruleOfThumb: null,
  },
  inventory_turnover: {
    family: 'efficiency',
    name: { tr: 'Stok Devir Hızı', en: 'Inventory turnover' },
    kind: 'times',
    ruleOfThumb: null,
  },
  receivables_turnover: {
    family: 'efficiency',
    name: { tr: 'Alacak Devir Hızı', en: 'Receivables turnover' },
    kind: 'times',
    ruleOfThumb: null,
  },
  asset_turnover: {
    family: 'efficiency',
    name: { tr: 'Aktif Devir Hızı', en: 'Asset turnover' },
    kind: 'times',
    ruleOfThumb: null,
  },
  current_asset_turnover: {
    family: 'efficiency',
    name: { tr: 'Dönen Varlık Devir Hızı', en: 'Current asset turnover' },
    kind: 'times',
    ruleOfThumb: null,
  },
  debt_ratio: {
    family: 'solvency',
    name: { tr: 'Kaldıraç Oranı', en: 'Debt ratio' },
    kind: 'percent',
    ruleOfThumb: {
      max: 0.5,
      better: 'lower',
      text: {
        tr: 'en fazla %50 (bankalar %60 – %70’e kadar kabul edebilir)',
        en: 'at most 50% (banks accept up to 60% – 70%)',
      },
    },
  },
  equity_ratio: {
    family: 'solvency',
    name: { tr: 'Özkaynak Oranı', en: 'Equity ratio' },
    kind: 'percent',
    ruleOfThumb: { min: 0.5, better: 'higher', text: { tr: 'en az %50', en: 'at least 50%' } },
  },
  debt_to_equity: {
    family: 'solvency',
    name: { tr: 'Yabancı Kaynaklar / Özkaynaklar', en: 'Debt to equity' },
    kind: 'ratio',
    ruleOfThumb: { max: 1.0, better: 'lower', text: { tr: 'en fazla 1,0', en: 'at most 1.0' } },
  },
  short_term_debt_share: {
    family: 'solvency',
    name: { tr: 'KVYK / Pasif Toplamı', en: 'Short-term liabilities to total funding' },
    kind: 'percent',
    ruleOfThumb: { max: 0.33, better: 'lower', text: { tr: 'en fazla %33', en: 'at most 33%' } },
  },
  fixed_assets_to_equity: {
    family: 'solvency',
    name: { tr: 'Duran Varlıklar / Özkaynaklar', en: 'Fixed assets to equity' },
    kind: 'ratio',
    ruleOfThumb: { max: 1.0, better: 'lower', text: { tr: 'en fazla 1,0', en: 'at most 1.0' } },
  },
  interest_coverage: {
    family: 'solvency',
    name: { tr: 'Faiz Karşılama Oranı', en: 'Interest coverage' },
    kind: 'times',
    ruleOfThumb: { min: 3, better: 'higher', text: { tr: 'en az 3', en: 'at least 3' } },
  },
  ...DAYS_DEFINITIONS,
};

/**
 * Every ratio with its formula worded from ratio-formulas.ts (input labels, or the parts'
 * names for a sum), so the text an answer, the workbook and the PDF show is the formula the
 * calculator computes, never a second copy of it.
 */
export const RATIO_DEFINITIONS: Record<RatioId, RatioDefinition> = Object.fromEntries(
  RATIO_IDS.map((id) => [id, {
    ...WRITTEN[id],
    formula: {
      tr: formulaText(id, { input: (i) => INPUT_LABELS[i].tr, ratio: (r) => WRITTEN[r].name.tr }),
      en: formulaText(id, { input: (i) => INPUT_LABELS[i].en, ratio: (r) => WRITTEN[r].name.en }),
    },
  }]),
) as Record<RatioId, RatioDefinition>;
