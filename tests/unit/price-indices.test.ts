import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { mergeIndexPoints, parseIndexCsv, parseMonthCell } from '../../domain/price-index-csv.ts';
import { addMonths, indexOf, monthRange, seriesFromPoints } from '../../domain/price-index.ts';
import { addIndexMonths, loadPriceIndex, loadPriceIndices, PRICE_INDEX_DIR } from '../../db/price-indices.ts';
import { commandArgs } from '../helpers/command.ts';

const run = promisify(execFile);
const pct = (a: number, b: number) => Math.round((b / a - 1) * 10000) / 100;

describe('bundled price indices', () => {
  it('TÜFE and Yİ-ÜFE cover 2003-01 … 2026-07 without gaps and match the December changes their README states', async () => {
    const { tufe, yiufe } = await loadPriceIndices();
    for (const s of [tufe, yiufe]) {
      assert.equal(s.first, '2003-01');
      assert.equal(s.last, '2026-07');
      assert.equal(s.values.size, 283);
    }
    const dec = (s: typeof tufe, y: number) => indexOf(s, `${y}-12`)!;
    // The provenance README's December-on-December changes, recomputed from the files.
    assert.deepEqual([2022, 2023, 2024, 2025].map((y) => pct(dec(tufe, y - 1), dec(tufe, y))), [64.27, 64.77, 44.38, 30.89]);
    assert.deepEqual([2022, 2023, 2024, 2025].map((y) => pct(dec(yiufe, y - 1), dec(yiufe, y))), [97.72, 44.22, 28.52, 27.67]);
  });

  it('month arithmetic crosses year ends', () => {
    assert.equal(addMonths('2024-12', 1), '2025-01');
    assert.equal(addMonths('2024-01', -1), '2023-12');
    assert.equal(addMonths('2024-03', -14), '2023-01');
    assert.deepEqual(monthRange('2023-11', '2024-02'), ['2023-11', '2023-12', '2024-01', '2024-02']);
    assert.deepEqual(monthRange('2024-02', '2024-01'), []);
  });

  it('a series with a hole or a repeated month is refused', () => {
    assert.throws(() => seriesFromPoints('tufe', [{ month: '2024-01', index: 1 }, { month: '2024-03', index: 2 }]), /missing between 2024-01 and 2024-03: 2024-02/);
    assert.throws(() => seriesFromPoints('tufe', [{ month: '2024-01', index: 1 }, { month: '2024-01', index: 2 }]), /2024-01 appears twice/);
  });
});

describe('price-index CSV files', () => {
  it('reads the month spellings of downloads', () => {
    assert.equal(parseMonthCell('2026-8'), '2026-08');
    assert.equal(parseMonthCell('2026/08'), '2026-08');
    assert.equal(parseMonthCell('08.2026'), '2026-08');
    assert.equal(parseMonthCell('2026-08-01'), '2026-08');
    assert.equal(parseMonthCell('2026-13'), null);
    assert.equal(parseMonthCell('Ağustos 2026'), null);
  });

  it('reads an EVDS export with both series, ; separated, Turkish decimals, unpublished months blank', () => {
    const text = '\uFEFFTarih;TP GENENDEKS T1;TP TUFE1YI T1\r\n2026-7;4211,58;5637,14\r\n2026-8;4290,10;\r\n2026-9;;\r\n';
    const { series, problems } = parseIndexCsv(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(series.tufe, [{ month: '2026-07', index: 4211.58 }, { month: '2026-08', index: 4290.1 }]);
    assert.deepEqual(series.yiufe, [{ month: '2026-07', index: 5637.14 }]);
  });

  it('a plain index column needs --series; bad rows are reported with their line', () => {
    assert.match(parseIndexCsv('month,index\n2026-08,1\n').problems[0]!.message, /give --series tufe\|yiufe/);
    const { problems } = parseIndexCsv('month,index\n2026-08,abc\nAug,5\n2026-09,-3\n2026-10,7\n2026-10,7\n', { series: 'tufe' });
    assert.deepEqual(problems.map((p) => p.line), [2, 3, 4, 6]);
    assert.match(problems[0]!.message, /not a number/);
    assert.match(problems[1]!.message, /"Aug" is not a month/);
    assert.match(problems[2]!.message, /above zero/);
    assert.match(problems[3]!.message, /tufe 2026-10 appears again \(first on line 5\)/);
  });

  it('merging refuses disagreeing overlaps, files without overlap, gaps and months before the first', () => {
    const s = seriesFromPoints('tufe', [{ month: '2026-06', index: 100 }, { month: '2026-07', index: 102 }]);
    assert.deepEqual(mergeIndexPoints(s, [{ month: '2026-07', index: 102.5 }, { month: '2026-08', index: 104 }]), {
      status: 'conflict', conflicts: [{ month: '2026-07', stored: 102, incoming: 102.5 }],
    });
    assert.deepEqual(mergeIndexPoints(s, [{ month: '2026-08', index: 104 }]), { status: 'no_overlap', last: '2026-07' });
    assert.deepEqual(mergeIndexPoints(s, [{ month: '2026-07', index: 102 }, { month: '2026-09', index: 106 }]), { status: 'gap', missing: ['2026-08'] });
    assert.equal(mergeIndexPoints(s, [{ month: '2026-07', index: 102 }, { month: '2026-05', index: 99 }]).status, 'before_first');
    const ok = mergeIndexPoints(s, [{ month: '2026-07', index: 102.004 }, { month: '2026-08', index: 104.126 }]);
    assert.equal(ok.status, 'ok');
    if (ok.status !== 'ok') return;
    assert.deepEqual(ok.added, ['2026-08']);
    assert.equal(indexOf(ok.series, '2026-08'), 104.13); // kept at the published two decimals
    assert.equal(indexOf(ok.series, '2026-07'), 102); // a stored month is never rewritten
  });
});

describe('npm run indices:add', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'indices-'));
    await cp(PRICE_INDEX_DIR, dir, { recursive: true });
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('adds newer months and keeps every stored month as it was', async () => {
    const beforeText = await readFile(path.join(dir, 'tufe.csv'), 'utf8');
    const result = await addIndexMonths('Tarih,TP.GENENDEKS.T1\n2026-6,4137.93\n2026-7,4211.58\n2026-8,4260.00\n2026-9,4300.50\n', { dir });
    assert.deepEqual(result, { status: 'ok', results: [{ id: 'tufe', added: ['2026-08', '2026-09'], confirmed: ['2026-06', '2026-07'], last: '2026-09' }] });
    const afterText = await readFile(path.join(dir, 'tufe.csv'), 'utf8');
    assert.ok(afterText.startsWith(beforeText), 'the stored lines are kept byte for byte');
    assert.equal(afterText.slice(beforeText.length), '2026-08,4260.00\n2026-09,4300.50\n');
    const reloaded = await loadPriceIndex('tufe', dir);
    assert.equal(reloaded.last, '2026-09');
    assert.equal((await loadPriceIndex('yiufe', dir)).last, '2026-07'); // untouched
  });

  it('refuses a file on the 2025=100 base and writes nothing; the command says why and exits 1', async () => {
    const beforeText = await readFile(path.join(dir, 'tufe.csv'), 'utf8');
    const file = path.join(dir, 'rebased.csv');
    // TÜİK's 2025=100 levels: the overlapping months disagree with the 2003=100 series.
    await writeFile(file, 'month,index\n2026-09,122.95\n2026-10,124.10\n');
    const cli = await run(process.execPath, commandArgs('add-indices', [file, '--series', 'tufe', '--dir', dir])).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    assert.equal(cli.code, 1);
    assert.match(cli.stderr, /tufe: the file disagrees with stored months \(2026-09: stored 4300\.5, file 122\.95\)/);
    assert.match(cli.stderr, /Nothing added\./);
    assert.equal(await readFile(path.join(dir, 'tufe.csv'), 'utf8'), beforeText);
    const noOverlap = await addIndexMonths('month,index\n2026-10,4350\n', { dir, series: 'tufe' });
    assert.equal(noOverlap.status, 'invalid');
    assert.match(noOverlap.status === 'invalid' ? noOverlap.problems[0]! : '', /must repeat at least one stored month \(e\.g\. 2026-09\)/);
  });
});
