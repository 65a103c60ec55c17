import { shaOfWorkflow } from '../db/queries/documents.ts';
import { deliverOnce } from '../db/queries/deliveries.ts';
import { ACTIONS, documentRef } from '../contracts/outgoing.ts';
import { unsureFacts } from '../domain/facts.ts';
import { isUnitCheck } from '../domain/unit-plausibility.ts';
import { checkText } from '../domain/wording/check-text.ts';
import { factQuestion, UNIT_LABELS } from '../domain/wording/fact-text.ts';
import type { ValidationSummary } from '../domain/validate-extraction.ts';
import type { FactName, ReplyTarget } from '../contracts/workflow.ts';
import type { Locale } from '../contracts/locale.ts';
import { posterFor } from './chat-posters.ts';
import type { ActivityDeps } from './deps.ts';
import type { ExtractionResult } from './extract-statement.ts';

const UNIT_ACTIONS = [ACTIONS.unitTl, ACTIONS.unitThousands, ACTIONS.unitMillions] as const;

/**
 * Asks once, in the thread, about the document facts the reader is unsure of (a unit no line
 * declares or the figures question, a company taken from the first line, an assumed currency)
 * and returns which were asked: the workflow then waits for the answer as a `review` signal.
 * Nothing is asked where nobody would see it (no reply target). The unit buttons carry the
 * document's short reference, like the review button (Telegram's 64-byte callback data).
 */
export function createRequestFacts(deps: ActivityDeps) {
  return async function requestFacts(input: { reply: ReplyTarget; key: string; workflowId: string; locale: Locale; extraction: ExtractionResult; validation: ValidationSummary; timeoutMinutes: number }): Promise<FactName[]> {
    const { statement } = input.extraction;
    const facts = unsureFacts(statement.facts, input.validation.checks);
    if (!facts.length || input.reply.channel === 'none') return [];
    const poster = posterFor(deps, input.reply);
    const sha256 = await shaOfWorkflow(deps.db, input.workflowId);
    const reasons = input.validation.checks.filter((c) => !c.ok && isUnitCheck(c.id)).map((c) => checkText(c, input.locale));
    const read = { company: { name: statement.companyName, taxId: statement.taxId }, unit: statement.unit, currency: statement.currency };
    const labels = UNIT_LABELS[input.locale];
    const buttons = sha256 && facts.includes('unit') ? UNIT_ACTIONS.map((actionId, i) => ({ actionId, label: labels[i]!, value: documentRef(sha256) })) : [];
    await deliverOnce(deps.db, `facts:${input.key}`, null, () =>
      poster.post(input.reply, { ...factQuestion(read, facts, [...new Set(reasons)], input.locale, input.timeoutMinutes), ...(buttons.length ? { buttons } : {}) }),
    );
    return facts;
  };
}
