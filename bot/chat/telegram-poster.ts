import { Telegram } from 'telegraf';
import type { ReplyTarget } from '../../contracts/workflow.ts';
import { readLimited, type ChatPoster } from './chat-poster.ts';
import type { ChatFile, OutgoingMessage } from '../../contracts/outgoing.ts';
import { DownloadError } from './download-error.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
// Slack-style *bold* becomes HTML bold; everything else is escaped.
const md = (s: string) => escape(s).replace(/\*([^*\n]+)\*/g, '<b>$1</b>');

function html(m: OutgoingMessage): string {
  const parts: string[] = [];
  if (m.title) parts.push(`<b>${escape(m.title)}</b>`);
  parts.push(md(m.text));
  for (const s of m.sections ?? []) {
    parts.push([s.title ? `<b>${escape(s.title)}</b>` : '', ...s.lines.map(md)].filter(Boolean).join('\n'));
  }
  return parts.join('\n\n');
}

/** Telegram's limit on one message's text. */
export const TELEGRAM_MAX_CHARS = 4096;

/**
 * A long message as several, split between lines (never inside a line's markup) so nothing is
 * cut off; a single line longer than the limit is split at its last space, tags closed.
 */
export function splitForTelegram(text: string, max = TELEGRAM_MAX_CHARS): string[] {
  const out: string[] = [];
  let current = '';
  const push = (chunk: string) => {
    if (current && current.length + 1 + chunk.length > max) {
      out.push(current);
      current = '';
    }
    current = current ? `${current}\n${chunk}` : chunk;
  };
  for (const line of text.split('\n')) {
    let rest = line;
    while (rest.length > max) {
      const plain = rest.replace(/<\/?b>/g, '');
      const cut = plain.lastIndexOf(' ', max) > max / 2 ? plain.lastIndexOf(' ', max) : max;
      push(escapeCut(plain.slice(0, cut)));
      rest = plain.slice(cut).trimStart();
    }
    push(rest);
  }
  if (current) out.push(current);
  return out;
}
// A hard cut must not end inside an entity ("&am"): drop the partial entity.
const escapeCut = (s: string) => s.replace(/&[a-z]*$/, '');

/** `<actionId>:<value>`; the bot's action handlers parse the same shape. */
export function callbackData(b: { actionId: string; value: string }): string {
  const data = `${b.actionId}:${b.value}`;
  // callback_data is limited to 64 bytes. Cutting it would hand the handler a wrong value, so
  // a button that does not fit is a bug: button values are short references, never long ids.
  if (Buffer.byteLength(data, 'utf8') > 64) throw new Error(`Telegram callback_data over 64 bytes: ${data}`);
  return data;
}

function keyboard(m: OutgoingMessage) {
  if (!m.buttons?.length) return undefined;
  return { inline_keyboard: [m.buttons.map((b) => ({ text: b.label, callback_data: callbackData(b) }))] };
}

function chatOf(t: ReplyTarget) {
  if (t.channel !== 'telegram') throw new Error(`Not a Telegram target: ${t.channel}`);
  return t;
}

/** Telegram through telegraf's API client (apiRoot points it at a local fake in tests). */
export class TelegramPoster implements ChatPoster {
  readonly telegram: Telegram;
  constructor(token: string, private readonly apiRoot: string) {
    this.telegram = new Telegram(token, { apiRoot });
  }

  async post(target: ReplyTarget, m: OutgoingMessage): Promise<string> {
    const t = chatOf(target);
    const chunks = splitForTelegram(html(m));
    let first: number | undefined;
    for (const [i, chunk] of chunks.entries()) {
      const last = i === chunks.length - 1;
      const msg = await this.telegram.sendMessage(t.chatId, chunk, {
        parse_mode: 'HTML',
        // Buttons under the last part, the reply link on the first.
        ...(last ? { reply_markup: keyboard(m) } : {}),
        ...(i === 0 && t.replyToMessageId ? { reply_parameters: { message_id: t.replyToMessageId, allow_sending_without_reply: true } } : {}),
      });
      first ??= msg.message_id;
    }
    return String(first);
  }

  async update(target: ReplyTarget, ref: string, m: OutgoingMessage): Promise<void> {
    const t = chatOf(target);
    try {
      // Edited messages are progress lines, far below the limit; the first part is kept if not.
      await this.telegram.editMessageText(t.chatId, Number(ref), undefined, splitForTelegram(html(m))[0]!, { parse_mode: 'HTML', reply_markup: keyboard(m) });
    } catch (e) {
      // Editing to identical text is an error in the Bot API; it is not a failure for us.
      if (!String((e as Error).message).includes('message is not modified')) throw e;
    }
  }

  async upload(target: ReplyTarget, files: ChatFile[]): Promise<string> {
    const t = chatOf(target);
    const ids: number[] = [];
    const images = files.filter((f) => f.kind === 'image');
    if (images.length > 1) {
      const sent = await this.telegram.sendMediaGroup(
        t.chatId,
        images.slice(0, 10).map((f) => ({ type: 'photo' as const, media: { source: Buffer.from(f.bytes), filename: f.name }, caption: f.title })),
      );
      ids.push(...sent.map((m) => m.message_id));
    } else if (images.length === 1) {
      ids.push((await this.telegram.sendPhoto(t.chatId, { source: Buffer.from(images[0]!.bytes), filename: images[0]!.name }, { caption: images[0]!.title })).message_id);
    }
    for (const f of files.filter((f) => f.kind === 'document')) {
      ids.push((await this.telegram.sendDocument(t.chatId, { source: Buffer.from(f.bytes), filename: f.name }, { caption: f.title })).message_id);
    }
    return JSON.stringify(ids);
  }

  /** getFile, then the file from the same Bot API host (never another URL). */
  async download(ref: { fileId: string }, maxBytes: number): Promise<Buffer> {
    const link = await this.telegram.getFileLink(ref.fileId);
    if (new URL(link).host !== new URL(this.apiRoot).host) throw new DownloadError('refused_host', `Refusing to download from ${link.host}`);
    const res = await fetch(link, { redirect: 'error' });
    if (!res.ok) throw new DownloadError('http_status', `Telegram file download failed: HTTP ${res.status}`, res.status);
    return readLimited(res, maxBytes);
  }
}
