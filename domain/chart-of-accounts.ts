/**
 * The Uniform Chart of Accounts (Tek Düzen Hesap Planı) as far as balance sheets and income
 * statements print it, plus the uncoded total lines and the IFRS/TFRS line names that the
 * analysis contract maps onto the same keys. Names are what statements print; synonyms cover
 * variants, English (T6-style and IFRS) wording and common abbreviations.
 */
import type { StatementType } from './types.ts';
import type { Locale } from '../contracts/locale.ts';
import { BALANCE_SHEET_ROWS } from './chart-of-accounts-balance.ts';
import { INCOME_STATEMENT_ROWS } from './chart-of-accounts-income.ts';

export type NormalSign = 1 | -1;

export interface Account {
  /** Canonical key: TDHP code ("1", "10", "102") or a total key ("TOTAL_ASSETS"). */
  key: string;
  tr: string;
  en: string;
  synonyms: readonly string[];
  parent: string | null;
  statement: StatementType;
  /** -1 for contra and deduction lines, whose amounts are negative in the contract. */
  normalSign: NormalSign;
}

/** One printed line as the data files list it: key, Turkish and English name, synonyms, sign. */
export type AccountRow = readonly [key: string, tr: string, en: string, synonyms?: readonly string[], sign?: NormalSign];

const rows: Account[] = [];

// Parent follows the code (102 → 10 → 1); 6x groups have no printed main group, and totals
// stand outside the hierarchy.
function parentFromCode(key: string): string | null {
  if (!/^\d+$/.test(key) || key.length === 1) return null;
  if (key.length === 2) return key.startsWith('6') ? null : key.slice(0, 1);
  return key.slice(0, 2);
}

// 691 sits in TDHP group 69, which statements print as the NET_PROFIT total, not as a group.
function parentOrNull(code: string | null): string | null {
  return code !== null && rows.some((r) => r.key === code) ? code : null;
}

function add([key, tr, en, synonyms = [], sign = 1]: AccountRow): void {
  const isIncome = key.startsWith('6') || ['NET_SALES', 'GROSS_PROFIT', 'OPERATING_PROFIT', 'ORDINARY_PROFIT', 'PROFIT_BEFORE_TAX', 'NET_PROFIT'].includes(key);
  rows.push({
    key,
    tr,
    en,
    synonyms,
    parent: parentOrNull(parentFromCode(key)),
    statement: isIncome ? 'income_statement' : 'balance_sheet',
    normalSign: sign,
  });
}

// Parents are listed before their children, so each row finds its parent already added.
for (const row of [...BALANCE_SHEET_ROWS, ...INCOME_STATEMENT_ROWS]) add(row);

export const ACCOUNTS: readonly Account[] = Object.freeze(rows);

/** Codes some statements print for the uncoded totals (TDHP 690 / 692). */
export const CODE_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  '690': 'PROFIT_BEFORE_TAX',
  '692': 'NET_PROFIT',
});

const byKey = new Map(ACCOUNTS.map((a) => [a.key, a]));

export function accountByKey(key: string): Account | undefined {
  return byKey.get(key);
}

/** The key a printed code stands for (aliases resolved), or null when the chart lacks it. */
export function keyForCode(code: string): string | null {
  const key = CODE_ALIASES[code] ?? code;
  return byKey.has(key) ? key : null;
}

export function parentOf(key: string): string | null {
  return byKey.get(key)?.parent ?? parentFromCode(key);
}

/** Ancestors nearest first: 102 → ['10', '1']. */
export function ancestorsOf(key: string): string[] {
  const out: string[] = [];
  for (let p = parentOf(key); p !== null; p = parentOf(p)) out.push(p);
  return out;
}

/** 0 for totals, 1 main group, 2 sub-group, 3 account (by code length). */
export function levelOf(key: string): 0 | 1 | 2 | 3 {
  if (!/^\d{1,3}$/.test(key)) return 0;
  return key.length as 1 | 2 | 3;
}

export function isDeduction(key: string): boolean {
  return byKey.get(key)?.normalSign === -1;
}

export function nameOf(key: string, locale: Locale): string | undefined {
  const a = byKey.get(key);
  return a ? a[locale] : undefined;
}
