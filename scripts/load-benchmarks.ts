/**
 * npm run benchmarks:load -- <table.csv>... [--dry-run] [--assign <companyId>=<sectorCode>]...
 *
 * Loads sector benchmark tables into `sector_benchmarks`. Columns (header row, any order):
 * sector_code, ratio_id, q1, median, q3, source, year — ratio ids as in
 * docs/ratios.md; `,` separated with `.` decimals, or `;` separated with Turkish `,`
 * decimals. Every file is validated first; if any row is wrong nothing is loaded and each
 * problem is printed with its file and line. A row with the same sector, ratio, year and
 * source as a stored one replaces its quartiles. `--assign` sets a company's sector code, so
 * its analyses show where it stands. `--dry-run` only validates (no database needed).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { setCompanySector, upsertBenchmarks } from '../db/queries/benchmarks.ts';
import { companyName } from '../db/queries/companies.ts';
import { kartilFileName, readKartilWorkbook } from '../domain/benchmark-kartil.ts';
import { parseBenchmarkCsv, type BenchmarkRow } from '../domain/benchmarks.ts';
import { readWorkbookSheets } from '../reading/benchmark-workbook.ts';
import { loadConfig } from '../lib/config.ts';
import { ensurePostgres } from '../lib/postgres-server.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'dry-run': { type: 'boolean', default: false },
    assign: { type: 'string', multiple: true, default: [] },
    'percent-in': { type: 'string' },
  },
});
const percentIn = values['percent-in'];
if (percentIn !== undefined && percentIn !== 'percent' && percentIn !== 'fraction') {
  console.error(`--percent-in ${percentIn}: expected percent or fraction`);
  process.exit(2);
}
if (!positionals.length && !values.assign?.length) {
  console.error('Usage: npm run benchmarks:load -- <table.csv | SECTOR_KARTIL_SCALE.xlsx>... [--dry-run] [--percent-in percent|fraction] [--assign <companyId>=<sectorCode>]');
  process.exit(2);
}

const assignments: { companyId: number; sector: string }[] = [];
for (const a of values.assign ?? []) {
  const m = /^(\d+)=(.+)$/.exec(a.trim());
  if (!m) {
    console.error(`--assign ${a}: expected <companyId>=<sectorCode>`);
    process.exit(2);
  }
  assignments.push({ companyId: Number(m[1]), sector: m[2]!.trim() });
}

const rows: BenchmarkRow[] = [];
let problems = 0;
for (const file of positionals) {
  if (/\.xlsx$/i.test(file)) {
    problems += await readWorkbook(file);
    continue;
  }
  const parsed = parseBenchmarkCsv(await readFile(file, 'utf8'));
  for (const p of parsed.problems) console.error(`${file}:${p.line}: ${p.message}`);
  problems += parsed.problems.length;
  rows.push(...parsed.rows);
}

/** One KARTIL workbook into `rows`; prints its problems and the names it could not map. */
async function readWorkbook(file: string): Promise<number> {
  const meta = kartilFileName(file);
  if (!meta) {
    console.error(`${file}: a workbook is read only as {SECTOR}_KARTIL_{SCALE}.xlsx (TCMB Sektör Bilançoları), e.g. C10_KARTIL_TOPLAM.xlsx`);
    return 1;
  }
  const sheets = await readWorkbookSheets(await readFile(file)).catch((e: unknown) => {
    console.error(`${file}: ${(e as Error).message}`);
    return null;
  });
  if (!sheets) return 1;
  const parsed = readKartilWorkbook(sheets, { ...meta, percentIn: percentIn as 'percent' | 'fraction' | undefined });
  for (const p of parsed.problems) console.error(`${file} [${p.sheet}:${p.row}]: ${p.message}`);
  if (parsed.unmapped.length) {
    console.log(`${file}: could not map ${parsed.unmapped.length} ratio name(s) to our ratios (not loaded):`);
    for (const u of parsed.unmapped) console.log(`  - "${u.name}"${u.group ? ` (${u.group})` : ''} [${u.sheet}:${u.row}]`);
  }
  rows.push(...parsed.rows);
  return parsed.problems.length;
}
const seen = new Set<string>();
for (const r of rows) {
  const key = `${r.sectorCode}|${r.ratioId}|${r.year}|${r.source}`;
  if (seen.has(key)) {
    console.error(`${r.sectorCode} ${r.ratioId} ${r.year} (${r.source}) appears in more than one file`);
    problems++;
  }
  seen.add(key);
}
if (problems) {
  console.error(`Nothing loaded: ${problems} problem(s).`);
  process.exit(1);
}
const sectors = [...new Set(rows.map((r) => r.sectorCode))];
if (values['dry-run']) {
  console.log(`ok  ${rows.length} row(s) valid for ${sectors.length} sector(s): ${sectors.join(', ')} (dry run, nothing loaded)`);
  process.exit(0);
}

const config = loadConfig();
const pg = await ensurePostgres(config, (m) => console.error(m));
const db = createDb(pg.url, 2);
let code = 0;
try {
  await migrateToLatest(db);
  if (rows.length) {
    const { inserted, updated } = await upsertBenchmarks(db, rows);
    console.log(`ok  ${inserted} row(s) added, ${updated} replaced, sectors: ${sectors.join(', ')}`);
  }
  for (const a of assignments) {
    const name = await companyName(db, a.companyId);
    if (name === undefined) {
      console.error(`--assign: no company with id ${a.companyId}`);
      code = 1;
      continue;
    }
    await setCompanySector(db, a.companyId, a.sector);
    console.log(`ok  company ${a.companyId} (${name}) -> sector ${a.sector}`);
  }
} finally {
  await db.destroy();
  await pg.stop();
}
process.exit(code);
