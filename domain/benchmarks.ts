import { z } from 'zod';
import { csvDataRows, csvDelimiter, csvLines, parseCsvNumber, splitCsvLine, type CsvProblem } from './csv.ts';
import { formatRatioValue } from './wording/format-number.ts';
import { RATIO_DEFINITIONS, RATIO_IDS, type RatioId } from './ratio-definitions.ts';
import { foldLetters } from './turkish-text.ts';
import type { Locale } from '../contracts/locale.ts';

/**
 * Sector benchmarks: quartiles of a ratio across a sector's companies, as published by a
 * source an operator names (e.g. a central-bank sector balance-sheet statistics table). The
 * project ships none: every table comes from an operator's CSV, and an analysis says plainly
 * when its sector has no table rather than falling back to anything invented.
 */
export interface BenchmarkRow {
  sectorCode: string;
  ratioId: RatioId;
  year: number;
  q1: number;
  median: number;
  q3: number;
  source: string;
}

/** The columns of a benchmark CSV, in any order (header names are case-insensitive). */
export const BENCHMARK_COLUMNS = ['sector_code', 'ratio_id', 'q1', 'median', 'q3', 'source', 'year'] as const;
type Column = (typeof BENCHMARK_COLUMNS)[number];
const HEADER_ALIASES: Record<string, Column> = { sector: 'sector_code', sektor: 'sector_code', ratio: 'ratio_id', oran: 'ratio_id', q2: 'median', medyan: 'median', kaynak: 'source', yil: 'year' };

const RATIO_SET = new Set<string>(RATIO_IDS);

/** One row after the header; values arrive as strings and are coerced here. */
export const BenchmarkRowSchema = z
  .object({
    sector_code: z.string().trim().min(1, 'sector_code is empty').max(64),
    ratio_id: z
      .string()
      .trim()
      .superRefine((v, ctx) => {
        if (!RATIO_SET.has(v)) ctx.addIssue({ code: 'custom', message: `unknown ratio id "${v}"; known ids: ${RATIO_IDS.join(', ')}` });
      }),
    q1: z.number({ error: 'q1 is not a number' }),
    median: z.number({ error: 'median is not a number' }),
    q3: z.number({ error: 'q3 is not a number' }),
    source: z.string().trim().min(1, 'source is empty: say where the figures come from'),
    year: z.number({ error: 'year is not a number' }).int('year must be a whole year').min(1900).max(2100),
  })
  .refine((r) => r.q1 <= r.median && r.median <= r.q3, { message: 'quartiles must satisfy q1 ≤ median ≤ q3' });

/**
 * Parses and validates a whole benchmark CSV. Every problem is reported with its line; a
 * caller loads nothing unless `problems` is empty (a half-loaded table would mislead).
 */
export function parseBenchmarkCsv(text: string): { rows: BenchmarkRow[]; problems: CsvProblem[] } {
  const lines = csvLines(text);
  const problems: CsvProblem[] = [];
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) return { rows: [], problems: [{ line: 1, message: 'the file is empty' }] };
  const headerLine = lines[headerIndex]!;
  const delimiter = csvDelimiter(headerLine);
  const header = splitCsvLine(headerLine, delimiter).map((h) => {
    const k = foldLetters(h.trim());
    return (HEADER_ALIASES[k] ?? k) as string;
  });
  const missing = BENCHMARK_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    return { rows: [], problems: [{ line: headerIndex + 1, message: `missing column(s): ${missing.join(', ')} (expected ${BENCHMARK_COLUMNS.join(', ')})` }] };
  }
  const col = (cells: string[], c: Column) => cells[header.indexOf(c)] ?? '';

  const rows: BenchmarkRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of csvDataRows(lines, headerIndex, delimiter)) {
    const parsed = BenchmarkRowSchema.safeParse({
      sector_code: col(cells, 'sector_code'),
      ratio_id: col(cells, 'ratio_id'),
      q1: parseCsvNumber(col(cells, 'q1'), delimiter),
      median: parseCsvNumber(col(cells, 'median'), delimiter),
      q3: parseCsvNumber(col(cells, 'q3'), delimiter),
      source: col(cells, 'source'),
      year: parseCsvNumber(col(cells, 'year'), delimiter),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.join('.');
        problems.push({ line: line, message: field ? `${field}: ${issue.message}` : issue.message });
      }
      continue;
    }
    const r = parsed.data;
    const key = `${r.sector_code}|${r.ratio_id}|${r.year}|${r.source}`;
    const dup = seen.get(key);
    if (dup !== undefined) {
      problems.push({ line: line, message: `duplicate of line ${dup} (same sector_code, ratio_id, year and source)` });
      continue;
    }
    seen.set(key, line);
    rows.push({ sectorCode: r.sector_code, ratioId: r.ratio_id as RatioId, year: r.year, q1: r.q1, median: r.median, q3: r.q3, source: r.source });
  }
  if (rows.length === 0 && problems.length === 0) problems.push({ line: headerIndex + 1, message: 'no rows after the header' });
  return { rows, problems };
}

// ---- positioning a company -------------------------------------------------------------

/**
 * Which way is favourable, where textbooks agree (higher margins and turnovers, lower
 * leverage); null where it depends (e.g. a very high current ratio is idle cash).
 */
export const FAVOURABLE: Record<RatioId, 'higher' | 'lower' | null> = {
  current_ratio: null,
  acid_test_ratio: 'higher',
  cash_ratio: 'higher',
  inventory_dependency_ratio: 'lower',
  net_working_capital: 'higher',
  gross_margin: 'higher',
  operating_margin: 'higher',
  net_margin: 'higher',
  operating_expense_ratio: 'lower',
  return_on_assets: 'higher',
  return_on_equity: null, // high ROE on negative or thin equity is not good news
  inventory_turnover: 'higher',
  receivables_turnover: 'higher',
  asset_turnover: 'higher',
  current_asset_turnover: 'higher',
  debt_ratio: 'lower',
  equity_ratio: 'higher',
  debt_to_equity: 'lower',
  short_term_debt_share: 'lower',
  fixed_assets_to_equity: 'lower',
  interest_coverage: 'higher',
  days_sales_outstanding: 'lower',
  days_inventory_outstanding: 'lower',
  days_payables_outstanding: null, // longer is cheaper credit, or late payment
  cash_conversion_cycle: 'lower',
};

/** 1 = below the sector's first quartile (lowest values) … 4 = at or above the third. */
export type Quartile = 1 | 2 | 3 | 4;

export function quartileOf(value: number, b: Pick<BenchmarkRow, 'q1' | 'median' | 'q3'>): Quartile {
  if (value < b.q1) return 1;
  if (value < b.median) return 2;
  if (value < b.q3) return 3;
  return 4;
}

export type BenchmarkPosition =
  | { id: RatioId; status: 'positioned'; value: number; quartile: Quartile; favourable: boolean | null; benchmark: BenchmarkRow }
  | { id: RatioId; status: 'no_value'; benchmark: BenchmarkRow }
  | { id: RatioId; status: 'no_benchmark' };

export type BenchmarkReport =
  | { status: 'no_sector'; period: string }
  | { status: 'no_table'; period: string; sector: string }
  | { status: 'ok'; period: string; sector: string; positions: BenchmarkPosition[] };

/**
 * The table row for a ratio: the period's own year, else the latest earlier year, else the
 * earliest later one; among several sources of that year, the first by name (stable).
 */
export function pickBenchmark(rows: readonly BenchmarkRow[], sector: string, id: RatioId, year: number): BenchmarkRow | null {
  const candidates = rows.filter((r) => r.sectorCode === sector && r.ratioId === id);
  if (!candidates.length) return null;
  const earlier = candidates.filter((r) => r.year <= year);
  const pool = earlier.length ? earlier : candidates;
  const best = earlier.length ? Math.max(...pool.map((r) => r.year)) : Math.min(...pool.map((r) => r.year));
  return pool.filter((r) => r.year === best).sort((a, b) => a.source.localeCompare(b.source))[0]!;
}

/** The company's quartile per ratio for one period, or why there is none. */
export function benchmarkReport(args: {
  sector: string | null;
  period: string;
  ratios: Partial<Record<string, Record<string, number | null>>>;
  rows: readonly BenchmarkRow[];
}): BenchmarkReport {
  const { sector, period } = args;
  if (!sector) return { status: 'no_sector', period };
  if (!args.rows.some((r) => r.sectorCode === sector)) return { status: 'no_table', period, sector };
  const year = Number(period.slice(0, 4));
  const positions = RATIO_IDS.map((id): BenchmarkPosition => {
    const benchmark = pickBenchmark(args.rows, sector, id, year);
    if (!benchmark) return { id, status: 'no_benchmark' };
    const value = args.ratios[id]?.[period] ?? null;
    if (value === null) return { id, status: 'no_value', benchmark };
    const quartile = quartileOf(value, benchmark);
    const better = FAVOURABLE[id];
    const favourable = better === null || quartile === 2 || quartile === 3 ? null : better === 'higher' ? quartile === 4 : quartile === 1;
    return { id, status: 'positioned', value, quartile, favourable, benchmark };
  });
  return { status: 'ok', period, sector, positions };
}

const QUARTILE_TEXT: Record<Quartile, { tr: string; en: string }> = {
  1: { tr: 'sektörün alt çeyreğinde (ilk çeyreğin altında)', en: "in the sector's bottom quartile (below Q1)" },
  2: { tr: 'sektör medyanının altında (ilk çeyrek ile medyan arasında)', en: 'below the sector median (between Q1 and the median)' },
  3: { tr: 'sektör medyanının üstünde (medyan ile üçüncü çeyrek arasında)', en: 'above the sector median (between the median and Q3)' },
  4: { tr: 'sektörün üst çeyreğinde (üçüncü çeyrek ve üstü)', en: "in the sector's top quartile (Q3 or above)" },
};

/** Plain sentences: one per positioned ratio, or the one sentence saying why there are none. */
export function describeBenchmarks(report: BenchmarkReport, locale: Locale): string[] {
  const tr = locale === 'tr';
  if (report.status === 'no_sector') {
    return [tr
      ? 'Şirketin sektörü kayıtlı değil; sektör karşılaştırması yapılamadı.'
      : "The company's sector is not on file, so there is no sector comparison."];
  }
  if (report.status === 'no_table') {
    return [tr
      ? `${report.sector} sektörü için yüklenmiş bir sektör karşılaştırma tablosu yok; oranlar yalnızca genel ders kitabı kurallarıyla değerlendirildi.`
      : `No sector benchmark table has been loaded for sector ${report.sector}; ratios are judged against general textbook rules only.`];
  }
  return report.positions.flatMap((p) => (p.status === 'positioned' ? [describePosition(p, locale)] : []));
}

/** Where one ratio stands in the sector's table: "Cari Oran 1,20: sektör medyanının üstünde (…)". */
export function describePosition(p: Extract<BenchmarkPosition, { status: 'positioned' }>, locale: Locale): string {
  const def = RATIO_DEFINITIONS[p.id];
  const b = p.benchmark;
  const f = (v: number) => formatRatioValue(v, def.kind, locale);
  return locale === 'tr'
    ? `${def.name.tr} ${f(p.value)}: ${QUARTILE_TEXT[p.quartile].tr} (${b.year}, ${b.source}: Ç1 ${f(b.q1)}, medyan ${f(b.median)}, Ç3 ${f(b.q3)}).`
    : `${def.name.en} ${f(p.value)}: ${QUARTILE_TEXT[p.quartile].en} (${b.year}, ${b.source}: Q1 ${f(b.q1)}, median ${f(b.median)}, Q3 ${f(b.q3)}).`;
}

/** The position of one ratio in the period a report measured, when the sector's table has it. */
export function positionOf(report: BenchmarkReport | null | undefined, id: RatioId, period: string): Extract<BenchmarkPosition, { status: 'positioned' }> | null {
  if (report?.status !== 'ok' || report.period !== period) return null;
  const p = report.positions.find((x) => x.id === id);
  return p?.status === 'positioned' ? p : null;
}
