import type { Analysis } from '../../contracts/analysis.ts';
import { formatRatioValue } from './format-number.ts';
import { RATIO_DEFINITIONS, type RatioId } from '../ratio-definitions.ts';
import { ACTIONS, documentRef, type OutgoingMessage } from '../../contracts/outgoing.ts';
import type { Locale } from '../../contracts/locale.ts';
import { realChangeLines, realChangeTitle } from './real-change-lines.ts';
import { extrasLines, historyTitle } from './history-lines.ts';
import { unsureFactsLine } from './fact-text.ts';

const HEADLINE: RatioId[] = ['current_ratio', 'acid_test_ratio', 'net_margin', 'return_on_equity', 'debt_ratio'];

/**
 * The chat summary: alerts first, then the five ratios that matter, newest period first.
 * Buttons (Slack, Telegram) ask for the Excel or PDF export of this statement, or switch the
 * answer language; a terminal has nothing to press, so it leaves them out.
 */
export function resultMessage(a: Analysis, locale: Locale, opts: { buttons?: boolean; extras?: Parameters<typeof extrasLines>[0] } = {}): OutgoingMessage {
  const tr = locale === 'tr';
  const periods = [...a.periods].sort().reverse();
  const [latest, previous] = periods;
  const order = { critical: 0, warning: 1, info: 2 } as const;
  const alerts = [...a.alerts].sort((x, y) => order[x.severity] - order[y.severity]).filter((x) => x.severity !== 'info').slice(0, 5);
  const status = { ok: tr ? 'tutarlı' : 'consistent', warnings: tr ? 'uyarılarla' : 'with warnings', failed: tr ? 'tutarsızlık var' : 'inconsistent' }[a.validation.status];
  const ratioLines = HEADLINE.map((id) => {
    const def = RATIO_DEFINITIONS[id];
    const now = formatRatioValue(latest ? a.ratios[id]?.[latest] ?? null : null, def.kind, locale);
    const before = previous ? ` (${previous.slice(0, 4)}: ${formatRatioValue(a.ratios[id]?.[previous] ?? null, def.kind, locale)})` : '';
    return `• ${def.name[locale]}: *${now}*${before}`;
  });
  const real = realChangeLines(a, locale);
  const history = extrasLines(opts.extras, locale);
  // An unsure document fact (unit, company, currency) heads the summary, never stated as read.
  const unsure = unsureFactsLine(a, locale);
  return {
    title: `${a.company.name ?? (tr ? 'Şirket' : 'Company')} — ${periods.map((p) => p.slice(0, 4)).join(', ')}`,
    text: tr
      ? `Doğrulama: ${status} · okuma: ${a.document.method} · ${a.statements.length === 2 ? 'bilanço + gelir tablosu' : a.statements[0] === 'balance_sheet' ? 'bilanço' : 'gelir tablosu'}`
      : `Validation: ${status} · read by: ${a.document.method} · ${a.statements.join(' + ').replace(/_/g, ' ')}`,
    sections: [
      ...(unsure ? [{ lines: [unsure] }] : []),
      ...(alerts.length ? [{ title: tr ? 'Uyarılar' : 'Alerts', lines: alerts.map((x) => `${x.severity === 'critical' ? '🔴' : '🟠'} ${x.message}`) }] : []),
      ...(real.length && a.realChange ? [{ title: realChangeTitle(a.realChange, locale), lines: real }] : []),
      ...(history.length ? [{ title: historyTitle(locale), lines: history }] : []),
      { title: tr ? `Öne çıkan oranlar (${latest?.slice(0, 4) ?? ''})` : `Key ratios (${latest?.slice(0, 4) ?? ''})`, lines: ratioLines },
      { lines: [tr ? 'Soru sorabilirsiniz: "cari oran neden düştü?", "hangi oranlar zayıf?", "/export pdf"' : 'Ask away: "why did the current ratio fall?", "which ratios are weak?", "/export pdf"'] },
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
