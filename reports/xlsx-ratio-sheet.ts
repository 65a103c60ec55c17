import type ExcelJS from 'exceljs';
import type { Locale } from '../contracts/locale.ts';
import { RATIO_DEFINITIONS, RATIO_IDS } from '../domain/ratio-definitions.ts';
import { computeRatiosForPeriod } from '../domain/ratios.ts';
import { INPUT_LABELS, INPUT_NAMES, type InputName, type StatementInputs } from '../domain/statement-inputs.ts';
import { FAMILIES, ruleStatus, ruleText } from '../domain/wording/summary-text.ts';
import { inputFormulas, ratioCellFormula, type Expr } from './xlsx-formulas.ts';
import { AMOUNT_FMT, colLetter, OK_FONT, quote, ratioFmt, SECTION_FILL, styleHeader, titleRows, WARN_FILL, type SheetContext } from './xlsx-style.ts';

/** Header row of the ratio sheet. */
export const RATIOS_HEADER_ROW = 4;

/** Input names for the Ratios sheet; costs are shown as the positive figures the formulas use. */
const POSITIVE = new Set<InputName>(['COGS', 'OPEX', 'FIN']);
export const XLSX_INPUT_LABELS = Object.fromEntries(
  Object.entries(INPUT_LABELS).map(([k, v]) => [k, POSITIVE.has(k as InputName) ? { tr: `${v.tr} (pozitif)`, en: `${v.en} (positive)` } : v]),
) as Record<InputName, Record<Locale, string>>;

interface RatioLayout {
  rs: ExcelJS.Worksheet;
  ratioRow: Map<string, number>;
  inputRow: Map<InputName, number>;
  ruleCol: number;
}

/**
 * The ratio sheet: each ratio a live formula over an inputs block whose cells are formulas over
 * the statement sheet (`cellOfKey`: the statement row of each key), with cached results.
 */
export function ratioSheet(ctx: SheetContext, cellOfKey: Map<string, number>): void {
  const layout = ratioLayout(ctx);
  ctx.periods.forEach((p, i) => ratioPeriodColumn(ctx, layout, cellOfKey, p, i));
  ratioNames(ctx, layout);
}

/** Layout first: ratio rows (with family headings), a gap, then the inputs block. */
function ratioLayout(ctx: SheetContext): RatioLayout {
  const { locale, t, wb, names, periods, label, company, P0 } = ctx;
  const rs = wb.addWorksheet(names.ratios, { views: [{ state: 'frozen', ySplit: RATIOS_HEADER_ROW, xSplit: 2 }] });
  const ruleCol = P0 + periods.length;
  titleRows(rs, `${t.ratios}: ${company}`, locale === 'tr'
    ? 'Her oran, aşağıdaki Girdiler bloğuna; her girdi de Tablo sayfasındaki satırlara başvuran canlı bir formüldür. ' + t.ruleNote
    : 'Each ratio is a live formula over the Inputs block below, and each input a formula over the Statement sheet. ' + t.ruleNote, ruleCol + 2);
  const rh = rs.getRow(RATIOS_HEADER_ROW);
  rh.values = [t.ratio, 'id', ...periods.map(label), t.rule, t.formula, t.status];
  styleHeader(rh);
  rs.getColumn(1).width = 40;
  rs.getColumn(2).width = 12;
  periods.forEach((_, i) => (rs.getColumn(P0 + i).width = 16));
  rs.getColumn(ruleCol).width = 28;
  rs.getColumn(ruleCol + 1).width = 70;
  rs.getColumn(ruleCol + 2).width = 18;

  const ratioRow = new Map<string, number>();
  let row = RATIOS_HEADER_ROW + 1;
  const familyRows: [number, string][] = [];
  for (const family of FAMILIES) {
    familyRows.push([row++, t.family[family]]);
    for (const id of RATIO_IDS.filter((x) => RATIO_DEFINITIONS[x].family === family)) ratioRow.set(id, row++);
  }
  row += 1;
  const inputsHeaderRow = row++;
  const inputRow = new Map<InputName, number>();
  for (const n of INPUT_NAMES) inputRow.set(n, row++);

  for (const [fr, text] of familyRows) {
    const c = rs.getRow(fr);
    c.getCell(1).value = text;
    c.font = { bold: true, color: { argb: 'FF1F4E79' } };
    for (let k = 1; k <= ruleCol + 2; k++) c.getCell(k).fill = SECTION_FILL;
  }
  const ih = rs.getRow(inputsHeaderRow);
  ih.values = [locale === 'tr' ? 'Girdiler (Tablo sayfasından)' : 'Inputs (from the Statement sheet)', locale === 'tr' ? 'kısaltma' : 'name', ...periods.map(label), locale === 'tr' ? 'Kaynak satır(lar)' : 'Source line(s)'];
  styleHeader(ih);

  return { rs, ratioRow, inputRow, ruleCol };
}

/** One period's column: its input formulas and its ratio formulas. */
function ratioPeriodColumn(ctx: SheetContext, layout: RatioLayout, cellOfKey: Map<string, number>, p: string, i: number): void {
  const { a, locale, t, names, P0 } = ctx;
  const { rs, ratioRow, inputRow, ruleCol } = layout;
  const stRef = quote(names.statement);
  const col = P0 + i;
  const L = colLetter(col);
  const exprs = inputFormulas(a, p, (key) => (cellOfKey.has(key) && a.items[key]?.[p] !== undefined ? `${stRef}!${L}${cellOfKey.get(key)}` : null), (n) => `${L}${inputRow.get(n)}`);
  const kurus = Object.fromEntries(INPUT_NAMES.map((n) => [n, exprs[n]?.k ?? null])) as StatementInputs;
  for (const n of INPUT_NAMES) {
    const rr = rs.getRow(inputRow.get(n)!);
    rr.getCell(1).value = XLSX_INPUT_LABELS[n][locale];
    rr.getCell(2).value = n;
    const e: Expr | null = exprs[n];
    const c = rr.getCell(col);
    c.value = e ? { formula: e.f, result: e.k / 100 } : null;
    c.numFmt = AMOUNT_FMT;
    if (i === 0) rr.getCell(ruleCol).value = e ? e.how : locale === 'tr' ? 'tabloda yok' : 'not in the statement';
  }
  const values = computeRatiosForPeriod(kurus);
  for (const id of RATIO_IDS) {
    const def = RATIO_DEFINITIONS[id];
    const c = rs.getRow(ratioRow.get(id)!).getCell(col);
    const v = values[id];
    const cell = (n: InputName) => `${L}${inputRow.get(n)}`;
    if (v === null) {
      c.value = t.notComputable;
      c.alignment = { horizontal: 'right' };
      c.font = { color: { argb: 'FF808080' }, italic: true };
    } else {
      const f = ratioCellFormula(id, cell);
      const formula = f.den ? `${f.num}/${f.den}` : f.num;
      c.value = { formula, result: v };
      c.numFmt = ratioFmt(def.kind, locale);
    }
  }
}

/** Each ratio's name, rule of thumb, formula in words and status in the newest period. */
function ratioNames(ctx: SheetContext, layout: RatioLayout): void {
  const { a, locale, t, periods } = ctx;
  const { rs, ratioRow, ruleCol } = layout;
for (const id of RATIO_IDS) {
  const def = RATIO_DEFINITIONS[id];
  const rr = rs.getRow(ratioRow.get(id)!);
  rr.getCell(1).value = def.name[locale];
  rr.getCell(1).alignment = { indent: 1 };
  rr.getCell(2).value = id;
  rr.getCell(2).font = { color: { argb: 'FF808080' }, size: 9 };
  rr.getCell(ruleCol).value = def.ruleOfThumb ? ruleText(id, locale, true) : '—';
  rr.getCell(ruleCol + 1).value = def.formula[locale];
  const s = periods[0] ? ruleStatus(id, a.ratios[id]?.[periods[0]]) : null;
  const sc = rr.getCell(ruleCol + 2);
  sc.value = s === null ? '' : s === 'ok' ? t.okMark : s === 'low' ? t.low : t.high;
  if (s === 'low' || s === 'high') sc.fill = WARN_FILL;
  if (s === 'ok') sc.font = OK_FONT;
}
}
