import { deliverOnce } from '../lib/chat/deliver-once.ts';
import type { ReplyTarget, WorkflowStatus } from '../workflows/types.ts';
import { posterFor } from './chat-posters.ts';
import type { ActivityDeps } from './deps.ts';

const fmt = (v: number | undefined) => (v === undefined ? '—' : v.toLocaleString('tr-TR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

/**
 * Asks the user about the specific values that do not tie: confirm as read, or reply with a
 * correction (`düzelt 102 2024 1.234,56`). The workflow waits for the answer as a signal.
 */
export function createRequestReview(deps: ActivityDeps) {
  return async function requestReview(input: { reply: ReplyTarget; key: string; workflowId: string; locale: 'tr' | 'en'; checks: WorkflowStatus['review']; timeoutMinutes: number }): Promise<void> {
    if (input.reply.channel === 'none') return;
    const tr = input.locale === 'tr';
    const poster = posterFor(deps, input.reply);
    const lines = input.checks.slice(0, 8).map((c) =>
      `• ${c.message ?? c.id} (${c.period ?? ''}): ${tr ? 'beklenen' : 'expected'} ${fmt(c.expected)}, ${tr ? 'okunan' : 'read'} ${fmt(c.actual)}`,
    );
    await deliverOnce(deps.db, `review:${input.key}`, null, () =>
      poster.post(input.reply, {
        title: tr ? 'Bazı toplamlar tutmuyor' : 'Some totals do not tie',
        text: tr
          ? `Aşağıdaki kontroller başarısız. Değerleri okunduğu gibi onaylayabilir ya da düzeltme yazabilirsiniz: \`düzelt <kod> <yıl> <tutar>\` (ör. \`düzelt 102 2024 1.234,56\`). ${input.timeoutMinutes} dakika içinde yanıt gelmezse analiz uyarılarla tamamlanır.`
          : `The checks below failed. Confirm the values as read, or reply with a correction: \`fix <code> <year> <amount>\` (e.g. \`fix 102 2024 1,234.56\`). Without an answer in ${input.timeoutMinutes} minutes the analysis finishes with warnings.`,
        sections: [{ lines }],
        buttons: [{ actionId: 'review_confirm', label: tr ? 'Okunduğu gibi onayla' : 'Confirm as read', value: input.workflowId }],
      }),
    );
  };
}
