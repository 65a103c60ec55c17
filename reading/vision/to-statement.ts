import { accountByKey, isDeduction, levelOf, parentOf } from '../../domain/chart-of-accounts.ts';
import { detectSectionHeading, detectStatementHeading } from '../statement-headings.ts';
import { matchLabel, type MatchContext } from '../label-matcher.ts';
import type { ExtractedLine, ExtractedStatement } from '../layout/statement-parser.ts';
import { detectDecimalSeparator, parseAmount, unitScale, type Unit } from '../../domain/number-format.ts';
import { hasMinusMarker } from '../../domain/turkish-text.ts';
import type { Kurus, StatementType } from '../../domain/types.ts';
import type { VisionPage } from './schema.ts';
import { VisionError } from './vision-error.ts';

/** A model reading is less certain than a text layer: its lines start below text-layer confidence. */
const VISION_TRUST = 0.9;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Turns the model's page transcriptions into the same shape the layout parser produces, with
 * the same rules: keys from `matchLabel` with statement / group context carried down the rows,
 * one decimal separator voted per document, unit scaling to kuruş, and contract signs
 * (deduction accounts and "(-)" rows negative whatever the print style).
 */
export function visionPagesToStatement(pages: VisionPage[]): ExtractedStatement {
  for (const p of pages) for (const period of p.periods) if (!isIsoDate(period)) {
    throw new VisionError('invalid-output', `period "${period.slice(0, 40)}" is not an ISO date`, p.page);
  }
  const docUnit: Unit = pages.find((p) => p.unit)?.unit ?? 'TL';
  const decimal = detectDecimalSeparator(pages.flatMap((p) => p.lines.flatMap((l) => l.values.filter((v): v is string => v !== null))));
  const periods: string[] = [];
  for (const p of pages) for (const period of p.periods) if (!periods.includes(period)) periods.push(period);

  const ctx: MatchContext = { statement: null, mainGroup: null, subGroup: null, printedCode: null };
  const used = new Set<string>();
  const lines: ExtractedLine[] = [];
  for (const page of pages) {
    const scale = unitScale(page.unit ?? docUnit);
    for (const row of page.lines) {
      const label = row.label.trim();
      const cells = row.values.map((text, i) => ({ text, period: page.periods[i] })).filter((c) => c.text !== null && c.text.trim() !== '');
      if (!cells.length) {
        // Rows without amounts are headings: they set the context, as in the layout parser.
        const statement = detectStatementHeading(label);
        if (statement) Object.assign(ctx, { statement, mainGroup: null, subGroup: null });
        if (detectSectionHeading(label)) Object.assign(ctx, { statement: 'balance_sheet', mainGroup: null, subGroup: null });
        continue;
      }
      const code = row.code && /^\d{1,3}$/.test(row.code.trim()) ? row.code.trim() : null;
      const match = matchLabel(label, { ...ctx, printedCode: code });
      let key = match?.key ?? null;
      if (key && used.has(key)) key = null;
      const deduction = (key !== null && isDeduction(key)) || hasMinusMarker(label);
      const values: Record<string, Kurus> = {};
      let unreadable = 0;
      for (const { text, period } of cells) {
        const parsed = parseAmount(text!, decimal);
        // A value beyond the page's period columns or in an unreadable format is left out, not guessed.
        if (!parsed || !period || period in values) {
          unreadable++;
          continue;
        }
        const v = parsed.value * scale;
        // `|| 0`: a dash under a (-) label is zero, not -0 (which deepEqual and JSON tell apart).
        values[period] = deduction ? -Math.abs(v) || 0 : v;
      }
      if (key) {
        used.add(key);
        carryContext(ctx, key);
      }
      const penalty = unreadable ? 0.5 : 1;
      lines.push({
        key,
        label,
        page: page.page,
        statement: key ? statementOfKey(key) : ctx.statement,
        values,
        confidence: Math.round((match?.score ?? 0.3) * VISION_TRUST * penalty * 1000) / 1000,
        source: 'vision',
      });
    }
  }
  const statements: StatementType[] = [];
  for (const l of lines) if (l.statement && !statements.includes(l.statement)) statements.push(l.statement);
  const currency = normalizeCurrency(pages.find((p) => p.currency)?.currency ?? null);
  return { companyName: null, taxId: null, unit: docUnit, currency, periods, statements, lines };
}

function carryContext(ctx: MatchContext, key: string): void {
  ctx.statement = statementOfKey(key);
  const level = levelOf(key);
  if (level === 1) Object.assign(ctx, { mainGroup: key, subGroup: null });
  else if (level === 2) Object.assign(ctx, { mainGroup: parentOf(key), subGroup: key });
  else if (level === 3) Object.assign(ctx, { subGroup: parentOf(key), mainGroup: parentOf(parentOf(key) ?? '') });
}

function statementOfKey(key: string): StatementType {
  return accountByKey(key)?.statement ?? (key.startsWith('6') ? 'income_statement' : 'balance_sheet');
}

function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

function normalizeCurrency(raw: string | null): string {
  const c = (raw ?? '').trim().toUpperCase();
  if (!c || c === 'TL' || c === '₺' || c === 'YTL') return 'TRY';
  return /^[A-Z]{3}$/.test(c) ? c : 'TRY';
}
