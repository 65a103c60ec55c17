import type { ConversationCore } from '../core/conversation.ts';
import { renderPlain } from '../../contracts/outgoing.ts';
import type { Locale } from '../../contracts/locale.ts';

/** Where `npm run analyze` files its statements: one local channel, so questions see them all. */
export const CLI_CHANNEL = { workspace: { kind: 'local' as const, externalId: 'cli', name: 'Local' }, threadKey: 'cli' } as const;

/**
 * The questions a company history answers without being asked, worded as a user would ask
 * them in the chat, over the years the analysed reports span: the five-year margin trend,
 * leverage and sales growth. None when the reports cover fewer than three year-ends.
 */
export function historyQuestions(periods: readonly string[], locale: Locale): string[] {
  const years = [...new Set(periods.filter((p) => p.endsWith('-12-31')).map((p) => Number(p.slice(0, 4))))].sort((a, b) => a - b);
  if (years.length < 3) return [];
  const n = years[years.length - 1]! - years[0]!;
  return locale === 'tr'
    ? [`Son ${n} yılda net kâr marjı nasıl değişti?`, `Son ${n} yılda borç oranı nasıl değişti?`, `Son ${n} yılda net satışlar ne kadar arttı?`]
    : [`How did the net profit margin change over the last ${n} years?`, `How did the debt ratio change over the last ${n} years?`, `How much did net sales grow over the last ${n} years?`];
}

/**
 * Asks the conversation core each question in the CLI's channel, exactly as a chat message
 * would be answered (the newest statement there, with its company's history), and returns
 * "question / answer" blocks in Markdown.
 */
export async function answerInCliChannel(core: ConversationCore, questions: readonly string[], locale: Locale, user: string): Promise<string[]> {
  const blocks: string[] = [];
  for (const text of questions) {
    const replies = await core.handle({ channel: 'local', ...CLI_CHANNEL, scope: CLI_CHANNEL.threadKey, userId: user, reply: { channel: 'none' }, text, locale });
    blocks.push(`**${text}**\n\n${replies.map((r) => renderPlain(r.message)).join('\n\n')}\n`);
  }
  return blocks;
}
