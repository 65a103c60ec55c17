import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unusedDomainFunctions } from '../helpers/domain-exports.ts';

describe('domain functions', () => {
  it('every exported function in domain/ is used by the product, not only by tests', () => {
    assert.deepEqual(unusedDomainFunctions(process.cwd()), []);
  });
});
