import { ScheduleNotFoundError, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { audit } from '../../db/queries/analysis.ts';
import { createSubscription, deleteSubscription, findCompanyByName, getSubscription, listSubscriptions, postedDigestContent, setPaused, setSchedule } from '../../db/queries/digests.ts';
import type { Database } from '../../db/schema.ts';
import { calendarFor, parseDigestCommand } from '../../domain/digest-command.ts';
import type { ReplyTarget } from '../../contracts/workflow.ts';
import { renderPlain, type OutgoingMessage } from '../../contracts/outgoing.ts';
import type { Config } from '../../lib/config.ts';
import type { Locale } from '../../contracts/locale.ts';

export interface DigestContext {
  workspaceId: number;
  timezone: string;
  userId: number;
  actor: string;
  target: ReplyTarget;
  locale: Locale;
}

/**
 * Digest subscriptions: one Temporal Schedule each (its id stored on the subscription), in the
 * workspace's time zone. Missed runs within an hour are caught up; a run never overlaps the
 * previous one. Every change is in the audit log, and ids resolve only within the workspace.
 */
export class DigestService {
  constructor(private readonly deps: { client: Client; db: Kysely<Database>; config: Config }) {}

  private async waitForRun(subscriptionId: number, since: Date, timeoutMs = 30_000): Promise<string | null> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const content = await postedDigestContent(this.deps.db, subscriptionId, since);
      const message = (content as { message?: OutgoingMessage } | undefined)?.message;
      if (message) return renderPlain(message);
      await new Promise((r) => setTimeout(r, 200));
    }
    return null;
  }

  scheduleId(subscriptionId: number): string {
    return `digest-${subscriptionId}`;
  }

  async handle(args: string[], ctx: DigestContext): Promise<string> {
    const tr = ctx.locale === 'tr';
    const cmd = parseDigestCommand(args);
    const { db, client } = this.deps;
    const log = (action: string, subscriptionId: number, details: Record<string, unknown> = {}) =>
      audit(db, { workspaceId: ctx.workspaceId, actor: ctx.actor, action: `digest.${action}`, subject: `digest:${subscriptionId}`, details });
    switch (cmd.action) {
      case 'invalid':
        return tr
          ? 'Kullanım: /digest haftalık|aylık|çeyreklik [şirket] [SS:DD] [sadece-uyarı] · /digest list · /digest pause|resume|delete|run-now <no>'
          : 'Usage: /digest weekly|monthly|quarterly [company] [HH:MM] [alerts-only] · /digest list · /digest pause|resume|delete|run-now <id>';
      case 'create': {
        let companyId: number | null = null;
        if (cmd.company) {
          const company = await findCompanyByName(db, ctx.workspaceId, cmd.company);
          if (!company) return tr ? `“${cmd.company}” adında bir şirket bulunamadı.` : `No company called “${cmd.company}” in this workspace.`;
          companyId = company.id;
        }
        const id = await createSubscription(db, { workspaceId: ctx.workspaceId, channel: JSON.stringify(ctx.target), cadence: cmd.cadence, companyId, time: cmd.time, timezone: ctx.timezone, alertsOnly: cmd.alertsOnly, createdBy: ctx.userId });
        const scheduleId = this.scheduleId(id);
        await client.schedule.create({
          scheduleId,
          spec: { calendars: [calendarFor(cmd.cadence, cmd.time)], timezone: ctx.timezone },
          action: { type: 'startWorkflow', workflowType: 'periodDigest', taskQueue: this.deps.config.TEMPORAL_TASK_QUEUE, args: [{ subscriptionId: id, locale: ctx.locale }] },
          policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 hour' },
        });
        await setSchedule(db, id, scheduleId);
        await log('create', id, { cadence: cmd.cadence, time: cmd.time, companyId, alertsOnly: cmd.alertsOnly });
        return tr ? `Özet aboneliği #${id} oluşturuldu: ${cmd.cadence}, ${cmd.time} (${ctx.timezone}).` : `Digest subscription #${id} created: ${cmd.cadence} at ${cmd.time} (${ctx.timezone}).`;
      }
      case 'list': {
        const subs = await listSubscriptions(db, ctx.workspaceId);
        if (!subs.length) return tr ? 'Bu çalışma alanında özet aboneliği yok.' : 'No digest subscriptions in this workspace.';
        return subs.map((s) => `#${s.id} ${s.cadence} ${s.time_of_day} ${s.timezone}${s.company ? ` · ${s.company}` : ''}${s.alerts_only ? ' · alerts-only' : ''}${s.paused ? (tr ? ' · durduruldu' : ' · paused') : ''}`).join('\n');
      }
      default: {
        const sub = await getSubscription(db, ctx.workspaceId, cmd.id);
        if (!sub) return tr ? `#${cmd.id} numaralı abonelik bu çalışma alanında yok.` : `There is no subscription #${cmd.id} in this workspace.`;
        const handle = client.schedule.getHandle(sub.schedule_id ?? this.scheduleId(sub.id));
        if (cmd.action === 'pause') {
          await handle.pause(`paused by ${ctx.actor}`);
          await setPaused(db, sub.id, true);
        } else if (cmd.action === 'resume') {
          await handle.unpause(`resumed by ${ctx.actor}`);
          await setPaused(db, sub.id, false);
        } else if (cmd.action === 'delete') {
          await handle.delete().catch((e: unknown) => {
            if (!(e instanceof ScheduleNotFoundError)) throw e;
          });
          await deleteSubscription(db, sub.id);
        } else {
          const triggered = new Date();
          await handle.trigger(ScheduleOverlapPolicy.ALLOW_ALL);
          // Nowhere to post (the local chat): wait for the run and show the digest here.
          if (ctx.target.channel === 'none') {
            await log(cmd.action, sub.id);
            return (await this.waitForRun(sub.id, triggered)) ?? (tr ? `#${sub.id} çalıştırıldı; özet henüz hazır değil.` : `#${sub.id} triggered; the digest is not ready yet.`);
          }
        }
        await log(cmd.action, sub.id);
        const done = { pause: tr ? 'durduruldu' : 'paused', resume: tr ? 'yeniden başladı' : 'resumed', delete: tr ? 'silindi' : 'deleted', 'run-now': tr ? 'şimdi çalıştırılıyor' : 'running now' }[cmd.action];
        return `#${sub.id} ${done}.`;
      }
    }
  }
}
