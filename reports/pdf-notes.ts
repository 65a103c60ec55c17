import { checkText } from '../domain/wording/check-text.ts';
import { formatNumber, formatPercent } from '../domain/wording/summary-text.ts';
import type { PdfContext } from './pdf-cover.ts';
import { C, M, type PdfChart, type PdfWriter } from './pdf-writer.ts';

/** The chart images (opaque RGB PNGs: see opaquePng), a page of their own. */
export function chartsSection(w: PdfWriter, ctx: PdfContext, charts: PdfChart[]): void {
  const { t } = ctx;
  const { doc, W, ensure, heading } = w;
  heading(t.charts, { newPage: true });
  for (const { spec, png } of charts) {
    const h = (W * spec.height) / spec.width;
    ensure(h + 10);
    doc.image(Buffer.from(png), M, doc.y, { width: W });
    doc.y += h + 14;
  }
}

/** How the document was read and which checks tie. */
export function validationSection(w: PdfWriter, ctx: PdfContext): void {
  const { a, locale, t, tr } = ctx;
  const { doc, W, heading, para, bullet, table } = w;
  heading(t.validation);
  const failed = a.validation.checks.filter((c) => !c.ok);
  const ok = a.validation.checks.length - failed.length;
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
}

/** Running header and page numbers on every page. */
export function pageFurniture(w: PdfWriter, ctx: PdfContext): void {
  const { t, tr, periods, label, company } = ctx;
  const { doc, W } = w;
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
}
