import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFactCommand } from '../../bot/core/fact-command.ts';
import { ReviewDecision } from '../../contracts/workflow.ts';
import type { ExtractedLine, ExtractedStatement } from '../../domain/extracted-statement.ts';
import { applyFactAnswer, FactAnswerError, settleFacts, unsureFacts, userAnswersOf } from '../../domain/facts.ts';
import { netProfitScaleCheck, perShareScaleCheck, UNIT_SIGNALS } from '../../domain/unit-signals.ts';
import { validateExtraction } from '../../domain/validate-extraction.ts';
import { factAnswerAck, factQuestion } from '../../domain/wording/fact-text.ts';
import { reviewAck } from '../../domain/wording/review-message.ts';

const P = '2024-12-31';
const line = (key: string | null, label: string, kurus: number, extra: Partial<ExtractedLine> = {}): ExtractedLine =>
  ({ key, label, page: 1, statement: key && /^[1-5]|TOTAL/.test(key) ? 'balance_sheet' : 'income_statement', values: { [P]: kurus }, confidence: 1, source: 'text', ...extra });
const statement = (lines: ExtractedLine[], unit: ExtractedStatement['unit'] = 'TL'): ExtractedStatement => ({
  companyName: 'Deniz Lojistik', taxId: null, unit, currency: 'TRY', periods: [P], statements: ['balance_sheet', 'income_statement'], lines,
  facts: { company: { sure: false }, taxId: { sure: false }, unit: { sure: false }, currency: { sure: true } },
});

describe('fact commands a user can type (or press)', () => {
  it('reads the unit in Turkish and English, with or without the word "birim" / "unit"', () => {
    const unit = (text: string) => { const d = parseFactCommand(text); return d?.action === 'fact' ? d.answer : null; };
    for (const t of ['birim bin TL', 'Birim: Bin TL', 'bin TL', 'unit thousands', 'unit: thousands of TL', 'UNIT 000']) assert.deepEqual(unit(t), { fact: 'unit', value: 'Bin TL' }, t);
    for (const t of ['birim milyon TL', 'milyon tl', 'unit millions', 'unit in millions']) assert.deepEqual(unit(t), { fact: 'unit', value: 'Milyon TL' }, t);
    for (const t of ['birim TL', 'birim tam TL', 'unit units', 'unit TL']) assert.deepEqual(unit(t), { fact: 'unit', value: 'TL' }, t);
  });

  it('reads the company (with its colon, case kept) and the currency; anything else is no fact', () => {
    assert.deepEqual(parseFactCommand('şirket: Deniz Lojistik A.Ş.'), { action: 'fact', answer: { fact: 'company', value: 'Deniz Lojistik A.Ş.' } });
    assert.deepEqual(parseFactCommand('Company: Acme Trading Ltd'), { action: 'fact', answer: { fact: 'company', value: 'Acme Trading Ltd' } });
    assert.deepEqual(parseFactCommand('para birimi USD'), { action: 'fact', answer: { fact: 'currency', value: 'USD' } });
    assert.deepEqual(parseFactCommand('currency: tl'), { action: 'fact', answer: { fact: 'currency', value: 'TRY' } });
    for (const t of ['şirket kârlı mı?', 'birim ne?', 'unit dozens', 'para birimi dolarlar', 'currency XY', 'şirket: X', 'bin', 'net kar 2024']) assert.equal(parseFactCommand(t), null, t);
    // What the bot signals is what the workflow contract accepts.
    assert.ok(ReviewDecision.safeParse(parseFactCommand('birim bin TL')).success);
  });
});

describe('applying an answer', () => {
  const read = statement([line('NET_PROFIT', 'Dönem net karı', 123_456_00, { variantValues: { [P]: 7_00 } }), line('590', 'Dönem net karı', 123_456_00)]);

  it('a unit rescales every amount exactly (integer kuruş) and makes the unit sure, answered by the user', () => {
    const thousands = applyFactAnswer(read, { fact: 'unit', value: 'Bin TL' });
    assert.equal(thousands.unit, 'Bin TL');
    assert.equal(thousands.lines[0]!.values[P], 123_456_000_00);
    assert.equal(thousands.lines[0]!.variantValues![P], 7_000_00);
    assert.deepEqual(thousands.facts!.unit, { sure: true, source: 'user', text: 'Bin TL' });
    assert.equal(read.lines[0]!.values[P], 123_456_00, 'the reading itself is not changed');
    // Back again, and on to millions: each step exact.
    assert.equal(applyFactAnswer(thousands, { fact: 'unit', value: 'TL' }).lines[0]!.values[P], 123_456_00);
    assert.equal(applyFactAnswer(read, { fact: 'unit', value: 'Milyon TL' }).lines[1]!.values[P], 123_456_000_000_00);
  });

  it('refuses a rescale that is not exact instead of rounding', () => {
    // 1,23 kuruş read as thousands is no figure printed in thousands: undoing the scale would round.
    assert.throws(() => applyFactAnswer(statement([line('590', 'x', 1_23)], 'Bin TL'), { fact: 'unit', value: 'TL' }), FactAnswerError);
  });

  it('a company or currency replaces the read one; the answers are carried into a re-run', () => {
    const named = applyFactAnswer(read, { fact: 'company', value: 'Deniz Lojistik A.Ş.' });
    assert.equal(named.companyName, 'Deniz Lojistik A.Ş.');
    assert.equal(named.facts!.company.source, 'user');
    const usd = applyFactAnswer(named, { fact: 'currency', value: 'USD' });
    assert.equal(usd.currency, 'USD');
    assert.deepEqual(userAnswersOf({ facts: usd.facts, unit: usd.unit, company: { name: usd.companyName, taxId: null }, currency: usd.currency }), [
      { fact: 'company', value: 'Deniz Lojistik A.Ş.' },
      { fact: 'currency', value: 'USD' },
    ]);
  });
});

describe('a unit the figures question is unsure, and asked', () => {
  it('a failed unit check makes a printed unit unsure; the user\'s answer stays sure', () => {
    const facts = { company: { sure: true }, taxId: { sure: true }, unit: { sure: true, text: '(Bin TL)' }, currency: { sure: true } };
    const checks = [{ id: UNIT_SIGNALS.net_profit.id, ok: false }];
    assert.equal(settleFacts(facts, checks)!.unit.sure, false);
    assert.deepEqual(unsureFacts(facts, checks), ['unit']);
    assert.deepEqual(unsureFacts(facts, []), []);
    assert.deepEqual(unsureFacts({ ...facts, unit: { sure: true, source: 'user' } }, checks), []);
  });

  it('(c) the balance sheet\'s profit a thousand times the income statement\'s questions the unit; equal or unrelated ones do not', () => {
    const at = (income: number, balance: number) => netProfitScaleCheck(statement([line('NET_PROFIT', 'Dönem net karı', income), line('590', 'Dönem net karı', balance)]));
    const check = at(1_234_567_00, 1_235_00);
    assert.equal(check?.id, UNIT_SIGNALS.net_profit.id);
    assert.equal(check?.ok, false);
    assert.ok(at(-2_000_00, -2_000_000_00), 'a loss, the other way round');
    assert.equal(at(1_234_567_00, 1_234_567_00), null);
    assert.equal(at(1_234_567_00, 1_000_00), null, 'a different figure is a sum that does not tie, not a scale');
    assert.equal(at(1_234_567_00, -1_235_00), null);
    // Through validation: a warning-style unit check beside the failed net-profit match.
    const v = validateExtraction(statement([line('NET_PROFIT', 'Dönem net karı', 1_234_567_00), line('590', 'Dönem net karı', 1_235_00)]));
    assert.ok(v.checks.some((c) => c.id === UNIT_SIGNALS.net_profit.id && !c.ok));
  });

  it('(b) earnings per share that fit net profit / shares only at another scale question the unit', () => {
    // Printed in thousands: net profit 5.000 (Bin TL), 10.000.000 shares, EPS 0,50 TL.
    const printed = (unit: ExtractedStatement['unit'], scale: number) => statement([
      line('NET_PROFIT', 'Dönem net karı', 5_000 * scale * 100),
      line(null, 'Ağırlıklı ortalama pay sayısı', 10_000_000 * scale * 100),
      line(null, 'Hisse başına kazanç', 50 * scale),
    ], unit);
    assert.equal(perShareScaleCheck(printed('Bin TL', 1000), 1000), null, 'read in thousands: consistent');
    assert.equal(perShareScaleCheck(printed('TL', 1), 1)?.id, UNIT_SIGNALS.per_share.id, 'read as TL: EPS needs ×1000');
    assert.equal(perShareScaleCheck(printed('Milyon TL', 1_000_000), 1_000_000)?.id, UNIT_SIGNALS.per_share.id);
    // Without a share count nothing can be said.
    assert.equal(perShareScaleCheck(statement([line('NET_PROFIT', 'Dönem net karı', 5_000_00), line(null, 'Hisse başına kazanç', 50)]), 1), null);
  });
});

describe('the question and the replies, in the user\'s language', () => {
  const read = { company: { name: 'Deniz *Lojistik*', taxId: null }, unit: 'TL' as const, currency: 'TRY' };
  it('names what was read, why it is doubted, and how to answer (TR and EN)', () => {
    const tr = factQuestion(read, ['unit', 'company'], ['Bilançodaki dönem karı …'], 'tr', 30);
    const trText = `${tr.text}\n${tr.sections!.flatMap((s) => s.lines).join('\n')}`;
    assert.match(trText, /tam birim olarak alındı/);
    assert.match(trText, /şirket: Deniz ∗Lojistik∗/, 'a name from the PDF is inert in chat markup');
    assert.match(trText, /• Bilançodaki dönem karı/);
    assert.match(trText, /`birim bin TL`/);
    assert.match(trText, /30 dakika içinde yanıt gelmezse/);
    const en = factQuestion({ ...read, unit: 'Bin TL' }, ['unit', 'currency'], [], 'en', 0.05);
    const enText = `${en.text}\n${en.sections!.flatMap((s) => s.lines).join('\n')}`;
    assert.match(enText, /unit read as Bin TL but the figures do not fit it/);
    assert.match(enText, /`unit thousands`/);
    assert.match(enText, /`currency USD`/);
    assert.match(enText, /0\.05 minutes/);
  });

  it('acknowledges an answer as taken, re-run, already applied or impossible', () => {
    const unit = { action: 'fact', answer: { fact: 'unit', value: 'Bin TL' } } as const;
    assert.equal(reviewAck(unit, 'waiting', 'tr'), 'Teşekkürler, birim: bin TL; yeniden hesaplıyorum.');
    assert.equal(reviewAck(unit, 'waiting', 'en'), 'Thanks, unit: thousands; recomputing.');
    assert.match(factAnswerAck({ fact: 'currency', value: 'USD' }, 'rerun', 'tr'), /para birimi: USD; tablo bu bilgiyle yeniden analiz ediliyor/);
    assert.match(factAnswerAck({ fact: 'company', value: 'X A.Ş.' }, 'already', 'en'), /already applied/);
    assert.match(factAnswerAck({ fact: 'unit', value: 'TL' }, 'file_gone', 'tr'), /yeniden gönderin/);
    assert.equal(reviewAck({ action: 'confirm' }, 'none_waiting', 'tr'), 'Şu anda onay bekleyen bir tablo yok.');
  });
});
