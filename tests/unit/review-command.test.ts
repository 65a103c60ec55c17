import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReviewCommand } from '../../bot/core/review-command.ts';

describe('parseReviewCommand', () => {
  it('reads confirmations in Turkish and English, any case', () => {
    // Capitals folded, not Turkish-lower-cased: "CONFIRM" is not "confırm", "FIX" not "fıx".
    for (const text of ['onayla', 'ONAYLA', 'Onaylıyorum', 'ONAYLIYORUM', 'confirm', ' Confirm ', 'CONFIRM', 'ok', 'OK', 'okay']) {
      assert.deepEqual(parseReviewCommand(text), { action: 'confirm' }, text);
    }
  });

  it('reads a correction typed in capitals', () => {
    assert.deepEqual(parseReviewCommand('FIX 102 2024 1,234.56'), { action: 'correct', corrections: [{ key: '102', period: '2024-12-31', value: 1234.56 }] });
    assert.deepEqual(parseReviewCommand('DÜZELT 102 2024 1.234,56'), { action: 'correct', corrections: [{ key: '102', period: '2024-12-31', value: 1234.56 }] });
  });

  it('reads a Turkish correction with thousands dots and a decimal comma', () => {
    assert.deepEqual(parseReviewCommand('düzelt 102 2024 1.234,56'), {
      action: 'correct',
      corrections: [{ key: '102', period: '2024-12-31', value: 1234.56 }],
    });
    assert.deepEqual(parseReviewCommand('Düzelt 102 2023 12.345.678,9'), {
      action: 'correct',
      corrections: [{ key: '102', period: '2023-12-31', value: 12345678.9 }],
    });
    // Without the Turkish letter, as typed on an English keyboard.
    assert.deepEqual(parseReviewCommand('duzelt 120 2024 250.000'), {
      action: 'correct',
      corrections: [{ key: '120', period: '2024-12-31', value: 250000 }],
    });
  });

  it('reads an English correction with thousands commas and a decimal point', () => {
    assert.deepEqual(parseReviewCommand('fix 102 2024 1,234.56'), {
      action: 'correct',
      corrections: [{ key: '102', period: '2024-12-31', value: 1234.56 }],
    });
    assert.deepEqual(parseReviewCommand('correct 320 2024 98765'), {
      action: 'correct',
      corrections: [{ key: '320', period: '2024-12-31', value: 98765 }],
    });
  });

  it('keeps the sign of negative amounts (minus or parentheses) and upper-cases named keys', () => {
    assert.deepEqual(parseReviewCommand('düzelt 591 2024 -1.000,00'), {
      action: 'correct',
      corrections: [{ key: '591', period: '2024-12-31', value: -1000 }],
    });
    assert.deepEqual(parseReviewCommand('düzelt 591 2024 (2.500,50)'), {
      action: 'correct',
      corrections: [{ key: '591', period: '2024-12-31', value: -2500.5 }],
    });
    assert.deepEqual(parseReviewCommand('fix net_sales 2024 10'), {
      action: 'correct',
      corrections: [{ key: 'NET_SALES', period: '2024-12-31', value: 10 }],
    });
  });

  it('is null for anything else, so the text goes on as a question', () => {
    for (const text of ['cari oran kaç?', 'onayla lütfen şunu', 'düzelt 102', 'düzelt 102 24 100', 'fix 102 2024 abc', 'fix 102 2024 1.2.3,4,5x', '']) {
      assert.equal(parseReviewCommand(text), null, text);
    }
  });
});
