import os from 'node:os';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import type { Client, WorkflowFailedError } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { loadAnalysis } from '../../db/queries/analysis.ts';
import { renderPlain } from '../../contracts/outgoing.ts';
import { reviewMessage } from '../../domain/wording/review-message.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { resultMessage } from '../../domain/wording/chat-summary.ts';
import { failureCode } from '../../lib/failure-code.ts';
import type { Database } from '../../db/schema.ts';
import type { Config } from '../../lib/config.ts';
import type { FileStorage } from '../../lib/storage.ts';
import { userMessage } from '../../lib/user-errors.ts';
import type { AnalyzeStatementResult, WorkflowStatus } from '../../contracts/workflow.ts';
import type { ConversationCore, CoreReply } from '../core/conversation.ts';
import type { Incoming } from '../../contracts/incoming.ts';
import type { Locale } from '../../contracts/locale.ts';

/**
 * The conversation core in a terminal: `/file path.pdf`, then questions and commands. Reads a
 * terminal or piped stdin, one message per line, each handled to the end before the next, so
 * it can be scripted.
 */
/** What the local chat uses of the app's runtime (app/runtime.ts builds it; the bot never imports app/). */
export interface LocalChatRuntime {
  config: Config;
  db: Kysely<Database>;
  storage: FileStorage;
  client: Client;
}

export async function runLocalChat(rt: LocalChatRuntime, core: ConversationCore, io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; outDir: string }) {
  const say = (s: string) => io.output.write(`${s}\n`);
  const user = os.userInfo().username;
  const base = { channel: 'local' as const, workspace: { kind: 'local' as const, externalId: 'chat', name: 'Local chat' }, userId: user, threadKey: 'local-chat', scope: 'local-chat', reply: { channel: 'none' as const } };
  let locale: Locale = 'tr';

  const show = async (replies: CoreReply[]) => {
    for (const r of replies) {
      say(renderPlain(r.message));
      for (const f of r.files ?? []) {
        await mkdir(io.outDir, { recursive: true });
        const file = path.join(io.outDir, f.name);
        await writeFile(file, f.bytes);
        say(`  → ${file}`);
      }
    }
  };

  say('Smart Lodge Budget — /file <pdf> ile bir tablo gönderin, sonra soru sorun. (/help, /quit)');
  const rl = readline.createInterface({ input: io.input, terminal: false });
  // One reader for the whole session: a review question mid-analysis takes the next line.
  const lines = rl[Symbol.asyncIterator]();
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const raw = next.value;
    const line = raw.trim();
    if (!line) continue;
    if (line === '/quit' || line === '/exit') break;
    const file = /^\/file\s+(.+)$/.exec(line);
    if (!file) {
      await show(await core.handle({ ...base, text: line }));
      continue;
    }
    const filePath = file[1]!.replace(/^["']|["']$/g, '');
    const bytes = await readFile(filePath).catch(() => null);
    if (!bytes) {
      say(locale === 'tr' ? `Dosya bulunamadı: ${filePath}` : `File not found: ${filePath}`);
      continue;
    }
    const storageKey = await rt.storage.put(bytes, { prefix: 'uploads', ext: '.pdf' });
    const msg: Incoming = { ...base, locale, file: { name: path.basename(filePath), size: bytes.length, uniqueId: storageKey.replace(/\W/g, '').slice(-40), source: { kind: 'stored' as const, storageKey } } };
    const replies = await core.handle(msg);
    if (replies.length) {
      await show(replies);
      continue;
    }
    const handle = rt.client.workflow.getHandle(core.workflowIdFor(msg));
    let last = '';
    const timer = setInterval(() => {
      handle.query<WorkflowStatus>('status').then((s) => {
        if (s.stage !== last) say(`  … ${(last = s.stage)}`);
      }, () => {});
    }, 300);
    try {
      const done = handle.result();
      // Like Slack and Telegram, a statement whose totals do not tie waits for "onayla" / "düzelt …".
      while ((await Promise.race([done.then(() => 'done' as const, () => 'done' as const), sleep(400)])) !== 'done') {
        const status = await handle.query<WorkflowStatus>('status').catch(() => null);
        if (status?.stage !== 'awaiting_review') continue;
        say(renderPlain(reviewMessage(status.review, locale, rt.config.REVIEW_TIMEOUT_MINUTES)));
        say(locale === 'tr' ? '> onayla | düzelt <kod> <yıl> <tutar>' : '> confirm | fix <code> <year> <amount>');
        const answer = await lines.next();
        if (answer.done) {
          say(locale === 'tr' ? 'Yanıt gelmedi; tablo onay beklemeye devam ediyor.' : 'No answer; the statement is still waiting for a review.');
          return;
        }
        await show(await core.handle({ ...base, locale, text: answer.value.trim() }));
        await sleep(300);
      }
      const result = (await done) as AnalyzeStatementResult;
      const analysis = await loadAnalysis(rt.db, result.documentId);
      if (analysis) say(renderPlain(resultMessage(analysis, locale, { buttons: false })));
    } catch (e) {
      const f = failureCode(e as WorkflowFailedError);
      say(`❌ ${f.code === 'internal_error' ? f.message : userMessage(f.code, locale, f.params)}`);
    } finally {
      clearInterval(timer);
    }
    locale = msg.locale ?? locale;
  }
}
