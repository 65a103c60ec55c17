import { z } from 'zod';

/**
 * analysis.json, as docs/analysis-contract.md defines it. The analyze command
 * writes it, the database stores it and every report renders from it; values are in full
 * currency units here (the domain computes in kuruş and converts at this boundary).
 */
/** A statement's basis (domain/statement-basis.ts detects it): inflation-adjusted figures are never deflated again. */
export const BASES = ['historical', 'inflation_adjusted', 'unknown'] as const;

const PeriodValues = z.record(z.string(), z.number());
const NullablePeriodValues = z.record(z.string(), z.number().nullable());

export const Method = z.enum(['text', 'ocr', 'vision', 'mixed']);
export type Method = z.infer<typeof Method>;

export const ValidationCheck = z.object({
  id: z.string(),
  period: z.string().optional(),
  ok: z.boolean(),
  expected: z.number().optional(),
  actual: z.number().optional(),
  message: z.string().optional(),
});
export type ValidationCheck = z.infer<typeof ValidationCheck>;

export const Alert = z.object({
  kind: z.enum(['ratio', 'change', 'equity', 'loss', 'validation']),
  id: z.string(),
  message: z.string(),
  severity: z.enum(['info', 'warning', 'critical']),
  period: z.string().optional(),
});
export type Alert = z.infer<typeof Alert>;

export const Line = z.object({
  key: z.string().nullable(),
  label: z.string(),
  page: z.number().int(),
  confidence: z.number(),
  sources: z.array(z.string()),
  values: PeriodValues,
});
export type Line = z.infer<typeof Line>;

export const ComparisonRow = z.object({
  key: z.string(),
  from: z.string(),
  to: z.string(),
  change: z.number(),
  changePct: z.number().nullable(),
  alert: z.boolean(),
});
export type ComparisonRow = z.infer<typeof ComparisonRow>;

/** Whether a period's figures are historical or already inflation-adjusted, and why we think so. */
export const PeriodBasis = z.object({
  basis: z.enum(BASES),
  evidence: z.array(z.object({ basis: z.enum(['historical', 'inflation_adjusted']), text: z.string() })),
});
export type PeriodBasis = z.infer<typeof PeriodBasis>;

/** Nominal and real change of one amount (domain/real-comparison.ts); a refusal carries its reason. */
export const RealChangeRow = z.object({
  key: z.string(),
  kind: z.enum(['stock', 'flow']),
  status: z.enum(['ok', 'index_not_available', 'already_inflation_adjusted', 'mixed_basis', 'period_lengths_differ']),
  nominalPct: z.number().nullable(),
  realPct: z.number().nullable(),
  fromMonths: z.array(z.string()),
  toMonths: z.array(z.string()),
  message: z.object({ tr: z.string(), en: z.string() }).optional(),
});
export type RealChangeRow = z.infer<typeof RealChangeRow>;

/** The compared pair's real change: the index, the level of every month used, and one row per compared key. */
export const RealChanges = z.object({
  index: z.enum(['tufe', 'yiufe']),
  from: z.string(),
  to: z.string(),
  months: z.record(z.string(), z.number()),
  rows: z.array(RealChangeRow),
});
export type RealChanges = z.infer<typeof RealChanges>;

export const Analysis = z.object({
  document: z.object({
    file: z.string(),
    sha256: z.string(),
    pages: z.number().int(),
    method: Method,
    pagesByMethod: z.object({ text: z.array(z.number()), ocr: z.array(z.number()), vision: z.array(z.number()) }),
  }),
  company: z.object({ name: z.string().nullable(), taxId: z.string().nullable() }),
  currency: z.string(),
  unit: z.enum(['TL', 'Bin TL', 'Milyon TL']),
  periods: z.array(z.string()),
  statements: z.array(z.enum(['balance_sheet', 'income_statement'])),
  items: z.record(z.string(), PeriodValues),
  lines: z.array(Line),
  validation: z.object({
    status: z.enum(['ok', 'warnings', 'failed']),
    confidence: z.number(),
    checks: z.array(ValidationCheck),
  }),
  ratios: z.record(z.string(), NullablePeriodValues),
  comparison: z.array(ComparisonRow),
  alerts: z.array(Alert),
  /** Per period; absent when nothing in the document speaks of inflation adjustment. */
  basis: z.record(z.string(), PeriodBasis).optional(),
  /**
   * A period printed a second time as a restatement (inflation-adjusted, as restated): its
   * column heading and items, kept apart from `items` (never a period, never merged).
   */
  variants: z.record(z.string(), z.object({ label: z.string(), items: z.record(z.string(), z.number()) })).optional(),
  /** Where each document fact was read and whether the reader is sure (unsure: marked in the outputs). */
  facts: z
    .record(
      z.enum(['company', 'taxId', 'unit', 'currency']),
      // `source: 'user'`: the user answered it in the chat (absent: read from the document).
      z.object({ page: z.number().int().optional(), text: z.string().optional(), sure: z.boolean(), source: z.literal('user').optional() }),
    )
    .optional(),
  /**
   * An interim period: where its flows start and how many months they cover (absent: a full
   * year). Ratios setting a flow against a stock are annualised for it; comparisons pair it
   * with a period of the same length.
   */
  periodLengths: z.record(z.string(), z.object({ start: z.string(), months: z.number().int().min(1).max(12) })).optional(),
  /** Absent when no price index was given or fewer than two periods are compared. */
  realChange: RealChanges.optional(),
});
export type Analysis = z.infer<typeof Analysis>;
