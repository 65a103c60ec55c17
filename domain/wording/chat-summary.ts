import type { Analysis } from '../../contracts/analysis.ts';
import type { Locale } from '../../contracts/locale.ts';
import { ACTIONS, documentRef, type OutgoingMessage } from '../../contracts/outgoing.ts';
import { RATIO_DEFINITIONS, type RatioId } from '../ratio-definitions.ts';
import { unsureFactsLine } from './fact-text.ts';
import { extrasLines, historyTitle } from './history-lines.ts';
import { realChangeLines, realChangeTitle } from './real-change-lines.ts';
import { alertText, bySeverity, chronological, formatRatio, keyPoints, periodLabel, TEXT, TONE_MARK, validationLine } from './summary-text.ts';

/**
 * The chat summary, in its two forms: `resultMessage`, the message posted in the thread (with
 * sections and buttons), and `chatSummary`, the same summary as one Markdown text (stored as
 * summary-chat.md, mailed as plain text). Both are built from `summaryParts`, so the title, the
 * facts the document does not state plainly, the real change and the validation line are
 * decided once.
 */

interface SummaryParts {
  /** "Güney Metal A.Ş. — 2024, 2023": the company and its periods, newest first. */
  title: string;
  /** The facts the document does not state plainly, or null when it states them all. */
  facts: string | null;
  realChange: { title: string; lines: string[] } | null;
  validation: string;
  /** Newest first, each as the summaries label it. */
  periods: { period: string; label: string }[];
}

function summaryParts(a: Analysis, locale: Locale): SummaryParts {
  const newestFirst = chronological(a).reverse();
  const periods = newestFirst.map((period) => ({ period, label: periodLabel(period, newestFirst) }));
  const real = a.realChange ? realChangeLines(a, locale) : [];
  return {
    title: `${a.company.name ?? TEXT[locale].company} — ${periods.map((p) => p.label).join(', ')}`,
    facts: unsureFactsLine(a, locale),
    realChange: real.length && a.realChange ? { title: realChangeTitle(a.realChange, locale), lines: real } : null,
    validation: validationLine(a, locale),
    periods,
  };
}

/** The chat summary as text: a title, the five things that matter (alerts first) and the validation line. */
export function chatSummary(a: Analysis, locale: Locale = 'tr'): string {
  const s = summaryParts(a, locale);
  const lines = keyPoints(a, locale).slice(0, 5).map((p) => `${TONE_MARK[p.tone]} ${p.text}`);
  const realBlock = s.realChange ? [`*${s.realChange.title}*`, ...s.realChange.lines.map((l) => `• ${l}`)] : [];
  return [`*${s.title}*`, ...(s.facts ? [s.facts] : []), ...lines, ...realBlock, `_${s.validation}_`].join('\n') + '\n';
}

const HEADLINE: RatioId[] = ['current_ratio', 'acid_test_ratio', 'net_margin', 'return_on_equity', 'debt_ratio'];

/**
 * The summary posted in the thread: alerts first, then the five ratios that matter, newest
 * period first. Buttons (Slack, Telegram) ask for the Excel or PDF export of this statement, or
 * switch the answer language; a terminal has nothing to press, so it leaves them out.
 */
export function resultMessage(a: Analysis, locale: Locale, opts: { buttons?: boolean; extras?: Parameters<typeof extrasLines>[0] } = {}): OutgoingMessage {
  const t = TEXT[locale];
  const s = summaryParts(a, locale);
  const [latest, previous] = s.periods;
  const alerts = [...a.alerts].sort(bySeverity).filter((x) => x.severity !== 'info').slice(0, 5);
  const ratioLines = HEADLINE.map((id) => {
    const now = formatRatio(id, latest ? a.ratios[id]?.[latest.period] : null, locale);
    const before = previous ? ` (${previous.label}: ${formatRatio(id, a.ratios[id]?.[previous.period], locale)})` : '';
    return `• ${RATIO_DEFINITIONS[id].name[locale]}: *${now}*${before}`;
  });
  const statements = a.statements.map((st) => (st === 'balance_sheet' ? t.balanceSheet : t.incomeStatement).toLocaleLowerCase(locale === 'tr' ? 'tr-TR' : 'en-US'));
  const history = extrasLines(opts.extras, locale);
  const headline = locale === 'tr' ? `Öne çıkan oranlar (${latest?.label ?? ''})` : `Key ratios (${latest?.label ?? ''})`;
  return {
    title: s.title,
    text: `${s.validation} · ${statements.join(' + ')}`,
    sections: [
      ...(s.facts ? [{ lines: [s.facts] }] : []),
      ...(alerts.length ? [{ title: t.alerts, lines: alerts.map((x) => `${TONE_MARK[x.severity === 'critical' ? 'critical' : 'warning']} ${alertText(x, a, locale)}`) }] : []),
      ...(s.realChange ? [s.realChange] : []),
      ...(history.length ? [{ title: historyTitle(locale), lines: history }] : []),
      { title: headline, lines: ratioLines },
      { lines: [t.ask] },
    ],
    ...(opts.buttons === false ? {} : { buttons: summaryButtons(a, locale) }),
  };
}

function summaryButtons(a: Analysis, locale: Locale): NonNullable<OutgoingMessage['buttons']> {
  const value = documentRef(a.document.sha256);
  return [
    { actionId: ACTIONS.exportXlsx, label: 'Excel', value },
    { actionId: ACTIONS.exportPdf, label: locale === 'tr' ? 'PDF rapor' : 'PDF report', value },
    // The other language only: pressing the current one would change nothing.
    locale === 'tr' ? { actionId: ACTIONS.langEn, label: 'English', value } : { actionId: ACTIONS.langTr, label: 'Türkçe', value },
  ];
}
