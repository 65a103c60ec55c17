import { checkText } from '../domain/wording/check-text.ts';
import ExcelJS from 'exceljs';
import type { Analysis } from '../contracts/analysis.ts';
import type { ChartSpec } from '../domain/chart-configs.ts';
import { nameOf } from '../domain/chart-of-accounts.ts';
import { statementOf } from '../domain/comparison.ts';
import type { Locale } from '../contracts/locale.ts';
import { computeRatiosForPeriod } from '../domain/ratios.ts';
import { RATIO_DEFINITIONS, RATIO_IDS, type RatioKind } from '../domain/ratio-definitions.ts';
import { INPUT_LABELS, INPUT_NAMES, type InputName, type StatementInputs } from '../domain/statement-inputs.ts';
import {
  alertText, bySeverity, chronological, FAMILIES, keyPoints, periodLabel, ruleStatus, ruleText, TEXT,
} from '../domain/wording/summary-text.ts';
import { inputFormulas, ratioCellFormula, type Expr } from './xlsx-formulas.ts';

/**
 * The workbook an accountant can audit: the statement as printed (every period, change and
 * change %), the ratios as live formulas over an inputs block whose cells are formulas over
 * the statement cells (cached results set, since exceljs never computes), the period
 * comparison, the validation checks and the charts.
 */
export const SHEETS = {
  tr: { summary: 'Özet', statement: 'Tablo', ratios: 'Oranlar', comparison: 'Karşılaştırma', validation: 'Doğrulama', charts: 'Grafikler' },
  en: { summary: 'Summary', statement: 'Statement', ratios: 'Ratios', comparison: 'Comparison', validation: 'Validation', charts: 'Charts' },
} as const;

/** Rows and columns of the ratio sheet, for readers (and tests) that locate cells. */
export const LAYOUT = {
  statementHeaderRow: 4,
  ratiosHeaderRow: 4,
  /** Column of the first (newest) period on the statement and ratio sheets. */
  firstPeriodCol: 3,
} as const;

/** Input names for the Ratios sheet; costs are shown as the positive figures the formulas use. */
const POSITIVE = new Set<InputName>(['COGS', 'OPEX', 'FIN']);
export const XLSX_INPUT_LABELS = Object.fromEntries(
  Object.entries(INPUT_LABELS).map(([k, v]) => [k, POSITIVE.has(k as InputName) ? { tr: `${v.tr} (pozitif)`, en: `${v.en} (positive)` } : v]),
) as Record<InputName, { tr: string; en: string }>;

const AMOUNT_FMT = '#,##0.00;[Red]-#,##0.00';
const PCT_FMT = '0.0%;[Red]-0.0%';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const SECTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFBDD7EE' } };
const WARN_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
const BAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8CBAD' } };
const OK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF2F855A' }, bold: true };
const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };

const colLetter = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};
const quote = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

function ratioFmt(kind: RatioKind, locale: Locale): string {
  switch (kind) {
    case 'percent': return PCT_FMT;
    case 'amount': return '#,##0;[Red]-#,##0';
    case 'times': return locale === 'tr' ? '0.00" kez";[Red]-0.00" kez"' : '0.00"×";[Red]-0.00"×"';
    default: return '0.00;[Red]-0.00';
  }
}

function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((c) => {
    c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    c.fill = HEADER_FILL;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    c.border = { bottom: thin };
  });
  row.height = 30;
}

function titleRows(ws: ExcelJS.Worksheet, title: string, subtitle: string, width: number): void {
  ws.getCell('A1').value = title;
  ws.getCell('A1').font = { bold: true, size: 14, color: { argb: 'FF1F4E79' } };
  ws.getCell('A2').value = subtitle;
  ws.getCell('A2').font = { italic: true, color: { argb: 'FF595959' } };
  if (width > 1) {
    ws.mergeCells(1, 1, 1, width);
    ws.mergeCells(2, 1, 2, width);
  }
}

const isTotalKey = (key: string | null) => key !== null && (/^[A-Z_]+$/.test(key) || key.length === 1);

export interface WorkbookChart {
  spec: ChartSpec;
  png: Uint8Array;
}

/** A workbook an accountant can open and audit; every ratio is a formula back to the printed lines. */
export async function buildWorkbook(a: Analysis, locale: Locale = 'tr', opts: { charts?: WorkbookChart[] } = {}): Promise<Buffer> {
  const t = TEXT[locale];
  const names = SHEETS[locale];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Smart Lodge Budget';
  wb.calcProperties.fullCalcOnLoad = true;
  const all = chronological(a);
  const periods = [...all].reverse(); // newest first, as statements print them
  const label = (p: string) => periodLabel(p, all);
  const company = a.company.name ?? '—';
  const sub = [a.company.taxId ? `${t.taxId} ${a.company.taxId}` : null, `${t.unit}: ${a.currency === 'TRY' ? 'TL' : a.currency} (${locale === 'tr' ? 'tam tutar; belgede' : 'full amounts; printed in'} ${a.unit})`, `${t.source}: ${a.document.file}`]
    .filter(Boolean).join(' · ');
  const P0 = LAYOUT.firstPeriodCol;

  // ---- Özet / Summary ----
  const sm = wb.addWorksheet(names.summary);
  titleRows(sm, `${t.reportTitle}: ${company}`, sub, 4);
  sm.getColumn(1).width = 4;
  sm.getColumn(2).width = 120;
  let r = 4;
  const put = (text: string, font?: Partial<ExcelJS.Font>, fill?: ExcelJS.Fill) => {
    const c = sm.getCell(r, 2);
    c.value = text;
    c.alignment = { wrapText: true, vertical: 'top' };
    if (font) c.font = font;
    if (fill) c.fill = fill;
    r++;
  };
  put(`${t.periods}: ${periods.join(', ')}`);
  put(`${t.validation}: ${t.statusText[a.validation.status]} · ${t.confidence} ${(a.validation.confidence * 100).toFixed(1)}% · ${t.method[a.document.method]}`);
  r++;
  put(t.keyPoints, { bold: true, size: 12 });
  for (const p of keyPoints(a, locale)) put(`• ${p.text}`, p.tone === 'critical' ? { color: { argb: 'FFC53030' } } : undefined);
  r++;
  put(t.alerts, { bold: true, size: 12 });
  if (!a.alerts.length) put(t.none);
  for (const al of [...a.alerts].sort(bySeverity)) {
    put(`${t.severity[al.severity]}: ${alertText(al, a, locale)}`, undefined, al.severity === 'critical' ? BAD_FILL : al.severity === 'warning' ? WARN_FILL : undefined);
  }
  r++;
  put(t.ruleNote, { italic: true, color: { argb: 'FF595959' } });

  // ---- Tablo / Statement ----
  const nP = periods.length;
  const changeCol = P0 + nP;
  const st = wb.addWorksheet(names.statement, { views: [{ state: 'frozen', ySplit: LAYOUT.statementHeaderRow, xSplit: 2 }] });
  titleRows(st, `${t.statement}: ${company}`, sub, changeCol + (nP > 1 ? 1 : -1));
  const head = [t.code, t.account, ...periods.map(label)];
  if (nP > 1) head.push(`${t.change} ${label(periods[1]!)}→${label(periods[0]!)}`, t.changePct);
  const hr = st.getRow(LAYOUT.statementHeaderRow);
  hr.values = head;
  styleHeader(hr);
  st.getColumn(1).width = 14;
  st.getColumn(2).width = 52;
  for (let i = 0; i < nP + (nP > 1 ? 2 : 0); i++) st.getColumn(P0 + i).width = 19;

  // Keyed lines take the canonical value (items), so the cells the ratios read are the analysed ones.
  const rowsOut: { key: string | null; label: string; values: Record<string, number | undefined> }[] = [];
  const seen = new Set<string>();
  for (const line of a.lines) {
    const dup = line.key !== null && seen.has(line.key);
    if (line.key !== null) seen.add(line.key);
    const values = line.key !== null && !dup ? { ...line.values, ...a.items[line.key] } : line.values;
    rowsOut.push({ key: dup ? null : line.key, label: line.key && !dup ? nameOf(line.key, locale) ?? line.label : line.label, values });
  }
  for (const key of Object.keys(a.items)) {
    if (!seen.has(key)) rowsOut.push({ key, label: nameOf(key, locale) ?? key, values: a.items[key]! });
  }
  const cellOfKey = new Map<string, number>(); // key -> row
  let section: string | null = null;
  let row = LAYOUT.statementHeaderRow + 1;
  for (const line of rowsOut) {
    const stmt = line.key ? statementOf(line.key) : null;
    if (stmt && stmt !== section) {
      section = stmt;
      const sr = st.getRow(row++);
      sr.getCell(1).value = (stmt === 'balance_sheet' ? t.balanceSheet : t.incomeStatement).toLocaleUpperCase(locale === 'tr' ? 'tr-TR' : 'en-US');
      sr.font = { bold: true, color: { argb: 'FF1F4E79' } };
      for (let c = 1; c < changeCol + (nP > 1 ? 2 : 0); c++) sr.getCell(c).fill = SECTION_FILL;
    }
    const rr = st.getRow(row);
    rr.getCell(1).value = line.key ?? '';
    rr.getCell(2).value = line.label;
    periods.forEach((p, i) => {
      const v = line.values[p];
      const c = rr.getCell(P0 + i);
      c.value = v ?? null;
      c.numFmt = AMOUNT_FMT;
    });
    if (nP > 1) {
      const cur = `${colLetter(P0)}${row}`;
      const prev = `${colLetter(P0 + 1)}${row}`;
      const a0 = line.values[periods[0]!];
      const a1 = line.values[periods[1]!];
      if (a0 !== undefined || a1 !== undefined) {
        const change = (a0 ?? 0) - (a1 ?? 0);
        rr.getCell(changeCol).value = { formula: `${cur}-${prev}`, result: Math.round(change * 100) / 100 };
        rr.getCell(changeCol).numFmt = AMOUNT_FMT;
        rr.getCell(changeCol + 1).value = { formula: `IF(${prev}=0,"",(${cur}-${prev})/ABS(${prev}))`, result: a1 ? change / Math.abs(a1) : '' };
        rr.getCell(changeCol + 1).numFmt = PCT_FMT;
      }
    }
    if (line.key && !cellOfKey.has(line.key)) cellOfKey.set(line.key, row);
    if (isTotalKey(line.key)) {
      rr.font = { bold: true };
      for (let c = 1; c < changeCol + (nP > 1 ? 2 : 0); c++) rr.getCell(c).fill = GROUP_FILL;
    } else if (line.key && line.key.length === 2) {
      rr.font = { bold: true };
      rr.getCell(2).alignment = { indent: 1 };
    } else {
      rr.getCell(2).alignment = { indent: 2 };
    }
    row++;
  }
  st.autoFilter = { from: { row: LAYOUT.statementHeaderRow, column: 1 }, to: { row: LAYOUT.statementHeaderRow, column: changeCol + (nP > 1 ? 1 : -1) } };

  // ---- Oranlar / Ratios ----
  const rs = wb.addWorksheet(names.ratios, { views: [{ state: 'frozen', ySplit: LAYOUT.ratiosHeaderRow, xSplit: 2 }] });
  const ruleCol = P0 + nP;
  titleRows(rs, `${t.ratios}: ${company}`, locale === 'tr'
    ? 'Her oran, aşağıdaki Girdiler bloğuna; her girdi de Tablo sayfasındaki satırlara başvuran canlı bir formüldür. ' + t.ruleNote
    : 'Each ratio is a live formula over the Inputs block below, and each input a formula over the Statement sheet. ' + t.ruleNote, ruleCol + 2);
  const rh = rs.getRow(LAYOUT.ratiosHeaderRow);
  rh.values = [t.ratio, 'id', ...periods.map(label), t.rule, t.formula, t.status];
  styleHeader(rh);
  rs.getColumn(1).width = 40;
  rs.getColumn(2).width = 12;
  periods.forEach((_, i) => (rs.getColumn(P0 + i).width = 16));
  rs.getColumn(ruleCol).width = 28;
  rs.getColumn(ruleCol + 1).width = 70;
  rs.getColumn(ruleCol + 2).width = 18;

  // Layout first: ratio rows (with family headings), a gap, then the inputs block.
  const ratioRow = new Map<string, number>();
  row = LAYOUT.ratiosHeaderRow + 1;
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

  const stRef = quote(names.statement);
  periods.forEach((p, i) => {
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
  });
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

  // ---- Karşılaştırma / Comparison ----
  const cs = wb.addWorksheet(names.comparison, { views: [{ state: 'frozen', ySplit: 4, xSplit: 2 }] });
  const first = a.comparison[0];
  titleRows(cs, `${t.comparison}: ${company}`, first ? `${label(first.from)} → ${label(first.to)} · ${locale === 'tr' ? 'turuncu satırlar: büyük ve önemli değişim' : 'orange rows: large, material change'}` : '', 7);
  const ch = cs.getRow(4);
  ch.values = [t.code, t.account, first ? label(first.from) : '', first ? label(first.to) : '', t.change, t.changePct, t.alerts];
  styleHeader(ch);
  cs.getColumn(1).width = 14;
  cs.getColumn(2).width = 52;
  for (const c of [3, 4, 5]) cs.getColumn(c).width = 19;
  cs.getColumn(6).width = 12;
  cs.getColumn(7).width = 10;
  row = 5;
  for (const cr of a.comparison) {
    const rr = cs.getRow(row);
    const fromV = a.items[cr.key]?.[cr.from] ?? null;
    const toV = a.items[cr.key]?.[cr.to] ?? null;
    rr.values = [cr.key, nameOf(cr.key, locale) ?? cr.key, fromV, toV, cr.change, cr.changePct === null ? null : cr.changePct / 100, cr.alert ? '⚠' : ''];
    for (const c of [3, 4, 5]) rr.getCell(c).numFmt = AMOUNT_FMT;
    rr.getCell(6).numFmt = PCT_FMT;
    if (isTotalKey(cr.key)) rr.font = { bold: true };
    if (cr.alert) for (let c = 1; c <= 7; c++) rr.getCell(c).fill = WARN_FILL;
    row++;
  }
  if (first) {
    row++;
    const rh2 = cs.getRow(row++);
    rh2.values = [t.ratio, 'id', label(first.from), label(first.to), t.change, t.changePct];
    styleHeader(rh2);
    for (const id of RATIO_IDS) {
      const def = RATIO_DEFINITIONS[id];
      const f = a.ratios[id]?.[first.from] ?? null;
      const to = a.ratios[id]?.[first.to] ?? null;
      const rr = cs.getRow(row++);
      rr.values = [def.name[locale], id, f, to, f !== null && to !== null ? to - f : null, f !== null && to !== null && f !== 0 ? (to - f) / Math.abs(f) : null];
      for (const c of [3, 4, 5]) rr.getCell(c).numFmt = ratioFmt(def.kind, locale);
      rr.getCell(6).numFmt = PCT_FMT;
    }
  }

  // ---- Doğrulama / Validation ----
  const vs = wb.addWorksheet(names.validation, { views: [{ state: 'frozen', ySplit: 8 }] });
  titleRows(vs, `${t.validation}: ${company}`, sub, 7);
  const okCount = a.validation.checks.filter((c) => c.ok).length;
  const meta: [string, string | number][] = [
    [t.status, t.statusText[a.validation.status]],
    [t.confidenceCap, a.validation.confidence],
    [t.readMethod, `${t.method[a.document.method]} · ${a.document.pages} ${t.pages.toLowerCase()}`],
    [locale === 'tr' ? 'Kontroller' : 'Checks', t.checksPassed(okCount, a.validation.checks.length)],
  ];
  meta.forEach(([k, v], i) => {
    vs.getCell(3 + i, 1).value = k;
    vs.getCell(3 + i, 1).font = { bold: true };
    vs.getCell(3 + i, 2).value = v;
    if (typeof v === 'number') vs.getCell(3 + i, 2).numFmt = '0.0%';
  });
  vs.getCell(3, 2).fill = a.validation.status === 'ok' ? { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC6EFCE' } } : a.validation.status === 'failed' ? BAD_FILL : WARN_FILL;
  const vh = vs.getRow(8);
  vh.values = [t.check, locale === 'tr' ? 'Açıklama' : 'Description', t.period, t.expected, t.actual, t.difference, t.result];
  styleHeader(vh);
  vs.getColumn(1).width = 26;
  vs.getColumn(2).width = 58;
  vs.getColumn(3).width = 13;
  for (const c of [4, 5, 6]) vs.getColumn(c).width = 19;
  vs.getColumn(7).width = 13;
  row = 9;
  const checks = [...a.validation.checks].sort((x, y) => Number(x.ok) - Number(y.ok));
  for (const c of checks) {
    const rr = vs.getRow(row);
    rr.values = [c.id, checkText(c, locale), c.period ?? '', c.expected ?? null, c.actual ?? null, null, c.ok ? 'OK' : locale === 'tr' ? 'TUTMUYOR' : 'FAILED'];
    if (c.expected !== undefined && c.actual !== undefined) rr.getCell(6).value = { formula: `E${row}-D${row}`, result: Math.round((c.actual - c.expected) * 100) / 100 };
    for (const k of [4, 5, 6]) rr.getCell(k).numFmt = AMOUNT_FMT;
    if (c.ok) rr.getCell(7).font = OK_FONT;
    else for (let k = 1; k <= 7; k++) rr.getCell(k).fill = BAD_FILL;
    row++;
  }

  // ---- Grafikler / Charts ----
  if (opts.charts?.length) {
    const gs = wb.addWorksheet(names.charts);
    titleRows(gs, `${t.charts}: ${company}`, t.ruleNote, 10);
    let at = 3; // zero-based row for the next caption
    for (const { spec, png } of opts.charts) {
      gs.getCell(at + 1, 1).value = spec.title ?? spec.name;
      gs.getCell(at + 1, 1).font = { bold: true, size: 12 };
      const id = wb.addImage({ buffer: Buffer.from(png) as unknown as ExcelJS.Buffer, extension: 'png' });
      gs.addImage(id, { tl: { col: 0, row: at + 1 }, ext: { width: spec.width, height: spec.height } });
      at += Math.ceil(spec.height / 20) + 3;
    }
  }

  return Buffer.from(await wb.xlsx.writeBuffer());
}
