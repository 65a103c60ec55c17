import { Telegraf } from 'telegraf';
import type { TelegramPoster } from '../chat/telegram-poster.ts';
import type { ConversationCore, CoreReply } from '../core/conversation.ts';
import type { Incoming } from '../../contracts/incoming.ts';
import { ACTION_IDS, isActionId } from '../../contracts/outgoing.ts';

export interface TelegramBotOptions {
  token: string;
  apiRoot: string;
  poster: TelegramPoster;
  core: ConversationCore;
}

const COMMANDS = ['start', 'help', 'ratios', 'compare', 'export', 'digest'];

/**
 * Telegram through telegraf. A chat is a workspace. Long polling by default; webhook mode is
 * `bot.createWebhook({ domain, secret_token })` mounted on the bot's HTTP server.
 */
export function createTelegramBot(opts: TelegramBotOptions): Telegraf {
  const bot = new Telegraf(opts.token, { telegram: { apiRoot: opts.apiRoot } });

  const base = (chatId: number, userId: number | undefined, updateId: number, messageId?: number): Omit<Incoming, 'text' | 'file'> => ({
    channel: 'telegram',
    workspace: { kind: 'telegram', externalId: String(chatId) },
    userId: String(userId ?? chatId),
    eventId: `update:${updateId}`,
    threadKey: String(chatId),
    scope: String(chatId),
    reply: { channel: 'telegram', chatId: String(chatId), ...(messageId ? { replyToMessageId: messageId } : {}) },
  });

  const send = async (chatId: number, replies: CoreReply[]) => {
    const target = { channel: 'telegram' as const, chatId: String(chatId) };
    for (const r of replies) {
      await opts.poster.post(target, r.message);
      if (r.files?.length) await opts.poster.upload(target, r.files);
    }
  };

  bot.on('document', async (ctx) => {
    const doc = ctx.message.document;
    const replies = await opts.core.handle({
      ...base(ctx.chat.id, ctx.from?.id, ctx.update.update_id, ctx.message.message_id),
      file: {
        name: doc.file_name ?? 'statement.pdf',
        size: doc.file_size,
        mimetype: doc.mime_type,
        // file_unique_id is stable across re-sends and bots: the dedupe key.
        uniqueId: doc.file_unique_id,
        source: { kind: 'telegram', fileId: doc.file_id, size: doc.file_size },
      },
    });
    await send(ctx.chat.id, replies);
  });

  bot.on('text', async (ctx) => {
    let text = ctx.message.text;
    const m = /^\/(\w+)(@\w+)?\s*(.*)$/s.exec(text);
    if (m && COMMANDS.includes(m[1]!)) text = m[1] === 'start' ? '/help' : `/${m[1]} ${m[3]}`.trim();
    await send(ctx.chat.id, await opts.core.handle({ ...base(ctx.chat.id, ctx.from?.id, ctx.update.update_id), text }));
  });

  // Inline keyboard buttons: callback_data is `<action>:<document ref>` (see callbackData),
  // handled by the core like the typed command and answered in the same chat.
  bot.action(new RegExp(`^(${ACTION_IDS.join('|')}):(.*)$`), async (ctx) => {
    await ctx.answerCbQuery();
    const action = ctx.match[1]!;
    const chat = ctx.chat;
    if (!chat || !isActionId(action)) return;
    const replies = await opts.core.handleAction({ ...base(chat.id, ctx.from?.id, ctx.update.update_id), action, value: ctx.match[2] });
    await send(chat.id, replies);
  });

  return bot;
}
