import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { documentByRef, documentInScope } from '../../db/queries/chat-scope.ts';
import { rerunSource } from '../../db/queries/documents.ts';
import type { Database } from '../../db/schema.ts';
import type { Incoming } from '../../contracts/incoming.ts';
import type { Locale } from '../../contracts/locale.ts';
import type { FactAnswer } from '../../contracts/workflow.ts';
import { userAnswersOf } from '../../domain/facts.ts';
import { factAnswerAck } from '../../domain/wording/fact-text.ts';
import type { FileStorage } from '../../lib/storage.ts';
import { startAnalysisWorkflow } from './start-analysis.ts';

/** Separates a re-run's workflow id from the upload's business key it extends. */
const RERUN = '--fact-';

/**
 * A fact correction typed (or pressed) after the document's result was posted: the analysis
 * runs again from the stored file with the user's answers (earlier ones carried along), and
 * the corrected summary comes to the thread. The workflow id is the upload's business key plus
 * the answers, so a repeated press joins or keeps that run instead of starting another; the
 * new analysis replaces the old in one transaction (persistAnalysis), the file is untouched.
 * Null when the thread has no finished document (the caller says nothing is waiting).
 */
export async function rerunWithFact(
  deps: { client: Client; db: Kysely<Database>; storage: FileStorage; taskQueue: string },
  msg: Incoming,
  at: { workspaceId: number; locale: Locale; reviewMinutes: number },
  answer: FactAnswer,
): Promise<string | null> {
  const doc = msg.documentRef
    ? await documentByRef(deps.db, at.workspaceId, msg.documentRef)
    : await documentInScope(deps.db, { workspaceId: at.workspaceId, threadKey: msg.threadKey, channel: msg.threadKey });
  const source = doc ? await rerunSource(deps.db, doc.id) : undefined;
  if (!doc || !source?.workflowId) return null;
  if (!(await deps.storage.exists(source.storageKey))) return factAnswerAck(answer, 'file_gone', at.locale);
  const answers = [...userAnswersOf(doc.analysis).filter((a) => a.fact !== answer.fact), answer];
  const digest = createHash('sha256').update(JSON.stringify(answers)).digest('hex').slice(0, 12);
  const workflowId = `${source.workflowId.split(RERUN)[0]}${RERUN}${digest}`;
  const started = await startAnalysisWorkflow(
    { client: deps.client, taskQueue: deps.taskQueue },
    {
      workspace: msg.workspace, userExternalId: msg.userId, fileName: doc.fileName, sourceKey: source.storageKey,
      reply: msg.reply, threadKey: msg.threadKey, locale: at.locale, facts: answers,
      // Nobody watches a re-run from the terminal for a review: it must not wait for one there.
      reviewTimeoutMinutes: msg.reply.channel === 'none' ? 0 : at.reviewMinutes,
    },
    { workflowId, whenFinished: 'keep' },
  );
  return factAnswerAck(answer, !started ? 'already' : msg.reply.channel === 'none' ? 'rerun_unposted' : 'rerun', at.locale);
}
