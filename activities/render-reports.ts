import { ApplicationFailure } from '@temporalio/common';
import { audit, loadAnalysis, recordExport } from '../db/queries/analysis.ts';
import type { Analysis } from '../contracts/analysis.ts';
import { chronological, periodLabel, TEXT } from '../domain/wording/summary-text.ts';
import { chatSummary } from '../domain/wording/chat-summary.ts';
import type { Config } from '../lib/config.ts';
import { CONTENT_TYPES, createMailer, isEmailAddress } from '../lib/mailer.ts';
import { RENDER_MODULE } from '../reports/off-thread.ts';
import type { Rendered } from '../reports/render-all.ts';
import { foldLetters } from '../domain/turkish-text.ts';
import type { ActivityDeps } from './deps.ts';
import { analysisExtras } from './company-extras.ts';
import { bundledPriceIndices } from '../db/price-indices.ts';
import type { AnalysisExtras } from '../domain/analysis-extras.ts';
import type { Locale } from '../contracts/locale.ts';

export interface RenderReportsInput {
  documentId: number;
  workspaceId: number;
  locale: Locale;
  /** Also e-mail report.xlsx and report.pdf here (needs SMTP_URL). */
  emailTo?: string;
}

/** One stored file: `format` is what the exports table records ('xlsx', 'pdf', 'chart:ratios-liquidity', …). */
export interface RenderedExport {
  format: string;
  storageKey: string;
}

export function reportMailText(analysis: Analysis, locale: Locale): { subject: string; text: string } {
  const all = chronological(analysis);
  const periods = [...all].reverse().map((p) => periodLabel(p, all)).join(' / ');
  const company = analysis.company.name ?? TEXT[locale].company;
  const subject = `${TEXT[locale].reportTitle}: ${company} (${periods})`;
  const intro = locale === 'tr'
    ? `Merhaba,\n\n${company} için ${periods} finansal analiz raporu ektedir (Excel: oranlar Tablo sayfasına bağlı canlı formüllerdir; PDF: özet, tablolar ve grafikler).\n\nÖzet:\n`
    : `Hello,\n\nAttached is the financial analysis report for ${company}, ${periods} (Excel: ratios are live formulas over the Statement sheet; PDF: summary, tables and charts).\n\nSummary:\n`;
  const body = chatSummary(analysis, locale).replace(/\*/g, '').replace(/_/g, '');
  return { subject, text: `${intro}${body}\n${TEXT[locale].ruleNote}\n\n— Smart Lodge Budget\n` };
}

/**
 * Renders the summaries, charts, workbook and PDF from the stored analysis (never from
 * workflow payloads) and records each export; keys are per document, so a retry overwrites.
 * With `emailTo`, the workbook and PDF are mailed last, so a mail failure retries the
 * activity without leaving half-recorded exports.
 */
export function createRenderReports({ db, storage, config, threads, priceIndices }: ActivityDeps) {
  return async function renderReports(input: RenderReportsInput): Promise<RenderedExport[]> {
    const analysis = await loadAnalysis(db, input.documentId);
    if (!analysis) throw new Error(`No stored analysis for document ${input.documentId}`);
    if (input.emailTo !== undefined) checkEmail(config, input.emailTo);
    const base = `exports/${input.documentId}`;
    const files: RenderedExport[] = [];
    // The company history and sector position stored beside the analysis (computed if absent).
    const indices = priceIndices ?? (await bundledPriceIndices());
    const extras = (await analysisExtras(db, input.documentId, { priceIndex: indices[config.PRICE_INDEX] })) ?? null;
    const opts = { quickchartUrl: config.QUICKCHART_URL, extras };
    // Charts, workbook and PDF are CPU work: in a pool thread when the worker has one. Either
    // way the renderers are loaded only where they run (not in a worker's main thread).
    const rendered = threads
      ? (await threads.run<Rendered[]>(RENDER_MODULE, 'renderAllReports', [analysis, input.locale, opts])).map((r) => ({ ...r, bytes: Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength) }))
      : await (await import('../reports/render-all.ts')).renderAllReports(analysis, input.locale, opts);
    // All files first, then all rows in one transaction: a failed write (a full disk) removes
    // the files already written and records nothing, so no export row points at a missing file.
    try {
      for (const r of rendered) files.push({ format: r.format, storageKey: await storage.putAt(`${base}/${r.name}`, r.bytes) });
    } catch (e) {
      for (const f of files) await storage.delete(f.storageKey).catch(() => {});
      throw e;
    }
    await db.transaction().execute(async (trx) => {
      for (const f of files) await recordExport(trx, { documentId: input.documentId, workspaceId: input.workspaceId, ...f });
    });
    if (input.emailTo !== undefined) {
      const mailer = createMailer(config)!;
      try {
        const { subject, text } = reportMailText(analysis, input.locale);
        const attach = rendered.filter((r) => r.format === 'xlsx' || r.format === 'pdf');
        const sent = await mailer.send({
          to: input.emailTo,
          subject,
          text,
          attachments: attach.map((r) => ({ filename: reportFileName(analysis, r.name), content: r.bytes, contentType: CONTENT_TYPES[r.format as 'xlsx' | 'pdf'] })),
        });
        await audit(db, {
          workspaceId: input.workspaceId,
          actor: 'system',
          action: 'report.emailed',
          subject: String(input.documentId),
          details: { to: input.emailTo, messageId: sent.messageId, files: attach.map((r) => r.name) },
        });
      } finally {
        mailer.close();
      }
    }
    return files;
  };
}

function checkEmail(config: Config, to: string): void {
  // Neither is worth retrying: fail the activity at once with a code the chat can explain.
  if (!config.SMTP_URL) throw ApplicationFailure.nonRetryable('E-mail export is not configured (SMTP_URL)', 'email_not_configured');
  if (!isEmailAddress(to)) throw ApplicationFailure.nonRetryable(`Not an e-mail address: ${to}`, 'invalid_email');
}

/** "ornek-gida-2024-rapor.pdf": the attachment says whose report it is. */
export function reportFileName(a: Analysis, name: string): string {
  const slug = foldLetters(a.company.name ?? 'rapor')
    .normalize('NFKD').replace(/[^\w]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'rapor';
  const latest = chronological(a).at(-1)?.slice(0, 4) ?? '';
  return `${slug}-${latest}-${name}`;
}
