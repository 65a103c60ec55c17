import { formatNumberUpTo } from './format-number.ts';
import type { Analysis } from '../../contracts/analysis.ts';
import type { Locale } from '../../contracts/locale.ts';
import type { FactAnswer, FactName } from '../../contracts/workflow.ts';
import { inert, type OutgoingMessage } from '../../contracts/outgoing.ts';

const TEXT = {
  tr: {
    lead: 'Belgede açıkça yazmıyor, kontrol edin',
    company: 'şirket',
    unitWhole: 'tutarlar tam birim olarak alındı (bin / milyon değil)',
    unitDoubted: (u: string) => `birim ${u} okundu ama rakamlarla uyuşmuyor`,
    currency: 'para birimi',
    missing: 'okunamadı',
    ask: 'yanlışsa doğrusunu yazın: `birim bin TL`, `şirket: X A.Ş.`, `para birimi USD`',
  },
  en: {
    lead: 'Not stated plainly in the document, please check',
    company: 'company',
    unitWhole: 'amounts taken as whole units (not thousands or millions)',
    unitDoubted: (u: string) => `unit read as ${u} but the figures do not fit it`,
    currency: 'currency',
    missing: 'not found',
    ask: 'reply with the right one if wrong: `unit thousands`, `company: X Ltd`, `currency USD`',
  },
} as const;

/** One unsure fact in words: "şirket: Deniz Lojistik", "tutarlar tam birim olarak alındı …". */
function factPart(a: Pick<Analysis, 'company' | 'unit' | 'currency'>, fact: FactName, locale: Locale, plain = false): string {
  const t = TEXT[locale];
  // A name read from the PDF is the document's text: inert inside chat markup.
  if (fact === 'company') return `${t.company}: ${a.company.name === null ? t.missing : plain ? a.company.name : inert(a.company.name)}`;
  if (fact === 'currency') return `${t.currency}: ${a.currency}`;
  return a.unit === 'TL' ? t.unitWhole : t.unitDoubted(a.unit);
}

/**
 * The document facts the reader is not sure of (a unit no line declares or the figures
 * question, a currency only assumed, a company name taken from the first line), as one line
 * every output shows (chat and report summaries, the workbook, the PDF cover): an unsure fact
 * is marked, never stated as if it were printed. Null when every fact is sure. The correction
 * it invites is taken in the thread, also after the result (bot/core/fact-command.ts).
 */
export function unsureFactsLine(a: Analysis, locale: Locale, opts: { plain?: boolean } = {}): string | null {
  const t = TEXT[locale];
  const parts = (['company', 'unit', 'currency'] as const).filter((f) => a.facts?.[f] && !a.facts[f].sure).map((f) => factPart(a, f, locale, opts.plain));
  const line = parts.length ? `⚠ ${t.lead} — ${parts.join(', ')} (${t.ask})` : null;
  // Workbook and PDF have no code spans: the commands are quoted instead.
  return line && opts.plain ? line.replace(/`([^`]*)`/g, '"$1"') : line;
}

/** Button labels for the unit question, in the value order TL, Bin TL, Milyon TL. */
export const UNIT_LABELS = { tr: ['TL', 'bin TL', 'milyon TL'], en: ['units', 'thousands', 'millions'] } as const;

/**
 * The question about unsure facts, asked once in the thread: what was read, why it is unsure
 * (the unit checks' own words), and how to answer (buttons for the unit, or typed).
 */
export function factQuestion(a: Pick<Analysis, 'company' | 'unit' | 'currency'>, facts: readonly FactName[], reasons: readonly string[], locale: Locale, timeoutMinutes: number): OutgoingMessage {
  const tr = locale === 'tr';
  const minutes = formatNumberUpTo(timeoutMinutes, locale, 2);
  const how = facts.map((f) =>
    f === 'unit'
      ? tr ? 'birim: düğmeye basın ya da `birim bin TL` / `birim milyon TL` / `birim TL` yazın' : 'unit: press a button, or type `unit thousands` / `unit millions` / `unit units`'
      : f === 'company'
        ? tr ? 'şirket: `şirket: X A.Ş.` yazın' : 'company: type `company: X Ltd`'
        : tr ? 'para birimi: `para birimi USD` yazın' : 'currency: type `currency USD`');
  return {
    title: tr ? 'Belgedeki bazı bilgilerden emin değilim' : 'I am not sure of some facts in the document',
    text: tr
      ? `Okuduğum: ${facts.map((f) => factPart(a, f, locale)).join('; ')}. Doğrusunu bu konuşmada yazabilirsiniz. ${minutes} dakika içinde yanıt gelmezse okunduğu gibi devam edilir ve raporlarda işaretlenir.`
      : `What I read: ${facts.map((f) => factPart(a, f, locale)).join('; ')}. You can give the right one here. Without an answer in ${minutes} minutes the analysis goes on as read, marked in the reports.`,
    sections: [{ lines: [...reasons.map((r) => `• ${r}`), ...how.map((h) => `→ ${h}`)] }],
  };
}

const UNIT_WORDS = { tr: { TL: 'TL', 'Bin TL': 'bin TL', 'Milyon TL': 'milyon TL' }, en: { TL: 'units', 'Bin TL': 'thousands', 'Milyon TL': 'millions' } } as const;

/**
 * The reply to a fact answer: taken by the waiting analysis, a finished one run again with it,
 * already applied (the same answer again), or impossible (the file is no longer kept).
 */
export function factAnswerAck(answer: FactAnswer, outcome: 'waiting' | 'rerun' | 'rerun_unposted' | 'already' | 'file_gone', locale: Locale): string {
  const tr = locale === 'tr';
  const value = answer.fact === 'unit' ? UNIT_WORDS[locale][answer.value] : answer.value;
  const name = tr ? { unit: 'birim', company: 'şirket', currency: 'para birimi' }[answer.fact] : answer.fact;
  const taken = tr ? `Teşekkürler, ${name}: ${value}` : `Thanks, ${name}: ${value}`;
  if (outcome === 'waiting') return tr ? `${taken}; yeniden hesaplıyorum.` : `${taken}; recomputing.`;
  if (outcome === 'rerun') return tr ? `${taken}; tablo bu bilgiyle yeniden analiz ediliyor, düzeltilmiş özet bu konuşmaya gelecek.` : `${taken}; the statement is being analysed again with it, the corrected summary will follow here.`;
  // Where nothing is posted back (the terminal chat), the corrected figures are there to ask for.
  if (outcome === 'rerun_unposted') return tr ? `${taken}; tablo bu bilgiyle yeniden analiz ediliyor, birazdan sorularınız düzeltilmiş rakamlarla yanıtlanır.` : `${taken}; the statement is being analysed again with it, and in a moment questions are answered from the corrected figures.`;
  if (outcome === 'already') return tr ? `Bu düzeltme (${name}: ${value}) zaten uygulandı.` : `This correction (${name}: ${value}) was already applied.`;
  return tr ? 'Bu tablonun dosyası artık saklanmıyor; düzeltme için lütfen PDF’i yeniden gönderin.' : 'The file of this statement is no longer kept; please send the PDF again to correct it.';
}
