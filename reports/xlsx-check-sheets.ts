import { nameOf } from '../domain/chart-of-accounts.ts';
import { RATIO_DEFINITIONS, RATIO_IDS } from '../domain/ratio-definitions.ts';
import { checkText } from '../domain/wording/check-text.ts';
import { AMOUNT_FMT, BAD_FILL, isTotalKey, OK_FONT, PCT_FMT, ratioFmt, styleHeader, titleRows, WARN_FILL, type SheetContext } from './xlsx-style.ts';

/** The comparison sheet: every line's change between the two newest periods, then the ratios'. */
export function comparisonSheet(ctx: SheetContext): void {
  const { a, locale, t, wb, names, label, company } = ctx;
  const cs = wb.addWorksheet(names.comparison, { views: [{ state: 'frozen', ySplit: 4, xSplit: 2 }] });
  const first = a.comparison[0];
  // An interim report compares its balance sheet with the year-end and its income statement
  // with the same months a year earlier: each row then names its own pair.
  const pairOf = (r: { from: string; to: string }) => `${label(r.from)} → ${label(r.to)}`;
  const pairs = [...new Set(a.comparison.map(pairOf))];
  const mixed = pairs.length > 1;
  titleRows(cs, `${t.comparison}: ${company}`, first ? `${pairs.join('; ')} · ${locale === 'tr' ? 'turuncu satırlar: büyük ve önemli değişim' : 'orange rows: large, material change'}` : '', mixed ? 8 : 7);
  const ch = cs.getRow(4);
  const [fromHead, toHead] = mixed ? (locale === 'tr' ? ['Önceki', 'Cari'] : ['Earlier', 'Later']) : [first ? label(first.from) : '', first ? label(first.to) : ''];
  ch.values = [t.code, t.account, fromHead, toHead, t.change, t.changePct, t.alerts, ...(mixed ? [locale === 'tr' ? 'Karşılaştırılan dönemler' : 'Periods compared'] : [])];
  if (mixed) cs.getColumn(8).width = 26;
  styleHeader(ch);
  cs.getColumn(1).width = 14;
  cs.getColumn(2).width = 52;
  for (const c of [3, 4, 5]) cs.getColumn(c).width = 19;
  cs.getColumn(6).width = 12;
  cs.getColumn(7).width = 10;
  let row = 5;
  for (const cr of a.comparison) {
    const rr = cs.getRow(row);
    const fromV = a.items[cr.key]?.[cr.from] ?? null;
    const toV = a.items[cr.key]?.[cr.to] ?? null;
    rr.values = [cr.key, nameOf(cr.key, locale) ?? cr.key, fromV, toV, cr.change, cr.changePct === null ? null : cr.changePct / 100, cr.alert ? '⚠' : '', ...(mixed ? [pairOf(cr)] : [])];
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
}

/** The validation sheet: status, confidence and method, then every check (failed first). */
export function validationSheet(ctx: SheetContext): void {
  const { a, locale, t, wb, names, company, sub } = ctx;
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
  let row = 9;
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
}
