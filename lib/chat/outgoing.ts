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

export interface ChatFile {
  name: string;
  title: string;
  bytes: Uint8Array;
  kind: 'image' | 'document';
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
