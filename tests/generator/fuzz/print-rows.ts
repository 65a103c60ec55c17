/** Model lines to printed rows under a draw: wording, capitals, codes, signs, group totals. */
import type { PeriodValues, StatementType } from '../../../domain/types.ts';
import type { Rng } from '../random.ts';
import type { ModelLine } from '../statement-model.ts';
import type { LayoutDraw } from './dimensions.ts';

export type PrintRow = {
  label: string;
  /** Account code printed in its own column (codes: column). */
  code: string | null;
  level: number;
  strong: boolean;
  /** Null for a heading that carries no amounts. */
  values: PeriodValues | null;
  note: string | null;
  /** AKTİF side (or the only side) vs PASİF side, for the T-format. */
  side: 'left' | 'right';
};

// Casing follows the language: Turkish rules would turn an English "I" into "ı".
const titleCase = (s: string, locale: string) => s.toLocaleLowerCase(locale).replace(/(^|[\s(/-])(\p{L})/gu, (_, a: string, b: string) => a + b.toLocaleUpperCase(locale));

function caseOf(label: string, d: LayoutDraw): string {
  if (d.capitals === 'upper') return d.language === 'en' ? label.toUpperCase() : label.toLocaleUpperCase('tr-TR');
  if (d.capitals === 'title') return titleCase(label, d.language === 'en' ? 'en-US' : 'tr-TR');
  return label;
}

function labelOf(line: ModelLine, d: LayoutDraw): string {
  const l = line.label;
  const en = d.language === 'en';
  const base = line.kind === 'heading' ? (en ? l.en : l.tr)
    : en ? l.en : d.detail === 'summary' && line.kind !== 'main' ? (l.trSummary ?? l.tr) : l.tr;
  const marked = l.minus && d.minusLabels !== 'no-marker' ? `${caseOf(base, d)} (-)` : caseOf(base, d);
  const code = line.key && /^\d+$/.test(line.key) ? line.key : null;
  if (!code || d.codes === 'column' || d.codes === 'absent') return marked;
  return d.codes === 'merged' ? `${code} ${marked}` : `${code}. ${marked}`;
}

/** `(-)` with positive amounts: the label carries the sign, the figure its size. */
function printedValues(line: ModelLine, d: LayoutDraw): PeriodValues {
  if (!(line.label.minus && d.minusLabels === 'marker-positive')) return line.values;
  return Object.fromEntries(Object.entries(line.values).map(([p, v]) => [p, Math.abs(v)]));
}

function levelOf(line: ModelLine, kind: StatementType, d: LayoutDraw): number {
  if (kind === 'income_statement') return line.kind === 'account' ? 2 : line.kind === 'sub' && d.detail === 'summary' ? 1 : 0;
  return line.kind === 'account' ? 2 : line.kind === 'sub' ? 1 : 0;
}

export function printRows(lines: ModelLine[], kind: StatementType, d: LayoutDraw, look: Rng): PrintRow[] {
  const rows: PrintRow[] = [];
  let side: PrintRow['side'] = 'left';
  let pendingTotal: PrintRow | null = null;
  const closeGroup = () => { if (pendingTotal) rows.push(pendingTotal); pendingTotal = null; };
  for (const line of lines) {
    if (line.kind === 'heading' || line.kind === 'main' || line.kind === 'total') closeGroup();
    if (line.kind === 'heading' && rows.length) side = 'right';
    const code = line.key && /^\d+$/.test(line.key) && d.codes === 'column' ? line.key : null;
    const strong = line.kind !== 'account' && !(line.kind === 'sub' && d.detail === 'summary');
    const note = d.notesColumn === 'notes' && (line.kind === 'sub' || line.kind === 'main') && look.chance(0.35) ? String(look.int(3, 32)) : null;
    const row: PrintRow = { label: labelOf(line, d), code, level: levelOf(line, kind, d), strong, values: line.key ? printedValues(line, d) : null, note, side };
    if (line.kind === 'main' && d.groupTotals === 'total-line') {
      // The group heading stands alone; its total closes the group under its last line.
      rows.push({ ...row, values: null, note: null });
      const en = d.language === 'en';
      const label = caseOf(en ? `TOTAL ${line.label.en}` : `${line.label.tr} TOPLAMI`, d);
      pendingTotal = { ...row, code: null, label, note: null };
      continue;
    }
    rows.push(row);
  }
  closeGroup();
  return rows;
}
