import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIMENSIONS, drawLayout, fuzzDraw } from '../generator/fuzz/index.ts';
import { scoreDraw } from '../generator/fuzz/score.ts';

/**
 * Property over a small draw of the layout fuzzer (the full run is `npm run eval -- --fuzz
 * 500`): whatever the layout, the reader never states a wrong figure under `ok`, and a
 * reading that says `ok` is exact in every item.
 */
const FIRST_SEED = 1001;
const DRAWS = 20;

describe('layout fuzzer', () => {
  it('draws are reproducible and record a value for every dimension', () => {
    assert.ok(Object.keys(DIMENSIONS).length >= 25);
    const a = drawLayout(42);
    assert.deepEqual(drawLayout(42), a);
    for (const [dim, values] of Object.entries(DIMENSIONS)) assert.ok((values as readonly string[]).includes(a[dim as keyof typeof a]), dim);
  });

  for (let seed = FIRST_SEED; seed < FIRST_SEED + DRAWS; seed++) {
    it(`seed ${seed}: no silent error, ok means exact`, async () => {
      const s = await scoreDraw(await fuzzDraw(seed));
      const detail = `npm run eval -- --fuzz-seed ${seed} --verbose: ${[...s.wrong, ...s.missing, ...s.extra, ...s.factsWrong].slice(0, 6).join('; ')}`;
      assert.equal(s.silent, false, detail);
      if (s.status === 'ok') assert.equal(s.exact, s.items, detail);
    });
  }
});
