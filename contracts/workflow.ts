import type { Duration } from '@temporalio/common';
import { z } from 'zod';
import { Locale } from './locale.ts';

/**
 * What crosses the workflow boundary. Only references and small summaries: file bytes stay
 * in storage (Temporal payloads are capped at 2 MB and every payload is kept in history).
 */
export interface WorkspaceRef {
  kind: 'slack' | 'telegram' | 'local';
  externalId: string;
  name?: string | null;
}

/**
 * Where replies go: a Slack thread, a Telegram chat, or nowhere (CLI, local chat read results
 * themselves). Also stored as JSON on digest subscriptions, and parsed when read back.
 */
export const ReplyTarget = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('slack'), channelId: z.string(), threadTs: z.string().optional() }),
  z.object({ channel: z.literal('telegram'), chatId: z.string(), replyToMessageId: z.number().optional() }),
  z.object({ channel: z.literal('none') }),
]);
export type ReplyTarget = z.infer<typeof ReplyTarget>;

/** Where the upload is: already in storage, or still on the chat platform (downloaded by an activity). */
export const FileSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stored'), storageKey: z.string() }),
  z.object({ kind: z.literal('slack'), fileId: z.string(), url: z.string().url(), size: z.number().optional() }),
  z.object({ kind: z.literal('telegram'), fileId: z.string(), size: z.number().optional() }),
]);
export type FileSource = z.infer<typeof FileSource>;

export interface AnalyzeStatementInput {
  workspace: WorkspaceRef;
  /** Channel identity of the uploader (Slack user id, Telegram user id, local user name). */
  userExternalId?: string | null;
  fileName: string;
  /** Where the uploaded bytes already are (the CLI put them there). Same as source {kind:'stored'}. */
  sourceKey?: string;
  source?: FileSource;
  reply?: ReplyTarget;
  /** Chat thread the document belongs to, so follow-up questions find it. */
  threadKey?: string | null;
  locale?: Locale;
  /** Minutes to wait for a user to confirm values when validation fails (0 = do not ask). */
  reviewTimeoutMinutes?: number;
  /**
   * Facts the user stated after an earlier run of the same document (bot/core/fact-rerun.ts),
   * applied right after reading; nothing about them is asked again.
   */
  facts?: FactAnswer[];
  /**
   * Heartbeat timeout of the reading (extract) activity, e.g. '10 seconds'; default 60 s.
   * Only tests set it, so a killed worker is noticed in seconds (tests/integration/fault-tolerance.test.ts).
   */
  readingHeartbeatTimeout?: Duration;
}

export type Stage = 'received' | 'reading' | 'checking' | 'awaiting_review' | 'analyzing' | 'rendering' | 'done' | 'failed';

export interface WorkflowStatus {
  stage: Stage;
  documentId: number | null;
  /** Failed checks the user is asked about while stage is awaiting_review. */
  review: { id: string; period?: string; expected?: number; actual?: number; message?: string }[];
  /** Document facts the user is asked about while stage is awaiting_review (unit, company, currency). */
  facts?: FactName[];
  errorCode: string | null;
}

/**
 * A document fact the user states in the chat (bot/core/fact-command.ts parses the typed and
 * pressed forms): the unit the amounts are printed in, the company's name, the currency.
 */
export const FactAnswer = z.discriminatedUnion('fact', [
  z.object({ fact: z.literal('unit'), value: z.enum(['TL', 'Bin TL', 'Milyon TL']) }),
  z.object({ fact: z.literal('company'), value: z.string().trim().min(2).max(200) }),
  z.object({ fact: z.literal('currency'), value: z.string().regex(/^[A-Z]{3}$/) }),
]);
export type FactAnswer = z.infer<typeof FactAnswer>;
export type FactName = FactAnswer['fact'];

/** The user's answer to a review request or to a question about a document fact (the `review` signal). */
export const ReviewDecision = z.discriminatedUnion('action', [
  z.object({ action: z.literal('confirm') }),
  z.object({ action: z.literal('correct'), corrections: z.array(z.object({ key: z.string(), period: z.string(), value: z.number() })) }),
  z.object({ action: z.literal('fact'), answer: FactAnswer }),
]);
export type ReviewDecision = z.infer<typeof ReviewDecision>;

export interface IntakeResult {
  documentId: number;
  workspaceId: number;
  sha256: string;
  storageKey: string;
  pages: number;
  sizeBytes: number;
}

export interface AnalyzeStatementResult {
  documentId: number;
  status: 'done';
  method: string;
  pages: number;
  validationStatus: 'ok' | 'warnings' | 'failed';
  exports: { format: string; storageKey: string }[];
  timings: Record<string, number>;
}

/** What one digest run did: posted, or stayed quiet because an alerts-only run found nothing new. */
export interface DigestRunResult {
  posted: boolean;
  nothingNew?: boolean;
}
