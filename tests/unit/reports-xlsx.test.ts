import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Analysis } from '../../contracts/analysis.ts';
import { RATIO_IDS } from '../../domain/ratio-definitions.ts';
import { periodLabel } from '../../domain/wording/summary-text.ts';
import { buildWorkbook, SHEETS } from '../../reports/xlsx-report.ts';
import { analysisOf, SAMPLE, THREE_PERIODS, withoutLines } from './reports-fixtures.ts';

/**
 * The workbook's ratios are audited the way an accountant would: every ratio cell is a
 * formula over the inputs block, every input a formula over statement cells, and the value
 * recomputed here, independently, from the statement cells' values (with the spec's
 * formulas, not the production code) equals the stored analysis.
 */

// ratios.md, written out again on purpose: which inputs each ratio reads, and how.
const SPEC: Record<string, { inputs: string[]; f: (i: Record<string, number>) => number }> = {
  current_ratio: { inputs: ['CA', 'STL'], f: (i) => i.CA! / i.STL! },
  acid_test_ratio: { inputs: ['CA', 'INV', 'STL'], f: (i) => (i.CA! - i.INV!) / i.STL! },
  cash_ratio: { inputs: ['CASH', 'SEC', 'STL'], f: (i) => (i.CASH! + i.SEC!) / i.STL! },
  inventory_dependency_ratio: { inputs: ['STL', 'CASH', 'SEC', 'INV'], f: (i) => (i.STL! - (i.CASH! + i.SEC!)) / i.INV! },
  net_working_capital: { inputs: ['CA', 'STL'], f: (i) => i.CA! - i.STL! },
  gross_margin: { inputs: ['GP', 'NS'], f: (i) => i.GP! / i.NS! },
  operating_margin: { inputs: ['OP', 'NS'], f: (i) => i.OP! / i.NS! },
  net_margin: { inputs: ['NP', 'NS'], f: (i) => i.NP! / i.NS! },
  operating_expense_ratio: { inputs: ['OPEX', 'NS'], f: (i) => i.OPEX! / i.NS! },
  return_on_assets: { inputs: ['NP', 'TA'], f: (i) => i.NP! / i.TA! },
  return_on_equity: { inputs: ['NP', 'EQ'], f: (i) => i.NP! / i.EQ! },
  inventory_turnover: { inputs: ['COGS', 'INV'], f: (i) => i.COGS! / i.INV! },
  receivables_turnover: { inputs: ['NS', 'TR'], f: (i) => i.NS! / i.TR! },
  asset_turnover: { inputs: ['NS', 'TA'], f: (i) => i.NS! / i.TA! },
  current_asset_turnover: { inputs: ['NS', 'CA'], f: (i) => i.NS! / i.CA! },
  debt_ratio: { inputs: ['STL', 'LTL', 'TA'], f: (i) => (i.STL! + i.LTL!) / i.TA! },
  equity_ratio: { inputs: ['EQ', 'TA'], f: (i) => i.EQ! / i.TA! },
  debt_to_equity: { inputs: ['STL', 'LTL', 'EQ'], f: (i) => (i.STL! + i.LTL!) / i.EQ! },
  short_term_debt_share: { inputs: ['STL', 'LTL', 'EQ'], f: (i) => i.STL! / (i.STL! + i.LTL! + i.EQ!) },
  fixed_assets_to_equity: { inputs: ['NCA', 'EQ'], f: (i) => i.NCA! / i.EQ! },
  interest_coverage: { inputs: ['PBT', 'FIN'], f: (i) => (i.PBT! + i.FIN!) / i.FIN! },
  days_sales_outstanding: { inputs: ['TR', 'NS'], f: (i) => (365 * i.TR!) / i.NS! },
  days_inventory_outstanding: { inputs: ['INV', 'COGS'], f: (i) => (365 * i.INV!) / i.COGS! },
  days_payables_outstanding: { inputs: ['TP', 'COGS'], f: (i) => (365 * i.TP!) / i.COGS! },
  cash_conversion_cycle: { inputs: ['TR', 'NS', 'INV', 'COGS', 'TP'], f: (i) => 365 * (i.TR! / i.NS! + (i.INV! - i.TP!) / i.COGS!) },
};

// Which statement lines each input may read (printed line, or what lies under it).
const SOURCES: Record<string, (key: string) => boolean> = {
  CA: (k) => k.startsWith('1'),
  NCA: (k) => k.startsWith('2'),
  STL: (k) => k.startsWith('3'),
  LTL: (k) => k.startsWith('4'),
  EQ: (k) => k.startsWith('5'),
  TA: (k) => k === 'TOTAL_ASSETS',
  CASH: (k) => k.startsWith('10'),
  SEC: (k) => k.startsWith('11'),
  TR: (k) => k.startsWith('12'),
  INV: (k) => k.startsWith('15'),
  NS: (k) => k === 'NET_SALES' || k.startsWith('60') || k.startsWith('61'),
  COGS: (k) => k.startsWith('62'),
  GP: (k) => k === 'GROSS_PROFIT',
  OPEX: (k) => k.startsWith('63'),
  OP: (k) => k === 'OPERATING_PROFIT',
  FIN: (k) => k.startsWith('66'),
  PBT: (k) => k === 'PROFIT_BEFORE_TAX',
  NP: (k) => k === 'NET_PROFIT' || k === '590' || k === '591' || k === '59',
  TP: (k) => k.startsWith('32'),
};
// Inputs the workbook may derive from other inputs rather than from lines.
const FROM_INPUTS: Record<string, string[]> = { TA: ['CA', 'NCA'], GP: ['NS', 'COGS'], OP: ['GP', 'OPEX'] };

interface Ref { sheet: string | null; col: string; row: number }
const REF = /(?:'((?:[^']|'')+)'!)?\$?([A-Z]{1,3})\$?(\d+)/g;
const refsOf = (formula: string): Ref[] => [...formula.matchAll(REF)].map((m) => ({ sheet: m[1]?.replace(/''/g, "'") ?? null, col: m[2]!, row: Number(m[3]) }));

/** A small evaluator for the formulas the workbook writes: refs, numbers, + − × ÷, (), SUM(). */
function evaluate(formula: string, resolve: (r: Ref) => number): number {
  const tokens = formula.match(/'(?:[^']|'')+'!\$?[A-Z]+\$?\d+|\$?[A-Z]+\$?\d+|SUM|\d+(?:\.\d+)?|[-+*/(),]/g) ?? [];
  assert.equal(tokens.join(''), formula.replace(/\s+/g, ''), `unexpected syntax in ${formula}`);
  let i = 0;
  const peek = () => tokens[i];
  const expr = (): number => {
    let v = term();
    while (peek() === '+' || peek() === '-') v = tokens[i++] === '+' ? v + term() : v - term();
    return v;
  };
  const term = (): number => {
    let v = factor();
    while (peek() === '*' || peek() === '/') v = tokens[i++] === '*' ? v * factor() : v / factor();
    return v;
  };
  const factor = (): number => {
    const t = tokens[i++]!;
    if (t === '-') return -factor();
    if (t === '(') { const v = expr(); assert.equal(tokens[i++], ')'); return v; }
    if (t === 'SUM') {
      assert.equal(tokens[i++], '(');
      let s = expr();
      while (peek() === ',') { i++; s += expr(); }
      assert.equal(tokens[i++], ')');
      return s;
    }
    if (/^\d/.test(t)) return Number(t);
    return resolve(refsOf(t)[0]!);
  };
  const v = expr();
  assert.equal(i, tokens.length, `trailing tokens in ${formula}`);
  return v;
}

const colNumber = (col: string) => [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const near = (a: number, b: number, what: string) =>
  assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${what}: ${a} != ${b}`);

async function audit(a: Analysis, locale: 'tr' | 'en' = 'tr') {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildWorkbook(a, locale)) as never);
  const names = SHEETS[locale];
  const st = wb.getWorksheet(names.statement)!;
  const rs = wb.getWorksheet(names.ratios)!;
  assert.ok(st && rs, 'statement and ratio sheets exist');

  // Statement: key per row, header row with the period labels.
  const all = [...a.periods].sort();
  const periodCols = new Map<string, number>();
  st.getRow(4).eachCell((c, col) => {
    const p = all.find((x) => periodLabel(x, all) === c.value);
    if (p) periodCols.set(p, col);
  });
  assert.equal(periodCols.size, a.periods.length, 'a column per period');
  const keyOfRow = new Map<number, string>();
  st.eachRow((row, n) => {
    const k = row.getCell(1).value;
    if (n > 4 && typeof k === 'string' && /^(\d+|[A-Z_]+)$/.test(k) && row.getCell(3).value !== null) keyOfRow.set(n, k);
  });
  const statementValue = (r: Ref): number => {
    const v = st.getCell(r.row, colNumber(r.col)).value;
    assert.equal(typeof v, 'number', `statement ${r.col}${r.row} holds a number`);
    return v as number;
  };

  // Ratio sheet: rows by id (column B), inputs by name (column B).
  const rowOf = new Map<string, number>();
  const inputOfRow = new Map<number, string>();
  rs.eachRow((row, n) => {
    const id = row.getCell(2).value;
    if (typeof id !== 'string') return;
    if (id in SPEC) rowOf.set(id, n);
    if (id in SOURCES) { rowOf.set(`input:${id}`, n); inputOfRow.set(n, id); }
  });
  assert.equal([...rowOf.keys()].filter((k) => !k.startsWith('input:')).length, RATIO_IDS.length, 'every ratio is on the sheet');

  const ratioSheetValue = (r: Ref): number => {
    const cell = rs.getCell(r.row, colNumber(r.col));
    const v = cell.value as ExcelJS.CellFormulaValue | number | null;
    if (typeof v === 'number') return v;
    assert.ok(v && typeof v === 'object' && 'formula' in v, `${r.col}${r.row} is a formula`);
    return evaluate(v.formula, (x) => (x.sheet === null ? ratioSheetValue(x) : (assert.equal(x.sheet, names.statement), statementValue(x))));
  };

  let formulas = 0;
  for (const [period, col] of periodCols) {
    // Inputs: each reads only the statement lines its definition allows.
    for (const [row, name] of inputOfRow) {
      const v = rs.getCell(row, col).value as ExcelJS.CellFormulaValue | null;
      if (v === null) continue;
      for (const r of refsOf(v.formula)) {
        if (r.sheet === null) {
          assert.ok(FROM_INPUTS[name]?.includes(inputOfRow.get(r.row)!), `${name} (${period}) may not read input row ${r.row}`);
          continue;
        }
        assert.equal(r.sheet, names.statement);
        assert.equal(colNumber(r.col), col, `${name} (${period}) reads its own period's column`);
        const key = keyOfRow.get(r.row);
        assert.ok(key && SOURCES[name]!(key), `${name} (${period}) reads line ${key ?? `row ${r.row}`}`);
      }
    }
    for (const id of RATIO_IDS) {
      const stored = a.ratios[id]?.[period] ?? null;
      const cell = rs.getCell(rowOf.get(id)!, col);
      const v = cell.value as ExcelJS.CellFormulaValue | string;
      if (stored === null) {
        assert.equal(typeof v, 'string', `${id} ${period} is not computable, so not a formula`);
        continue;
      }
      assert.ok(typeof v === 'object' && 'formula' in v, `${id} ${period} is a formula`);
      formulas++;
      // The formula reads exactly the spec's inputs, in this period's column.
      const refs = refsOf(v.formula);
      assert.ok(refs.every((r) => r.sheet === null && colNumber(r.col) === col), `${id}: ${v.formula}`);
      assert.deepEqual(new Set(refs.map((r) => inputOfRow.get(r.row))), new Set(SPEC[id]!.inputs), `${id} inputs: ${v.formula}`);
      // Independent recomputation from the statement cells through the spec formula.
      const inputs = Object.fromEntries(SPEC[id]!.inputs.map((n) => [n, ratioSheetValue({ sheet: null, col: refs[0]!.col, row: rowOf.get(`input:${n}`)! })]));
      near(SPEC[id]!.f(inputs), stored, `${id} ${period} recomputed`);
      // And the workbook's own formula, evaluated, and its cached result.
      near(ratioSheetValue({ sheet: null, col: refs[0]!.col, row: rowOf.get(id)! }), stored, `${id} ${period} formula`);
      near(Number(v.result ?? 0), stored, `${id} ${period} cached result`);
    }
  }
  return { wb, formulas };
}

describe('report workbook', () => {
  let sample: Analysis;
  let three: Analysis;
  before(async () => {
    sample = await analysisOf(SAMPLE);
    three = await analysisOf(THREE_PERIODS);
  });

  it('ratios are live formulas over the statement cells and recompute to the stored values', async () => {
    const { formulas } = await audit(sample);
    assert.ok(formulas >= 40, `${formulas} ratio formulas`);
  });

  it('works for three periods and in English', async () => {
    const { wb, formulas } = await audit(three, 'en');
    assert.ok(formulas >= 60);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['Summary', 'Statement', 'Ratios', 'Comparison', 'Validation']);
  });

  it('derives unprinted inputs with formulas (groups from accounts, NS from 60 + 61, TA from CA + NCA)', async () => {
    const cut = withoutLines(sample, ['1', '10', 'NET_SALES', 'GROSS_PROFIT', 'TOTAL_ASSETS', '62']);
    const { wb } = await audit(cut);
    const rs = wb.getWorksheet(SHEETS.tr.ratios)!;
    const formulaOf = (name: string) => {
      let f = '';
      rs.eachRow((row) => { if (row.getCell(2).value === name) f = (row.getCell(3).value as ExcelJS.CellFormulaValue).formula; });
      return f;
    };
    assert.match(formulaOf('CA'), /^SUM\(/);
    assert.match(formulaOf('NS'), /^'Tablo'!C\d+\+'Tablo'!C\d+$/);
    assert.match(formulaOf('TA'), /^C\d+\+C\d+$/);
    assert.match(formulaOf('GP'), /^C\d+-C\d+$/);
    assert.match(formulaOf('COGS'), /^-'Tablo'!C\d+$/);
  });

  it('has the statement with change columns, frozen headers and number formats, and the other sheets', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildWorkbook(sample, 'tr')) as never);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['Özet', 'Tablo', 'Oranlar', 'Karşılaştırma', 'Doğrulama']);
    const st = wb.getWorksheet('Tablo')!;
    assert.equal(st.views[0]?.state, 'frozen');
    assert.deepEqual((st.getRow(4).values as unknown[]).slice(1), ['Kod', 'Hesap', '2024', '2023', 'Değişim 2023→2024', 'Değişim %']);
    let checked = 0;
    st.eachRow((row, n) => {
      if (n <= 4 || row.getCell(1).value !== '1') return;
      assert.equal(row.getCell(3).numFmt, '#,##0.00;[Red]-#,##0.00');
      const change = row.getCell(5).value as ExcelJS.CellFormulaValue;
      assert.equal(change.formula, `C${n}-D${n}`);
      near(Number(change.result), sample.items['1']!['2024-12-31']! - sample.items['1']!['2023-12-31']!, 'change');
      const pct = row.getCell(6).value as ExcelJS.CellFormulaValue;
      near(Number(pct.result), sample.comparison.find((c) => c.key === '1')!.changePct! / 100, 'change %');
      checked++;
    });
    assert.equal(checked, 1);
    const vs = wb.getWorksheet('Doğrulama')!;
    assert.equal(vs.getCell('B3').value, 'tutarlı');
  });

  it('embeds the charts on a Charts sheet', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6300010000050001' + '0d0a2db40000000049454e44ae426082', 'hex');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildWorkbook(sample, 'tr', { charts: [{ spec: { name: 'x', title: 'Test', width: 100, height: 50, config: {} }, png }] })) as never);
    const gs = wb.getWorksheet('Grafikler')!;
    assert.equal(gs.getImages().length, 1);
  });
});
