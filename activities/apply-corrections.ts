import { toKurus } from '../domain/money.ts';
import { validateExtraction, type ValidationSummary } from '../domain/validate-extraction.ts';
import type { ReviewDecision } from '../workflows/types.ts';
import type { ExtractionResult } from './extract-statement.ts';

/** Applies a user's corrections (full units) to the extraction and reconciles again. */
export function createApplyCorrections() {
  return async function applyCorrections(input: {
    extraction: ExtractionResult;
    corrections: Extract<ReviewDecision, { action: 'correct' }>['corrections'];
  }): Promise<{ extraction: ExtractionResult; validation: ValidationSummary }> {
    const lines = input.extraction.statement.lines.map((l) => ({ ...l, values: { ...l.values } }));
    for (const c of input.corrections) {
      const line = lines.find((l) => l.key === c.key);
      if (!line) continue;
      line.values[c.period] = toKurus(c.value);
      // A value the user typed is as certain as it gets.
      line.confidence = 1;
    }
    const extraction = { ...input.extraction, statement: { ...input.extraction.statement, lines } };
    return { extraction, validation: validateExtraction(extraction.statement) };
  };
}
