import type { Analysis } from '../../contracts/analysis.ts';
import type { Locale } from '../../contracts/locale.ts';

const TEXT = {
  tr: { lead: 'Belgede açıkça yazmıyor, kontrol edin', company: 'şirket', unit: 'tutarlar tam birim olarak alındı (bin / milyon değil)', currency: 'para birimi', missing: 'okunamadı', ask: 'yanlışsa doğrusunu yazın' },
  en: { lead: 'Not stated plainly in the document, please check', company: 'company', unit: 'amounts taken as whole units (not thousands or millions)', currency: 'currency', missing: 'not found', ask: 'reply with the right one if wrong' },
} as const;

/**
 * The document facts the reader is not sure of (a unit no line declares, a currency only
 * assumed, a company name taken from the first line), as one line every output shows: an
 * unsure fact is marked, never stated as if it were printed. Null when every fact is sure.
 */
export function unsureFactsLine(a: Analysis, locale: Locale): string | null {
  const t = TEXT[locale];
  const parts: string[] = [];
  if (a.facts?.company && !a.facts.company.sure) parts.push(`${t.company}: ${a.company.name ?? t.missing}`);
  if (a.facts?.unit && !a.facts.unit.sure && a.unit === 'TL') parts.push(t.unit);
  if (a.facts?.currency && !a.facts.currency.sure) parts.push(`${t.currency}: ${a.currency}`);
  return parts.length ? `⚠ ${t.lead} — ${parts.join(', ')} (${t.ask})` : null;
}
