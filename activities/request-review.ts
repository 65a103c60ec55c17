import { deliverOnce } from '../lib/chat/deliver-once.ts';
import { ACTIONS, documentRef } from '../lib/chat/outgoing.ts';
import type { ReplyTarget, WorkflowStatus } from '../workflows/types.ts';
import { posterFor } from './chat-posters.ts';
import type { ActivityDeps } from './deps.ts';

const fmt = (v: number | undefined, locale: 'tr' | 'en') =>
  v === undefined ? '—' : v.toLocaleString(locale === 'tr' ? 'tr-TR' : 'en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The check's name in the user's language (the stored messages are Turkish). */
function checkName(c: WorkflowStatus['review'][number], locale: 'tr' | 'en'): string {
  if (locale === 'tr') return c.message ?? c.id;
  if (c.id === 'balance') return 'Total assets do not equal total liabilities and equity';
  if (c.id === 'net_profit_match') return 'Net profit in the balance sheet differs from the income statement';
  if (c.id.startsWith('sum:')) return `The items of group ${c.id.slice(4)} do not add up to the group total`;
  if (c.id.startsWith('is:')) return `Income statement subtotal ${c.id.slice(3)} differs from the computed value`;
  return c.message ?? c.id;
}

/**
 * Asks the user about the specific values that do not tie: confirm as read, or reply with a
 * correction (`düzelt 102 2024 1.234,56`). The workflow waits for the answer as a signal.
 * The confirm button carries the document's short reference, not the workflow id: Telegram
 * callback data is capped at 64 bytes, and the bot resolves the reference within the
 * workspace the press came from.
 */
export function createRequestReview(deps: ActivityDeps) {
  return async function requestReview(input: { reply: ReplyTarget; key: string; workflowId: string; locale: 'tr' | 'en'; checks: WorkflowStatus['review']; timeoutMinutes: number }): Promise<void> {
    if (input.reply.channel === 'none') return;
    const tr = input.locale === 'tr';
    const poster = posterFor(deps, input.reply);
    const doc = await deps.db.selectFrom('documents').select('sha256').where('workflow_id', '=', input.workflowId).orderBy('updated_at', 'desc').executeTakeFirst();
    const lines = input.checks.slice(0, 8).map((c) =>
      `• ${checkName(c, input.locale)}${c.period ? ` (${c.period})` : ''}: ${tr ? 'beklenen' : 'expected'} ${fmt(c.expected, input.locale)}, ${tr ? 'okunan' : 'read'} ${fmt(c.actual, input.locale)}`,
    );
    const minutes = Number(input.timeoutMinutes.toFixed(2));
    await deliverOnce(deps.db, `review:${input.key}`, null, () =>
      poster.post(input.reply, {
        title: tr ? 'Bazı toplamlar tutmuyor' : 'Some totals do not tie',
        text: tr
          ? `Aşağıdaki kontroller başarısız. Değerleri okunduğu gibi onaylayabilir ya da bu konuşmada düzeltme yazabilirsiniz: \`düzelt <kod> <yıl> <tutar>\` (ör. \`düzelt 102 2024 1.234,56\`). ${minutes} dakika içinde yanıt gelmezse analiz okunan değerlerle tamamlanır ve tutarsız olarak işaretlenir.`
          : `The checks below failed. Confirm the values as read, or reply here with a correction: \`fix <code> <year> <amount>\` (e.g. \`fix 102 2024 1,234.56\`). Without an answer in ${minutes} minutes the analysis finishes with the values as read, flagged as inconsistent.`,
        sections: [{ lines }],
        ...(doc ? { buttons: [{ actionId: ACTIONS.reviewConfirm, label: tr ? 'Okunduğu gibi onayla' : 'Confirm as read', value: documentRef(doc.sha256) }] } : {}),
      }),
    );
  };
}
