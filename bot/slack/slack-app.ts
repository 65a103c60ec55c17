import bolt from '@slack/bolt';
import type { CoreReply, ConversationCore } from '../core/conversation.ts';
import { ACTION_IDS, isActionId } from '../../contracts/outgoing.ts';
import type { Incoming } from '../../contracts/incoming.ts';
import type { SlackPoster } from '../chat/slack-poster.ts';
import { slackText } from '../chat/slack-poster.ts';
import { ackSeconds } from '../../lib/metrics.ts';

const { App, HTTPReceiver, LogLevel } = bolt;

/** Slack's replay window: a signed request stamped further than this from now, either way, is refused. */
export const SLACK_MAX_SKEW_SECONDS = 5 * 60;

/**
 * Bolt refuses stale requests but accepts any stamped in the future, so a captured signed
 * request could be replayed for as long as its stamp lies ahead. The receiver's listener is
 * wrapped to refuse both directions before Bolt sees the request.
 */
function freshOnly(receiver: InstanceType<typeof HTTPReceiver>, now: () => number): void {
  const listener = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const stamp = req.headers['x-slack-request-timestamp'];
    if (stamp !== undefined && !(Math.abs(now() / 1000 - Number(stamp)) <= SLACK_MAX_SKEW_SECONDS)) {
      res.writeHead(401, { 'content-type': 'text/plain' }).end('stale or future request');
      return;
    }
    listener(req, res);
  };
}

interface SlackFile {
  id: string;
  name?: string;
  mimetype?: string;
  size?: number;
  url_private_download?: string;
}

export interface SlackAppOptions {
  token: string;
  signingSecret: string;
  apiUrl?: string;
  appToken?: string;
  poster: SlackPoster;
  core: ConversationCore;
  onAckLatency?: (ms: number) => void;
  /** The clock requests are checked against (tests move it). */
  now?: () => number;
}

/** "/lodge ratios share" → the command without the share word, and that it asked to share. */
export function shareRequest(text: string): { text: string; share: boolean } {
  const m = /^(.*?)\s*\b(share|paylaş|paylas)\s*$/iu.exec(text.trim());
  return m ? { text: m[1]!.trim(), share: true } : { text: text.trim(), share: false };
}

/**
 * Slack through Bolt. Handlers only parse, hand over to the conversation core (which starts
 * or signals workflows) and post the reply; downloads and the analysis' posts happen in
 * activities. Bolt's HTTP receiver acks events before our listener runs, so the 3-second
 * acknowledgement never waits on Temporal or Postgres.
 */
export function createSlackApp(opts: SlackAppOptions) {
  // Health and metrics are not served here: this port is public, they listen on METRICS_HOST.
  const receiver = opts.appToken ? undefined : new HTTPReceiver({ signingSecret: opts.signingSecret, logLevel: LogLevel.ERROR });
  if (receiver) freshOnly(receiver, opts.now ?? Date.now);
  const app = new App({
    token: opts.token,
    clientOptions: { slackApiUrl: opts.apiUrl },
    logLevel: LogLevel.ERROR,
    ...(receiver ? { receiver } : { socketMode: true, appToken: opts.appToken, signingSecret: opts.signingSecret }),
  });

  const wiring = slackWiring(opts);
  onMessage(app, wiring);
  onMention(app, wiring);
  onCommand(app, wiring);
  onButton(app, wiring);
  return app;
}

type SlackApp = InstanceType<typeof App>;
type SlackBase = (teamId: string, userId: string, channelId: string, threadTs: string, eventId?: string, inThread?: boolean) => Omit<Incoming, 'text' | 'file'>;
interface SlackWiring {
  opts: SlackAppOptions;
  /** Posts the core's replies (and their files) into the thread. */
  send(channelId: string, threadTs: string, replies: CoreReply[]): Promise<void>;
  /** The parts of an Incoming every Slack event shares. */
  base: SlackBase;
}

function slackWiring(opts: SlackAppOptions): SlackWiring {
  const send = async (channelId: string, threadTs: string, replies: CoreReply[]) => {
    const target = { channel: 'slack' as const, channelId, threadTs };
    for (const r of replies) {
      await opts.poster.post(target, r.message);
      if (r.files?.length) await opts.poster.upload(target, r.files);
    }
  };

  // `inThread`: the message sits in an existing thread, which then is its conversation;
  // otherwise the channel (or DM) is.
  const base = (teamId: string, userId: string, channelId: string, threadTs: string, eventId?: string, inThread = true): Omit<Incoming, 'text' | 'file'> => ({
    channel: 'slack',
    workspace: { kind: 'slack', externalId: teamId },
    userId,
    eventId,
    threadKey: `${channelId}:${threadTs}`,
    scope: channelId,
    conversationKey: inThread ? `${channelId}:${threadTs}` : channelId,
    reply: { channel: 'slack', channelId, threadTs },
  });

  return { opts, send, base };
}

/** Uploads (each PDF one statement) and questions in threads or direct messages. */
function onMessage(app: SlackApp, { opts, send, base }: SlackWiring): void {
app.event('message', async ({ event, body, context }) => {
  // A retry means Slack did not see our ack in time; the first delivery is already handled.
  if (context.retryNum) return;
  const e = event as unknown as { subtype?: string; bot_id?: string; user?: string; channel: string; ts: string; thread_ts?: string; text?: string; files?: SlackFile[]; channel_type?: string };
  if (e.bot_id || (e.subtype && e.subtype !== 'file_share')) return;
  const teamId = (body as { team_id?: string }).team_id ?? context.teamId ?? 'unknown';
  const threadTs = e.thread_ts ?? e.ts;
  const common = base(teamId, e.user ?? 'unknown', e.channel, threadTs, (body as { event_id?: string }).event_id, Boolean(e.thread_ts));
  const pdfs = (e.files ?? []).filter((f) => f.url_private_download);
  if (pdfs.length) {
    for (const f of pdfs) {
      const replies = await opts.core.handle({
        ...common,
        file: { name: f.name ?? 'statement.pdf', size: f.size, mimetype: f.mimetype, uniqueId: f.id, source: { kind: 'slack', fileId: f.id, url: f.url_private_download!, size: f.size } },
      });
      await send(e.channel, threadTs, replies);
    }
    return;
  }
  // Questions: replies in a thread, and direct messages. Mentions arrive as app_mention.
  if (!e.text || (!e.thread_ts && e.channel_type !== 'im') || /<@[A-Z0-9]+>/.test(e.text)) return;
  await send(e.channel, threadTs, await opts.core.handle({ ...common, text: e.text }));
});
}

function onMention(app: SlackApp, { opts, send, base }: SlackWiring): void {
app.event('app_mention', async ({ event, body, context }) => {
  if (context.retryNum) return;
  const teamId = (body as { team_id?: string }).team_id ?? context.teamId ?? 'unknown';
  const threadTs = event.thread_ts ?? event.ts;
  const text = (event.text ?? '').replace(/<@[A-Z0-9]+>/g, '').trim();
  await send(event.channel, threadTs, await opts.core.handle({ ...base(teamId, event.user ?? 'unknown', event.channel, threadTs, (body as { event_id?: string }).event_id, Boolean(event.thread_ts)), text }));
});
}

// /lodge help | ratios | compare | export | digest … — answered to the asker only, unless
// the command ends with "share"/"paylaş": a question is not a post to the whole channel.
function onCommand(app: SlackApp, { opts, base }: SlackWiring): void {
  app.command('/lodge', async ({ command, ack, respond, client }) => {
    const t0 = Date.now();
    await ack();
    ackSeconds.observe({ channel: 'slack_command' }, (Date.now() - t0) / 1000);
    opts.onAckLatency?.(Date.now() - t0);
    const { text, share } = shareRequest(command.text);
    const replies = await opts.core.handle({
      ...base(command.team_id, command.user_id, command.channel_id, command.channel_id, undefined, false),
      text: `/${text || 'help'}`,
    });
    for (const r of replies) {
      await respond({ text: slackText(r.message.text), response_type: share ? 'in_channel' : 'ephemeral' });
      if (!r.files?.length) continue;
      // response_url takes text and blocks only: shared files go to the channel, private ones
      // to the asker's direct messages with the app.
      const dm = share ? undefined : ((await client.conversations.open({ users: command.user_id }).catch(() => undefined))?.channel?.id);
      await opts.poster.upload({ channel: 'slack', channelId: share ? command.channel_id : (dm ?? command.user_id) }, r.files);
    }
  });
}

// Buttons (review confirm, export, language): handled by the core like the typed command,
// answered in the thread of the message that carried the button.
function onButton(app: SlackApp, { opts, send, base }: SlackWiring): void {
  app.action({ type: 'block_actions', action_id: new RegExp(`^(${ACTION_IDS.join('|')})$`) }, async ({ ack, action, body, context }) => {
    await ack();
    const b = body as unknown as {
      team?: { id?: string } | null;
      user: { id: string };
      trigger_id?: string;
      channel?: { id?: string };
      container?: { channel_id?: string; message_ts?: string; thread_ts?: string };
      message?: { ts?: string; thread_ts?: string };
    };
    const a = action as { action_id: string; value?: string; action_ts?: string };
    const channelId = b.channel?.id ?? b.container?.channel_id;
    const threadTs = b.message?.thread_ts ?? b.container?.thread_ts ?? b.message?.ts ?? b.container?.message_ts;
    if (!channelId || !threadTs || !isActionId(a.action_id)) return;
    const teamId = b.team?.id ?? context.teamId ?? 'unknown';
    const eventId = b.trigger_id ? `action:${b.trigger_id}` : undefined;
    const replies = await opts.core.handleAction({ ...base(teamId, b.user.id, channelId, threadTs, eventId), action: a.action_id, value: a.value });
    await send(channelId, threadTs, replies);
  });
}

