import { WebClient, type KnownBlock } from '@slack/web-api';
import type { ReplyTarget } from '../../contracts/workflow.ts';
import { readLimited, type ChatPoster } from './chat-poster.ts';
import type { ChatFile, OutgoingMessage } from '../../contracts/outgoing.ts';
import { DownloadError } from './download-error.ts';

/**
 * Slack's three control characters escaped: our messages never build links or mentions, so
 * none in a message (a file named `<!channel>`, a disguised `<https://evil|bank.com>`) can.
 */
export const slackText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function blocks(m: OutgoingMessage): KnownBlock[] {
  const out: KnownBlock[] = [];
  if (m.title) out.push({ type: 'header', text: { type: 'plain_text', text: m.title.slice(0, 150) } });
  out.push({ type: 'section', text: { type: 'mrkdwn', text: slackText(m.text).slice(0, 3000) } });
  for (const s of m.sections ?? []) {
    const body = [s.title ? `*${s.title}*` : '', ...s.lines].filter(Boolean).join('\n');
    out.push({ type: 'section', text: { type: 'mrkdwn', text: slackText(body).slice(0, 3000) } });
  }
  if (m.buttons?.length) {
    out.push({
      type: 'actions',
      elements: m.buttons.map((b) => ({ type: 'button', action_id: b.actionId, value: b.value, text: { type: 'plain_text', text: b.label } })),
    });
  }
  return out;
}

function slackTarget(t: ReplyTarget) {
  if (t.channel !== 'slack') throw new Error(`Not a Slack target: ${t.channel}`);
  return t;
}

/** Slack through its official Web API client (which retries 429s honouring Retry-After). */
export class SlackPoster implements ChatPoster {
  readonly client: WebClient;
  constructor(
    private readonly token: string,
    private readonly opts: { apiUrl?: string; fileHosts: string[] },
  ) {
    this.client = new WebClient(token, { slackApiUrl: opts.apiUrl, retryConfig: { retries: 5, factor: 2, minTimeout: 200, maxTimeout: 5000 } });
  }

  async post(target: ReplyTarget, m: OutgoingMessage): Promise<string> {
    const t = slackTarget(target);
    const res = await this.client.chat.postMessage({ channel: t.channelId, thread_ts: t.threadTs, text: slackText(m.text), blocks: blocks(m) });
    return String(res.ts);
  }

  async update(target: ReplyTarget, ref: string, m: OutgoingMessage): Promise<void> {
    const t = slackTarget(target);
    await this.client.chat.update({ channel: t.channelId, ts: ref, text: slackText(m.text), blocks: blocks(m) });
  }

  async upload(target: ReplyTarget, files: ChatFile[]): Promise<string> {
    const t = slackTarget(target);
    const res = await this.client.files.uploadV2({
      channel_id: t.channelId,
      thread_ts: t.threadTs,
      file_uploads: files.map((f) => ({ file: Buffer.from(f.bytes), filename: f.name, title: f.title })),
    });
    return JSON.stringify((res as { files?: { files?: { id?: string }[] }[] }).files?.flatMap((x) => x.files?.map((f) => f.id) ?? []) ?? []);
  }

  /** Downloads a shared file with the bot token, and only from Slack's own file hosts. */
  async download(ref: { fileId: string; url?: string }, maxBytes: number): Promise<Buffer> {
    if (!ref.url) throw new DownloadError('no_url', 'Slack file without a download URL');
    const url = new URL(ref.url);
    if (!this.opts.fileHosts.includes(url.hostname)) throw new DownloadError('refused_host', `Refusing to download from ${url.hostname}: not a Slack file host`);
    const res = await fetch(url, { headers: { Authorization: `Bearer ${this.token}` }, redirect: 'error' });
    if (!res.ok) throw new DownloadError('http_status', `Slack file download failed: HTTP ${res.status}`, res.status);
    return readLimited(res, maxBytes);
  }
}
