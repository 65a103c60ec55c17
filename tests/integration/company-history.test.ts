import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { loadAnalysis } from '../../db/queries/analysis.ts';
import { analysisExtras, refreshAnalysisExtras } from '../../activities/company-extras.ts';
import { companyHistory } from '../../db/queries/statements.ts';
import type { Analysis } from '../../contracts/analysis.ts';
import { quartileOf } from '../../domain/benchmarks.ts';
import { formatRatioValue } from '../../domain/wording/format-number.ts';
import { submitStatement } from '../../app/submit-statement.ts';
import { generateStatement, type Truth } from '../generator/index.ts';
import { childEnv, startTestRuntime } from '../helpers/test-runtime.ts';
import { commandArgs } from '../helpers/command.ts';

const run = promisify(execFile);
const workspace = { kind: 'local' as const, externalId: 'history', name: 'History' };
const P23 = '2023-12-31';
const P24 = '2024-12-31';
const COMPANY = 'Tarihçe Deneme Gıda Sanayi A.Ş.';

/** The comparison rows 2023 -> 2024 expected from two truths (blank = 0), independently of the code. */
function expectedComparison(t23: Truth, t24: Truth): Map<string, { change: number; changePct: number | null }> {
  const keys = new Set([...Object.keys(t23.items), ...Object.keys(t24.items)]);
  const out = new Map<string, { change: number; changePct: number | null }>();
  for (const key of keys) {
    const a = t23.items[key]?.[P23] ?? 0;
    const b = t24.items[key]?.[P24] ?? 0;
    out.set(key, { change: b - a, changePct: a === 0 ? null : ((b - a) / Math.abs(a)) * 100 });
  }
  return out;
}

function assertComparison(analysis: Analysis, t23: Truth, t24: Truth): void {
  const expected = expectedComparison(t23, t24);
  assert.ok(analysis.comparison.length > 0, 'a comparison');
  assert.equal(analysis.comparison.length, expected.size);
  for (const row of analysis.comparison) {
    assert.deepEqual([row.from, row.to], [P23, P24], row.key);
    const e = expected.get(row.key);
    assert.ok(e, `unexpected key ${row.key}`);
    assert.ok(Math.abs(row.change - e.change) < 0.005, `${row.key}: change ${row.change} != ${e.change}`);
    if (e.changePct === null) assert.equal(row.changePct, null, row.key);
    else assert.ok(Math.abs(row.changePct! - e.changePct) < 1e-6, `${row.key}: ${row.changePct} != ${e.changePct}`);
  }
}

describe('company history across uploads, on a real Temporal dev server and Postgres', () => {
  let ctx: Awaited<ReturnType<typeof startTestRuntime>>;
  let t23: Truth;
  let t24: Truth;
  let pdf23: Uint8Array;
  let pdf24: Uint8Array;
  let doc23: number;
  let doc24: number;

  before(async () => {
    ctx = await startTestRuntime();
    ({ pdf: pdf23, truth: t23 } = await generateStatement({ seed: 7301, layout: 't1-detailed', periods: [P23], companyName: COMPANY }));
    ({ pdf: pdf24, truth: t24 } = await generateStatement({ seed: 7302, layout: 't1-detailed', periods: [P24], companyName: COMPANY, taxId: t23.company.taxId }));
  });
  after(async () => ctx?.cleanup());

  it('compares the second upload’s 2024 with the first upload’s 2023', async () => {
    const { rt } = ctx;
    const r23 = await (await submitStatement(rt, { workspace, fileName: 'tarihce-2023.pdf', bytes: pdf23 })).result();
    assert.equal(r23.status, 'done');
    doc23 = r23.documentId;
    const a23 = (await loadAnalysis(rt.db, doc23))!;
    assert.deepEqual(a23.items, t23.items);
    assert.deepEqual(a23.comparison, [], 'nothing to compare with yet');

    const r24 = await (await submitStatement(rt, { workspace, fileName: 'tarihce-2024.pdf', bytes: pdf24 })).result();
    assert.equal(r24.status, 'done');
    doc24 = r24.documentId;
    const a24 = (await loadAnalysis(rt.db, doc24))!;
    // analysis.json stays the document's own: its periods and items only.
    assert.deepEqual(a24.periods, [P24]);
    assert.deepEqual(a24.items, t24.items);
    assert.deepEqual(Object.keys(a24.ratios.current_ratio!), [P24]);
    assertComparison(a24, t23, t24);

    // Both documents belong to one company; its history holds both years.
    const docs = await rt.db.selectFrom('documents').select(['id', 'company_id']).where('id', 'in', [doc23, doc24]).execute();
    assert.equal(new Set(docs.map((d) => d.company_id)).size, 1);
    const history = await companyHistory(rt.db, docs[0]!.company_id!);
    assert.deepEqual([...new Set(history.map((h) => h.period_end))], [P23, P24]);
  });

  it('stores extras: the periods and their sources, no trend with two periods, a plain "no sector" benchmark note', async () => {
    const { rt } = ctx;
    const extras = (await refreshAnalysisExtras(rt.db, doc24))!;
    assert.deepEqual(extras.periods, [P23, P24]);
    assert.deepEqual(extras.sources, { [P23]: [doc23], [P24]: [doc24] });
    assert.equal(extras.trends, null, 'two periods: no trend yet');
    assert.equal(extras.realTrends, null);
    assert.deepEqual(extras.benchmarks, { status: 'no_sector', period: P24 });
    // What no output reads is not stored.
    for (const gone of ['comparison', 'drivers', 'alertsEn']) assert.ok(!(gone in extras), gone);
    // Stored: read back without recomputing.
    const row = await rt.db.selectFrom('analysis_results').select('extras').where('document_id', '=', doc24).executeTakeFirstOrThrow();
    assert.deepEqual(row.extras, JSON.parse(JSON.stringify(extras)));
  });

  it('benchmarks:load validates a CSV, loads it, assigns the sector, and the analysis shows the quartile', async () => {
    const { rt } = ctx;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lodge-bench-'));
    const env = childEnv(ctx.env);
    const bad = path.join(dir, 'bad.csv');
    await writeFile(bad, 'sector_code,ratio_id,q1,median,q3,source,year\nT10,quick_ratio,1,2,3,Test,2024\n');
    const rejected = await run(process.execPath, commandArgs('load-benchmarks', [bad]), { env }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    assert.equal(rejected.code, 1);
    assert.match(rejected.stderr, /bad\.csv:2: ratio_id: unknown ratio id "quick_ratio"/);
    assert.equal((await rt.db.selectFrom('sector_benchmarks').select('id').execute()).length, 0, 'nothing loaded');

    // A test table made up here (q1 < median < q3 around the company's own value).
    const company = (await rt.db.selectFrom('documents').select('company_id').where('id', '=', doc24).executeTakeFirstOrThrow()).company_id!;
    const good = path.join(dir, 'good.csv');
    await writeFile(good, 'sector_code,ratio_id,q1,median,q3,source,year\nT10,current_ratio,0.5,1.0,100,Integration test table,2024\nT10,debt_ratio,0.1,0.2,0.3,Integration test table,2024\n');
    const { stdout } = await run(process.execPath, commandArgs('load-benchmarks', [good, '--assign', `${company}=T10`]), { env });
    assert.match(stdout, /2 row\(s\) added/);
    assert.match(stdout, new RegExp(`company ${company} .* -> sector T10`));

    const extras = (await analysisExtras(rt.db, doc24, { refresh: true }))!;
    assert.equal(extras.benchmarks?.status, 'ok');
    if (extras.benchmarks?.status !== 'ok') return;
    const pos = extras.benchmarks.positions.find((p) => p.id === 'current_ratio')!;
    const value = t24.items['1']![P24]! / t24.items['3']![P24]!;
    assert.ok(pos.status === 'positioned');
    assert.equal(pos.quartile, quartileOf(value, { q1: 0.5, median: 1, q3: 100 }));
    assert.equal(extras.benchmarks.positions.find((p) => p.id === 'gross_margin')!.status, 'no_benchmark');
  });

  it('a later upload of 2023 supersedes the earlier one; the old rows stay for audit', async () => {
    const { rt } = ctx;
    const { pdf } = await generateStatement({ seed: 7303, layout: 't1-detailed', periods: [P23], companyName: COMPANY, taxId: t23.company.taxId });
    const r = await (await submitStatement(rt, { workspace, fileName: 'tarihce-2023-duzeltilmis.pdf', bytes: pdf })).result();
    const old = await rt.db.selectFrom('financial_statements').select(['superseded_by']).where('document_id', '=', doc23).execute();
    assert.ok(old.length > 0 && old.every((s) => s.superseded_by !== null));
    const extras = (await refreshAnalysisExtras(rt.db, doc24))!;
    assert.deepEqual(extras.sources, { [P23]: [r.documentId], [P24]: [doc24] });
  });

  // One CLI run proves both: each yearly analysis.json compares with the year stored by the run
  // before it (the command stores a file before it reads the next), and the answers.
  it('npm run analyze --in-order on three yearly reports writes each year’s comparison and answers the history questions, from the stored history', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lodge-cli-answers-'));
    const company = 'Üç Yıl Deneme Tekstil A.Ş.';
    const years = ['2022', '2023', '2024'];
    const truths: Truth[] = [];
    const files: string[] = [];
    let taxId: string | undefined;
    for (const [i, y] of years.entries()) {
      const g = await generateStatement({ seed: 7401 + i, layout: 't1-detailed', periods: [`${y}-12-31`], companyName: company, ...(taxId ? { taxId } : {}) });
      taxId ??= g.truth.company.taxId ?? undefined;
      truths.push(g.truth);
      files.push(path.join(dir, `uc-yil-${y}.pdf`));
      await writeFile(files[i]!, g.pdf);
    }
    const env = childEnv(ctx.env, { TEMPORAL_TASK_QUEUE: `cli-answers-${process.pid}` });
    const out = path.join(dir, 'out');
    const { stdout } = await run(process.execPath, commandArgs('analyze', [...files, '--in-order', '--out', out, '--ask', 'net satışlar 2024']), { env });
    for (const file of files) assert.match(stdout, new RegExp(`ok\\s+${path.basename(file).replace('.', '\\.')}`));
    const written = async (y: string) => JSON.parse(await readFile(path.join(out, `uc-yil-${y}`, 'analysis.json'), 'utf8')) as Analysis;
    assert.deepEqual((await written('2022')).comparison, [], 'the first year has nothing to compare with');
    const a24 = await written('2024');
    assert.deepEqual(a24.items, truths[2]!.items);
    assertComparison(a24, truths[1]!, truths[2]!);
    const answers = await readFile(path.join(out, 'uc-yil-2024', 'answers.md'), 'utf8');
    assert.ok(stdout.includes(answers.trim().split('\n')[0]!), 'printed as well');
    // The margin path recomputed from the three truths, independently of the code.
    const margin = (t: Truth, y: string) => formatRatioValue(t.items.NET_PROFIT![`${y}-12-31`]! / t.items.NET_SALES![`${y}-12-31`]!, 'percent', 'tr');
    const path3 = years.map((y, i) => `${y} ${margin(truths[i]!, y)}`).join(' · ');
    assert.ok(answers.includes('**Son 2 yılda net kâr marjı nasıl değişti?**'), answers);
    assert.ok(answers.includes(`${company} — 2022 → 2024`), answers);
    assert.ok(answers.includes(`Net Kar Marjı, 2022 → 2024: ${path3}.`), answers);
    assert.ok(answers.includes('**net satışlar 2024**'), 'the --ask question too');
  });
});
