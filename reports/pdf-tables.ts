import { percentChange, statementOf } from '../domain/comparison.ts';
import { RATIO_DEFINITIONS, RATIO_IDS } from '../domain/ratio-definitions.ts';
import { FAMILIES, formatChangePct, formatNumber, formatRatio, ruleStatus, ruleText } from '../domain/wording/summary-text.ts';
import type { PdfContext } from './pdf-cover.ts';
import { statementRows } from './statement-table.ts';
import { C, type Align, type Column, type PdfWriter, type Row } from './pdf-writer.ts';

/** The statement as read, every period, with the change % of the newest two. */
export function statementSection(w: PdfWriter, ctx: PdfContext): void {
  const { a, locale, t, tr, periods, label, cur } = ctx;
  const { W, heading, table } = w;
  heading(`${t.statement} (${cur})`, { newPage: true });
  const hasChange = periods.length > 1;
  const pw = periods.length > 2 ? 70 : 80;
  const chW = hasChange ? 56 : 0;
  const codeW = 38;
  const nameW = W - codeW - pw * periods.length - chW;
  const stCols: Column[] = [
    { header: t.code, width: codeW },
    { header: t.account, width: nameW },
    ...periods.map((p) => ({ header: label(p), width: pw, align: 'right' as Align })),
    ...(hasChange ? [{ header: t.changePct, width: chW, align: 'right' as Align }] : []),
  ];
  const stRows: Row[] = [];
  let section: string | null = null;
  // The rows the workbook tabulates too (statement-table.ts): one model, two layouts.
  for (const { key: rowKey, label: name, values } of statementRows(a, locale)) {
    const stmt = rowKey ? statementOf(rowKey) : null;
    if (stmt && stmt !== section) {
      section = stmt;
      stRows.push({ cells: [(stmt === 'balance_sheet' ? t.balanceSheet : t.incomeStatement).toLocaleUpperCase(tr ? 'tr-TR' : 'en-US')], kind: 'section' });
    }
    const key = rowKey ?? '';
    const total = /^[A-Z_]+$/.test(key) || key.length === 1;
    const indent = key.length === 3 ? '    ' : key.length === 2 ? '  ' : '';
    const cells = [key.length <= 3 ? key : '', indent + name, ...periods.map((p) => (values[p] === undefined ? '' : formatNumber(values[p]!, locale)))];
    const colors: (string | undefined)[] = [undefined, undefined, ...periods.map((p) => ((values[p] ?? 0) < 0 ? C.critical : undefined))];
    if (hasChange) {
      const v0 = values[periods[0]!];
      const v1 = values[periods[1]!];
      const pct = v1 !== undefined && v0 !== undefined ? percentChange(v1, v0) : null;
      cells.push(formatChangePct(pct, locale));
      colors.push(pct === null ? C.muted : pct < 0 ? C.critical : undefined);
    }
    stRows.push({ cells, colors, kind: total ? 'total' : key.length === 2 ? 'group' : 'normal' });
  }
  table(stCols, stRows);
}

/** The ratios against their textbook rules, by family. */
export function ratiosSection(w: PdfWriter, ctx: PdfContext): void {
  const { a, locale, t, tr, periods, label, latest } = ctx;
  const { W, heading, para, table } = w;
  heading(t.ratios, { newPage: true });
  const rpw = periods.length > 2 ? 58 : 66;
  const ruleW = 96;
  const stW = 70;
  const rnameW = W - rpw * periods.length - ruleW - stW;
  const rCols: Column[] = [
    { header: `${t.ratio} / ${t.formula}`, width: rnameW },
    ...periods.map((p) => ({ header: label(p), width: rpw, align: 'right' as Align })),
    { header: t.rule, width: ruleW, align: 'right' },
    { header: `${t.status} (${latest ? label(latest) : ''})`, width: stW, align: 'center' },
  ];
  const rRows: Row[] = [];
  for (const family of FAMILIES) {
    rRows.push({ cells: [t.family[family]], kind: 'section' });
    for (const id of RATIO_IDS.filter((x) => RATIO_DEFINITIONS[x].family === family)) {
      const def = RATIO_DEFINITIONS[id];
      const s = latest ? ruleStatus(id, a.ratios[id]?.[latest]) : null;
      rRows.push({
        cells: [def.name[locale], ...periods.map((p) => (a.ratios[id]?.[p] == null ? '—' : formatRatio(id, a.ratios[id]?.[p], locale))), def.ruleOfThumb ? ruleText(id, locale) : '—', s === null ? '' : s === 'ok' ? t.okMark : s === 'low' ? t.low : t.high],
        colors: [undefined, ...periods.map((p) => (a.ratios[id]?.[p] == null ? C.muted : undefined)), C.muted, s === 'ok' ? C.ok : s ? C.warning : undefined],
        sub: def.formula[locale],
        kind: 'normal',
      });
    }
  }
  table(rCols, rRows, { size: 8.5 });
  para((tr ? '—: hesaplanamıyor (girdi tabloda yok ya da payda sıfır). ' : '—: not computable (input not in the statement, or a zero divisor). ') + t.ruleNote + (tr ? ' Kaldıraç oranında bankalar %60 – %70’e kadar kabul edebilir.' : ' For the debt ratio, banks may accept up to 60 – 70%.'), { size: 8.5, color: C.muted, font: 'italic' });
}
