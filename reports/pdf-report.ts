import PDFDocument from 'pdfkit';
import type { Analysis } from '../contracts/analysis.ts';
import type { Locale } from '../contracts/locale.ts';
import { chronological, periodLabel, TEXT } from '../domain/wording/summary-text.ts';
import { coverSection, highlightsSection, type PdfContext } from './pdf-cover.ts';
import { chartsSection, pageFurniture, validationSection } from './pdf-notes.ts';
import { ratiosSection, statementSection } from './pdf-tables.ts';
import { reportFaces } from './pdf-fonts.ts';
import { C, M, pdfWriter, type PdfChart } from './pdf-writer.ts';
import { opaquePng } from './chart-renderer.ts';
import { extrasLines, historyTitle } from '../domain/wording/history-lines.ts';
import { driverLines, driversTitle } from '../domain/wording/driver-lines.ts';

export type { PdfChart } from './pdf-writer.ts';

/**
 * The PDF report, from the stored analysis: cover, highlights and alerts, the statement,
 * the ratios against their textbook rules, the charts, validation notes; page numbers on
 * every page. pdfkit's built-in Helvetica cannot draw ğ ş ı İ, so DejaVu is embedded.
 */
export interface PdfReportOptions {
  charts?: PdfChart[];
  generatedAt?: Date;
  /** The stored extras (company history, sector position), when there are any. */
  extras?: Parameters<typeof extrasLines>[0];
}

export async function buildPdfReport(a: Analysis, locale: Locale = 'tr', opts: PdfReportOptions = {}): Promise<Buffer> {
  const t = TEXT[locale];
  const tr = locale === 'tr';
  const { doc, done } = reportDocument({
    size: 'A4',
    margins: { top: M + 10, bottom: M + 10, left: M, right: M },
    bufferPages: true,
    info: { Title: `${t.reportTitle}: ${a.company.name ?? ''}`, Author: 'Smart Lodge Budget', Subject: a.document.file },
    lang: tr ? 'tr-TR' : 'en-US',
  } as PDFKit.PDFDocumentOptions);
  doc.font('regular');

  const all = chronological(a);
  const periods = [...all].reverse();
  const ctx: PdfContext = {
    a, locale, t, tr, periods,
    label: (p: string) => periodLabel(p, all),
    latest: periods[0],
    previous: periods[1],
    company: a.company.name ?? '—',
    cur: a.currency === 'TRY' ? 'TL' : a.currency,
  };
  const w = pdfWriter(doc, locale);
  coverSection(w, ctx, opts.generatedAt ?? new Date());
  highlightsSection(w, ctx);
  const history = extrasLines(opts.extras, locale);
  if (history.length) {
    w.heading(historyTitle(locale));
    for (const line of history) w.bullet(line, C.info);
  }
  const drivers = driverLines(a, locale);
  if (drivers.length) {
    w.heading(driversTitle(locale));
    for (const line of drivers) w.bullet(line, C.info);
  }
  statementSection(w, ctx);
  ratiosSection(w, ctx);
  if (opts.charts?.length) chartsSection(w, ctx, await Promise.all(opts.charts.map(async (c) => ({ ...c, png: await opaquePng(c.png) }))));
  validationSection(w, ctx);
  pageFurniture(w, ctx);
  doc.end();
  return done;
}

let prepared: Promise<void> | undefined;
/**
 * Parses the report's faces and lays a line out in each, once per thread (~0.13 s, most of
 * what the first report costs over the next ones). Run while a document's analysis goes on
 * elsewhere (render-all.ts), it takes that off the first report's time.
 */
export function preparePdfReport(): Promise<void> {
  prepared ??= (async () => {
    const { doc, done } = reportDocument({ size: 'A4' });
    for (const name of Object.keys(reportFaces())) doc.font(name).fontSize(10).text('Dönen Varlıklar İŞĞÇÖÜ 1.234.567,89 (12.345) Total assets', { width: 240 });
    doc.end();
    await done;
  })().catch((e: unknown) => {
    prepared = undefined; // tried again next time
    throw e;
  });
  return prepared;
}

/** A pdfkit document with the report's faces registered, and its bytes once it has ended. */
function reportDocument(options: PDFKit.PDFDocumentOptions): { doc: InstanceType<typeof PDFDocument>; done: Promise<Buffer> } {
  const doc = new PDFDocument(options);
  for (const [name, bytes] of Object.entries(reportFaces())) doc.registerFont(name, bytes);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}
