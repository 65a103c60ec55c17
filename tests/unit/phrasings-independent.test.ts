import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadPhrasings, scorePhrasings } from '../helpers/phrasing-score.ts';

/**
 * A second corpus (tests/fixtures/phrasings-independent.json), written apart from the first
 * one and from the parser's word lists, the way accountants and owners write in a thread:
 * it measures how the intents do on wording they were not built from. At least 90 %.
 */
const rows = loadPhrasings('tests/fixtures/phrasings-independent.json');

describe('independent phrasings corpus', () => {
  it(`has at least 80 phrasings, none copied from the first corpus (${rows.length})`, () => {
    assert.ok(rows.length >= 80);
    assert.equal(new Set(rows.map((r) => r[0])).size, rows.length, 'no duplicates');
    const first = new Set(loadPhrasings('tests/fixtures/phrasings.json').map((r) => r[0].toLocaleLowerCase('tr')));
    assert.deepEqual(rows.filter((r) => first.has(r[0].toLocaleLowerCase('tr'))).map((r) => r[0]), []);
  });

  it('understands at least 90 % of them', () => {
    const s = scorePhrasings(rows);
    console.log(`# independent phrasings understood: ${s.report}`);
    assert.ok(s.ok / s.n >= 0.9, `${s.ok}/${s.n}`);
  });
});
