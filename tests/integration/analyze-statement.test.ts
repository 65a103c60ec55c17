import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { WorkflowFailedError } from '@temporalio/client';
import { Analysis } from '../../contracts/analysis.ts';
import { loadAnalysis } from '../../db/queries/analysis.ts';
import { failureCode } from '../../lib/failure-code.ts';
import { submitStatement } from '../../app/submit-statement.ts';
import { generateStatement, type Truth } from '../generator/index.ts';
import { childEnv, startTestRuntime } from '../helpers/test-runtime.ts';
import { commandArgs } from '../helpers/command.ts';

const run = promisify(execFile);
const workspace = { kind: 'local' as const, externalId: 'integration', name: 'Integration' };

describe('analyzeStatement on a real Temporal dev server and Postgres', () => {
  let ctx: Awaited<ReturnType<typeof startTestRuntime>>;
  let pdf: Uint8Array;
  let truth: Truth;

  before(async () => {
    ctx = await startTestRuntime();
    ({ pdf, truth } = await generateStatement({ seed: 4242, layout: 't1-detailed', periods: ['2024-12-31', '2023-12-31'] }));
  });
  after(async () => ctx?.cleanup());

  it('stores the document, its statements and an analysis whose items equal the generated truth', async () => {
    const { rt } = ctx;
    const started = await submitStatement(rt, { workspace, fileName: 'generated.pdf', bytes: pdf });
    const result = await started.result();
    assert.equal(result.status, 'done');
    assert.equal(result.method, 'text');

    // CPU-heavy steps are scheduled on their own task queue (served by OCR/render workers).
    const history = await rt.client.workflow.getHandle(started.workflowId).fetchHistory();
    const queues = Object.fromEntries(
      (history.events ?? []).filter((e) => e.activityTaskScheduledEventAttributes).map((e) => [e.activityTaskScheduledEventAttributes!.activityType!.name!, e.activityTaskScheduledEventAttributes!.taskQueue!.name!]),
    );
    assert.equal(queues.extractStatement, `${ctx.config.TEMPORAL_TASK_QUEUE}-heavy`);
    assert.equal(queues.renderReports, `${ctx.config.TEMPORAL_TASK_QUEUE}-heavy`);
    assert.equal(queues.intakeDocument, ctx.config.TEMPORAL_TASK_QUEUE);

    const doc = await rt.db.selectFrom('documents').selectAll().where('id', '=', result.documentId).executeTakeFirstOrThrow();
    assert.equal(doc.status, 'done');
    assert.equal(doc.method, 'text');
    assert.equal(doc.pages, result.pages);
    assert.equal(doc.error_code, null);

    const analysis = await loadAnalysis(rt.db, result.documentId);
    assert.ok(analysis);
    assert.deepEqual(analysis.periods, truth.periods);
    assert.deepEqual(analysis.statements, truth.statements);
    assert.equal(analysis.unit, truth.unit);
    assert.equal(analysis.company.taxId, truth.company.taxId);
    assert.equal(analysis.company.name, truth.company.name);
    assert.deepEqual(analysis.items, truth.items);
    assert.equal(analysis.validation.status, 'ok');

    // The current ratio recomputed from the truth, independently of the ratio code.
    for (const p of truth.periods) {
      const expected = truth.items['1']![p]! / truth.items['3']![p]!;
      assert.ok(Math.abs(analysis.ratios.current_ratio![p]! - expected) < 1e-9, `current ratio ${p}`);
    }

    const stored = await rt.db.selectFrom('financial_statements').selectAll().where('document_id', '=', result.documentId).execute();
    assert.equal(stored.length, truth.periods.length * truth.statements.length);
    const bs = stored.find((s) => s.type === 'balance_sheet' && s.period_end === truth.periods[0]);
    assert.equal(bs?.items.TOTAL_ASSETS, truth.items.TOTAL_ASSETS![truth.periods[0]!]);

    const exports = await rt.db.selectFrom('exports').select(['format', 'storage_key']).where('document_id', '=', result.documentId).execute();
    assert.ok(exports.some((e) => e.format === 'xlsx'));
    const png = exports.find((e) => e.format.startsWith('chart:'));
    assert.ok(png);
    const bytes = await rt.storage.get(png.storage_key);
    assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
  });

  it('rejects a file that is not a PDF with a non-retryable, coded failure and a failed document', async () => {
    const { rt } = ctx;
    const started = await submitStatement(rt, { workspace, fileName: 'not-really.pdf', bytes: Buffer.from('hello, this is a text file') });
    const err = await started.result().then(() => null, (e: unknown) => e);
    assert.ok(err instanceof WorkflowFailedError);
    assert.equal(failureCode(err).code, 'not_pdf');
    const doc = await rt.db.selectFrom('documents').selectAll().where('file_name', '=', 'not-really.pdf').executeTakeFirstOrThrow();
    assert.equal(doc.status, 'failed');
    assert.equal(doc.error_code, 'not_pdf');
  });

  it('npm run analyze writes analysis.json, summary.md, report.xlsx and charts, and exits non-zero on a bad file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lodge-cli-'));
    const good = path.join(dir, 'acme-2024.pdf');
    const bad = path.join(dir, 'broken.pdf');
    await writeFile(good, pdf);
    await writeFile(bad, Buffer.from('%PDF-1.7\n garbage that is not a PDF body'));
    const env = childEnv(ctx.env, { TEMPORAL_TASK_QUEUE: `cli-${process.pid}` });
    const out = path.join(dir, 'out');
    const res = await run(process.execPath, commandArgs('analyze', [good, bad, '--out', out]), { env }).then(
      () => ({ code: 0, stdout: '' }),
      (e: { code: number; stdout: string }) => e,
    );
    assert.equal(res.code, 1, 'a failed file makes the command fail');
    assert.match(res.stdout, /FAILED\s+broken\.pdf\s+corrupt_pdf/);
    assert.match(res.stdout, /ok\s+acme-2024\.pdf\s+method=text/);
    const written = JSON.parse(await readFile(path.join(out, 'acme-2024', 'analysis.json'), 'utf8'));
    assert.deepEqual(written.items, truth.items);
    // The contract's fields in order; the optional ones (facts, realChange, basis, …) only after them.
    const core = ['document', 'company', 'currency', 'unit', 'periods', 'statements', 'items', 'lines', 'validation', 'ratios', 'comparison', 'alerts'];
    assert.deepEqual(Object.keys(written).slice(0, core.length), core);
    assert.deepEqual(Object.keys(written).slice(core.length).filter((k) => !['basis', 'variants', 'facts', 'periodLengths', 'realChange'].includes(k)), []);
    assert.deepEqual(Analysis.parse(written).items, truth.items, 'the file is a valid analysis');
    const summary = await readFile(path.join(out, 'acme-2024', 'summary.md'), 'utf8');
    assert.ok(summary.includes(truth.company.name));
    const xlsx = await readFile(path.join(out, 'acme-2024', 'report.xlsx'));
    assert.equal(xlsx.subarray(0, 2).toString('latin1'), 'PK');
    const chart = await readFile(path.join(out, 'acme-2024', 'charts', 'ratios-liquidity.png'));
    assert.equal(chart.subarray(1, 4).toString('latin1'), 'PNG');
  });
});
