import type { ValidationCheck } from './analysis-contract.ts';
import type { ExtractedStatement } from './layout/statement-parser.ts';
import { fromKurus } from './money.ts';
import { itemsOf, roundingKurus } from './statement-items.ts';
import { runChecks } from './validation.ts';

export interface ValidationSummary {
  status: 'ok' | 'warnings' | 'failed';
  confidence: number;
  checks: ValidationCheck[];
}

const CHECK_MESSAGES: Record<string, { tr: string; en: string }> = {
  balance: { tr: 'Aktif toplamı pasif toplamına eşit değil', en: 'Total assets do not equal total liabilities and equity' },
  net_profit_match: { tr: 'Bilançodaki dönem net karı gelir tablosundakiyle aynı değil', en: 'Net profit in the balance sheet differs from the income statement' },
};

function messageFor(id: string): string {
  if (CHECK_MESSAGES[id]) return CHECK_MESSAGES[id].tr;
  if (id.startsWith('sum:')) return `${id.slice(4)} grubunun alt kalemlerinin toplamı grup toplamını tutmuyor`;
  if (id.startsWith('is:')) return `Gelir tablosu ara toplamı (${id.slice(3)}) hesaplanan değerle tutmuyor`;
  return 'Kontrol başarısız';
}

/**
 * Reconciles an extraction: every check with both numbers, a document confidence from the
 * lines' confidences and the share of checks that tie. A failed check makes the status
 * `failed`; unmatched or unsure lines make it `warnings`, so nothing wrong passes silently.
 */
export function validateExtraction(statement: ExtractedStatement): ValidationSummary {
  const items = itemsOf(statement);
  const raw = runChecks(items, statement.periods, { roundingKurus: roundingKurus(statement.unit) });
  const checks: ValidationCheck[] = raw.map((c) => ({
    id: c.id,
    period: c.period,
    ok: c.ok,
    expected: fromKurus(c.expected),
    actual: fromKurus(c.actual),
    ...(c.ok ? {} : { message: messageFor(c.id) }),
  }));
  const failed = checks.filter((c) => !c.ok).length;
  const lineConf = statement.lines.length
    ? statement.lines.reduce((s, l) => s + l.confidence, 0) / statement.lines.length
    : 0;
  const checkShare = checks.length ? (checks.length - failed) / checks.length : 0.5;
  const confidence = Math.round(lineConf * (0.5 + 0.5 * checkShare) * 1000) / 1000;
  const unsure = statement.lines.some((l) => l.key === null || l.confidence < 0.8) || checks.length === 0;
  const status = failed ? 'failed' : unsure ? 'warnings' : 'ok';
  return { status, confidence, checks };
}
