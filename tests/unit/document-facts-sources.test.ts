import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildAnalysis } from '../../domain/build-analysis.ts';
import { validateExtraction } from '../../domain/validate-extraction.ts';
import { summaryMarkdown } from '../../domain/wording/summary-text.ts';
import { chatSummary } from '../../domain/wording/chat-summary.ts';
import { parseStatement } from '../../reading/layout/statement-parser.ts';
import { line, pageOf, type Row } from './reading/page-words.ts';

const body: Row[] = [
  [[60, 'BİLANÇO'], [390, '31.12.2024'], [480, '31.12.2023']],
  line('Kasa', '100', '90'),
  line('DÖNEN VARLIKLAR TOPLAMI', '100', '90'),
  line('AKTİF TOPLAMI', '100', '90'),
  line('Sermaye', '100', '90'),
  line('PASİF TOPLAMI', '100', '90'),
];
const analysisOf = (head: Row[]) => {
  const statement = parseStatement([pageOf(3, [...head, ...body])]);
  return { statement, analysis: buildAnalysis({ file: 'x.pdf', sha256: 'x', pages: 3, method: 'text', pagesByMethod: { text: [3], ocr: [], vision: [] }, statement, validation: validateExtraction(statement) }) };
};

test('each document fact records the page and text it was read from, and whether the reader is sure', () => {
  const { statement } = analysisOf([[[60, 'Deniz Lojistik A.Ş.']], [[60, 'VKN: 1234567890']], [[60, '(Tutarlar Bin TL olarak gösterilmiştir)']]]);
  assert.deepEqual(statement.facts?.company, { page: 3, text: 'Deniz Lojistik A.Ş.', sure: true });
  assert.deepEqual(statement.facts?.taxId, { page: 3, text: 'VKN: 1234567890', sure: true });
  assert.equal(statement.unit, 'Bin TL');
  assert.deepEqual(statement.facts?.unit, { page: 3, text: '(Tutarlar Bin TL olarak gösterilmiştir)', sure: true });
});

test('a fact the document does not state is marked in the chat summary and the report summary, in TR and EN', () => {
  const { analysis } = analysisOf([[[60, 'Deniz Lojistik']]]);
  assert.equal(analysis.facts?.unit?.sure, false, 'no line declares the unit');
  assert.equal(analysis.facts?.company?.sure, false, 'a first line without a legal form');
  const tr = chatSummary(analysis, 'tr');
  assert.match(tr, /Belgede açıkça yazmıyor.*şirket: Deniz Lojistik.*tam birim/);
  assert.match(summaryMarkdown(analysis, 'en'), /Not stated plainly.*company: Deniz Lojistik.*whole units/);
  const sure = analysisOf([[[60, 'Deniz Lojistik A.Ş.']], [[60, '(TL)']]]).analysis;
  assert.doesNotMatch(chatSummary(sure, 'tr'), /Belgede açıkça yazmıyor/);
});
