import type { Analysis, ValidationCheck } from '../contracts/analysis.ts';
import type { FactAnswer, FactName } from '../contracts/workflow.ts';
import type { ExtractedStatement, FactSources } from './extracted-statement.ts';
import { unitScale } from './number-format.ts';
import { isUnitCheck } from './unit-plausibility.ts';

/**
 * The document facts (unit, company, currency) as the outputs state them: what the reader
 * read, doubted by the checks, or answered by the user. An unsure fact is asked in the chat
 * when someone can answer, and marked in every output otherwise; never guessed silently.
 */

/** Facts a user can be asked about, in the order a question lists them. */
export const ASKED_FACTS: readonly FactName[] = ['unit', 'company', 'currency'];

/**
 * The facts with a failed unit check taken into account: a scale the figures question is
 * unsure however plainly a line printed it. The user's own answer stays sure (the check still
 * shows in the validation table).
 */
export function settleFacts(facts: FactSources | undefined, checks: readonly ValidationCheck[]): FactSources | undefined {
  if (!facts) return facts;
  const questioned = checks.some((c) => !c.ok && isUnitCheck(c.id));
  if (!questioned || facts.unit.source === 'user') return facts;
  return { ...facts, unit: { ...facts.unit, sure: false } };
}

/** The facts to ask about (none: every fact is sure, or was answered). */
export function unsureFacts(facts: FactSources | undefined, checks: readonly ValidationCheck[]): FactName[] {
  const settled = settleFacts(facts, checks);
  return settled ? ASKED_FACTS.filter((f) => !settled[f].sure) : [];
}

/** Thrown when a rescaled amount would leave the exact integer range: nothing is changed. */
export class FactAnswerError extends Error {
  readonly code = 'fact_answer_out_of_range';
}

/**
 * Multiplies kuruş by `num / den` exactly (BigInt), refusing a result that is not an integer
 * or not a safe one: the scale moves whole printed figures, so a remainder means the figure
 * was not printed in the unit being undone.
 */
function rescale(kurus: number, num: number, den: number): number {
  const big = BigInt(kurus) * BigInt(num);
  const out = big / BigInt(den);
  if (out * BigInt(den) !== big || !Number.isSafeInteger(Number(out))) throw new FactAnswerError(`amount ${kurus} cannot be rescaled by ${num}/${den}`);
  return Number(out);
}

/**
 * The statement with the user's answer applied: a unit rescales every amount from the scale
 * it was read with (integer kuruş, exact), a company or currency replaces the read one. The
 * fact is then sure, with the user as its source.
 */
export function applyFactAnswer(statement: ExtractedStatement, answer: FactAnswer): ExtractedStatement {
  const user = { sure: true, source: 'user' as const, text: answer.value };
  const facts: FactSources = { ...(statement.facts ?? { company: { sure: false }, taxId: { sure: false }, unit: { sure: false }, currency: { sure: false } }), [answer.fact]: user };
  if (answer.fact === 'company') return { ...statement, companyName: answer.value, facts };
  if (answer.fact === 'currency') return { ...statement, currency: answer.value, facts };
  const from = unitScale(statement.unit);
  const to = unitScale(answer.value);
  const move = (values: Record<string, number>) => Object.fromEntries(Object.entries(values).map(([p, v]) => [p, rescale(v, to, from)]));
  const lines = statement.lines.map((l) => ({ ...l, values: move(l.values), ...(l.variantValues ? { variantValues: move(l.variantValues) } : {}) }));
  return { ...statement, unit: answer.value, lines, facts };
}

/** The answers a user already gave for an analysis (facts whose source is the user), to carry into a re-run. */
export function userAnswersOf(a: Pick<Analysis, 'facts' | 'unit' | 'company' | 'currency'>): FactAnswer[] {
  const out: FactAnswer[] = [];
  if (a.facts?.unit?.source === 'user') out.push({ fact: 'unit', value: a.unit });
  if (a.facts?.company?.source === 'user' && a.company.name) out.push({ fact: 'company', value: a.company.name });
  if (a.facts?.currency?.source === 'user') out.push({ fact: 'currency', value: a.currency });
  return out;
}
