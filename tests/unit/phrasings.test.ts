import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { understand } from '../../bot/core/follow-up.ts';
import type { Intent } from '../../domain/questions/intents.ts';

/**
 * Owners' phrasings (tests/fixtures/phrasings.json, written from the domain, not from the
 * parser's word lists): at least 95 % must be understood as the labelled intent and target.
 */
type Row = [text: string, kind: Intent['kind'], target: string | null];
const rows = (JSON.parse(readFileSync('tests/fixtures/phrasings.json', 'utf8')) as { phrasings: Row[] }).phrasings;

/** The part of an intent the label names: its ratio, line, family, topic, format or locale. */
function targetOf(i: Intent): string | null {
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

describe('owner phrasings corpus', () => {
  it(`has at least 300 varied phrasings (${rows.length})`, () => {
    assert.ok(rows.length >= 300);
    assert.equal(new Set(rows.map((r) => r[0])).size, rows.length, 'no duplicates');
  });

  it('understands at least 95 % of them, per category and overall', () => {
    const byKind = new Map<string, { ok: number; n: number; misses: string[] }>();
    for (const [text, kind, target] of rows) {
      const got = understand(text).intent;
      const ok = got.kind === kind && targetOf(got) === target;
      const s = byKind.get(kind) ?? { ok: 0, n: 0, misses: [] };
      s.n++;
      if (ok) s.ok++;
      else s.misses.push(`${text} → ${got.kind}:${targetOf(got)}`);
      byKind.set(kind, s);
    }
    const total = [...byKind.values()].reduce((a, s) => ({ ok: a.ok + s.ok, n: a.n + s.n }), { ok: 0, n: 0 });
    const report = [...byKind].map(([k, s]) => `${k} ${s.ok}/${s.n}${s.misses.length ? `\n    ${s.misses.join('\n    ')}` : ''}`).join('\n  ');
    console.log(`# phrasings understood: ${total.ok}/${total.n} (${((100 * total.ok) / total.n).toFixed(1)} %)\n  ${report}`);
    assert.ok(total.ok / total.n >= 0.95, `${total.ok}/${total.n}`);
  });
});
