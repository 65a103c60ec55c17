import { checkText } from '../domain/wording/check-text.ts';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Analysis } from '../contracts/analysis.ts';
import type { ChartSpec } from '../domain/chart-configs.ts';
import { nameOf } from '../domain/chart-of-accounts.ts';
import { statementOf } from '../domain/comparison.ts';
import type { Locale } from '../contracts/locale.ts';
import { RATIO_DEFINITIONS, RATIO_IDS } from '../domain/ratio-definitions.ts';
import {
  alertText, bySeverity, chronological, FAMILIES, formatChangePct, formatCompactAmount, formatNumber,
  formatPercent, formatRatio, inputsInUnits, keyPoints, periodLabel, ruleStatus, ruleText, TEXT,
} from '../domain/wording/summary-text.ts';

/**
 * The PDF report, from the stored analysis: cover, highlights and alerts, the statement,
 * the ratios against their textbook rules, the charts, validation notes; page numbers on
 * every page. pdfkit's built-in Helvetica cannot draw ğ ş ı İ, so DejaVu is embedded.
 */
const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const F = {
  regular: path.join(FONT_DIR, 'DejaVuSans.ttf'),
  bold: path.join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
  italic: path.join(FONT_DIR, 'DejaVuSans-Oblique.ttf'),
  cond: path.join(FONT_DIR, 'DejaVuSansCondensed.ttf'),
  condBold: path.join(FONT_DIR, 'DejaVuSansCondensed-Bold.ttf'),
};
const C = {
  brand: '#1f4e79',
  brandLight: '#dce6f1',
  section: '#bdd7ee',
  text: '#1a202c',
  muted: '#5a6472',
  rule: '#c9d1db',
  zebra: '#f5f7fa',
  critical: '#c53030',
  warning: '#c05621',
  info: '#2b6cb0',
  ok: '#2f855a',
};

export interface PdfChart {
  spec: ChartSpec;
  png: Uint8Array;
}

export interface PdfReportOptions {
  charts?: PdfChart[];
  generatedAt?: Date;
}

type Doc = PDFKit.PDFDocument;
type Align = 'left' | 'right' | 'center';
interface Column { header: string; width: number; align?: Align }
interface Row { cells: string[]; kind?: 'section' | 'group' | 'total' | 'normal'; colors?: (string | undefined)[]; sub?: string }

const M = 48; // page margin

export async function buildPdfReport(a: Analysis, locale: Locale = 'tr', opts: PdfReportOptions = {}): Promise<Buffer> {
  const t = TEXT[locale];
  const tr = locale === 'tr';
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: M + 10, bottom: M + 10, left: M, right: M },
    bufferPages: true,
    info: { Title: `${t.reportTitle}: ${a.company.name ?? ''}`, Author: 'Smart Lodge Budget', Subject: a.document.file },
    lang: tr ? 'tr-TR' : 'en-US',
  } as PDFKit.PDFDocumentOptions);
  for (const [name, file] of Object.entries(F)) doc.registerFont(name, file);
  doc.font('regular');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const W = doc.page.width - 2 * M;
  const bottom = () => doc.page.height - M - 14;
  const all = chronological(a);
  const periods = [...all].reverse();
  const label = (p: string) => periodLabel(p, all);
  const [latest, previous] = [periods[0], periods[1]];
  const company = a.company.name ?? '—';
  const cur = a.currency === 'TRY' ? 'TL' : a.currency;

  const ensure = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };
  const heading = (text: string, opts2: { newPage?: boolean } = {}) => {
    if (opts2.newPage) doc.addPage();
    else ensure(60);
    doc.moveDown(0.4);
    const y = doc.y;
    doc.rect(M, y, 4, 20).fill(C.brand);
    doc.fillColor(C.brand).font('bold').fontSize(15).text(text, M + 12, y + 1, { width: W - 12 });
    doc.moveDown(0.5);
    doc.x = M;
    doc.fillColor(C.text).font('regular').fontSize(10);
  };
  const para = (text: string, o: { size?: number; color?: string; font?: string; gap?: number } = {}) => {
    doc.font(o.font ?? 'regular').fontSize(o.size ?? 10).fillColor(o.color ?? C.text);
    ensure(doc.heightOfString(text, { width: W }) + 4);
    doc.text(text, M, doc.y, { width: W, lineGap: 1.5 });
    doc.moveDown(o.gap ?? 0.3);
  };
  const bullet = (text: string, color: string, tag?: string) => {
    doc.font('regular').fontSize(10);
    const indent = tag ? 70 : 16;
    const h = doc.heightOfString(text, { width: W - indent, lineGap: 1.5 });
    ensure(h + 6);
    const y = doc.y;
    if (tag) {
      doc.roundedRect(M, y - 1, 60, 13, 3).fill(color);
      doc.fillColor('#ffffff').font('bold').fontSize(7.5).text(tag.toLocaleUpperCase(tr ? 'tr-TR' : 'en-US'), M, y + 1.5, { width: 60, align: 'center' });
    } else {
      doc.circle(M + 4, y + 6, 3).fill(color);
    }
    doc.fillColor(C.text).font('regular').fontSize(10).text(text, M + indent, y, { width: W - indent, lineGap: 1.5 });
    doc.y = Math.max(doc.y, y + 13) + 4;
  };

  /** A table that repeats its header after a page break; cells are single-line unless `sub`. */
  const table = (cols: Column[], rows: Row[], o: { size?: number } = {}) => {
    const size = o.size ?? 8.5;
    const pad = 4;
    const drawHeader = () => {
      const h = 18;
      const y = doc.y;
      doc.rect(M, y, W, h).fill(C.brand);
      let x = M;
      for (const c of cols) {
        doc.fillColor('#ffffff').font('condBold').fontSize(size).text(c.header, x + pad, y + 5, { width: c.width - 2 * pad, height: size + 3, align: c.align ?? 'left', lineBreak: false, ellipsis: true });
        x += c.width;
      }
      doc.y = y + h;
    };
    drawHeader();
    rows.forEach((row, i) => {
      const bold = row.kind === 'group' || row.kind === 'total' || row.kind === 'section';
      const subH = row.sub ? (doc.font('cond').fontSize(size - 1.5), doc.heightOfString(row.sub, { width: cols[0]!.width - 2 * pad })) : 0;
      const h = 14 + subH;
      if (doc.y + h > bottom()) {
        doc.addPage();
        drawHeader();
      }
      const y = doc.y;
      if (row.kind === 'section') doc.rect(M, y, W, h).fill(C.section);
      else if (row.kind === 'total') doc.rect(M, y, W, h).fill(C.brandLight);
      else if (i % 2 === 1) doc.rect(M, y, W, h).fill(C.zebra);
      let x = M;
      row.cells.forEach((cell, j) => {
        const c = cols[j]!;
        // A section heading spans the table; other cells are cut to one line.
        const width = row.kind === 'section' && row.cells.length === 1 ? W : c.width;
        doc.fillColor(row.colors?.[j] ?? (row.kind === 'section' ? C.brand : C.text)).font(bold ? 'condBold' : 'cond').fontSize(size)
          .text(cell, x + pad, y + 3.5, { width: width - 2 * pad, height: size + 3, align: c.align ?? 'left', lineBreak: false, ellipsis: true });
        x += c.width;
      });
      if (row.sub) doc.fillColor(C.muted).font('cond').fontSize(size - 1.5).text(row.sub, M + pad, y + 14, { width: cols[0]!.width - 2 * pad });
      doc.moveTo(M, y + h).lineTo(M + W, y + h).lineWidth(0.4).strokeColor(C.rule).stroke();
      doc.y = y + h;
    });
    doc.x = M;
    doc.moveDown(0.6);
  };

  // ---- cover ----------------------------------------------------------------------------
  doc.rect(0, 0, doc.page.width, 170).fill(C.brand);
  doc.fillColor('#cfe0f1').font('regular').fontSize(11).text('Smart Lodge Budget', M, 48);
  doc.fillColor('#ffffff').font('bold').fontSize(26).text(t.reportTitle, M, 72, { width: W });
  doc.fillColor('#ffffff').font('regular').fontSize(12).text(periods.map(label).join(' · '), M, 112, { width: W });
  doc.fillColor(C.text).font('bold').fontSize(20).text(company, M, 200, { width: W });
  doc.moveDown(0.8);
  const ok = a.validation.checks.filter((c) => c.ok).length;
  const facts: [string, string][] = [
    [t.taxId, a.company.taxId ?? '—'],
    [t.periods, periods.join(', ')],
    [t.statement, a.statements.map((s) => (s === 'balance_sheet' ? t.balanceSheet : t.incomeStatement)).join(' + ')],
    [t.unit, `${cur} (${tr ? 'belgede' : 'printed in'} ${a.unit}; ${tr ? 'tablolarda tam tutar' : 'tables show full amounts'})`],
    [t.source, a.document.file],
    ['SHA-256', `${a.document.sha256.slice(0, 16)}…`],
    [t.readMethod, `${t.method[a.document.method]} · ${a.document.pages} ${tr ? 'sayfa' : a.document.pages === 1 ? 'page' : 'pages'}`],
    [t.validation, `${t.statusText[a.validation.status]} · ${t.checksPassed(ok, a.validation.checks.length)}`],
    [t.confidenceCap, formatPercent(a.validation.confidence, locale)],
    [t.generated, (opts.generatedAt ?? new Date()).toLocaleDateString(tr ? 'tr-TR' : 'en-GB', { day: '2-digit', month: 'long', year: 'numeric' })],
  ];
  for (const [k, v] of facts) {
    const y = doc.y;
    doc.fillColor(C.muted).font('regular').fontSize(10).text(k, M, y, { width: 130 });
    doc.fillColor(C.text).font('regular').fontSize(10).text(v, M + 135, y, { width: W - 135 });
    doc.y = Math.max(doc.y, y + 14) + 3;
  }
  // Headline tiles: the newest period with its change against the one before.
  if (latest) {
    const now = inputsInUnits(a, latest);
    const before = previous ? inputsInUnits(a, previous) : null;
    const tiles = ([['NS', tr ? 'Net Satışlar' : 'Net sales'], ['NP', tr ? 'Net Kar' : 'Net profit'], ['TA', tr ? 'Aktif Toplamı' : 'Total assets'], ['EQ', tr ? 'Özkaynaklar' : 'Equity']] as const)
      .filter(([k]) => now[k] !== null);
    if (tiles.length) {
      const y = doc.y + 24;
      const gap = 10;
      const tw = (W - gap * (tiles.length - 1)) / tiles.length;
      tiles.forEach(([k, name], i) => {
        const x = M + i * (tw + gap);
        doc.roundedRect(x, y, tw, 74, 6).fill(C.brandLight);
        doc.fillColor(C.muted).font('regular').fontSize(8.5).text(`${name} (${label(latest)})`, x + 10, y + 10, { width: tw - 20, height: 11, lineBreak: false, ellipsis: true });
        doc.fillColor(now[k]! < 0 ? C.critical : C.brand).font('bold').fontSize(15).text(formatCompactAmount(now[k]!, locale, cur), x + 10, y + 28, { width: tw - 16, height: 18, lineBreak: false });
        const b = before?.[k];
        if (b != null && b !== 0) {
          const pct = ((now[k]! - b) / Math.abs(b)) * 100;
          doc.fillColor(pct >= 0 ? C.ok : C.critical).font('regular').fontSize(8.5).text(`${formatChangePct(pct, locale)} (${label(previous!)} → ${label(latest)})`, x + 10, y + 52, { width: tw - 16, height: 11, lineBreak: false, ellipsis: true });
        }
      });
      doc.y = y + 92;
    }
  }
  doc.x = M;
  para(t.ruleNote, { size: 8.5, color: C.muted, font: 'italic' });

  // ---- highlights and alerts -------------------------------------------------------------
  heading(t.keyPoints);
  const toneColor = { critical: C.critical, warning: C.warning, neutral: C.info, good: C.ok } as const;
  for (const p of keyPoints(a, locale)) bullet(p.text, toneColor[p.tone]);
  heading(t.alerts);
  const alerts = [...a.alerts].sort(bySeverity);
  if (!alerts.length) para(t.none);
  const shownInfo = 12;
  let info = 0;
  for (const al of alerts) {
    if (al.severity === 'info' && ++info > shownInfo) continue;
    bullet(alertText(al, a, locale), al.severity === 'critical' ? C.critical : al.severity === 'warning' ? C.warning : C.info, t.severity[al.severity]);
  }
  if (info > shownInfo) para(tr ? `… ve ${info - shownInfo} değişim uyarısı daha (Excel raporunun Karşılaştırma sayfasında).` : `… and ${info - shownInfo} more change alerts (see the Comparison sheet of the Excel report).`, { size: 9, color: C.muted });

  // ---- statement --------------------------------------------------------------------------
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
  const seen = new Set<string>();
  for (const line of a.lines) {
    const dup = line.key !== null && seen.has(line.key);
    if (line.key) seen.add(line.key);
    const stmt = line.key ? statementOf(line.key) : null;
    if (stmt && stmt !== section) {
      section = stmt;
      stRows.push({ cells: [(stmt === 'balance_sheet' ? t.balanceSheet : t.incomeStatement).toLocaleUpperCase(tr ? 'tr-TR' : 'en-US')], kind: 'section' });
    }
    const values = line.key && !dup ? { ...line.values, ...a.items[line.key] } : line.values;
    const key = line.key ?? '';
    const total = /^[A-Z_]+$/.test(key) || key.length === 1;
    const name = (line.key && nameOf(line.key, locale)) || line.label;
    const indent = key.length === 3 ? '    ' : key.length === 2 ? '  ' : '';
    const cells = [key.length <= 3 ? key : '', indent + name, ...periods.map((p) => (values[p] === undefined ? '' : formatNumber(values[p]!, locale)))];
    const colors: (string | undefined)[] = [undefined, undefined, ...periods.map((p) => ((values[p] ?? 0) < 0 ? C.critical : undefined))];
    if (hasChange) {
      const v0 = values[periods[0]!];
      const v1 = values[periods[1]!];
      const pct = v1 !== undefined && v1 !== 0 && v0 !== undefined ? ((v0 - v1) / Math.abs(v1)) * 100 : null;
      cells.push(formatChangePct(pct, locale));
      colors.push(pct === null ? C.muted : pct < 0 ? C.critical : undefined);
    }
    stRows.push({ cells, colors, kind: total ? 'total' : key.length === 2 ? 'group' : 'normal' });
  }
  table(stCols, stRows);

  // ---- ratios -----------------------------------------------------------------------------
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

  // ---- charts -----------------------------------------------------------------------------
  if (opts.charts?.length) {
    heading(t.charts, { newPage: true });
    for (const { spec, png } of opts.charts) {
      const h = (W * spec.height) / spec.width;
      ensure(h + 10);
      doc.image(Buffer.from(png), M, doc.y, { width: W });
      doc.y += h + 14;
    }
  }

  // ---- validation -------------------------------------------------------------------------
  heading(t.validation);
  const failed = a.validation.checks.filter((c) => !c.ok);
  const statusColor = a.validation.status === 'ok' ? C.ok : a.validation.status === 'failed' ? C.critical : C.warning;
  bullet(`${t.validation}: ${t.statusText[a.validation.status]} · ${t.checksPassed(ok, a.validation.checks.length)} · ${t.confidence} ${formatPercent(a.validation.confidence, locale)}`, statusColor);
  const pbm = a.document.pagesByMethod;
  bullet(`${t.readMethod}: ${t.method[a.document.method]} (${tr ? 'metin' : 'text'}: ${pbm.text.join(', ') || '—'}; OCR: ${pbm.ocr.join(', ') || '—'}; ${tr ? 'görsel' : 'vision'}: ${pbm.vision.join(', ') || '—'})`, C.info);
  const lowConf = a.lines.filter((l) => l.confidence < 0.8);
  const unmatched = a.lines.filter((l) => l.key === null);
  bullet(tr
    ? `Okunan satır: ${a.lines.length}; hesap koduyla eşleşmeyen: ${unmatched.length}; düşük güvenli (< %80): ${lowConf.length}.`
    : `Lines read: ${a.lines.length}; not matched to an account code: ${unmatched.length}; low confidence (< 80%): ${lowConf.length}.`, unmatched.length || lowConf.length ? C.warning : C.ok);
  for (const l of [...unmatched, ...lowConf].slice(0, 8)) para(`   – ${tr ? 's.' : 'p.'} ${l.page}: ${l.label} (${formatPercent(l.confidence, locale)})`, { size: 9, color: C.muted });
  doc.moveDown(0.3);
  if (failed.length) {
    para(t.failed, { font: 'bold' });
    table(
      [
        { header: t.check, width: W - 70 - 3 * 82 },
        { header: t.period, width: 70 },
        { header: t.expected, width: 82, align: 'right' },
        { header: t.actual, width: 82, align: 'right' },
        { header: t.difference, width: 82, align: 'right' },
      ],
      failed.map((c) => ({
        cells: [checkText(c, locale), c.period ?? '', formatNumber(c.expected ?? 0, locale, 2), formatNumber(c.actual ?? 0, locale, 2), formatNumber((c.actual ?? 0) - (c.expected ?? 0), locale, 2)],
        colors: [C.critical],
      })),
    );
  } else {
    para(tr ? `Tüm toplam ve denge kontrolleri tuttu (${a.validation.checks.length} kontrol: alt kalem toplamları, aktif = pasif, gelir tablosu ara toplamları).`
      : `Every sum and balance check ties (${a.validation.checks.length} checks: sub-item sums, assets = liabilities + equity, income statement subtotals).`);
  }
  para(tr
    ? 'Bu rapor yüklenen belgeden otomatik olarak okunan rakamlardan üretilmiştir; kararlarda kullanmadan önce kaynak belgeyle karşılaştırın. Oran kuralları genel ders kitabı kurallarıdır, sektör ortalamaları değildir.'
    : 'This report is generated from figures read automatically from the uploaded document; compare them with the source before relying on them. Ratio rules are general textbook rules, not sector averages.', { size: 8.5, color: C.muted, font: 'italic' });

  // ---- running header and page numbers ---------------------------------------------------
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const n = i - range.start + 1;
    const y = doc.page.height - M + 6;
    doc.page.margins.bottom = 0; // writing in the margin must not add a page
    doc.moveTo(M, y - 6).lineTo(M + W, y - 6).lineWidth(0.5).strokeColor(C.rule).stroke();
    doc.fillColor(C.muted).font('regular').fontSize(8)
      .text(`${company} · ${t.reportTitle}`, M, y, { width: W - 120, lineBreak: false, ellipsis: true })
      .text(tr ? `Sayfa ${n} / ${range.count}` : `Page ${n} of ${range.count}`, M + W - 120, y, { width: 120, align: 'right', lineBreak: false });
    if (n > 1) {
      doc.page.margins.top = 0;
      doc.fillColor(C.muted).font('regular').fontSize(8).text(`${t.reportTitle} · ${company} · ${periods.map(label).join(' / ')}`, M, M - 22, { width: W, lineBreak: false, ellipsis: true });
    }
  }
  doc.end();
  return done;
}
