import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { claimEvent, recentActivity, recordQuestion, recordUpload, uploadSeen, workflowForThread } from '../../db/queries/conversations.ts';
import { documentByRef, documentIdOfWorkflow, type ChatScope } from '../../db/queries/chat-scope.ts';
import { ensureUser, ensureWorkspace, setUserLocale, userLocale as localeOfUser, workspaceTimezone } from '../../db/queries/workspaces.ts';
import { activeWorkflowByRef } from '../../db/queries/documents.ts';
import { storedExtras } from '../../db/queries/history.ts';
import type { Database } from '../../db/schema.ts';
import { ACTIONS, DOCUMENT_REF, inert, type ActionId, type ChatFile, type OutgoingMessage } from '../../contracts/outgoing.ts';
import type { Config } from '../../lib/config.ts';
import { bundledPriceIndices } from '../../db/price-indices.ts';
import type { FileStorage } from '../../lib/storage.ts';
import { llmFallbacks, questionsAnswered } from '../../lib/metrics.ts';
import { logger } from '../../lib/logger.ts';
import { userMessage } from '../../lib/user-errors.ts';
import type { AnalyzeStatementInput, ReviewDecision, WorkflowStatus } from '../../contracts/workflow.ts';
import { hasAnalysis, view } from '../../domain/answers/answer-writer.ts';
import { periodLabel } from '../../domain/wording/summary-text.ts';
import { attachmentFiles } from './attachments.ts';
import { contextLine } from '../../domain/answers/answers-owner.ts';
import { understand, withFollowUp } from './follow-up.ts';
import { parseIntent, type ParsedIntent } from '../../domain/questions/intents.ts';
import { questionContext, ThreadStates } from './question-context.ts';
import { answererFor, type QuestionAnswerer } from './llm-answerer.ts';
import { Incoming, IncomingAction } from '../../contracts/incoming.ts';
import { analysisWorkflowId, startAnalysisWorkflow } from './start-analysis.ts';
import { parseSectorCommand, type SectorCommand } from '../../domain/questions/sector-command.ts';
import { handleSectorCommand } from './sector-service.ts';
import { companyButtons } from './company-match.ts';
import { parseReviewCommand, takesAnswer } from './review-command.ts';
import { parseFactCommand } from './fact-command.ts';
import { rerunWithFact } from './fact-rerun.ts';
import { reviewAck } from '../../domain/wording/review-message.ts';
import { DigestService } from './digest-service.ts';
import type { Locale } from '../../contracts/locale.ts';

export interface CoreReply {
  message: OutgoingMessage;
  files?: ChatFile[];
}

export interface ConversationDeps {
  client: Client;
  db: Kysely<Database>;
  storage: FileStorage;
  config: Config;
}

const t = (locale: Locale, tr: string, en: string) => (locale === 'tr' ? tr : en);

/** Who a message is from, once known in the database. */
interface Who { workspaceId: number; userId: number }

/** What a button press means: exactly the text a user could type for the same thing. */
const ACTION_TEXT: Record<ActionId, string> = {
  [ACTIONS.reviewConfirm]: 'onayla',
  [ACTIONS.exportXlsx]: '/export excel',
  [ACTIONS.exportPdf]: '/export pdf',
  [ACTIONS.langEn]: '/lang en',
  [ACTIONS.langTr]: '/lang tr',
  // Replaced by the question that waited for the choice, or the sector command (see handleAction).
  [ACTIONS.pickCompany]: '',
  [ACTIONS.pickSector]: '',
  [ACTIONS.unitTl]: 'birim TL',
  [ACTIONS.unitThousands]: 'birim bin TL',
  [ACTIONS.unitMillions]: 'birim milyon TL',
};

/**
 * The channel-independent brain: turns a message, file or command into an intent, starts or
 * signals Temporal workflows, and answers from stored data. Adapters only translate their
 * platform's events into `Incoming` and render the replies.
 */
export class ConversationCore {
  private readonly digests: DigestService;
  private readonly answerer: QuestionAnswerer;
  private readonly threads: ThreadStates;
  constructor(private readonly deps: ConversationDeps) {
    this.threads = new ThreadStates(deps.db);
    this.digests = new DigestService(deps);
    this.answerer = answererFor(deps.config);
  }

  workflowIdFor(msg: Incoming): string {
    // The business key: the same file in the same workspace is one analysis, however often delivered.
    return analysisWorkflowId(msg.workspace, msg.file!.uniqueId);
  }

  async handle(raw: Incoming): Promise<CoreReply[]> {
    // The adapters' edge: whatever a platform sent is checked against the contract once, here.
    const msg = Incoming.parse(raw);
    const { db, config } = this.deps;
    const workspaceId = await ensureWorkspace(db, msg.workspace.kind, msg.workspace.externalId, msg.workspace.name);
    const userId = await ensureUser(db, workspaceId, msg.userId);
    const who: Who = { workspaceId, userId };
    const userLocale: Locale = await localeOfUser(db, userId);
    // The user's language: the message's own when it has one, else the one they chose (an
    // upload or "/export pdf" carries no language signal).
    const textIntent = msg.text ? understand(msg.text) : undefined;
    const guessed = msg.locale ?? (textIntent && textIntent.localeDetected !== false ? textIntent.locale : userLocale);

    const activity = await recentActivity(db, workspaceId, userId);
    if (activity.messages + activity.uploads >= config.RATE_LIMIT_MESSAGES_PER_HOUR) {
      return [{ message: { text: t(guessed, 'Saatlik istek sınırına ulaştınız; lütfen biraz sonra tekrar deneyin.', 'You have reached the hourly request limit; please try again a little later.') } }];
    }

    if (msg.file) return this.handleUpload(msg, who, guessed, activity.uploads);
    const text = (msg.text ?? '').trim();
    if (!text) return [];
    if (msg.eventId && !(await claimEvent(db, workspaceId, msg.eventId))) return [];

    const review = parseReviewCommand(text) ?? parseFactCommand(text);
    if (review) return this.handleReview(msg, who, text, review, guessed);
    const sector = parseSectorCommand(text);
    if (sector) return [{ message: { text: await handleSectorCommand(db, { who, msg, text, command: sector, locale: guessed, scope: this.scopeOf(workspaceId, msg), threads: this.threads }) } }];
    return this.handleQuestion(msg, who, text, textIntent!, userLocale);
  }

  /** An upload: a redelivery joins its workflow; a new one is counted, checked and started. */
  private async handleUpload(msg: Incoming, who: Who, guessed: Locale, uploads: number): Promise<CoreReply[]> {
    const { db, config } = this.deps;
    const { workspaceId, userId } = who;
    const file = msg.file!;
    // A redelivered or re-shared file is the same upload: it joins its workflow, uncounted.
    const scope = this.scopeOf(workspaceId, msg);
    if (await uploadSeen(db, workspaceId, this.workflowIdFor(msg))) {
      // A re-upload selects that statement again for the questions that follow.
      const documentId = await documentIdOfWorkflow(db, workspaceId, this.workflowIdFor(msg));
      for (const key of this.conversationKeys(scope, msg)) await this.threads.set(workspaceId, key, { documentId, companyId: undefined, lastIntent: undefined });
      await this.startAnalysis(msg, guessed);
      return [];
    }
    if (uploads >= config.RATE_LIMIT_UPLOADS_PER_HOUR) {
      return [{ message: { text: t(guessed, `Saatlik dosya sınırına (${config.RATE_LIMIT_UPLOADS_PER_HOUR}) ulaştınız.`, `You have reached the hourly upload limit (${config.RATE_LIMIT_UPLOADS_PER_HOUR}).`) } }];
    }
    const looksPdf = file.mimetype === 'application/pdf' || /\.pdf$/i.test(file.name);
    if (!looksPdf) return [{ message: { text: `❌ ${file.name}: ${userMessage('not_pdf', guessed)}` } }];
    await recordUpload(db, workspaceId, userId, this.workflowIdFor(msg));
    // A new statement: questions move on to it (the newest in the thread and channel).
    for (const key of this.conversationKeys(scope, msg)) await this.threads.set(workspaceId, key, { documentId: undefined, companyId: undefined, lastIntent: undefined });
    await this.startAnalysis(msg, guessed);
    return [];
  }

  /**
   * "onayla" / "düzelt …" / "birim bin TL": signals the workflow waiting for an answer; a fact
   * stated after the result re-runs that analysis with it (fact-rerun.ts); else says none waits.
   */
  private async handleReview(msg: Incoming, who: Who, text: string, review: ReviewDecision, guessed: Locale): Promise<CoreReply[]> {
    const { db } = this.deps;
    const { workspaceId, userId } = who;
    // A button names its document; typed text means the statement waiting in this thread.
    const workflowId = msg.documentRef
      ? await activeWorkflowByRef(db, workspaceId, msg.documentRef)
      : await workflowForThread(db, workspaceId, msg.threadKey);
    const waiting = workflowId ? await takesAnswer(this.deps.client, workflowId, review) : false;
    if (waiting) await this.deps.client.workflow.getHandle(workflowId!).signal('review', review);
    const rerun = !waiting && !workflowId && review.action === 'fact'
      ? await rerunWithFact({ ...this.deps, taskQueue: this.deps.config.TEMPORAL_TASK_QUEUE }, msg, { workspaceId, locale: guessed, reviewMinutes: this.reviewMinutes(msg) }, review.answer)
      : null;
    // Always answered: "onayla" with nothing waiting says so rather than going unanswered.
    const reply = rerun ?? reviewAck(review, waiting ? 'waiting' : workflowId || msg.documentRef ? 'not_waiting' : 'none_waiting', guessed);
    // The answer to a review is kept like any question (who confirmed or corrected what).
    questionsAnswered.inc({ intent: 'review' });
    await recordQuestion(db, { workspaceId, userId, documentId: null, companyId: null, question: text, answer: reply, intent: 'review', durationMs: 0, eventId: msg.eventId });
    return [{ message: { text: reply } }];
  }

  /** A question or command about the statements in this conversation. */
  private async handleQuestion(msg: Incoming, who: Who, text: string, parsed: ParsedIntent, userLocale: Locale): Promise<CoreReply[]> {
    const { db } = this.deps;
    const { workspaceId, userId } = who;
    const started = Date.now();
    const scope = this.scopeOf(workspaceId, msg);
    const stateKey = `${workspaceId}:${msg.conversationKey ?? msg.threadKey}`;
    const state = await this.threads.get(workspaceId, stateKey);
    // A short follow-up ("peki 2023'te?", "neden?") continues the thread's last subject.
    const intent = withFollowUp(text, parsed.intent, state.lastIntent);
    // Text without a language signal ("ROE", "/export pdf") is answered in the user's language.
    const locale: Locale = msg.locale ?? (parsed.localeDetected === false ? userLocale : parsed.locale);
    const record = async (answer: string, documentId: number | null, companyId: number | null) => {
      questionsAnswered.inc({ intent: intent.kind });
      await recordQuestion(db, { workspaceId, userId, documentId, companyId, question: text, answer, intent: intent.kind, durationMs: Date.now() - started, eventId: msg.eventId });
    };
    if (intent.kind === 'language') {
      await setUserLocale(db, userId, intent.locale);
    }
    if (intent.kind === 'digest') {
      const timezone = await workspaceTimezone(db, workspaceId);
      // Digests go to the channel itself, not into a thread.
      const target = msg.reply.channel === 'slack' ? { channel: 'slack' as const, channelId: msg.reply.channelId } : msg.reply;
      const reply = await this.digests.handle(intent.args, { workspaceId, userId, timezone, actor: `${msg.channel}:${msg.userId}`, target, locale, ...(msg.companyId ? { companyId: msg.companyId } : {}) });
      await record(reply.text, null, null);
      if (!reply.companies) return [{ message: { text: reply.text } }];
      // Like an ambiguous question: the command waits for the company button in this thread.
      await this.threads.set(workspaceId, `${workspaceId}:pending:${msg.threadKey}`, { pending: text });
      return [{ message: { text: reply.text, buttons: companyButtons(reply.companies) } }];
    }
    const needsNoDocument = intent.kind === 'help' || intent.kind === 'language' || intent.kind === 'unknown';
    // A button on a summary acts on that statement; text on the one the question is about.
    const byRef = msg.documentRef ? await documentByRef(db, workspaceId, msg.documentRef) : undefined;
    const context = byRef ? { kind: 'document' as const, doc: byRef, history: [] } : needsNoDocument ? { kind: 'none' as const } : await questionContext(db, scope, text, state, msg.companyId);
    if (context.kind === 'ambiguous') {
      const names = context.companies.map((c) => `• ${inert(c.name)}`).join('\n');
      const reply = t(locale, `Birden fazla şirket bu adla eşleşiyor; hangisini kastediyorsunuz?\n${names}\nBir düğmeye basın ya da şirketin tam adıyla tekrar sorun.`, `More than one company matches that name; which one do you mean?\n${names}\nPress a button, or ask again with the company's full name.`);
      // The question waits for the choice in this thread; a button carries only the company id.
      await this.threads.set(workspaceId, `${workspaceId}:pending:${msg.threadKey}`, { pending: text });
      await record(reply, null, null);
      return [{ message: { text: reply, buttons: companyButtons(context.companies) } }];
    }
    if (context.kind === 'none' && !needsNoDocument && intent.kind !== 'definition') {
      const reply = t(locale, 'Bu sohbette henüz analiz edilmiş bir tablo yok. Bir bilanço veya gelir tablosu PDF’i gönderin.', 'There is no analysed statement in this conversation yet. Send a balance sheet or income statement PDF.');
      await record(reply, null, null);
      return [{ message: { text: reply } }];
    }
    const doc = context.kind === 'document' ? context.doc : undefined;
    const history = context.kind === 'document' ? context.history.map((d) => d.analysis) : [];
    // Answered from stored data (by the LLM through tool calls when configured, which falls back
    // to the same deterministic answers), headed by the company and period it is about.
    // A reading the text alone does not give (a follow-up completed, a typo corrected) is
    // passed on, and answered deterministically: a model would see only "peki 2023'te?".
    const own = JSON.stringify(parseIntent(text).intent) === JSON.stringify(intent);
    // Real change in answers uses the index the analysis was measured with (else the configured one).
    const indexId = doc?.analysis.realChange?.index ?? this.deps.config.PRICE_INDEX;
    const priceIndex = (await bundledPriceIndices())[indexId];
    const benchmarks = doc ? (await storedExtras(db, doc.id))?.benchmarks ?? null : null;
    const ctx = { ...(doc ? { analysis: doc.analysis } : {}), locale, history, question: text, priceIndex, benchmarks, ...(own ? {} : { intent }) };
    const answer = await this.answerer.answer(text, ctx);
    if (answer.source === 'fallback') {
      // The user still gets the deterministic answer; an outage or a rejected answer is seen here.
      llmFallbacks.inc({ reason: answer.fallbackReason ?? 'unknown' });
      logger.warn({ reason: answer.fallbackReason, err: answer.fallbackCause, unsupported: answer.unsupported }, 'LLM answer replaced by the deterministic one');
    }
    const head = doc && hasAnalysis(ctx) && !needsNoDocument ? contextLine(intent, view(ctx), doc.companyName ?? doc.analysis.company.name, locale, (p) => periodLabel(p, view(ctx).periods)) : '';
    const reply = head ? `${head}\n${answer.text}` : answer.text;
    const files = doc && answer.attachment ? await attachmentFiles(this.deps, doc, answer.attachment) : [];
    if (!needsNoDocument) await this.threads.set(workspaceId, stateKey, { lastIntent: intent, ...(doc ? { companyId: doc.companyId ?? undefined, documentId: doc.id } : {}) });
    await record(reply, doc?.id ?? null, doc?.companyId ?? null);
    return [{ message: { text: reply }, files }];
  }

  /** The statements a message may read: its thread, then its channel. */
  private scopeOf(workspaceId: number, msg: Incoming): ChatScope {
    return { workspaceId, threadKey: msg.threadKey, channel: msg.scope ?? msg.threadKey };
  }

  /** Conversations an upload moves on: its thread and its channel. */
  private conversationKeys(scope: ChatScope, msg: Incoming): string[] {
    return [...new Set([msg.conversationKey ?? msg.threadKey, msg.threadKey, scope.channel])].map((k) => `${scope.workspaceId}:${k}`);
  }

  /**
   * A button press, handled exactly like the text it stands for ("onayla", "/export pdf",
   * "/lang en"), in the presser's language, acting on the document the button belongs to.
   * The value is only trusted as a reference inside the presser's own workspace; a value that
   * is not a reference (a confirm button posted before references, which carried a possibly
   * cut workflow id) falls back to the statement waiting in the same thread or chat.
   */
  async handleAction(raw: IncomingAction): Promise<CoreReply[]> {
    const a = IncomingAction.parse(raw);
    const { action, value, ...base } = a;
    const workspaceId = await ensureWorkspace(this.deps.db, base.workspace.kind, base.workspace.externalId, base.workspace.name);
    const userId = await ensureUser(this.deps.db, workspaceId, base.userId);
    const locale = await localeOfUser(this.deps.db, userId);
    if (action === ACTIONS.pickCompany) {
      const { pending } = await this.threads.get(workspaceId, `${workspaceId}:pending:${base.threadKey}`);
      if (!pending || !value || !/^\d{1,9}$/.test(value)) return [{ message: { text: t(locale, 'Bu soru artık beklemiyor; lütfen yeniden sorun.', 'That question is no longer waiting; please ask again.') } }];
      return this.handle({ ...base, text: pending, locale, companyId: Number(value) });
    }
    const sector = action === ACTIONS.pickSector ? /^(\d{1,9}):([\w.-]{1,20})$/.exec(value ?? '') : null;
    if (sector) return this.handle({ ...base, text: `sektör ${sector[2]}`, locale, companyId: Number(sector[1]) });
    const documentRef = value && DOCUMENT_REF.test(value) ? value : undefined;
    return this.handle({ ...base, text: ACTION_TEXT[action], locale, ...(documentRef ? { documentRef } : {}) });
  }

  /** Someone can answer a review in a chat or the terminal; nobody can where replies go nowhere. */
  private reviewMinutes(msg: Incoming): number {
    return msg.reply.channel === 'none' && msg.channel !== 'local' ? 0 : this.deps.config.REVIEW_TIMEOUT_MINUTES;
  }

  private async startAnalysis(msg: Incoming, locale: Locale): Promise<string> {
    const file = msg.file!;
    const input: AnalyzeStatementInput = {
      workspace: msg.workspace, userExternalId: msg.userId, fileName: file.name, source: file.source,
      reply: msg.reply, threadKey: msg.threadKey, locale,
      reviewTimeoutMinutes: this.reviewMinutes(msg),
    };
    const workflowId = this.workflowIdFor(msg);
    // A redelivered upload joins the running workflow; a finished one is not re-run.
    await startAnalysisWorkflow({ client: this.deps.client, taskQueue: this.deps.config.TEMPORAL_TASK_QUEUE }, input, { workflowId, whenFinished: 'keep' });
    return workflowId;
  }
}
