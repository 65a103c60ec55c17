import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadPhrasings, scorePhrasings } from '../helpers/phrasing-score.ts';

/**
 * Owners' phrasings (tests/fixtures/phrasings.json, written from the domain, not from the
 * parser's word lists): at least 95 % must be understood as the labelled intent and target.
 */
const rows = loadPhrasings('tests/fixtures/phrasings.json');

describe('owner phrasings corpus', () => {
  it(`has at least 300 varied phrasings (${rows.length})`, () => {
    assert.ok(rows.length >= 300);
    assert.equal(new Set(rows.map((r) => r[0])).size, rows.length, 'no duplicates');
  });

  it('understands at least 95 % of them, per category and overall', () => {
    const s = scorePhrasings(rows);
    console.log(`# phrasings understood: ${s.report}`);
    assert.ok(s.ok / s.n >= 0.95, `${s.ok}/${s.n}`);
  });
});
