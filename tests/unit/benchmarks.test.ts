import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RATIO_IDS } from '../../domain/ratio-definitions.ts';
import { benchmarkReport, describeBenchmarks, parseBenchmarkCsv, pickBenchmark, quartileOf, type BenchmarkRow } from '../../domain/benchmarks.ts';

// Test tables only: made up here, never shipped as data.
const CSV = [
  'sector_code,ratio_id,q1,median,q3,source,year',
  'C10,current_ratio,1.1,1.4,1.9,"Test table, 2023",2023',
  'C10,current_ratio,1.0,1.3,1.8,Test table 2024,2024',
  'C10,debt_ratio,0.45,0.6,0.72,Test table 2024,2024',
  'C10,inventory_turnover,3,5,8,Test table 2024,2024',
  '',
  '# comment lines are skipped',
  'G46,gross_margin,0.08,0.15,0.24,Test table 2024,2024',
].join('\n');

describe('parseBenchmarkCsv', () => {
  it('reads rows, quoted fields and skips blanks and comments', () => {
    const { rows, problems } = parseBenchmarkCsv(CSV);
    assert.deepEqual(problems, []);
    assert.equal(rows.length, 5);
    assert.deepEqual(rows[0], { sectorCode: 'C10', ratioId: 'current_ratio', year: 2023, q1: 1.1, median: 1.4, q3: 1.9, source: 'Test table, 2023' });
  });

  it('accepts ; separated files with Turkish decimals, columns in any order, a BOM and aliases', () => {
    const { rows, problems } = parseBenchmarkCsv('\uFEFFyıl;kaynak;sektör;oran;q1;medyan;q3\r\n2024;Test;C10;cash_ratio;0,12;0,25;1.234,5\r\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(rows, [{ sectorCode: 'C10', ratioId: 'cash_ratio', year: 2024, q1: 0.12, median: 0.25, q3: 1234.5, source: 'Test' }]);
  });

  it('rejects an unknown ratio id with a clear message naming the known ids', () => {
    const { rows, problems } = parseBenchmarkCsv('sector_code,ratio_id,q1,median,q3,source,year\nC10,quick_ratio,1,2,3,T,2024\n');
    assert.equal(rows.length, 0);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.line, 2);
    assert.match(problems[0]!.message, /^ratio_id: unknown ratio id "quick_ratio"; known ids: current_ratio, acid_test_ratio, .*interest_coverage, days_sales_outstanding, days_inventory_outstanding, days_payables_outstanding, cash_conversion_cycle$/);
  });

  it('reports every bad row with its line: numbers, quartile order, year, source, duplicates', () => {
    const text = [
      'sector_code,ratio_id,q1,median,q3,source,year',
      'C10,current_ratio,abc,1,2,T,2024', // 2
      'C10,current_ratio,2,1,3,T,2024', // 3: q1 > median
      'C10,debt_ratio,0.1,0.2,0.3,T,24.5', // 4
      'C10,debt_ratio,0.1,0.2,0.3,,2024', // 5: no source
      ',debt_ratio,0.1,0.2,0.3,T,2024', // 6: no sector
      'C10,equity_ratio,0.1,0.2,0.3,T,2024', // 7: fine
      'C10,equity_ratio,0.1,0.2,0.3,T,2024', // 8: duplicate of 7
    ].join('\n');
    const { rows, problems } = parseBenchmarkCsv(text);
    assert.equal(rows.length, 1);
    assert.deepEqual(problems.map((p) => p.line), [2, 3, 4, 5, 6, 8]);
    assert.match(problems[0]!.message, /q1 is not a number/);
    assert.match(problems[1]!.message, /q1 ≤ median ≤ q3/);
    assert.match(problems[2]!.message, /year/);
    assert.match(problems[3]!.message, /source is empty/);
    assert.match(problems[4]!.message, /sector_code is empty/);
    assert.match(problems[5]!.message, /duplicate of line 7/);
  });

  it('rejects a file without the required columns, or empty', () => {
    assert.match(parseBenchmarkCsv('sector_code,ratio_id,q1,median\nC10,current_ratio,1,2').problems[0]!.message, /missing column\(s\): q3, source, year/);
    assert.match(parseBenchmarkCsv('').problems[0]!.message, /empty/);
    assert.match(parseBenchmarkCsv('sector_code,ratio_id,q1,median,q3,source,year\n').problems[0]!.message, /no rows/);
  });
});

describe('quartiles and reports', () => {
  const { rows } = parseBenchmarkCsv(CSV);

  it('quartileOf: below Q1, Q1–median, median–Q3, Q3 and above (boundaries go up)', () => {
    const b = { q1: 1, median: 2, q3: 3 };
    assert.equal(quartileOf(0.99, b), 1);
    assert.equal(quartileOf(1, b), 2);
    assert.equal(quartileOf(2, b), 3);
    assert.equal(quartileOf(2.99, b), 3);
    assert.equal(quartileOf(3, b), 4);
    assert.equal(quartileOf(-5, b), 1); // a negative value (loss) still has a place
  });

  it('picks the period’s year, else the latest earlier year, else the earliest later one', () => {
    assert.equal(pickBenchmark(rows, 'C10', 'current_ratio', 2024)!.year, 2024);
    assert.equal(pickBenchmark(rows, 'C10', 'current_ratio', 2023)!.year, 2023);
    assert.equal(pickBenchmark(rows, 'C10', 'current_ratio', 2030)!.year, 2024);
    assert.equal(pickBenchmark(rows, 'C10', 'current_ratio', 2020)!.year, 2023);
    assert.equal(pickBenchmark(rows, 'C10', 'gross_margin', 2024), null);
  });

  it('positions each ratio that has a benchmark; says which have none or no value', () => {
    const report = benchmarkReport({
      sector: 'C10',
      period: '2024-12-31',
      ratios: { current_ratio: { '2024-12-31': 1.2 }, debt_ratio: { '2024-12-31': 0.8 }, inventory_turnover: { '2024-12-31': null } },
      rows,
    });
    assert.equal(report.status, 'ok');
    if (report.status !== 'ok') return;
    const pos = Object.fromEntries(report.positions.map((p) => [p.id, p]));
    assert.deepEqual(
      { status: pos.current_ratio!.status, quartile: pos.current_ratio!.status === 'positioned' ? pos.current_ratio!.quartile : null },
      { status: 'positioned', quartile: 2 },
    );
    const debt = pos.debt_ratio!;
    assert.ok(debt.status === 'positioned');
    assert.equal(debt.quartile, 4);
    assert.equal(debt.favourable, false); // top quartile of leverage
    assert.equal(pos.inventory_turnover!.status, 'no_value'); // zero inventory: undefined ratio
    assert.equal(pos.gross_margin!.status, 'no_benchmark');
    assert.equal(report.positions.length, RATIO_IDS.length);
    const [first, second] = describeBenchmarks(report, 'tr');
    assert.equal(first, 'Cari Oran 1,20: sektör medyanının altında (ilk çeyrek ile medyan arasında) (2024, Test table 2024: Ç1 1,00, medyan 1,30, Ç3 1,80).');
    assert.match(second!, /^Kaldıraç Oranı %80,0: sektörün üst çeyreğinde/);
    assert.match(describeBenchmarks(report, 'en')[0]!, /^Current ratio 1\.20: below the sector median/);
  });

  it('says plainly when the company has no sector or its sector has no table', () => {
    const noSector = benchmarkReport({ sector: null, period: '2024-12-31', ratios: {}, rows });
    assert.deepEqual(noSector, { status: 'no_sector', period: '2024-12-31' });
    assert.match(describeBenchmarks(noSector, 'tr')[0]!, /sektörü kayıtlı değil/);
    const noTable = benchmarkReport({ sector: 'F41', period: '2024-12-31', ratios: {}, rows });
    assert.deepEqual(noTable, { status: 'no_table', period: '2024-12-31', sector: 'F41' });
    assert.equal(
      describeBenchmarks(noTable, 'tr')[0],
      'F41 sektörü için yüklenmiş bir sektör karşılaştırma tablosu yok; oranlar yalnızca genel ders kitabı kurallarıyla değerlendirildi.',
    );
    assert.match(describeBenchmarks(noTable, 'en')[0]!, /No sector benchmark table has been loaded for sector F41/);
    const empty: BenchmarkRow[] = [];
    assert.equal(benchmarkReport({ sector: 'C10', period: '2024-12-31', ratios: {}, rows: empty }).status, 'no_table');
  });
});
