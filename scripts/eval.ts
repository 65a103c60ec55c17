/**
 * npm run eval -- <dir>
 * Scores every <name>.pdf in a folder against <name>.truth.json: items exact to 0.01 after
 * scaling, periods, unit, statements; and counts silent errors (a wrong item while the
 * validation status is still `ok`). Runs the same reader and validation as the worker.
 * With --fuzz N it scores N layout-fuzzer draws instead (scripts/eval-fuzz.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildAnalysis } from '../domain/build-analysis.ts';
import { validateExtraction } from '../domain/validate-extraction.ts';
import { createOcrEngine } from '../reading/ocr/index.ts';
import { readStatementPdf } from '../reading/read-statement-pdf.ts';
import { sha256Hex } from '../lib/storage.ts';
import { lowerAscii } from '../reading/layout/fold.ts';

interface Truth {
  variant?: string;
  template?: string;
  company?: { name: string | null };
  currency?: string;
  unit: string | null;
  periods: string[];
  statements: string[];
  items: Record<string, Record<string, number>>;
}

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    only: { type: 'string' },
    'no-ocr': { type: 'boolean', default: false },
    dpi: { type: 'string' },
    psm: { type: 'string' },
    binarize: { type: 'boolean' },
    model: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    fuzz: { type: 'string' },
    'fuzz-start': { type: 'string' },
    'fuzz-seed': { type: 'string' },
  },
});
if (flags.fuzz !== undefined || flags['fuzz-seed'] !== undefined) {
  const { runFuzz } = await import('./eval-fuzz.ts');
  await runFuzz({
    count: Number(flags.fuzz ?? 1),
    start: Number(flags['fuzz-start'] ?? 1),
    ...(flags['fuzz-seed'] !== undefined ? { seed: Number(flags['fuzz-seed']) } : {}),
    verbose: flags.verbose,
  });
  process.exit(0);
}
const dir = positionals[0];
if (!dir) {
  console.error('Usage: npm run eval -- <dir with *.pdf and *.truth.json> [--only <regex>] [--no-ocr] [--dpi N] [--psm 4|6|11] [--binarize] [--model best_int|full] [--verbose]\n       npm run eval -- --fuzz N [--fuzz-start S] [--verbose] | --fuzz-seed S   (layout fuzzer, text layer)');
  process.exit(2);
}
const only = flags.only ? new RegExp(flags.only) : null;
const files = (await readdir(dir)).filter((f) => f.endsWith('.pdf') && (!only || only.test(f))).sort();
// One OCR engine for the whole run, as in the worker (--no-ocr measures the text layer only;
// --dpi / --psm / --binarize / --model override the defaults for measurements).
const ocr = flags['no-ocr'] ? undefined : await createOcrEngine({
  ...(flags.dpi ? { dpi: Number(flags.dpi) } : {}),
  ...(flags.psm ? { psm: flags.psm as '4' | '6' | '11' } : {}),
  ...(flags.binarize !== undefined ? { binarize: flags.binarize } : {}),
  ...(flags.model ? { model: flags.model as 'full' | 'best_int' } : {}),
});
const totals: Record<string, { items: number; exact: number; files: number; metaOk: number; silent: number; falseAlarms: number; ms: number[] }> = {};
// Published statements have a truth for the main aggregates only (fixtures' README); the rest
// of what they print is not scored, as in the shared score.py.
const MAIN_AGGREGATES = new Set(['1', '2', '3', '4', '5', '10', '12', '15', 'TOTAL_ASSETS', 'TOTAL_LIABILITIES_AND_EQUITY', 'NET_SALES', '62', 'GROSS_PROFIT', 'OPERATING_PROFIT', 'PROFIT_BEFORE_TAX', 'NET_PROFIT']);
const foldName = (s: string | null | undefined) => lowerAscii(s ?? '').replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();
/** The truth's first two words inside the extracted name, or the other way round (score.py). */
function companyOk(want: string | null | undefined, got: string | null): boolean {
  const w = foldName(want);
  if (!w) return true;
  const g = foldName(got);
  return g !== '' && (g.includes(w.split(' ').slice(0, 2).join(' ')) || w.includes(g));
}
const verbose = flags.verbose;

console.log('file                      items  exact    %     periods unit  stmts  validation  wrong  extra  ms');
for (const f of files) {
  const truthPath = path.join(dir, f.replace(/\.pdf$/, '.truth.json'));
  const truth = JSON.parse(await readFile(truthPath, 'utf8').catch(() => 'null')) as Truth | null;
  if (!truth) continue;
  const bytes = await readFile(path.join(dir, f));
  const t0 = performance.now();
  const reading = await readStatementPdf(bytes, undefined, ocr);
  const ms = performance.now() - t0;
  const kind = truth.variant === 'scan' || f.includes('scan') ? 'scanned' : 'digital';
  const bucket = (totals[kind] ??= { items: 0, exact: 0, files: 0, metaOk: 0, silent: 0, falseAlarms: 0, ms: [] });
  bucket.files++;
  bucket.ms.push(ms);
  const real = truth.template === 'real';
  const scored = (k: string) => !real || MAIN_AGGREGATES.has(k);
  const truthCells = Object.entries(truth.items).filter(([k]) => scored(k)).flatMap(([k, v]) => Object.entries(v).map(([p, val]) => ({ k, p, val })));
  bucket.items += truthCells.length;
  if (!reading) {
    console.log(`${f.padEnd(25)} ${String(truthCells.length).padStart(5)}      0   0.0%  (no text layer)`);
    continue;
  }
  const validation = validateExtraction(reading.statement);
  const a = buildAnalysis({ file: f, sha256: sha256Hex(bytes), pages: reading.pages, method: reading.method, pagesByMethod: reading.pagesByMethod, statement: reading.statement, validation });
  const wrong: string[] = [];
  let exact = 0;
  for (const { k, p, val } of truthCells) {
    const got = a.items[k]?.[p];
    if (got !== undefined && Math.abs(got - val) < 0.005 + 1e-9) exact++;
    else wrong.push(`${k}@${p}: want ${val} got ${got}`);
  }
  const extra = Object.keys(a.items).filter((k) => scored(k) && !(k in truth.items));
  bucket.exact += exact;
  const periodsOk = JSON.stringify(a.periods) === JSON.stringify(truth.periods);
  const unitOk = truth.unit === null || a.unit === truth.unit;
  const stmtsOk = JSON.stringify(a.statements) === JSON.stringify(truth.statements);
  const currencyOk = !truth.currency || a.currency === truth.currency;
  const nameOk = companyOk(truth.company?.name, a.company.name);
  if (periodsOk && unitOk && stmtsOk && currencyOk && nameOk) bucket.metaOk++;
  const silent = (wrong.length > 0 || extra.length > 0) && a.validation.status === 'ok';
  if (silent) bucket.silent++;
  // A status that is not ok although every scored figure is right cries wolf.
  if (!wrong.length && !extra.length && a.validation.status !== 'ok') bucket.falseAlarms++;
  const pct = truthCells.length ? (100 * exact) / truthCells.length : 0;
  console.log(
    `${f.padEnd(25)} ${String(truthCells.length).padStart(5)} ${String(exact).padStart(6)} ${pct.toFixed(1).padStart(6)}%  ${periodsOk ? 'ok ' : 'BAD'}     ${unitOk ? 'ok ' : 'BAD'}   ${stmtsOk ? 'ok ' : 'BAD'}    ${a.validation.status.padEnd(9)}  ${String(wrong.length).padStart(5)}  ${String(extra.length).padStart(5)}  ${ms.toFixed(0)}${silent ? '  SILENT' : ''}`,
  );
  if (verbose) {
    for (const w of wrong.slice(0, 15)) console.log(`    ${w}`);
    if (extra.length) console.log(`    extra: ${extra.join(', ')}`);
    if (!periodsOk) console.log(`    periods: want ${truth.periods} got ${a.periods}`);
    if (!unitOk) console.log(`    unit: want ${truth.unit} got ${a.unit}`);
    if (!stmtsOk) console.log(`    statements: want ${truth.statements} got ${a.statements}`);
    if (!currencyOk) console.log(`    currency: want ${truth.currency} got ${a.currency}`);
    if (!nameOk) console.log(`    company: want ${truth.company?.name} got ${a.company.name}`);
    console.log(`    pages read: ${reading.pagesRead?.join(',') ?? 'all'}`);
    for (const c of a.validation.checks.filter((c) => !c.ok).slice(0, 5)) console.log(`    check ${c.id}@${c.period}: ${c.expected} vs ${c.actual}`);
    for (const r of reading.repairs ?? []) console.log(`    repaired ${r.key}@${r.period}: ${r.from} -> ${r.to}`);
    for (const r of reading.rereads ?? []) console.log(`    re-read ${r.key}@${r.period}: ${r.from} -> ${r.to}`);
  }
}
console.log('');
for (const [kind, t] of Object.entries(totals)) {
  const med = [...t.ms].sort((a, b) => a - b)[Math.floor(t.ms.length / 2)] ?? 0;
  console.log(
    `${kind.padEnd(8)} files=${t.files} items=${t.items} exact=${t.exact} (${((100 * t.exact) / Math.max(1, t.items)).toFixed(2)}%) facts right on ${t.metaOk}/${t.files} silent errors=${t.silent} false alarms=${t.falseAlarms} median read ${med.toFixed(0)} ms`,
  );
}
if (ocr) {
  const per = ocr.stats.map((s) => s.renderMs + s.ocrMs).sort((a, b) => a - b);
  if (per.length) {
    const median = per[Math.floor(per.length / 2)]!;
    const total = per.reduce((a, b) => a + b, 0);
    console.log(`ocr      pages=${per.length} median ${(median / 1000).toFixed(2)} s/page (render+clean ${(ocr.stats.reduce((a, s) => a + s.renderMs, 0) / per.length / 1000).toFixed(2)} s avg), sum ${(total / 1000).toFixed(1)} s`);
    if (verbose) for (const s of ocr.stats) console.log(`    page ${s.page}: skew ${s.skewDegrees}°, render ${s.renderMs.toFixed(0)} ms, ocr ${s.ocrMs.toFixed(0)} ms`);
  }
  await ocr.terminate();
}
