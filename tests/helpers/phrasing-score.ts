import { readFileSync } from 'node:fs';
import { understand } from '../../bot/core/follow-up.ts';
import type { Intent } from '../../domain/questions/intents.ts';

/** A corpus row: the text, the intent kind it must be read as, and that intent's target. */
export type PhrasingRow = [text: string, kind: Intent['kind'], target: string | null];

export const loadPhrasings = (file: string): PhrasingRow[] =>
  (JSON.parse(readFileSync(file, 'utf8')) as { phrasings: PhrasingRow[] }).phrasings;

/** The part of an intent the label names: its ratio, line, family, topic, format or locale. */
export function targetOf(i: Intent): string | null {
  switch (i.kind) {
    case 'ratio_value':
    case 'why':
    case 'definition':
      return i.ratioId;
    case 'compare':
      return i.ratioId ?? null;
    case 'line':
    case 'growth':
      return i.line;
    case 'judgement':
      return i.topic;
    case 'family':
      return i.family;
    case 'chart':
      return i.family ?? null;
    case 'export':
      return i.format;
    case 'language':
      return i.locale;
    default:
      return null;
  }
}

/** How many rows are read as labelled, overall and per intent kind, with the misses named. */
export function scorePhrasings(rows: readonly PhrasingRow[]): { ok: number; n: number; report: string } {
  const byKind = new Map<string, { ok: number; n: number; misses: string[] }>();
  for (const [text, kind, target] of rows) {
    const got = understand(text).intent;
    const s = byKind.get(kind) ?? { ok: 0, n: 0, misses: [] };
    s.n++;
    if (got.kind === kind && targetOf(got) === target) s.ok++;
    else s.misses.push(`${text} → ${got.kind}:${targetOf(got)} (want ${kind}:${target})`);
    byKind.set(kind, s);
  }
  const ok = [...byKind.values()].reduce((a, s) => a + s.ok, 0);
  const lines = [...byKind].map(([k, s]) => `${k} ${s.ok}/${s.n}${s.misses.length ? `\n    ${s.misses.join('\n    ')}` : ''}`);
  return { ok, n: rows.length, report: `${ok}/${rows.length} (${((100 * ok) / rows.length).toFixed(1)} %)\n  ${lines.join('\n  ')}` };
}
