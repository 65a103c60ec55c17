import type { Analysis } from '../contracts/analysis.ts';
import type { Locale } from '../contracts/locale.ts';
import { reportCharts, type ChartSpec } from '../domain/chart-configs.ts';
import type { AnalysisExtras } from '../domain/analysis-extras.ts';
import { chatSummary } from '../domain/wording/chat-summary.ts';
import { summaryMarkdown } from '../domain/wording/summary-text.ts';
import { renderChart } from './chart-renderer.ts';
import { buildPdfReport, preparePdfReport } from './pdf-report.ts';
import { buildWorkbook } from './xlsx-report.ts';

/**
 * Everything a report is, rendered from one stored analysis (pure apart from the chart
 * server): summary.md, summary-chat.md, report.xlsx, report.pdf and charts/<name>.png,
 * keyed by file name.
 */
export type Rendered = { name: string; format: string; bytes: Uint8Array; chart?: ChartSpec };

export async function renderAllReports(
  analysis: Analysis,
  locale: Locale,
  opts: { quickchartUrl?: string; generatedAt?: Date; extras?: AnalysisExtras | null } = {},
): Promise<Rendered[]> {
  const specs = reportCharts(analysis, locale, opts.extras);
  const charts = [];
  for (const spec of specs) charts.push({ spec, png: await renderChart(spec, opts.quickchartUrl) });
  return [
    { name: 'summary.md', format: 'summary.md', bytes: Buffer.from(summaryMarkdown(analysis, locale, opts.extras)) },
    { name: 'summary-chat.md', format: 'summary.chat', bytes: Buffer.from(chatSummary(analysis, locale)) },
    { name: 'report.xlsx', format: 'xlsx', bytes: await buildWorkbook(analysis, locale, { charts, extras: opts.extras }) },
    { name: 'report.pdf', format: 'pdf', bytes: await buildPdfReport(analysis, locale, { charts, generatedAt: opts.generatedAt, extras: opts.extras }) },
    ...charts.map((c) => ({ name: `charts/${c.spec.name}.png`, format: `chart:${c.spec.name}`, bytes: c.png, chart: c.spec })),
  ];
}


/**
 * What a thread can do before the first report, without the analysis: ask for it as soon as a
 * document has been read (extractStatement), so the first report does not pay for it.
 */
export async function prepareRender(): Promise<void> {
  await preparePdfReport();
}
