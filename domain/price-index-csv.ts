import { csvDataRows, csvDelimiter, csvLines, parseCsvNumber, splitCsvLine, type CsvProblem } from './csv.ts';
import { foldTurkish } from './turkish-text.ts';
import { addMonths, IndexPointSchema, PRICE_INDEX_IDS, seriesFromPoints, seriesPoints, type IndexPoint, type Month, type PriceIndexId, type PriceIndexSeries } from './price-index.ts';

/**
 * Price-index CSV files, both ours (`month,index`) and what a user downloads: an EVDS (TCMB
 * data portal) export has a `Tarih` column with months as `2026-8` and one column per series
 * code (`TP.GENENDEKS.T1`, written `TP_GENENDEKS_T1` in some exports). Which series a value
 * column holds comes from that code, or from the caller (`--series`) for a plain `index`
 * column.
 */

/** EVDS series codes (folded as foldTurkish folds them) and the plain names people write. */
const SERIES_COLUMNS: Record<string, PriceIndexId> = {
  'tp genendeks t1': 'tufe',
  tufe: 'tufe',
  'yi ufe': 'yiufe',
  yiufe: 'yiufe',
  'tp tufe1yi t1': 'yiufe',
};
const MONTH_COLUMNS = new Set(['month', 'tarih', 'date', 'ay', 'donem']);
const VALUE_COLUMNS = new Set(['index', 'endeks', 'deger', 'value']);

/** `2026-08`, `2026-8`, `2026/08`, `08.2026`, `08-2026`, `2026-08-01` -> `2026-08`; else null. */
export function parseMonthCell(raw: string): Month | null {
  const s = raw.trim();
  const ym = /^(\d{4})[-/.](\d{1,2})(?:[-/.]\d{1,2})?$/.exec(s);
  const my = /^(\d{1,2})[-/.](\d{4})$/.exec(s);
  const [year, month] = ym ? [ym[1]!, ym[2]!] : my ? [my[2]!, my[1]!] : [null, null];
  if (!year || !month || Number(month) < 1 || Number(month) > 12) return null;
  return `${year}-${month.padStart(2, '0')}`;
}

export interface ParsedIndexCsv {
  series: Partial<Record<PriceIndexId, IndexPoint[]>>;
  problems: CsvProblem[];
}

/** Which column holds which series; a problem when the header says nothing usable. */
function readHeader(header: string[], series: PriceIndexId | undefined): { monthCol: number; columns: [number, PriceIndexId][] } | string {
  const folded = header.map((h) => foldTurkish(h));
  const monthCol = folded.findIndex((h) => MONTH_COLUMNS.has(h));
  if (monthCol < 0) return `no month column: name it month or Tarih (found: ${header.join(', ')})`;
  const coded = folded.flatMap((h, i): [number, PriceIndexId][] => (SERIES_COLUMNS[h] ? [[i, SERIES_COLUMNS[h]]] : []));
  const plain = folded.findIndex((h) => VALUE_COLUMNS.has(h));
  if (series) {
    const own = coded.filter(([, id]) => id === series);
    if (own.length) return { monthCol, columns: own };
    if (plain >= 0) return { monthCol, columns: [[plain, series]] };
    return `no column for ${series}: expected index or ${Object.keys(SERIES_COLUMNS).join(', ')}`;
  }
  if (coded.length) return { monthCol, columns: coded };
  if (plain >= 0) return `the column "${header[plain]}" does not say which index it holds: give --series ${PRICE_INDEX_IDS.join('|')}`;
  return `no index column: expected index (with --series) or one of ${Object.keys(SERIES_COLUMNS).join(', ')}`;
}

/**
 * Reads every month of every series column. Rows with an empty value are skipped (EVDS
 * exports end with months not yet published); anything else wrong is a problem with its line.
 */
export function parseIndexCsv(text: string, opts: { series?: PriceIndexId } = {}): ParsedIndexCsv {
  const lines = csvLines(text);
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) return { series: {}, problems: [{ line: 1, message: 'the file is empty' }] };
  const delimiter = csvDelimiter(lines[headerIndex]!);
  const header = readHeader(splitCsvLine(lines[headerIndex]!, delimiter), opts.series);
  if (typeof header === 'string') return { series: {}, problems: [{ line: headerIndex + 1, message: header }] };
  const out: Partial<Record<PriceIndexId, IndexPoint[]>> = {};
  const problems: CsvProblem[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of csvDataRows(lines, headerIndex, delimiter)) {
    const monthCell = cells[header.monthCol] ?? '';
    const month = parseMonthCell(monthCell);
    if (!month) {
      problems.push({ line: line, message: `"${monthCell}" is not a month (write 2026-08)` });
      continue;
    }
    for (const [col, id] of header.columns) {
      const cell = (cells[col] ?? '').trim();
      if (cell === '') continue;
      const parsed = IndexPointSchema.safeParse({ month, index: parseCsvNumber(cell, delimiter) });
      if (!parsed.success) {
        problems.push({ line: line, message: `${id} ${month}: "${cell}": ${parsed.error.issues[0]!.message}` });
        continue;
      }
      const key = `${id}|${month}`;
      if (seen.has(key)) {
        problems.push({ line: line, message: `${id} ${month} appears again (first on line ${seen.get(key)})` });
        continue;
      }
      seen.set(key, line);
      (out[id] ??= []).push(parsed.data);
    }
  }
  if (!Object.keys(out).length && !problems.length) problems.push({ line: headerIndex + 1, message: 'no months after the header' });
  return { series: out, problems };
}

/** Published levels have two decimals; two values agree when they round to the same. */
const hundredths = (v: number): number => Math.round(v * 100);

export type MergeResult =
  | { status: 'ok'; series: PriceIndexSeries; added: Month[]; confirmed: Month[] }
  | { status: 'conflict'; conflicts: { month: Month; stored: number; incoming: number }[] }
  | { status: 'no_overlap'; last: Month }
  | { status: 'gap'; missing: Month[] }
  | { status: 'before_first'; first: Month; months: Month[] };

/**
 * Adds newer months to a series without ever changing a stored one. The file must repeat at
 * least one stored month, and every repeated month must agree: that is how a file on another
 * base (TÜİK moved TÜFE to 2025=100 in 2026) or of another series is caught before it is
 * mixed in. New months must continue the series without a gap.
 */
export function mergeIndexPoints(series: PriceIndexSeries, incoming: readonly IndexPoint[]): MergeResult {
  const conflicts: { month: Month; stored: number; incoming: number }[] = [];
  const confirmed: Month[] = [];
  const fresh: IndexPoint[] = [];
  for (const p of incoming) {
    const stored = series.values.get(p.month);
    if (stored === undefined) fresh.push({ month: p.month, index: hundredths(p.index) / 100 });
    else if (hundredths(stored) === hundredths(p.index)) confirmed.push(p.month);
    else conflicts.push({ month: p.month, stored, incoming: p.index });
  }
  if (conflicts.length) return { status: 'conflict', conflicts };
  if (!confirmed.length) return { status: 'no_overlap', last: series.last };
  const before = fresh.filter((p) => p.month < series.first);
  // Older months are other, chain-linked indices (see data/price-indices/README.md): not mixed in.
  if (before.length) return { status: 'before_first', first: series.first, months: before.map((p) => p.month) };
  const points = [...seriesPoints(series), ...fresh].sort((a, b) => (a.month < b.month ? -1 : 1));
  const months = new Set(points.map((p) => p.month));
  const last = points[points.length - 1]!.month;
  const missing: Month[] = [];
  for (let m = series.last; m <= last; m = addMonths(m, 1)) if (!months.has(m)) missing.push(m);
  if (missing.length) return { status: 'gap', missing };
  return { status: 'ok', series: seriesFromPoints(series.id, points), added: fresh.map((p) => p.month).sort(), confirmed };
}

/** Our file format: `month,index`, one month a line, two decimals as published. */
export function formatIndexCsv(series: PriceIndexSeries): string {
  return ['month,index', ...seriesPoints(series).map((p) => `${p.month},${p.index.toFixed(2)}`)].join('\n') + '\n';
}
