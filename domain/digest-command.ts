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
  // Create: cadence, time, the alerts-only flag and the company in any order
  // ("/digest monthly Örnek 08:30 alerts-only", "/digest Örnek 08:30 aylık").
  const cadences = words.filter((w) => ALIASES[w.toLocaleLowerCase('tr')]);
  const times = words.filter((w) => TIME.test(w));
  if (cadences.length !== 1) return { action: 'invalid', reason: 'usage' };
  // Two times or an impossible one: asked again, never guessed.
  if (times.length > 1) return { action: 'invalid', reason: 'time' };
  let time = '09:00';
  if (times[0]) {
    const [h, m] = times[0].split(/[:.]/).map(Number) as [number, number];
    if (h > 23 || m > 59) return { action: 'invalid', reason: 'time' };
    time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  }
  const alertsOnly = words.some((w) => ALERTS_ONLY.test(w));
  const rest = words.filter((w) => !ALIASES[w.toLocaleLowerCase('tr')] && !TIME.test(w) && !ALERTS_ONLY.test(w));
  return { action: 'create', cadence: ALIASES[cadences[0]!.toLocaleLowerCase('tr')]!, company: rest.length ? rest.join(' ') : null, time, alertsOnly };
}

const TIME = /^\d{1,2}[:.]\d{2}$/;
const ALERTS_ONLY = /^(alerts-only|--alerts-only|sadece-uyari|sadece-uyarı)$/i;

/** Temporal calendar for a cadence at a local time (the schedule carries the time zone). */
export function calendarFor(cadence: Cadence, time: string) {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  if (cadence === 'weekly') return { dayOfWeek: 'MONDAY' as const, hour, minute };
  if (cadence === 'monthly') return { dayOfMonth: 1, hour, minute };
  return { month: ['JANUARY', 'APRIL', 'JULY', 'OCTOBER'] as ('JANUARY' | 'APRIL' | 'JULY' | 'OCTOBER')[], dayOfMonth: 1, hour, minute };
}
