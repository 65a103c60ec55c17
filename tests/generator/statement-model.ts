/**
 * Builds a random but exactly consistent TDHP statement in integer kuruş: accounts first,
 * every group and total derived from them by summation, equity solved last so the sheet
 * balances and 590/591 equals the income statement's net profit.
 */
import type { Items, Kurus, PeriodValues, StatementType } from '../../domain/types.ts';
import { chartLine, type ChartLine } from './tdhp-chart.ts';
import { randomCompany, type Company } from './company.ts';
import type { Rng } from './random.ts';

export type Layout = 't1-detailed' | 't2-summary' | 't5-spreadsheet' | 't6-english';
export type Unit = 'TL' | 'Bin TL';

export type GenerateOptions = {
  seed: number;
  layout?: Layout;
  periods?: string[];
  unit?: Unit;
  statements?: StatementType[];
  companyName?: string;
  taxId?: string;
  negatives?: 'parens' | 'minus';
  /** Print the line naming the unit under the title ("(Bin TL)"); false: the unit is left unsaid. Default true. */
  unitLine?: boolean;
};

export type ResolvedOptions = Required<Omit<GenerateOptions, 'companyName' | 'taxId'>> &
  Pick<GenerateOptions, 'companyName' | 'taxId'>;

export type LineKind = 'heading' | 'main' | 'sub' | 'account' | 'total';

export type ModelLine = {
  kind: LineKind;
  /** Canonical key; null for headings (AKTİF / PASİF), which carry no amounts. */
  key: string | null;
  label: ChartLine;
  values: PeriodValues;
};

export type StatementModel = {
  options: ResolvedOptions;
  company: Company;
  /** Lines as printed, per statement, in print order. */
  balanceSheet: ModelLine[];
  incomeStatement: ModelLine[];
};

export function resolveOptions(opts: GenerateOptions): ResolvedOptions {
  const layout = opts.layout ?? 't1-detailed';
  const periods = opts.periods ?? (layout === 't5-spreadsheet'
    ? ['2024-12-31', '2023-12-31', '2022-12-31']
    : ['2024-12-31', '2023-12-31']);
  if (periods.length === 0) throw new Error('at least one period is required');
  return {
    seed: opts.seed,
    layout,
    periods,
    unit: opts.unit ?? (layout === 't2-summary' ? 'Bin TL' : 'TL'),
    statements: opts.statements ?? ['balance_sheet', 'income_statement'],
    negatives: opts.negatives ?? (layout === 't5-spreadsheet' ? 'minus' : 'parens'),
    unitLine: opts.unitLine ?? true,
    ...(opts.companyName === undefined ? {} : { companyName: opts.companyName }),
    ...(opts.taxId === undefined ? {} : { taxId: opts.taxId }),
  };
}

/** Typical share of each account in its side of the sheet (asset or liability weights). */
const ASSET_WEIGHTS: Record<string, number> = {
  '100': 0.02, '101': 0.04, '102': 0.15, '108': 0.01, '118': 0.05, '120': 0.25, '121': 0.08,
  '126': 0.01, '128': 0.03, '131': 0.03, '135': 0.01, '150': 0.08, '152': 0.1, '153': 0.2,
  '159': 0.03, '180': 0.01, '190': 0.02, '191': 0.02, '193': 0.01, '195': 0.005, '226': 0.01,
  '252': 0.25, '253': 0.2, '254': 0.08, '255': 0.05, '258': 0.05, '260': 0.02, '264': 0.02,
};
const LIABILITY_WEIGHTS: Record<string, number> = {
  '300': 0.2, '320': 0.35, '321': 0.08, '331': 0.05, '335': 0.02, '340': 0.08, '360': 0.02,
  '361': 0.015, '370': 0.02, '391': 0.02, '400': 0.2, '472': 0.03,
};
/** Contra account -> the accounts it reduces and the range of the fraction it takes. */
const CONTRAS: Record<string, { of: string[]; min: number; max: number }> = {
  '103': { of: ['102'], min: 0.05, max: 0.25 },
  '129': { of: ['128'], min: 0.3, max: 0.8 },
  '257': { of: ['252', '253', '254', '255'], min: 0.2, max: 0.6 },
  '268': { of: ['260', '264'], min: 0.2, max: 0.6 },
  '371': { of: ['370'], min: 0.5, max: 0.95 },
};
const BS_MANDATORY: Record<Company['sector'], string[]> = {
  trade: ['102', '120', '153', '255', '257', '320', '360', '500', '540'],
  manufacturing: ['102', '120', '152', '253', '257', '320', '360', '500', '540'],
  services: ['102', '120', '191', '255', '257', '320', '360', '500', '540'],
};
const BS_OPTIONAL = ['100', '101', '103', '108', '118', '121', '126', '128', '129', '131', '135',
  '150', '152', '153', '159', '180', '190', '191', '193', '195', '226', '252', '253', '254', '255',
  '258', '260', '264', '268', '300', '321', '331', '335', '340', '361', '370', '371', '391', '400',
  '472', '501', '522', '542'];
const IS_MANDATORY: Record<Company['sector'], string[]> = {
  trade: ['600', '621', '632', '691'],
  manufacturing: ['600', '620', '632', '691'],
  services: ['600', '622', '632', '691'],
};
const IS_OPTIONAL = ['601', '610', '611', '620', '621', '622', '631', '642', '646', '649', '654',
  '656', '659', '660', '661', '671', '679', '681', '689'];
const DEPENDS: Record<string, string[]> = {
  '129': ['128'], '268': ['260', '264'], '371': ['370'], '103': ['102'],
};

const BS_LAYOUT: { main: string; subs: string[] }[] = [
  { main: '1', subs: ['10', '11', '12', '13', '15', '18', '19'] },
  { main: '2', subs: ['22', '25', '26'] },
  { main: '3', subs: ['30', '32', '33', '34', '36', '37', '39'] },
  { main: '4', subs: ['40', '47'] },
  { main: '5', subs: ['50', '52', '54', '57', '58', '59'] },
];
/** Income statement print order: groups, then the subtotal that closes them. */
const IS_LAYOUT: { groups: string[]; total: string }[] = [
  { groups: ['60', '61'], total: 'NET_SALES' },
  { groups: ['62'], total: 'GROSS_PROFIT' },
  { groups: ['63'], total: 'OPERATING_PROFIT' },
  { groups: ['64', '65', '66'], total: 'ORDINARY_PROFIT' },
  { groups: ['67', '68'], total: 'PROFIT_BEFORE_TAX' },
  { groups: ['691'], total: 'NET_PROFIT' },
];

const sumOf = (vals: Kurus[]): Kurus => vals.reduce((a, b) => a + b, 0);
/** Registered capital is a round figure (two significant digits, at least 50 000 TL). */
const roundNice = (tl: number): number => {
  const step = 10 ** Math.max(3, Math.floor(Math.log10(Math.max(tl, 50_000))) - 1);
  return Math.max(50_000, Math.round(tl / step) * step);
};

/** Picks the account set: sector essentials plus random extras up to 15–35 accounts. */
function pickAccounts(rng: Rng, company: Company, statements: StatementType[]): Set<string> {
  const hasBs = statements.includes('balance_sheet');
  const hasIs = statements.includes('income_statement');
  const chosen = new Set<string>([
    ...(hasBs ? [...BS_MANDATORY[company.sector], '570', '590'] : []),
    ...(hasIs ? IS_MANDATORY[company.sector] : []),
  ]);
  // Two slots stay free: 580 and 591 may join 570 and 590 when a period turns negative.
  const target = rng.int(15, hasBs ? 33 : 22);
  const pool = rng.shuffle([...(hasBs ? BS_OPTIONAL : []), ...(hasIs ? IS_OPTIONAL : [])]);
  for (let pass = 0; pass < 2; pass++) {
    for (const code of pool) {
      if (chosen.size >= target || chosen.has(code)) continue;
      const deps = DEPENDS[code];
      if (deps && !deps.some((d) => chosen.has(d))) continue;
      chosen.add(code);
    }
  }
  return chosen;
}

type Money = {
  /** Rounds TL to the statement's quantum (kuruş, or whole thousands for Bin TL). */
  round(tl: number): Kurus;
  /** Like round, but a present account never collapses to zero. */
  amount(tl: number): Kurus;
};

function money(unit: Unit): Money {
  const q = unit === 'Bin TL' ? 100_000 : 1;
  const round = (tl: number): Kurus => Math.round((tl * 100) / q) * q;
  return { round, amount: (tl) => Math.max(q, round(tl)) };
}

/** Period values of every chosen account, keyed by code; groups are summed from them later. */
function generateValues(rng: Rng, opts: ResolvedOptions, chosen: Set<string>): Items {
  const m = money(opts.unit);
  // Generate newest first: older years are smaller (Turkish inflation), so walk back in time.
  const byAge = [...opts.periods].sort().reverse();
  const scale: Record<string, number> = {};
  let assets = Math.exp(rng.float(Math.log(5e6), Math.log(opts.unit === 'Bin TL' ? 3e8 : 1.5e8)));
  for (const p of byAge) {
    scale[p] = assets;
    assets /= rng.float(1.1, 1.6);
  }
  // Keep the oldest year above ~2.5 million TL, the floor of the statements we model.
  const lift = Math.max(1, 2.5e6 / Math.min(...Object.values(scale)));
  for (const p of byAge) scale[p]! *= lift;
  const equityShare = rng.float(0.2, 0.6);
  const turnover = rng.float(0.7, 2.2);
  const cogsRatio = rng.float(0.62, 0.88);
  // Operating margin of 2–12%: richer margins would dwarf the balance sheet.
  const opexRatio = Math.max(0.03, 1 - cogsRatio - rng.float(0.02, 0.12));
  const lossPeriod = opts.statements.includes('income_statement') && rng.chance(0.25) ? rng.pick(byAge) : null;
  const weight: Record<string, number> = {};
  for (const code of chosen) weight[code] = rng.float(0.3, 1);
  const fraction: Record<string, number> = {};
  for (const code of Object.keys(CONTRAS)) fraction[code] = rng.float(CONTRAS[code]!.min, CONTRAS[code]!.max);
  const exportShare = rng.float(0.1, 0.4);
  const taxRate = rng.float(0.2, 0.25);
  const capitalTl = roundNice(scale[byAge[0]!]! * equityShare * rng.float(0.25, 0.35));
  const essentials = new Set([...Object.values(BS_MANDATORY).flat(), ...Object.values(IS_MANDATORY).flat(), '570', '590']);
  // An optional account sometimes exists in one period only (printed as `-` in the other).
  const absentIn: Record<string, string> = {};
  if (byAge.length > 1) {
    for (const code of chosen) if (!essentials.has(code) && rng.chance(0.08)) absentIn[code] = rng.pick(byAge);
  }
  const has = (code: string, p: string) => chosen.has(code) && absentIn[code] !== p;

  const items: Items = {};
  // `v || 0` turns -0 (from negating a zero) into 0 so strict equality and JSON stay clean.
  const set = (code: string, p: string, v: Kurus) => ((items[code] ??= {})[p] = v || 0);
  const get = (code: string, p: string): Kurus => items[code]?.[p] ?? 0;
  const sharesOf = (weights: Record<string, number>, p: string) => {
    const codes = Object.keys(weights).filter((c) => has(c, p));
    const total = sumOf(codes.map((c) => weights[c]! * weight[c]!));
    return (c: string) => (weights[c]! * weight[c]!) / total;
  };
  const contra = (code: string, p: string) => {
    if (!chosen.has(code)) return;
    const base = sumOf(CONTRAS[code]!.of.map((c) => get(c, p)));
    set(code, p, has(code, p) && base > 0 ? -m.amount((base / 100) * fraction[code]! * rng.float(0.9, 1.1)) : 0);
  };

  for (const p of byAge) {
    const A = scale[p]!;
    const noise = () => rng.float(0.75, 1.25);
    // Income statement first: the balance sheet's 590/591 and 370 depend on it.
    let netProfit: Kurus;
    if (opts.statements.includes('income_statement')) {
      const S = A * turnover * rng.float(0.85, 1.15);
      const pos = (code: string, tl: number) => { if (chosen.has(code)) set(code, p, has(code, p) ? m.amount(tl) : 0); };
      const neg = (code: string, tl: number) => { if (chosen.has(code)) set(code, p, has(code, p) ? -m.amount(tl) : 0); };
      pos('600', chosen.has('601') && has('601', p) ? S * (1 - exportShare) : S);
      pos('601', S * exportShare);
      neg('610', S * rng.float(0.005, 0.03));
      neg('611', S * rng.float(0.002, 0.02));
      const ns = (get('600', p) + get('601', p) + get('610', p) + get('611', p)) / 100;
      const costs = ['620', '621', '622'].filter((c) => has(c, p));
      const costWeight = sumOf(costs.map((c) => weight[c]!));
      for (const c of ['620', '621', '622']) neg(c, (ns * cogsRatio * rng.float(0.97, 1.03) * (weight[c] ?? 0)) / (costWeight || 1));
      const margin = 1 - cogsRatio;
      const opex = p === lossPeriod ? margin + rng.float(0.01, 0.06) : opexRatio * rng.float(0.9, 1.1);
      const opexCodes = ['631', '632'].filter((c) => has(c, p));
      const opexWeight = sumOf(opexCodes.map((c) => weight[c]!));
      for (const c of ['631', '632']) neg(c, (ns * opex * (weight[c] ?? 0)) / (opexWeight || 1));
      for (const c of ['642', '646', '649']) pos(c, S * rng.float(0.002, 0.015));
      for (const c of ['654', '656', '659']) neg(c, S * rng.float(0.002, 0.012));
      neg('660', S * rng.float(0.005, 0.03));
      neg('661', S * rng.float(0.003, 0.02));
      for (const c of ['671', '679']) pos(c, S * rng.float(0.001, 0.008));
      for (const c of ['681', '689']) neg(c, S * rng.float(0.001, 0.006));
      const pbt = sumOf([...chosen].filter((c) => c.startsWith('6') && c !== '691').map((c) => get(c, p)));
      // No tax on a loss; a profit pays corporate tax at roughly the statutory rate.
      set('691', p, pbt > 0 ? -m.round((pbt / 100) * taxRate) : 0);
      netProfit = pbt + get('691', p);
    } else {
      netProfit = m.round(A * rng.float(-0.04, 0.08));
    }
    if (!opts.statements.includes('balance_sheet')) continue;

    const assetShare = sharesOf(ASSET_WEIGHTS, p);
    for (const c of Object.keys(ASSET_WEIGHTS)) if (chosen.has(c)) set(c, p, has(c, p) ? m.amount(A * assetShare(c) * noise()) : 0);
    for (const c of ['103', '129', '257', '268']) contra(c, p);
    const totalAssets = sumOf([...chosen].filter((c) => /^[12]/.test(c)).map((c) => get(c, p)));

    const L = (totalAssets / 100) * (1 - equityShare * rng.float(0.9, 1.1));
    const liabilityShare = sharesOf(LIABILITY_WEIGHTS, p);
    for (const c of Object.keys(LIABILITY_WEIGHTS)) if (chosen.has(c)) set(c, p, has(c, p) ? m.amount(L * liabilityShare(c) * noise()) : 0);
    // With an income statement the tax provision mirrors 691 (zero in a loss year).
    if (chosen.has('370') && opts.statements.includes('income_statement')) set('370', p, has('370', p) ? -get('691', p) : 0);
    contra('371', p);

    const E = (totalAssets / 100) * equityShare;
    const capital = m.round(capitalTl);
    set('500', p, p === byAge[0] || rng.chance(0.7) ? capital : m.round(roundNice((capital / 100) * rng.pick([0.5, 0.6, 0.8]))));
    if (chosen.has('501')) set('501', p, has('501', p) ? -m.amount((get('500', p) / 100) * rng.float(0.1, 0.4)) : 0);
    for (const [c, lo, hi] of [['522', 0.05, 0.2], ['540', 0.01, 0.05], ['542', 0.02, 0.1]] as const) {
      if (chosen.has(c)) set(c, p, has(c, p) ? m.amount(E * rng.float(lo, hi)) : 0);
    }
    set('590', p, Math.max(netProfit, 0));
    set('591', p, Math.min(netProfit, 0));
    // Retained earnings (or accumulated losses) absorb whatever balances the sheet.
    const fixed = sumOf([...chosen, '591'].filter((c) => /^[34]/.test(c) || /^5(?!7)/.test(c)).map((c) => get(c, p)));
    const rest = totalAssets - fixed;
    set('570', p, Math.max(rest, 0));
    set('580', p, Math.min(rest, 0));
  }
  // 590/591 and 570/580: the loss line appears only if some period needs it, and the profit
  // line disappears only when the loss line carries every period.
  for (const [gain, loss] of [['590', '591'], ['570', '580']] as const) {
    const used = (c: string) => Object.values(items[c] ?? {}).some((v) => v !== 0);
    if (!used(loss)) delete items[loss];
    else if (!used(gain)) delete items[gain];
  }
  return items;
}

/** Builds the printed lines of both statements from the account values. */
export function buildStatementModel(opts: ResolvedOptions, rng: Rng): StatementModel {
  const company = randomCompany(rng, {
    ...(opts.companyName === undefined ? {} : { name: opts.companyName }),
    ...(opts.taxId === undefined ? {} : { taxId: opts.taxId }),
  });
  const chosen = pickAccounts(rng, company, opts.statements);
  const accounts = generateValues(rng, opts, chosen);
  const detailed = opts.layout !== 't2-summary';
  const printEmptyGroups = detailed && rng.chance(0.4);
  const zero = (): PeriodValues => Object.fromEntries(opts.periods.map((p) => [p, 0]));
  const valuesOf = (code: string): PeriodValues => ({ ...zero(), ...accounts[code] });
  const sum = (parts: PeriodValues[]): PeriodValues =>
    Object.fromEntries(opts.periods.map((p) => [p, sumOf(parts.map((v) => v[p] ?? 0))]));
  const accountsUnder = (group: string) => Object.keys(accounts).filter((c) => c.length === 3 && c.startsWith(group) && c !== '691').sort();
  const lineOf = (kind: LineKind, key: string, values: PeriodValues, label = chartLine(key)): ModelLine => ({ kind, key, label, values });
  const heading = (tr: string, en: string): ModelLine => ({ kind: 'heading', key: null, label: { code: '', tr, en }, values: {} });

  const balanceSheet: ModelLine[] = [];
  if (opts.statements.includes('balance_sheet')) {
    const mains: Record<string, PeriodValues> = {};
    const block = (main: string, subs: string[]) => {
      const subLines: ModelLine[][] = [];
      for (const sub of subs) {
        const codes = accountsUnder(sub);
        if (codes.length === 0) continue;
        const accLines = codes.map((c) => lineOf('account', c, valuesOf(c)));
        subLines.push([lineOf('sub', sub, sum(accLines.map((l) => l.values))), ...accLines]);
      }
      mains[main] = sum(subLines.map((s) => s[0]!.values));
      balanceSheet.push(lineOf('main', main, mains[main]!), ...subLines.flat().filter((l) => detailed || l.kind !== 'account'));
    };
    const totalLabel = (key: string, tr: string, en: string): ChartLine => ({ code: key, tr, en, trSummary: tr });
    balanceSheet.push(heading(rng.pick(['AKTİF (VARLIKLAR)', 'AKTİF']), 'ASSETS'));
    for (const b of BS_LAYOUT.slice(0, 2)) block(b.main, b.subs);
    balanceSheet.push(lineOf('total', 'TOTAL_ASSETS', sum([mains['1']!, mains['2']!]), totalLabel('TOTAL_ASSETS', rng.pick(['AKTİF TOPLAMI', 'VARLIKLAR TOPLAMI']), 'TOTAL ASSETS')));
    balanceSheet.push(heading(rng.pick(['PASİF (KAYNAKLAR)', 'PASİF']), 'LIABILITIES AND EQUITY'));
    for (const b of BS_LAYOUT.slice(2)) block(b.main, b.subs);
    balanceSheet.push(lineOf('total', 'TOTAL_LIABILITIES_AND_EQUITY', sum([mains['3']!, mains['4']!, mains['5']!]), totalLabel('TOTAL_LIABILITIES_AND_EQUITY', rng.pick(['PASİF TOPLAMI', 'KAYNAKLAR TOPLAMI']), 'TOTAL LIABILITIES AND EQUITY')));
  }

  const incomeStatement: ModelLine[] = [];
  if (opts.statements.includes('income_statement')) {
    let running = zero();
    for (const step of IS_LAYOUT) {
      for (const group of step.groups) {
        if (group === '691') {
          incomeStatement.push(lineOf('sub', '691', valuesOf('691')));
          running = sum([running, valuesOf('691')]);
          continue;
        }
        const codes = accountsUnder(group);
        const mandatory = ['60', '62', '63'].includes(group);
        if (codes.length === 0 && !mandatory && !(printEmptyGroups && group >= '64')) continue;
        const accLines = codes.map((c) => lineOf('account', c, valuesOf(c)));
        const groupValues = sum(accLines.map((l) => l.values));
        incomeStatement.push(lineOf('sub', group, groupValues), ...(detailed ? accLines : []));
        running = sum([running, groupValues]);
      }
      incomeStatement.push(lineOf('total', step.total, running));
    }
  }
  return { options: opts, company, balanceSheet, incomeStatement };
}
