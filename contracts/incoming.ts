import { z } from 'zod';
import { isActionId, type ActionId } from './outgoing.ts';
import { FileSource, ReplyTarget } from './workflow.ts';
import { Locale } from './locale.ts';

/**
 * One message from any channel, parsed at the adapter's edge. `threadKey` ties follow-up
 * questions to the document shared in the same thread/chat; `eventId` dedupes redeliveries.
 */
export const Incoming = z.object({
  channel: z.enum(['slack', 'telegram', 'local']),
  workspace: z.object({ kind: z.enum(['slack', 'telegram', 'local']), externalId: z.string().min(1), name: z.string().nullish() }),
  userId: z.string().min(1),
  eventId: z.string().optional(),
  threadKey: z.string().min(1),
  /** The channel around the thread (Slack channel id, Telegram chat id): questions never read another channel's statements. */
  scope: z.string().min(1).optional(),
  /** The conversation follow-ups continue: the thread when in one, else the channel. */
  conversationKey: z.string().min(1).optional(),
  reply: ReplyTarget,
  text: z.string().optional(),
  file: z
    .object({
      name: z.string(),
      size: z.number().optional(),
      mimetype: z.string().optional(),
      /** Platform id that stays the same across redeliveries (Slack file id, Telegram file_unique_id). */
      uniqueId: z.string(),
      source: FileSource,
    })
    .optional(),
  locale: Locale.optional(),
  /** Set by a button press: the short reference (sha256 prefix) of the document the button belongs to. */
  documentRef: z.string().regex(/^[0-9a-f]{16}$/).optional(),
  /** Set by a "which company?" button: the company the question meant (only ever read inside the message's scope). */
  companyId: z.number().int().positive().optional(),
});
export type Incoming = z.infer<typeof Incoming>;

/** A button press from any channel: who pressed it where, which button, and its value. */
export const IncomingAction = Incoming.omit({ text: true, file: true, locale: true }).extend({
  action: z.custom<ActionId>((v) => typeof v === 'string' && isActionId(v), 'unknown action'),
  value: z.string().optional(),
});
export type IncomingAction = z.infer<typeof IncomingAction>;
