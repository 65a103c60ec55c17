import type { ReviewDecision, WorkflowStatus } from '../../contracts/workflow.ts';
import { factAnswerAck } from './fact-text.ts';
import type { OutgoingMessage } from '../../contracts/outgoing.ts';
import type { Locale } from '../../contracts/locale.ts';
import { failedCheckEn } from './check-text.ts';
import { formatNumber, formatNumberUpTo } from './format-number.ts';

const fmt = (v: number | undefined, locale: Locale) =>
  v === undefined ? '—' : formatNumber(v, locale, 2);

/** The check's name in the user's language (the stored messages are Turkish). */
function checkName(c: WorkflowStatus['review'][number], locale: Locale): string {
  if (locale === 'tr') return c.message ?? c.id;
  return failedCheckEn(c.id);
}

/** The review request: which checks failed, and how to confirm or correct (every channel, the terminal too). */
export function reviewMessage(checks: WorkflowStatus['review'], locale: Locale, timeoutMinutes: number): OutgoingMessage {
  const tr = locale === 'tr';
  const lines = checks.slice(0, 8).map((c) =>
    `• ${checkName(c, locale)}${c.period ? ` (${c.period})` : ''}: ${tr ? 'beklenen' : 'expected'} ${fmt(c.expected, locale)}, ${tr ? 'okunan' : 'read'} ${fmt(c.actual, locale)}`,
  );
  const minutes = formatNumberUpTo(timeoutMinutes, locale, 2);
  return {
    title: tr ? 'Bazı toplamlar tutmuyor' : 'Some totals do not tie',
    text: tr
      ? `Aşağıdaki kontroller başarısız. Değerleri okunduğu gibi onaylayabilir ya da bu konuşmada düzeltme yazabilirsiniz: \`düzelt <kod> <yıl> <tutar>\` (ör. \`düzelt 102 2024 1.234,56\`). ${minutes} dakika içinde yanıt gelmezse analiz okunan değerlerle tamamlanır ve tutarsız olarak işaretlenir.`
      : `The checks below failed. Confirm the values as read, or reply here with a correction: \`fix <code> <year> <amount>\` (e.g. \`fix 102 2024 1,234.56\`). Without an answer in ${minutes} minutes the analysis finishes with the values as read, flagged as inconsistent.`,
    sections: [{ lines }],
  };
}

/** The reply to "onayla" / "düzelt …" / a fact answer: taken by the waiting analysis, or why not. */
export function reviewAck(review: ReviewDecision, outcome: 'waiting' | 'not_waiting' | 'none_waiting', locale: Locale): string {
  const tr = locale === 'tr';
  if (outcome === 'not_waiting') return tr ? 'Bu tablo şu anda onay beklemiyor.' : 'This statement is not waiting for a review.';
  if (outcome === 'none_waiting') return tr ? 'Şu anda onay bekleyen bir tablo yok.' : 'Nothing is waiting for a review right now.';
  if (review.action === 'fact') return factAnswerAck(review.answer, 'waiting', locale);
  if (review.action === 'confirm') return tr ? 'Teşekkürler, okunan değerlerle devam ediyorum.' : 'Thanks, continuing with the values as read.';
  return tr ? 'Teşekkürler, yeniden hesaplıyorum.' : 'Thanks, recomputing.';
}
