import type { Analysis } from '../../contracts/analysis.ts';
import type { Locale } from '../../contracts/locale.ts';
import { newestPair } from '../comparison.ts';
import { ratioDrivers, type RatioDrivers } from '../drivers.ts';
import { itemsToKurus } from '../money.ts';
import { HEADLINE_RATIOS, MATERIAL_RATIO_MOVE, RATIO_DEFINITIONS, type RatioId } from '../ratio-definitions.ts';
import { formatAmount, formatRatioChange, formatRatioValue } from './format-number.ts';

/** The headline ratios, and the gross margin behind the net one. */
const WATCHED: readonly RatioId[] = [...HEADLINE_RATIOS, 'gross_margin'];

export const driversTitle = (locale: Locale): string => (locale === 'tr' ? 'Oranları ne değiştirdi' : 'What moved the ratios');

/** "Cari Oran 1,50 → 1,00 (−0,50): pay etkisi +0,08, payda etkisi −0,58; en çok etkileyen: 300 Banka Kredileri (+500 TL → −0,48)". */
export function describeDrivers(d: RatioDrivers, locale: Locale, currency: string): string {
  const def = RATIO_DEFINITIONS[d.id];
  const v = (x: number) => formatRatioValue(x, def.kind, locale);
  const step = (x: number) => formatRatioChange(x, def.kind, locale, currency);
  const tr = locale === 'tr';
  const lines = d.top.slice(0, 3).map((l) => {
    const name = l.key === null ? (tr ? 'açıklanamayan fark' : 'unexplained difference') : `${l.key}${l.name ? ` ${l.name[locale]}` : ''}`;
    // The line's own move, then what it did to the ratio.
    return `${name} (${l.change < 0 ? '−' : '+'}${formatAmount(Math.abs(l.change), locale, currency)} → ${step(l.contribution)})`;
  });
  const head = `${def.name[locale]} ${v(d.fromValue)} → ${v(d.toValue)} (${step(d.change)})`;
  // An amount (net working capital) has no numerator and denominator to split it into.
  const effects = def.kind === 'amount' ? '' : tr
    ? `: pay etkisi ${step(d.numeratorEffect)}, payda etkisi ${step(d.denominatorEffect)}`
    : `: numerator effect ${step(d.numeratorEffect)}, denominator effect ${step(d.denominatorEffect)}`;
  const top = lines.length ? (tr ? `; en çok etkileyen: ${lines.join(', ')}` : `; moved most by: ${lines.join(', ')}`) : '';
  return `${head}${effects}${top}.`;
}

/**
 * The drivers of the watched ratios that moved by 10 % or more between the document's two
 * newest comparable periods, largest move first (at most three): what the chat's "neden?"
 * answers, said in the summary, the PDF and the workbook too. None for a one-period document.
 */
export function driverLines(a: Pick<Analysis, 'items' | 'periods' | 'ratios' | 'currency' | 'periodLengths'>, locale: Locale): string[] {
  const months = Object.fromEntries(Object.entries(a.periodLengths ?? {}).map(([p, l]) => [p, l.months]));
  const pair = newestPair(a.periods, months);
  if (!pair) return [];
  const [from, to] = pair;
  // Interim ratios that set a flow against a stock are annualised in the analysis; the drivers
  // split the plain quotient, so for a partial year they would not add up to the figures shown.
  if (months[to] !== undefined) return [];
  const items = itemsToKurus(a.items);
  const currency = !a.currency || a.currency === 'TRY' ? 'TL' : a.currency;
  return WATCHED
    .map((id) => ({ id, from: a.ratios[id]?.[from] ?? null, to: a.ratios[id]?.[to] ?? null }))
    .filter((r): r is { id: RatioId; from: number; to: number } => r.from !== null && r.to !== null && r.from !== 0 && Math.abs((r.to - r.from) / r.from) >= MATERIAL_RATIO_MOVE)
    .sort((x, y) => Math.abs((y.to - y.from) / y.from) - Math.abs((x.to - x.from) / x.from))
    .slice(0, 3)
    .flatMap((r) => {
      const d = ratioDrivers(items, r.id, from, to, 5);
      return d ? [describeDrivers(d, locale, currency)] : [];
    });
}
