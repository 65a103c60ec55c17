/**
 * What a workflow's event history says about where its time went: every workflow task's
 * latency (how long a workflow waited for the worker's event loop) and every activity's
 * duration, by activity type. Read from the server, so it measures the worker from outside.
 */
import type { Client } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time.js';

type History = Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>>;
type HistoryEvent = NonNullable<History['events']>[number];

const at = (e: HistoryEvent) => tsToMs(e.eventTime);
const id = (e: HistoryEvent) => Number(e.eventId);

export interface HistoryTimings {
  /** Per workflow task: scheduled → completed, and started → completed (ms). */
  workflowTasks: { scheduleToCompleteMs: number; startToCompleteMs: number }[];
  /** Per activity type: summed scheduled → closed (ms). */
  activities: Record<string, number>;
  /** First event to last (ms). */
  totalMs: number;
}

export async function historyTimings(client: Client, workflowId: string): Promise<HistoryTimings> {
  const events = (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  const byId = new Map(events.map((e) => [id(e), e]));
  const workflowTasks: HistoryTimings['workflowTasks'] = [];
  const activities: Record<string, number> = {};
  for (const e of events) {
    const done = e.workflowTaskCompletedEventAttributes;
    if (done) {
      const started = byId.get(Number(done.startedEventId));
      const scheduled = byId.get(Number(done.scheduledEventId));
      if (started && scheduled) workflowTasks.push({ scheduleToCompleteMs: at(e) - at(scheduled), startToCompleteMs: at(e) - at(started) });
    }
    const closed = e.activityTaskCompletedEventAttributes ?? e.activityTaskFailedEventAttributes ?? e.activityTaskTimedOutEventAttributes;
    if (closed) {
      const scheduled = byId.get(Number(closed.scheduledEventId));
      const name = scheduled?.activityTaskScheduledEventAttributes?.activityType?.name;
      if (scheduled && name) activities[name] = (activities[name] ?? 0) + at(e) - at(scheduled);
    }
  }
  const totalMs = events.length ? at(events[events.length - 1]!) - at(events[0]!) : 0;
  return { workflowTasks, activities, totalMs };
}
