import type { Analysis, RealChangeRow, RealChanges } from '../../contracts/analysis.ts';
import type { Locale } from '../../contracts/locale.ts';
import { PRICE_INDEX_NAMES } from '../price-index.ts';
import { levelOf } from '../real-comparison.ts';
import { describeIndexUsed, describeRealRow } from '../real-change-text.ts';

/**
 * The real-change sentences every output shares (summary, result message, report, digest), from
 * the stored `analysis.realChange` only: the headline amounts, then which index months were used.
 */
export const HEADLINE_KEYS = ['NET_SALES', 'NET_PROFIT', 'TOTAL_ASSETS'] as const;

export const HEADLINE_LABELS: Record<(typeof HEADLINE_KEYS)[number], { tr: string; en: string }> = {
  NET_SALES: { tr: 'Net satışlar', en: 'Net sales' },
  NET_PROFIT: { tr: 'Net kâr', en: 'Net profit' },
  TOTAL_ASSETS: { tr: 'Aktif toplamı', en: 'Total assets' },
};

/** "TÜFE (2003=100) 2023-01…2023-12 ortalaması 1.234,56 → …" for a row computed with the index. */
export function indexUsedLine(section: RealChanges, row: RealChangeRow, locale: Locale): string {
  return describeIndexUsed(
    { index: section.index, from: { months: row.fromMonths, level: levelOf(section, row.fromMonths) }, to: { months: row.toMonths, level: levelOf(section, row.toMonths) } },
    locale,
  );
}

/**
 * One line per headline amount the section has, then the index used for flows and for stocks
 * (a refusal — index not available, already adjusted — is said once, in its own words).
 */
export function realChangeLines(a: Pick<Analysis, 'realChange'>, locale: Locale): string[] {
  const section = a.realChange;
  if (!section) return [];
  const rows = HEADLINE_KEYS.flatMap((key) => {
    const row = section.rows.find((r) => r.key === key);
    return row ? [{ key, row }] : [];
  });
  if (!rows.length) return [];
  const refusals = new Set<string>();
  const lines: string[] = [];
  for (const { key, row } of rows) {
    if (row.status === 'ok') lines.push(describeRealRow(HEADLINE_LABELS[key][locale], row, section.index, locale));
    else if (row.message) refusals.add(row.message[locale]);
  }
  for (const kind of ['flow', 'stock'] as const) {
    const row = rows.find((r) => r.row.status === 'ok' && r.row.kind === kind)?.row;
    if (row) lines.push(indexUsedLine(section, row, locale));
  }
  return [...lines, ...refusals];
}

export const realChangeTitle = (section: Pick<RealChanges, 'index'>, locale: Locale): string =>
  locale === 'tr' ? `Reel değişim (${PRICE_INDEX_NAMES[section.index].tr})` : `Real change by ${PRICE_INDEX_NAMES[section.index].en}`;
