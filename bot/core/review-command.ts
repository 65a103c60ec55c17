import { detectDecimalSeparator, parseAmount } from '../../domain/number-format.ts';
import { foldLetters } from '../../domain/turkish-text.ts';
import { QueryRejectedError, type Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import type { ReviewDecision, Stage, WorkflowStatus } from '../../contracts/workflow.ts';

/**
 * "onayla" / "confirm", or "düzelt 102 2024 1.234,56" / "fix 102 2024 1,234.56": a user's
 * answer to a review request. Amounts are full currency units.
 */
export function parseReviewCommand(text: string): ReviewDecision | null {
  // Folded, not only lower-cased with Turkish rules: "CONFIRM" must not become "confırm".
  const t = foldLetters(text.trim());
  if (/^(onayla|onayliyorum|confirm|ok|okay)$/.test(t)) return { action: 'confirm' };
  const m = /^(duzelt|fix|correct)\s+([\w]+)\s+(\d{4})\s+(\S+)$/.exec(t);
  if (!m) return null;
  const [, , key, year, raw] = m;
  const parsed = parseAmount(raw!, detectDecimalSeparator([raw!]));
  if (!parsed) return null;
  return { action: 'correct', corrections: [{ key: key!.toUpperCase(), period: `${year}-12-31`, value: parsed.value / 100 }] };
}

/** Stages in which an answer about a document fact is still applied (the ask step comes after them). */
const BEFORE_FACTS: readonly Stage[] = ['received', 'reading', 'checking', 'awaiting_review'];

/**
 * Does the workflow take this answer now? A review answer only while it waits for one; a
 * fact from the upload until the facts are asked and answered. A finished one takes nothing.
 */
export async function takesAnswer(client: Client, workflowId: string, answer: ReviewDecision): Promise<boolean> {
  try {
    const { stage } = await client.workflow.getHandle(workflowId).query<WorkflowStatus>('status');
    return stage === 'awaiting_review' || (answer.action === 'fact' && BEFORE_FACTS.includes(stage));
  } catch (e) {
    // Gone (retention) or not taking queries: it cannot take a review. Anything else (Temporal
    // unreachable) is no answer about the workflow and goes to the edge.
    if (e instanceof WorkflowNotFoundError || e instanceof QueryRejectedError) return false;
    throw e;
  }
}
