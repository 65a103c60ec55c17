import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDigestCommand } from '../../domain/digest-command.ts';

describe('digest command arguments', () => {
  it('takes cadence, company, time and alerts-only in any order', () => {
    const want = { action: 'create', cadence: 'monthly', company: 'Örnek', time: '08:30', alertsOnly: true };
    for (const args of ['monthly Örnek 08:30 alerts-only', 'monthly alerts-only 08:30 Örnek', 'Örnek aylık 8.30 sadece-uyarı', '08:30 Örnek alerts-only monthly']) {
      assert.deepEqual(parseDigestCommand(args.split(' ')), want, args);
    }
    assert.deepEqual(parseDigestCommand(['weekly', 'Acme', 'Gıda']), { action: 'create', cadence: 'weekly', company: 'Acme Gıda', time: '09:00', alertsOnly: false });
  });

  it('asks again instead of guessing when arguments conflict', () => {
    assert.deepEqual(parseDigestCommand(['weekly', '08:30', '09:00']), { action: 'invalid', reason: 'time' });
    assert.deepEqual(parseDigestCommand(['weekly', 'monthly', 'Acme']), { action: 'invalid', reason: 'usage' });
    assert.deepEqual(parseDigestCommand(['weekly', '25:00']), { action: 'invalid', reason: 'time' });
    assert.deepEqual(parseDigestCommand(['run-now', '3']), { action: 'run-now', id: 3 });
  });
});
