import type { ValidationCheck } from '../../contracts/analysis.ts';
import type { Locale } from '../../contracts/locale.ts';
import { nameOf } from '../chart-of-accounts.ts';
import { isUnitCheck, unitCheckMessage } from '../unit-plausibility.ts';

/**
 * Validation checks in words, Turkish and English side by side: what a check compares (the
 * validation tables of the reports) and, in English, what a failed one means (alerts and the
 * review request; the Turkish failure text is stored with the check).
 */

/** A validation check in words: "Sum of group 10 (Liquid Assets) does not tie". */
export function checkText(c: ValidationCheck, locale: Locale): string {
  const tr = locale === 'tr';
  const name = (key: string) => {
    const n = nameOf(key, locale);
    return n ? `${key} ${n}` : key;
  };
  if (c.id === 'balance') return tr ? 'Aktif toplamı = pasif toplamı' : 'Total assets = total liabilities and equity';
  if (c.id === 'net_profit_match') return tr ? 'Bilançodaki dönem karı = gelir tablosundaki' : 'Net profit in the balance sheet = income statement';
  if (c.id.startsWith('sum:')) return tr ? `${name(c.id.slice(4))}: alt kalemlerin toplamı` : `${name(c.id.slice(4))}: sum of its lines`;
  if (c.id.startsWith('is:')) return tr ? `Gelir tablosu ara toplamı ${name(c.id.slice(3))}` : `Income statement subtotal ${name(c.id.slice(3))}`;
  if (isUnitCheck(c.id)) return unitCheckMessage(c.id, locale);
  return c.message ?? c.id;
}

const VALIDATION_EN: Record<string, string> = {
  balance: 'Total assets do not equal total liabilities and equity',
  net_profit_match: 'Net profit in the balance sheet differs from the income statement',
};

/** A failed check in English: "Total assets do not equal total liabilities and equity". */
export function failedCheckEn(id: string): string {
  if (VALIDATION_EN[id]) return VALIDATION_EN[id];
  if (isUnitCheck(id)) return unitCheckMessage(id, 'en');
  const name = (key: string) => `${key}${nameOf(key, 'en') ? ` ${nameOf(key, 'en')}` : ''}`;
  if (id.startsWith('sum:')) return `${name(id.slice(4))}: its lines do not add up to the group total`;
  if (id.startsWith('is:')) return `Income statement subtotal ${name(id.slice(3))} does not tie`;
  return `Check ${id} failed`;
}
