import { toKurus } from '../domain/money.ts';
import { validateExtraction, type ValidationSummary } from '../domain/validate-extraction.ts';
import type { ReviewDecision } from '../contracts/workflow.ts';
import type { ExtractionResult } from './extract-statement.ts';

/**
 * The statement period a correction means. Users type a year (`düzelt 102 2024 …`, parsed as
 * 2024-12-31); a statement for another period end (2024-09-30) still has one period in it.
 */
function periodFor(periods: readonly string[], period: string): string | undefined {
  if (periods.includes(period)) return period;
  const sameYear = periods.filter((p) => p.slice(0, 4) === period.slice(0, 4));
  return sameYear.length === 1 ? sameYear[0] : undefined;
}

/**
 * Applies a user's corrections (full units) to the extraction and reconciles again. A
 * correction for a line or period the statement does not have changes nothing (it must never
 * invent a period column).
 */
export function createApplyCorrections() {
  return async function applyCorrections(input: {
    extraction: ExtractionResult;
    corrections: Extract<ReviewDecision, { action: 'correct' }>['corrections'];
  }): Promise<{ extraction: ExtractionResult; validation: ValidationSummary }> {
    const lines = input.extraction.statement.lines.map((l) => ({ ...l, values: { ...l.values } }));
    for (const c of input.corrections) {
      const line = lines.find((l) => l.key === c.key);
      const period = periodFor(input.extraction.statement.periods, c.period);
      if (!line || !period) continue;
      line.values[period] = toKurus(c.value);
      // A value the user typed is as certain as it gets.
      line.confidence = 1;
    }
    const extraction = { ...input.extraction, statement: { ...input.extraction.statement, lines } };
    return { extraction, validation: validateExtraction(extraction.statement) };
  };
}
