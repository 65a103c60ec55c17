/**
 * A channel-neutral message: each adapter renders it in its own idiom (Block Kit sections
 * and buttons in Slack, HTML and an inline keyboard in Telegram, plain text in a terminal).
 */
export interface OutgoingMessage {
  text: string;
  title?: string;
  sections?: { title?: string; lines: string[] }[];
  buttons?: { actionId: string; label: string; value: string }[];
}

/**
 * Buttons the bot puts under its messages. Each press is handled by the conversation core as
 * if the user had typed the command; the value is a short document reference (see
 * `documentRef`) so the press acts on the statement the message is about. Telegram limits
 * callback data to 64 bytes, so values never carry long ids such as a workflow id.
 */
export const ACTIONS = {
  reviewConfirm: 'review_confirm',
  exportXlsx: 'export_xlsx',
  exportPdf: 'export_pdf',
  langEn: 'lang_en',
  langTr: 'lang_tr',
  /** Which company a question meant, when its name matched several: the value is the company id. */
  pickCompany: 'pick_company',
  /** A company's sector from the loaded tables: the value is `<company id>:<NACE code>`. */
  pickSector: 'pick_sector',
  /** The unit a question about an unsure unit is answered with; the value is the document reference. */
  unitTl: 'unit_tl',
  unitThousands: 'unit_bin',
  unitMillions: 'unit_milyon',
} as const;
export type ActionId = (typeof ACTIONS)[keyof typeof ACTIONS];
export const ACTION_IDS: readonly ActionId[] = Object.values(ACTIONS);
export const isActionId = (id: string): id is ActionId => (ACTION_IDS as readonly string[]).includes(id);

/** A document's short reference in button values: the first 16 hex digits of its sha256 (unique per workspace). */
export const documentRef = (sha256: string): string => sha256.slice(0, 16).toLowerCase();
export const DOCUMENT_REF = /^[0-9a-f]{16}$/;

export interface ChatFile {
  name: string;
  title: string;
  bytes: Uint8Array;
  kind: 'image' | 'document';
}

const INERT: Record<string, string> = { '*': '\u2217', _: '\u02CD', '~': '\u223C', '`': '\u02CB' };

/**
 * User-supplied text (a file name, a company or line name read from a PDF, the user's own
 * words) made inert inside our markup: Slack mrkdwn has no escape character, so its control
 * characters become look-alikes that neither Slack nor the Telegram renderer formats. `&`, `<`
 * and `>` are escaped by each renderer for the whole message (mentions and links cannot be
 * built from any part of a message).
 */
export function inert(text: string): string {
  return text.replace(/[*_~`]/g, (c) => INERT[c]!);
}

/** Plain text for a terminal: Slack-style *bold* markers are dropped. */
export function renderPlain(m: OutgoingMessage): string {
  return renderPlainRaw(m).replace(/\*([^*\n]+)\*/g, '$1');
}

function renderPlainRaw(m: OutgoingMessage): string {
  const parts: string[] = [];
  if (m.title) parts.push(m.title);
  parts.push(m.text);
  for (const s of m.sections ?? []) {
    if (s.title) parts.push(`\n${s.title}`);
    parts.push(...s.lines.map((l) => `  ${l}`));
  }
  if (m.buttons?.length) parts.push(`\n[${m.buttons.map((b) => b.label).join('] [')}]`);
  return parts.join('\n');
}
