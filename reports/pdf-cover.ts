import { realChangeLines, realChangeTitle } from '../domain/wording/real-change-lines.ts';
import type { Analysis } from '../contracts/analysis.ts';
import { unsureFactsLine } from '../domain/wording/fact-text.ts';
import type { Locale } from '../contracts/locale.ts';
import { alertText, bySeverity, formatChangePct, formatCompactAmount, formatPercent, keyPoints, type TEXT } from '../domain/wording/summary-text.ts';
import { keyFigures } from './key-figures.ts';
import { C, M, type PdfWriter } from './pdf-writer.ts';

/** What every section of the PDF shares. */
export interface PdfContext {
  a: Analysis;
  locale: Locale;
  t: (typeof TEXT)[Locale];
  tr: boolean;
  /** Newest first. */
  periods: string[];
  label: (period: string) => string;
  latest: string | undefined;
  previous: string | undefined;
  company: string;
  cur: string;
}

/** The cover: title, the document's facts and the key-figure tiles. */
export function coverSection(w: PdfWriter, ctx: PdfContext, generatedAt: Date): void {
  const { a, locale, t, tr, periods, label, company, cur } = ctx;
  const { doc, W, para } = w;
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
    [t.generated, generatedAt.toLocaleDateString(tr ? 'tr-TR' : 'en-GB', { day: '2-digit', month: 'long', year: 'numeric' })],
  ];
  for (const [k, v] of facts) {
    const y = doc.y;
    doc.fillColor(C.muted).font('regular').fontSize(10).text(k, M, y, { width: 130 });
    doc.fillColor(C.text).font('regular').fontSize(10).text(v, M + 135, y, { width: W - 135 });
    doc.y = Math.max(doc.y, y + 14) + 3;
  }
  // An unsure document fact (unit, company, currency) is marked on the cover, never stated as read.
  const unsure = unsureFactsLine(a, locale, { plain: true });
  if (unsure) doc.fillColor(C.warning).font('bold').fontSize(10).text(unsure, M, doc.y + 4, { width: W });
  keyFigureTiles(w, ctx);
  doc.x = M;
  para(t.ruleNote, { size: 8.5, color: C.muted, font: 'italic' });
}

/** Headline tiles: the newest period with its change against the one before. */
function keyFigureTiles(w: PdfWriter, ctx: PdfContext): void {
  const { locale, label, latest, previous, cur } = ctx;
  const { doc, W } = w;
  const tiles = keyFigures(ctx.a, latest, previous, locale);
  if (!latest || !tiles.length) return;
  const y = doc.y + 24;
  const gap = 10;
  const tw = (W - gap * (tiles.length - 1)) / tiles.length;
  tiles.forEach(({ name, now, changePct }, i) => {
    const x = M + i * (tw + gap);
    doc.roundedRect(x, y, tw, 74, 6).fill(C.brandLight);
    doc.fillColor(C.muted).font('regular').fontSize(8.5).text(`${name} (${label(latest)})`, x + 10, y + 10, { width: tw - 20, height: 11, lineBreak: false, ellipsis: true });
    doc.fillColor(now < 0 ? C.critical : C.brand).font('bold').fontSize(15).text(formatCompactAmount(now, locale, cur), x + 10, y + 28, { width: tw - 16, height: 18, lineBreak: false });
    if (changePct !== null) {
      doc.fillColor(changePct >= 0 ? C.ok : C.critical).font('regular').fontSize(8.5).text(`${formatChangePct(changePct, locale)} (${label(previous!)} → ${label(latest)})`, x + 10, y + 52, { width: tw - 16, height: 11, lineBreak: false, ellipsis: true });
    }
  });
  doc.y = y + 92;
}

/** Key points and alerts (the info alerts capped). */
export function highlightsSection(w: PdfWriter, ctx: PdfContext): void {
  const { a, locale, t, tr } = ctx;
  const { heading, para, bullet } = w;
  heading(t.keyPoints);
  const toneColor = { critical: C.critical, warning: C.warning, neutral: C.info, good: C.ok } as const;
  for (const p of keyPoints(a, locale)) bullet(p.text, toneColor[p.tone]);
  const real = realChangeLines(a, locale);
  if (a.realChange && real.length) {
    heading(realChangeTitle(a.realChange, locale));
    for (const line of real) bullet(line, C.info);
  }
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
}
