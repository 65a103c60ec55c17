import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { companiesNamed } from '../../bot/core/company-match.ts';
import { correctTypos, understand, withFollowUp } from '../../bot/core/follow-up.ts';
import { QUESTION_VOCABULARY } from '../../domain/questions/intent-words.ts';
import { parseIntent, type Intent } from '../../domain/questions/intents.ts';

const follow = (text: string, last: string): Intent => withFollowUp(text, understand(text).intent, parseIntent(last).intent);

describe('follow-ups carry the last subject', () => {
  it('another period, another ratio, why', () => {
    assert.deepEqual(follow("peki 2023'te?", '2024 cari oranı'), { kind: 'ratio_value', ratioId: 'current_ratio', period: '2023' });
    assert.deepEqual(follow('ya nakit oranı?', '2023 cari oranı'), { kind: 'ratio_value', ratioId: 'cash_ratio', period: '2023' });
    assert.deepEqual(follow('ya nakit oranı?', 'cari oranı karşılaştır'), { kind: 'compare', ratioId: 'cash_ratio' });
    assert.deepEqual(follow('neden?', 'cari oran kaç'), { kind: 'why', ratioId: 'current_ratio' });
    assert.deepEqual(follow('and in 2023?', 'how much cash do we have'), { kind: 'line', line: 'CASH', period: '2023' });
    assert.deepEqual(follow('ya stoklar?', 'satışlar ne kadar arttı'), { kind: 'growth', line: 'INV' });
  });

  it('a full question is never rewritten by the last one', () => {
    assert.deepEqual(follow('kasada ne kadar para var', '2023 cari oranı'), { kind: 'line', line: 'CASH' });
    assert.deepEqual(follow('hangi oranlar zayıf?', 'cari oran kaç'), { kind: 'weak' });
    assert.deepEqual(withFollowUp("peki 2023'te?", parseIntent("peki 2023'te?").intent, undefined), { kind: 'ratios', period: '2023' });
  });
});

describe('typos and company names', () => {
  it('corrects a word one edit from the vocabulary, only when otherwise not understood', () => {
    assert.equal(correctTypos('cari orn kac'), 'cari oran kac');
    assert.deepEqual(understand('cari orn kac').intent, { kind: 'ratio_value', ratioId: 'current_ratio' });
    assert.equal(understand('bugün hava nasıl').intent.kind, 'unknown');
  });

  it('names a company in any spelling, asks when two tie, and never by the bot\'s own words', () => {
    const companies = [
      { id: 1, name: 'Örnek Gıda San. ve Tic. A.Ş.' },
      { id: 2, name: 'Örnek İnşaat A.Ş.' },
      { id: 3, name: 'Net Yazılım Ltd. Şti.' },
      { id: 4, name: 'Kar Tekstil A.Ş.' },
    ];
    const ids = (text: string) => companiesNamed(text, companies, QUESTION_VOCABULARY).map((c) => c.id);
    assert.deepEqual(ids('Örnek Gıda 2024 net kar marjı'), [1]);
    assert.deepEqual(ids('ornek gida cari oran'), [1]);
    assert.deepEqual(ids("örnek inşaat'ın borçları"), [2]);
    assert.deepEqual(ids('örnek cari oranı'), [1, 2]);
    assert.deepEqual(ids('net kar ne kadar'), [], '"net" and "kar" are questions, not companies');
    assert.deepEqual(ids('net yazılım net kar'), [3]);
    assert.deepEqual(ids('tekstil net kar'), [4]);
    assert.deepEqual(ids('kasada ne kadar para var'), []);
  });
});
