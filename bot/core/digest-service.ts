import { ScheduleNotFoundError, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { audit } from '../../db/queries/analysis.ts';
import { companyInWorkspace, createSubscription, deleteSubscription, findCompaniesByName, getSubscription, listSubscriptions, postedDigestContent, setPaused, setSchedule } from '../../db/queries/digests.ts';
import type { Database } from '../../db/schema.ts';
import { calendarFor, parseDigestCommand } from '../../domain/digest-command.ts';
import type { DigestRunResult, ReplyTarget } from '../../contracts/workflow.ts';
import { inert, renderPlain, type OutgoingMessage } from '../../contracts/outgoing.ts';
import type { Config } from '../../lib/config.ts';
import type { Locale } from '../../contracts/locale.ts';

export interface DigestContext {
  workspaceId: number;
  timezone: string;
  userId: number;
  actor: string;
  target: ReplyTarget;
  locale: Locale;
  /** The company picked with a button after an ambiguous name. */
  companyId?: number;
}

/** A digest command's reply; `companies` when the name matched several and the user must pick. */
export interface DigestReply {
  text: string;
  companies?: { id: number; name: string }[];
}

/**
 * Digest subscriptions: one Temporal Schedule each (its id stored on the subscription), in the
 * workspace's time zone. Missed runs within an hour are caught up; a run never overlaps the
 * previous one. Every change is in the audit log, and ids resolve only within the workspace.
 */
export class DigestService {
  constructor(private readonly deps: { client: Client; db: Kysely<Database>; config: Config }) {}

  private async waitForRun(subscriptionId: number, since: Date, timeoutMs: number): Promise<string | null> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const content = await postedDigestContent(this.deps.db, subscriptionId, since);
      const message = (content as { message?: OutgoingMessage } | undefined)?.message;
      if (message) return renderPlain(message);
      await new Promise((r) => setTimeout(r, 200));
    }
    return null;
  }

  /**
   * Runs a subscription now as its own workflow and waits (bounded) for what it did, so an
   * alerts-only run with nothing new is said at once instead of waited for. The schedule is
   * not involved: its runs stay the scheduled ones.
   */
  private async runNow(subscriptionId: number, ctx: DigestContext): Promise<string> {
    const tr = ctx.locale === 'tr';
    const started = new Date();
    const handle = await this.deps.client.workflow.start('periodDigest', {
      taskQueue: this.deps.config.TEMPORAL_TASK_QUEUE,
      workflowId: `${this.scheduleId(subscriptionId)}-now-${started.getTime()}`,
      args: [{ subscriptionId, locale: ctx.locale }],
    });
    // The terminal shows the digest itself, so it waits longer; a chat gets the post.
    const waitMs = ctx.target.channel === 'none' ? 30_000 : 5_000;
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      handle.result() as Promise<DigestRunResult>,
      new Promise<null>((r) => (timer = setTimeout(() => r(null), waitMs))),
    ]).finally(() => clearTimeout(timer));
    if (outcome?.nothingNew) {
      return tr
        ? `#${subscriptionId}: son özetten bu yana yeni uyarı yok; bu abonelik yalnızca yeni uyarılarda özet gönderir.`
        : `#${subscriptionId}: no new alerts since the last digest; this subscription only posts when there are.`;
    }
    if (ctx.target.channel === 'none') {
      const shown = outcome?.posted ? await this.waitForRun(subscriptionId, started, 5_000) : null;
      return shown ?? (tr ? `#${subscriptionId} çalıştırıldı; özet henüz hazır değil.` : `#${subscriptionId} triggered; the digest is not ready yet.`);
    }
    return outcome?.posted ? (tr ? `#${subscriptionId} gönderildi.` : `#${subscriptionId} posted.`) : (tr ? `#${subscriptionId} şimdi çalıştırılıyor.` : `#${subscriptionId} running now.`);
  }

  /** The company a digest is for: the one picked by button, the only match, or a question. */
  private async resolveCompany(name: string, ctx: DigestContext): Promise<{ id: number } | DigestReply> {
    const { db } = this.deps;
    const tr = ctx.locale === 'tr';
    if (ctx.companyId !== undefined) {
      const picked = await companyInWorkspace(db, ctx.workspaceId, ctx.companyId);
      if (picked) return { id: picked.id };
    }
    const matches = await findCompaniesByName(db, ctx.workspaceId, name);
    if (matches.length === 0) return { text: tr ? `“${name}” adında bir şirket bulunamadı.` : `No company called “${name}” in this workspace.` };
    const exact = matches.filter((c) => c.name.toLocaleLowerCase('tr') === name.toLocaleLowerCase('tr'));
    if (matches.length === 1 || exact.length === 1) return { id: (exact[0] ?? matches[0])!.id };
    const names = matches.map((c) => `• ${inert(c.name)}`).join('\n');
    return {
      text: tr
        ? `“${inert(name)}” birden fazla şirketle eşleşiyor; özet hangisi için olsun?\n${names}\nBir düğmeye basın ya da şirketin tam adıyla tekrar yazın.`
        : `“${inert(name)}” matches more than one company; which one is the digest for?\n${names}\nPress a button, or send the command again with the company's full name.`,
      companies: matches,
    };
  }

  scheduleId(subscriptionId: number): string {
    return `digest-${subscriptionId}`;
  }

  async handle(args: string[], ctx: DigestContext): Promise<DigestReply> {
    const reply = await this.command(args, ctx);
    return typeof reply === 'string' ? { text: reply } : reply;
  }

  private async command(args: string[], ctx: DigestContext): Promise<string | DigestReply> {
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
          const company = await this.resolveCompany(cmd.company, ctx);
          if (!('id' in company)) return company;
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
          await log(cmd.action, sub.id);
          return this.runNow(sub.id, ctx);
        }
        await log(cmd.action, sub.id);
        const done = { pause: tr ? 'durduruldu' : 'paused', resume: tr ? 'yeniden başladı' : 'resumed', delete: tr ? 'silindi' : 'deleted' }[cmd.action];
        return `#${sub.id} ${done}.`;
      }
    }
  }
}
