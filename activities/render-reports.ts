import { loadAnalysis, recordExport } from '../db/queries/analysis.ts';
import { ratioFamilyCharts } from '../domain/chart-configs.ts';
import { summaryMarkdown } from '../domain/summary-text.ts';
import { renderChart } from '../lib/chart-renderer.ts';
import { buildWorkbook } from '../lib/xlsx-report.ts';
import type { ActivityDeps } from './deps.ts';

/**
 * Renders the summary, charts and workbook from the stored analysis (never from workflow
 * payloads) and records each export; keys are per document, so a retry overwrites.
 */
export function createRenderReports({ db, storage, config }: ActivityDeps) {
  return async function renderReports(input: { documentId: number; workspaceId: number; locale: 'tr' | 'en' }) {
    const analysis = await loadAnalysis(db, input.documentId);
    if (!analysis) throw new Error(`No stored analysis for document ${input.documentId}`);
    const base = `exports/${input.documentId}`;
    const files: { format: string; storageKey: string }[] = [];
    const put = async (format: string, name: string, bytes: Uint8Array) => {
      const storageKey = await storage.putAt(`${base}/${name}`, bytes);
      await recordExport(db, { documentId: input.documentId, workspaceId: input.workspaceId, format, storageKey });
      files.push({ format, storageKey });
    };
    await put('summary.md', 'summary.md', Buffer.from(summaryMarkdown(analysis, input.locale)));
    await put('xlsx', 'report.xlsx', await buildWorkbook(analysis, input.locale));
    for (const spec of ratioFamilyCharts(analysis)) {
      await put(`chart:${spec.name}`, `charts/${spec.name}.png`, await renderChart(spec, config.QUICKCHART_URL));
    }
    return files;
  };
}
