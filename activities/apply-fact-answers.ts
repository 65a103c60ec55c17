import { applyFactAnswer, FactAnswerError } from '../domain/facts.ts';
import { validateExtraction, type ValidationSummary } from '../domain/validate-extraction.ts';
import type { FactAnswer } from '../contracts/workflow.ts';
import { logger } from '../lib/logger.ts';
import type { ExtractionResult } from './extract-statement.ts';

/**
 * Applies the user's answers about document facts (unit, company, currency) and reconciles
 * again: a unit rescales every amount exactly. An answer that cannot be applied exactly (an
 * amount that would leave the integer range) is skipped, and that fact stays marked unsure.
 */
export function createApplyFactAnswers() {
  return async function applyFactAnswers(input: { extraction: ExtractionResult; answers: FactAnswer[] }): Promise<{ extraction: ExtractionResult; validation: ValidationSummary }> {
    let statement = input.extraction.statement;
    for (const answer of input.answers) {
      try {
        statement = applyFactAnswer(statement, answer);
      } catch (e) {
        if (!(e instanceof FactAnswerError)) throw e;
        logger.warn({ err: e, fact: answer.fact }, 'fact answer not applied');
      }
    }
    const extraction = { ...input.extraction, statement };
    return { extraction, validation: validateExtraction(statement) };
  };
}
