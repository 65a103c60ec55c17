import { editDistance } from '../turkish-text.ts';
import { tokensOf } from './ratio-aliases.ts';
import type { Locale } from '../../contracts/locale.ts';

/**
 * For a question the bot did not understand: the three answerable questions closest to it,
 * instead of the whole help text. Closeness is shared words, a typo or a Turkish suffix apart.
 */
const EXAMPLES: Record<Locale, string[]> = {
  tr: [
    'cari oran kaç?', 'net kar ne kadar?', 'kasada ne kadar para var?', 'satışlar ne kadar arttı?', 'şirket kârlı mı?',
    'borçlarım çok mu?', 'şirket iyi mi?', 'likidite durumum nasıl?', 'hangi oranlar zayıf?', 'cari oran neden düştü?',
    'asit test oranı nasıl hesaplanır?', 'tüm oranlar', '2023 ile 2024’ü karşılaştır', 'aktif toplamı ne kadar?',
    'özkaynak karlılığı kaç?', 'excel gönder', 'PDF rapor', 'likidite grafiği', 'net kar marjı kaç?', 'stoklar ne kadar?',
  ],
  en: [
    'what is the current ratio?', 'how much net profit?', 'how much cash do we have?', 'how much did sales grow?', 'is the company profitable?',
    'do we have too much debt?', 'how is the company doing?', 'how is our liquidity?', 'which ratios are weak?', 'why did the current ratio fall?',
    'how is the quick ratio calculated?', 'all ratios', 'compare 2023 and 2024', 'total assets?',
    'return on equity?', 'send excel', 'PDF report', 'liquidity chart', 'net margin?', 'inventory?',
  ],
};

// Question words say nothing about which answer is meant.
const FILLER = new Set(tokensOf('the our and for how you are is do we what about much have which does with this that there ne nasıl kadar bir şey acaba mı mi mu var yok bana'));

const close = (a: string, b: string) => a === b || (a.length >= 4 && b.length >= 4 && (a.startsWith(b.slice(0, 4)) || b.startsWith(a.slice(0, 4)))) || (a.length >= 4 && editDistance(a, b) <= 1);

export function closestQuestions(text: string, locale: Locale, n = 3): string[] {
  const words = tokensOf(text).filter((t) => t.length >= 3 && !FILLER.has(t));
  const scored = EXAMPLES[locale].map((q, i) => {
    const qs = tokensOf(q);
    const shared = words.filter((w) => qs.some((x) => !FILLER.has(x) && close(w, x))).length;
    return { q, i, score: shared / Math.sqrt(Math.max(1, qs.filter((x) => !FILLER.has(x)).length)) };
  });
  return scored.sort((a, b) => b.score - a.score || a.i - b.i).slice(0, n).map((s) => s.q);
}
