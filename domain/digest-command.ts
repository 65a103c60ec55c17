import { z } from 'zod';

/**
 * `/digest weekly|monthly|quarterly [company] [HH:MM]` and `/digest list|pause|resume|delete|run-now <id>`.
 * A command is data from a user: parsed and validated here, at the edge.
 */
export const Cadence = z.enum(['weekly', 'monthly', 'quarterly']);
export type Cadence = z.infer<typeof Cadence>;

export type DigestCommand =
  | { action: 'create'; cadence: Cadence; company: string | null; time: string; alertsOnly: boolean }
  | { action: 'list' }
  | { action: 'pause' | 'resume' | 'delete' | 'run-now'; id: number }
  | { action: 'invalid'; reason: 'usage' | 'time' | 'id' };

const ALIASES: Record<string, Cadence> = {
  weekly: 'weekly', haftalik: 'weekly', haftalık: 'weekly',
  monthly: 'monthly', aylik: 'monthly', aylık: 'monthly',
  quarterly: 'quarterly', ceyreklik: 'quarterly', çeyreklik: 'quarterly',
};
const ACTIONS: Record<string, 'list' | 'pause' | 'resume' | 'delete' | 'run-now'> = {
  list: 'list', liste: 'list', pause: 'pause', durdur: 'pause', resume: 'resume', devam: 'resume',
  delete: 'delete', sil: 'delete', 'run-now': 'run-now', simdi: 'run-now', şimdi: 'run-now',
};

export function parseDigestCommand(args: string[]): DigestCommand {
  const words = args.map((a) => a.trim()).filter(Boolean);
  const first = (words[0] ?? '').toLocaleLowerCase('tr');
  const action = ACTIONS[first];
  if (action === 'list') return { action: 'list' };
  if (action) {
    const id = Number((words[1] ?? '').replace(/^#/, ''));
    return Number.isInteger(id) && id > 0 ? { action, id } : { action: 'invalid', reason: 'id' };
  }
  const cadence = ALIASES[first];
  if (!cadence) return { action: 'invalid', reason: 'usage' };
  let rest = words.slice(1);
  let time = '09:00';
  const last = rest[rest.length - 1];
  if (last && /^\d{1,2}[:.]\d{2}$/.test(last)) {
    const [h, m] = last.split(/[:.]/).map(Number) as [number, number];
    if (h > 23 || m > 59) return { action: 'invalid', reason: 'time' };
    time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    rest = rest.slice(0, -1);
  }
  const alertsOnly = rest.some((w) => /^(alerts-only|--alerts-only|sadece-uyari|sadece-uyarı)$/i.test(w));
  rest = rest.filter((w) => !/^(alerts-only|--alerts-only|sadece-uyari|sadece-uyarı)$/i.test(w));
  return { action: 'create', cadence, company: rest.length ? rest.join(' ') : null, time, alertsOnly };
}

/** Temporal calendar for a cadence at a local time (the schedule carries the time zone). */
export function calendarFor(cadence: Cadence, time: string) {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  if (cadence === 'weekly') return { dayOfWeek: 'MONDAY' as const, hour, minute };
  if (cadence === 'monthly') return { dayOfMonth: 1, hour, minute };
  return { month: ['JANUARY', 'APRIL', 'JULY', 'OCTOBER'] as ('JANUARY' | 'APRIL' | 'JULY' | 'OCTOBER')[], dayOfMonth: 1, hour, minute };
}
