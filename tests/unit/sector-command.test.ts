import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { naceSection, normalizeNace, parseSectorCommand } from '../../domain/questions/sector-command.ts';

describe('sector command', () => {
  it('reads a NACE code in the forms people type, stored as section letter + division', () => {
    assert.deepEqual(parseSectorCommand('sektör C10'), { kind: 'set', code: 'C10' });
    assert.deepEqual(parseSectorCommand('Sektor: 51.10'), { kind: 'set', code: 'H51' });
    assert.deepEqual(parseSectorCommand('sector h51'), { kind: 'set', code: 'H51' });
    assert.deepEqual(parseSectorCommand('NACE kodu 1'), { kind: 'set', code: 'A01' });
    assert.deepEqual(parseSectorCommand('sektörümüz 47.11.01'), { kind: 'set', code: 'G47' });
    assert.deepEqual(parseSectorCommand('sector F'), { kind: 'set', code: 'F' });
  });

  it('refuses a letter that contradicts the division, and numbers that are no division', () => {
    assert.deepEqual(parseSectorCommand('sektör C51'), { kind: 'invalid', raw: 'c51' });
    assert.deepEqual(parseSectorCommand('sektör 04'), { kind: 'invalid', raw: '04' });
    assert.equal(normalizeNace('Z10'), null);
  });

  it('leaves other messages alone', () => {
    assert.equal(parseSectorCommand('sektöre göre cari oran iyi mi?'), null);
    assert.equal(parseSectorCommand('net satışlar'), null);
    assert.equal(parseSectorCommand('sektör ortalaması nedir?'), null);
    assert.deepEqual(parseSectorCommand('sector airlines'), { kind: 'invalid', raw: 'airlines' });
  });

  it('maps every division to its section (edges of the NACE table)', () => {
    assert.equal(naceSection(3), 'A');
    assert.equal(naceSection(33), 'C');
    assert.equal(naceSection(53), 'H');
    assert.equal(naceSection(99), 'U');
    assert.equal(naceSection(4), null);
    assert.equal(naceSection(100), null);
  });
});
