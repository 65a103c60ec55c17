import type { Stage } from '../../contracts/workflow.ts';
import { inert, type OutgoingMessage } from '../../contracts/outgoing.ts';
import type { Locale } from '../../contracts/locale.ts';

const STAGES: Record<Stage, { tr: string; en: string }> = {
  received: { tr: '📥 Dosya alındı, sıraya kondu.', en: '📥 File received, queued.' },
  reading: { tr: '📖 Okunuyor…', en: '📖 Reading…' },
  checking: { tr: '🧮 Tutarlılık kontrolleri yapılıyor…', en: '🧮 Checking that the numbers tie…' },
  awaiting_review: { tr: '✋ Bazı değerler için onayınız bekleniyor.', en: '✋ Waiting for you to confirm some values.' },
  analyzing: { tr: '📊 Oranlar ve karşılaştırmalar hesaplanıyor…', en: '📊 Computing ratios and comparisons…' },
  rendering: { tr: '🖼️ Grafikler ve raporlar hazırlanıyor…', en: '🖼️ Preparing charts and reports…' },
  done: { tr: '✅ Analiz tamamlandı.', en: '✅ Analysis complete.' },
  failed: { tr: '❌ Analiz tamamlanamadı.', en: '❌ The analysis could not be completed.' },
};

export function progressMessage(stage: Stage, locale: Locale, detail?: { page?: number; of?: number; fileName?: string }): OutgoingMessage {
  let text = STAGES[stage][locale];
  if (stage === 'reading' && detail?.page && detail.of) {
    text = locale === 'tr' ? `📖 Okunuyor: sayfa ${detail.page}/${detail.of}…` : `📖 Reading page ${detail.page}/${detail.of}…`;
  }
  return { text: detail?.fileName ? `*${inert(detail.fileName)}* — ${text}` : text };
}
