import { validateExtraction, type ValidationSummary } from '../domain/validate-extraction.ts';
import { extractionConfidence, validationFailures } from '../lib/metrics.ts';
import type { ExtractionResult } from './extract-statement.ts';

/** Reconciliation is pure; it is an activity so its result is recorded once in history. */
export function createValidateStatement() {
  return async function validateStatement(input: { extraction: ExtractionResult }): Promise<ValidationSummary> {
    const result = validateExtraction(input.extraction.statement);
    extractionConfidence.observe(result.confidence);
    for (const c of result.checks.filter((c) => !c.ok)) validationFailures.inc({ check: c.id.split(':')[0] });
    return result;
  };
}
