import { condition } from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';
import type { Locale } from '../contracts/locale.ts';
import type { FactAnswer, ReplyTarget, ReviewDecision, Stage, WorkflowStatus } from '../contracts/workflow.ts';

type Checked = Awaited<ReturnType<Activities['applyCorrections']>>;

/** What the asking steps share with the workflow that runs them. */
export interface AskContext {
  /** Activity proxies, with the workflow's timeouts and retries. */
  quick: Activities;
  chat: Activities;
  reply: ReplyTarget;
  key: string;
  locale: Locale;
  /** Minutes to wait for an answer; 0: nobody can answer, nothing is asked. */
  minutes: number;
  status: WorkflowStatus;
  stage: (s: Stage) => Promise<void>;
  /** Answers the `review` signal brought, in order of arrival; each step takes its own kind. */
  inbox: ReviewDecision[];
}

const isFact = (d: ReviewDecision): d is Extract<ReviewDecision, { action: 'fact' }> => d.action === 'fact';
const isReview = (d: ReviewDecision): d is Exclude<ReviewDecision, { action: 'fact' }> => d.action !== 'fact';

/** Removes and returns the inbox's answers that `test` accepts. */
function take<T extends ReviewDecision>(inbox: ReviewDecision[], test: (d: ReviewDecision) => d is T): T[] {
  const taken = inbox.filter(test);
  inbox.splice(0, inbox.length, ...inbox.filter((d) => !test(d)));
  return taken;
}

/**
 * The human in the loop, after the checks: numbers that do not tie are put to the user
 * (confirm or correct), then document facts the reader is unsure of (unit, company,
 * currency). Each is asked once and waited for up to `minutes`; without an answer the
 * analysis goes on as read, and what stayed unsure is marked in every output.
 */
export async function askUser(c: AskContext, read: Checked): Promise<Checked> {
  // Facts stated before the run (a re-run after a correction) apply before anything is asked.
  const preset = take(c.inbox, isFact).map((d) => d.answer);
  const checked = preset.length ? await c.quick.applyFactAnswers({ extraction: read.extraction, answers: preset }) : read;
  const reviewed = c.minutes > 0 && checked.validation.status === 'failed' ? await reviewChecks(c, checked) : checked;
  return askFacts(c, reviewed);
}

/** Asks about the values that do not tie, then recomputes with the user's corrections. */
async function reviewChecks(c: AskContext, checked: Checked): Promise<Checked> {
  c.status.review = checked.validation.checks.filter((x) => !x.ok);
  await c.stage('awaiting_review');
  await c.chat.requestReview({ reply: c.reply, key: c.key, workflowId: c.key, locale: c.locale, checks: c.status.review, timeoutMinutes: c.minutes });
  await condition(() => c.inbox.some(isReview), `${c.minutes} minutes`);
  const [decision] = take(c.inbox, isReview);
  c.status.review = [];
  return decision?.action === 'correct' ? c.quick.applyCorrections({ extraction: checked.extraction, corrections: decision.corrections }) : checked;
}

/**
 * Asks about unsure document facts (the activity decides which, and whether anyone can see
 * it), then applies the answers.
 */
async function askFacts(c: AskContext, checked: Checked): Promise<Checked> {
  // A second press of a review's button must not stand for an answer to this question.
  take(c.inbox, isReview);
  // An answer that came early (typed while reading, a unit button pressed during the review)
  // needs no question; the bot signals facts from upload to this step (review-command.ts), and
  // one that arrives while the question is being posted is found below all the same.
  if (!c.inbox.some(isFact) && c.minutes > 0) {
    const asked = await c.chat.requestFacts({ reply: c.reply, key: c.key, workflowId: c.key, locale: c.locale, extraction: checked.extraction, validation: checked.validation, timeoutMinutes: c.minutes });
    if (asked.length) {
      c.status.facts = asked;
      await c.stage('awaiting_review');
      // "onayla" while a fact is asked keeps the facts as read (still marked unsure).
      await condition(() => c.inbox.some((d) => isFact(d) || d.action === 'confirm'), `${c.minutes} minutes`);
      c.status.facts = [];
    }
  }
  const answers: FactAnswer[] = take(c.inbox, isFact).map((d) => d.answer);
  return answers.length ? c.quick.applyFactAnswers({ extraction: checked.extraction, answers }) : checked;
}
