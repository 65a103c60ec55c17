import { CODE_ALIASES } from '../chart-of-accounts.ts';
import { PRICE_INDEX_NAMES } from '../price-index.ts';
import { realChange, type PeriodKind } from '../real-change.ts';
import { describeIndexUsed, formatSignedPercent } from '../real-change-text.ts';
import { kindOf } from '../real-comparison.ts';
import { cagr } from '../trends.ts';
import { formatPercent } from '../wording/format-number.ts';
import { INPUT_NAMES, type InputName } from '../statement-inputs.ts';
import type { LineTarget } from '../questions/question-topics.ts';
import type { DataView, Writer } from './answer-writer.ts';

/** Income-statement inputs are flows (earned over the period); the rest are balance-sheet stocks. */
const FLOW_INPUTS = new Set<InputName>(['NS', 'COGS', 'GP', 'OPEX', 'OP', 'FIN', 'PBT', 'NP']);

export function lineKind(line: LineTarget): PeriodKind | null {
  if ((INPUT_NAMES as readonly string[]).includes(line)) return FLOW_INPUTS.has(line as InputName) ? 'flow' : 'stock';
  if (line === 'LIAB') return 'stock';
  return kindOf(CODE_ALIASES[line] ?? line);
}

/**
 * The real-change sentence a growth answer adds after the nominal one: the change measured
 * with the chat's price index, and the index months and levels used; or why there is none
 * (no index given, already adjusted, a month past the series). Every number is cited.
 */
export function realSentence(w: Writer, data: DataView, args: { line: LineTarget; label: string; p0: string; p1: string; v0: number; v1: number }): string {
  const series = data.priceIndex;
  const kind = lineKind(args.line);
  if (!series || !kind) return w.t(' Tutarlar nominaldir (enflasyondan arındırılmamış).', ' Amounts are nominal (not adjusted for inflation).');
  const basisOf = (p: string) => data.owner.get(p)?.basis?.[p]?.basis;
  const b0 = basisOf(args.p0);
  const b1 = basisOf(args.p1);
  const rc = realChange({
    kind, series,
    from: { end: args.p0, amount: args.v0, ...(b0 ? { basis: b0 } : {}) },
    to: { end: args.p1, amount: args.v1, ...(b1 ? { basis: b1 } : {}) },
  });
  if (rc.status !== 'ok') return ` ${rc.message[w.locale]}`;
  const name = PRICE_INDEX_NAMES[rc.index][w.locale];
  if (rc.real.changePct === null) return '';
  w.cite(w.t(`${args.label} reel değişim oranı (${name})`, `${args.label} real change rate (${name})`), rc.real.changePct, args.p1);
  w.cite(`${name} ${args.p0}`, rc.from.level, args.p0);
  w.cite(`${name} ${args.p1}`, rc.to.level, args.p1);
  const pct = formatSignedPercent(rc.real.changePct, w.locale);
  return w.t(
    ` Enflasyondan arındırınca (${name}) ${pct} reel: ${describeIndexUsed(rc, 'tr')}.`,
    ` Adjusted for inflation by ${name}, that is ${pct} in real terms: ${describeIndexUsed(rc, 'en')}.`,
  );
}

/**
 * Compound annual growth over a history, nominal and real: the real one compares the last
 * amount with the first restated into the last period's lira (the index months as above).
 */
export function growthSentence(w: Writer, data: DataView, args: { line: LineTarget; label: string; p0: string; p1: string; v0: number; v1: number; years: number }): string {
  const nominal = cagr(args.v0, args.v1, args.years);
  if (nominal.value === null) {
    return w.t(' Bileşik büyüme hesaplanamaz (başta veya sonda zarar ya da negatif tutar).', ' No compound growth: a loss or negative amount at an end.');
  }
  w.cite(w.t(`${args.label} yıllık bileşik büyüme`, `${args.label} compound annual growth`), nominal.value * 100, args.p1);
  const pct = (v: number) => `${v < 0 ? '−' : ''}${formatPercent(Math.abs(v), w.locale)}`;
  let text = w.t(` Yıllık bileşik büyüme: nominal ${pct(nominal.value)}`, ` Compound annual growth: nominal ${pct(nominal.value)}`);
  const series = data.priceIndex;
  const kind = lineKind(args.line);
  if (series && kind) {
    const b0 = data.owner.get(args.p0)?.basis?.[args.p0]?.basis;
    const b1 = data.owner.get(args.p1)?.basis?.[args.p1]?.basis;
    const rc = realChange({ kind, series, from: { end: args.p0, amount: args.v0, ...(b0 ? { basis: b0 } : {}) }, to: { end: args.p1, amount: args.v1, ...(b1 ? { basis: b1 } : {}) } });
    if (rc.status !== 'ok') return `${text}. ${rc.message[w.locale]}`;
    const real = cagr(rc.real.fromRestated, args.v1, args.years).value;
    if (real !== null) {
      const name = PRICE_INDEX_NAMES[rc.index][w.locale];
      w.cite(w.t(`${args.label} reel yıllık bileşik büyüme`, `${args.label} real compound annual growth`), real * 100, args.p1);
      text += w.t(`, reel ${pct(real)} (${name}; ${describeIndexUsed(rc, 'tr')})`, `, real ${pct(real)} (${name}; ${describeIndexUsed(rc, 'en')})`);
    }
  }
  return `${text}.`;
}
