import { validateExtraction, type ValidationSummary } from '../domain/validate-extraction.ts';
import type { ExtractionResult } from './extract-statement.ts';

/** Reconciliation is pure; it is an activity so its result is recorded once in history. */
export function createValidateStatement() {
  return async function validateStatement(input: { extraction: ExtractionResult }): Promise<ValidationSummary> {
    return validateExtraction(input.extraction.statement);
  };
}
