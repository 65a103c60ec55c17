import { exportsOf, loadAnalysis } from '../db/queries/analysis.ts';
import type { ChatFile } from '../contracts/outgoing.ts';
import { deliverOnce } from '../db/queries/deliveries.ts';
import { storedAnalysisOf, storedExtras } from '../db/queries/history.ts';
import { loadedSectors, markSectorAsked, sectorQuestionDue } from '../db/queries/benchmarks.ts';
import { sectorQuestionText } from '../domain/wording/sector-text.ts';
import { ACTIONS } from '../contracts/outgoing.ts';
import type { Analysis } from '../contracts/analysis.ts';
import { resultMessage } from '../domain/wording/chat-summary.ts';
import type { ReplyTarget } from '../contracts/workflow.ts';
import { posterFor } from './chat-posters.ts';
import type { ActivityDeps } from './deps.ts';
import type { Locale } from '../contracts/locale.ts';

/** Posts the summary, the chart images and the export files into the thread, each exactly once. */
export function createDeliverResults(deps: ActivityDeps) {
  return async function deliverResults(input: { reply: ReplyTarget; key: string; documentId: number; workspaceId: number; locale: Locale }): Promise<void> {
    if (input.reply.channel === 'none') return;
    const poster = posterFor(deps, input.reply);
    const analysis = await loadAnalysis(deps.db, input.documentId);
    if (!analysis) throw new Error(`No stored analysis for document ${input.documentId}`);
    const extras = await storedExtras(deps.db, input.documentId);
    await deliverOnce(deps.db, `result:${input.key}:summary`, input.workspaceId, () => poster.post(input.reply, resultMessage(analysis, input.locale, { extras })));

    const exports = await exportsOf(deps.db, input.documentId);
    const charts: ChatFile[] = [];
    const docs: ChatFile[] = [];
    // A thread is not a report: the four charts that say most; the rest are in the PDF.
    const CHAT_CHARTS = ['chart:ratios-liquidity', 'chart:ratios-profitability', 'chart:income-bridge', 'chart:balance-composition', 'chart:history-real'];
    for (const e of exports) {
      const name = e.storage_key.split('/').pop()!;
      if (CHAT_CHARTS.includes(e.format)) charts.push({ name, title: name.replace(/\.png$/, ''), bytes: await deps.storage.get(e.storage_key), kind: 'image' });
      else if (e.format === 'xlsx' || e.format === 'pdf') docs.push({ name, title: name, bytes: await deps.storage.get(e.storage_key), kind: 'document' });
    }
    if (charts.length) await deliverOnce(deps.db, `result:${input.key}:charts`, input.workspaceId, () => poster.upload(input.reply, charts));
    if (docs.length) await deliverOnce(deps.db, `result:${input.key}:files`, input.workspaceId, () => poster.upload(input.reply, docs));
    await askSectorOnce(deps, input, analysis);
  };
}

/**
 * After a company's first result: the one question about its sector (typed NACE code, or a
 * button per loaded quartile table), never asked again once posted or answered.
 */
async function askSectorOnce(deps: ActivityDeps, input: { reply: ReplyTarget; key: string; documentId: number; workspaceId: number; locale: Locale }, analysis: Analysis): Promise<void> {
  const companyId = (await storedAnalysisOf(deps.db, input.documentId))?.companyId ?? null;
  if (companyId === null || !(await sectorQuestionDue(deps.db, companyId))) return;
  const choices = await loadedSectors(deps.db);
  const buttons = choices.map((code) => ({ actionId: ACTIONS.pickSector, label: code, value: `${companyId}:${code}` }));
  const text = sectorQuestionText(analysis.company.name, buttons.length > 0, input.locale);
  await deliverOnce(deps.db, `result:${input.key}:sector`, input.workspaceId, () => posterFor(deps, input.reply).post(input.reply, { text, ...(buttons.length ? { buttons } : {}) }));
  await markSectorAsked(deps.db, companyId);
}
