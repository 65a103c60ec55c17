import { exportsOf, loadAnalysis } from '../db/queries/analysis.ts';
import type { ChatFile } from '../contracts/outgoing.ts';
import { deliverOnce } from '../db/queries/deliveries.ts';
import { storedExtras } from '../db/queries/history.ts';
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
  };
}
