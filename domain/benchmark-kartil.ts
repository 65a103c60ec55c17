import { BenchmarkRowSchema, type BenchmarkRow } from './benchmarks.ts';
import { RATIO_DEFINITIONS, type RatioId } from './ratio-definitions.ts';
import { foldTurkish, normalizeLabel } from './turkish-text.ts';

/**
 * The TCMB "Sektör Bilançoları" quartile workbooks, `{SECTOR}_KARTIL_{SCALE}.xlsx`: ratio names
 * down the left (under group rows such as "A- LİKİDİTE ORANLARI"), and per year five columns:
 * firm count, weighted average, Q1, median, Q3 (a year row above a measure row; a sheet named
 * by its year works too). This module reads the cells, already taken out of the file
 * (lib/benchmark-workbook.ts), and maps TCMB's ratio names to our ids. Names it does not know
 * are listed, never guessed; a ratio is only mapped where TCMB's formula is ours.
 */
export type Cell = string | number | null;
export interface Sheet {
  name: string;
  rows: Cell[][];
}

/** Our ids by folded TCMB name (numbering and "(%)" removed; see ratioKey). */
const NAMES: Record<string, RatioId> = {};
function add(id: RatioId, ...names: string[]): void {
  for (const n of names) {
    const key = ratioKey(n);
    // Two ids under one key would map a name by chance: fail at load, not in a table.
    if (NAMES[key] && NAMES[key] !== id) throw new Error(`"${n}" folds to "${key}", already ${NAMES[key]}`);
    NAMES[key] = id;
  }
}
add('current_ratio', 'Cari Oran', 'Dönen Varlıklar / Kısa Vadeli Yabancı Kaynaklar');
add('acid_test_ratio', 'Likidite Oranı', 'Asit-Test Oranı', '(Dönen Varlıklar - Stoklar) / Kısa Vadeli Yabancı Kaynaklar');
add('cash_ratio', 'Nakit Oranı', '(Hazır Değerler + Menkul Kıymetler) / Kısa Vadeli Yabancı Kaynaklar');
add('inventory_dependency_ratio', 'Stok Bağımlılık Oranı');
add('gross_margin', 'Brüt Satış Kârı / Net Satışlar', 'Brüt Kâr Marjı');
add('operating_margin', 'Faaliyet Kârı / Net Satışlar', 'Esas Faaliyet Kârı / Net Satışlar', 'Faaliyet Kâr Marjı');
add('net_margin', 'Net Kâr / Net Satışlar', 'Dönem Net Kârı / Net Satışlar', 'Net Kâr Marjı');
add('operating_expense_ratio', 'Faaliyet Giderleri / Net Satışlar');
add('return_on_assets', 'Net Kâr / Aktif Toplamı', 'Dönem Net Kârı / Aktif Toplamı', 'Aktif Kârlılığı');
add('return_on_equity', 'Net Kâr / Özkaynaklar', 'Dönem Net Kârı / Özkaynaklar', 'Özkaynak Kârlılığı');
add('inventory_turnover', 'Stok Devir Hızı', 'Satışların Maliyeti / Stoklar');
add('receivables_turnover', 'Alacak Devir Hızı', 'Ticari Alacak Devir Hızı', 'Net Satışlar / Ticari Alacaklar');
add('asset_turnover', 'Aktif Devir Hızı', 'Net Satışlar / Aktif Toplamı');
add('current_asset_turnover', 'Dönen Varlık Devir Hızı', 'Net Satışlar / Dönen Varlıklar');
add('debt_ratio', 'Kaldıraç Oranı', 'Yabancı Kaynaklar / Aktif Toplamı', 'Yabancı Kaynaklar / Pasif Toplamı', 'Toplam Yabancı Kaynaklar / Pasif Toplamı');
add('equity_ratio', 'Özkaynak Oranı', 'Özkaynaklar / Aktif Toplamı', 'Özkaynaklar / Pasif Toplamı');
add('debt_to_equity', 'Yabancı Kaynaklar / Özkaynaklar', 'Toplam Yabancı Kaynaklar / Özkaynaklar');
add('short_term_debt_share', 'Kısa Vadeli Yabancı Kaynaklar / Pasif Toplamı');
add('fixed_assets_to_equity', 'Duran Varlıklar / Özkaynaklar');
add('interest_coverage', 'Faiz Karşılama Oranı', 'Faiz ve Vergi Öncesi Kâr / Finansman Giderleri');

/**
 * A ratio name folded for lookup: "B3- Özkaynaklar / Pasif Toplamı (%)" and "Öz Kaynaklar /
 * Kaynaklar Toplamı" both give "ozkaynaklar pasif toplami"; "Kârı" and "Kâr" read alike.
 */
export function ratioKey(name: string): string {
  return normalizeLabel(name.replace(/^\s*[A-Za-z]\d{1,2}\s*[-.)]?\s*/, ''), { keepNotes: true })
    .replace(/\boz kaynak/g, 'ozkaynak')
    .replace(/\b(?:toplam aktifler|aktifler toplami|varliklar toplami|toplam varliklar)\b/g, 'aktif toplami')
    .replace(/\b(?:toplam kaynaklar|kaynaklar toplami|pasifler toplami|toplam pasifler)\b/g, 'pasif toplami')
    .replace(/\bkari\b/g, 'kar');
}

export function kartilRatioId(name: string): RatioId | null {
  return NAMES[ratioKey(name)] ?? null;
}

/** `C10_KARTIL_TOPLAM.xlsx` -> { sector: 'C10', scale: 'TOPLAM' }; null for another name. */
export function kartilFileName(fileName: string): { sector: string; scale: string } | null {
  const m = /^([A-Za-z0-9.]+)_KARTIL_([A-Za-z0-9ÇĞİÖŞÜçğıöşü-]+)\.xlsx$/i.exec(fileName.split(/[\\/]/).pop() ?? '');
  return m ? { sector: m[1]!.toUpperCase(), scale: m[2]!.toLocaleUpperCase('tr-TR') } : null;
}

type Measure = 'count' | 'weighted' | 'q1' | 'median' | 'q3';
const MEASURES: [Measure, RegExp][] = [
  ['count', /\bfirma sayisi\b|\bnumber of firms\b/],
  ['weighted', /\bagirlikli ortalama\b|\bweighted average\b/],
  ['q1', /^(?:q1|c1)$|\b(?:1|birinci|ilk|alt) (?:ceyrek|kartil)\b|\bfirst quartile\b/],
  ['median', /^(?:q2|c2)$|\bmedyan\b|\bortanca\b|\bmedian\b|\b(?:2|ikinci) (?:ceyrek|kartil)\b/],
  ['q3', /^(?:q3|c3)$|\b(?:3|ucuncu|ust) (?:ceyrek|kartil)\b|\bthird quartile\b/],
];
const measureOf = (cell: Cell): Measure | null => {
  const f = typeof cell === 'string' ? foldTurkish(cell) : '';
  return f ? (MEASURES.find(([, re]) => re.test(f))?.[0] ?? null) : null;
};
const yearOf = (cell: Cell): number | null => {
  const s = typeof cell === 'number' ? String(cell) : (cell ?? '').trim();
  return /^(19|20)\d{2}$/.test(s) ? Number(s) : null;
};

/** A value cell: a number, or text with Turkish (1.234,5) or plain decimals; blank/"-" is null. */
export function cellNumber(cell: Cell): number | null | 'bad' {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : 'bad';
  const s = (cell ?? '').trim().replace(/\s/g, '');
  if (s === '' || /^[-–—.…]+$/.test(s)) return null;
  const t = s.includes(',') ? s.replace(/\./g, '').replace(',', '.') : s;
  return /^-?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : 'bad';
}

/** Column -> (year, measure), from a measure row and the year row above it (or the sheet's name). */
function readColumns(sheet: Sheet): { headerRow: number; columns: Map<number, { year: number; measure: Measure }> } | null {
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r]!;
    if (row.filter((c) => measureOf(c) !== null).length < 3) continue;
    const yearRow = [...sheet.rows.slice(Math.max(0, r - 3), r)].reverse().find((y) => y.some((c) => yearOf(c) !== null));
    const sheetYear = yearOf(sheet.name.trim());
    const columns = new Map<number, { year: number; measure: Measure }>();
    let year: number | null = sheetYear;
    row.forEach((cell, c) => {
      // A merged year cell is read at its first column (or repeated): carry it to the right.
      year = (yearRow ? yearOf(yearRow[c] ?? null) : null) ?? year;
      const measure = measureOf(cell);
      if (measure && year !== null) columns.set(c, { year, measure });
    });
    if (columns.size) return { headerRow: r, columns };
  }
  return null;
}

export interface KartilResult {
  rows: BenchmarkRow[];
  /** Ratio names with figures that match none of our ratios, with where they are. */
  unmapped: { name: string; group: string | null; sheet: string; row: number }[];
  problems: { sheet: string; row: number; message: string }[];
}

/**
 * Benchmark rows from the sheets of one KARTIL workbook. A percent ratio (ours are fractions)
 * is divided by 100 when its name, group or heading shows "%", kept when `percentIn` says
 * 'fraction'; without either it is a problem, since 38,2 and 0,382 cannot be told apart safely.
 */
export function readKartilWorkbook(sheets: readonly Sheet[], meta: { sector: string; scale: string; percentIn?: 'percent' | 'fraction' }): KartilResult {
  const out: KartilResult = { rows: [], unmapped: [], problems: [] };
  const source = `TCMB Sektör Bilançoları ${meta.sector} ${meta.scale}`;
  const seen = new Map<string, string>();
  for (const sheet of sheets) {
    const layout = readColumns(sheet);
    if (!layout) continue;
    const headingSaysPercent = sheet.rows.slice(0, layout.headerRow + 1).some((r) => r.some((c) => typeof c === 'string' && c.includes('%')));
    let group: string | null = null;
    for (let r = layout.headerRow + 1; r < sheet.rows.length; r++) {
      const row = sheet.rows[r]!;
      const firstValueCol = Math.min(...layout.columns.keys());
      const name = row.slice(0, firstValueCol).filter((c): c is string => typeof c === 'string' && c.trim() !== '').join(' ').trim();
      const values = [...layout.columns].map(([c, col]) => ({ ...col, value: cellNumber(row[c] ?? null) }));
      if (!name) continue;
      if (values.every((v) => v.value === null)) {
        // "A- LİKİDİTE ORANLARI" (capitals, no figures) opens a group; a ratio without figures is skipped.
        if (name === name.toLocaleUpperCase('tr-TR')) group = name;
        continue;
      }
      const at = { sheet: sheet.name, row: r + 1 };
      const id = kartilRatioId(name);
      if (!id) {
        out.unmapped.push({ name, group, ...at });
        continue;
      }
      const percent = RATIO_DEFINITIONS[id].kind === 'percent';
      const marked = headingSaysPercent || name.includes('%') || (group ?? '').includes('%');
      if (percent && !marked && !meta.percentIn) {
        out.problems.push({ ...at, message: `${name}: no "%" says whether it is in percent (38,2) or a fraction (0,382); give --percent-in percent|fraction` });
        continue;
      }
      const scale = percent && (marked || meta.percentIn === 'percent') ? 100 : 1;
      readYears(out, { name, id, scale, source, sector: meta.sector, at, seen }, values);
    }
  }
  if (!out.rows.length && !out.problems.length) {
    out.problems.push({ sheet: sheets[0]?.name ?? '', row: 1, message: 'no KARTIL table found: expected a row with firm count, weighted average, Q1, median and Q3 under a row of years' });
  }
  return out;
}

/** One ratio row's years: each complete Q1/median/Q3 triple becomes a row, checked like a CSV row. */
function readYears(
  out: KartilResult,
  r: { name: string; id: RatioId; scale: number; source: string; sector: string; at: { sheet: string; row: number }; seen: Map<string, string> },
  values: { year: number; measure: Measure; value: number | null | 'bad' }[],
): void {
  const years = [...new Set(values.map((v) => v.year))];
  for (const year of years) {
    const get = (m: Measure) => values.find((v) => v.year === year && v.measure === m)?.value ?? null;
    const triple = [get('q1'), get('median'), get('q3')];
    if (triple.every((v) => v === null)) continue;
    if (triple.some((v) => v === null || v === 'bad')) {
      out.problems.push({ ...r.at, message: `${r.name} ${year}: Q1, median and Q3 must all be numbers` });
      continue;
    }
    // 15 significant digits: 2,7 % must be 0.027, not the binary 0.027000000000000003.
    const [q1, median, q3] = (triple as number[]).map((v) => Number((v / r.scale).toPrecision(15)));
    const parsed = BenchmarkRowSchema.safeParse({ sector_code: r.sector, ratio_id: r.id, q1, median, q3, source: r.source, year });
    if (!parsed.success) {
      out.problems.push({ ...r.at, message: `${r.name} ${year}: ${parsed.error.issues.map((i) => i.message).join('; ')}` });
      continue;
    }
    const key = `${r.id}|${year}`;
    const first = r.seen.get(key);
    if (first) {
      out.problems.push({ ...r.at, message: `${r.name} ${year}: ${r.id} already read from "${first}"` });
      continue;
    }
    r.seen.set(key, r.name);
    out.rows.push({ sectorCode: r.sector, ratioId: r.id, year, q1: q1!, median: median!, q3: q3!, source: r.source });
  }
}
