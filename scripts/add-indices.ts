/**
 * npm run indices:add -- <download.csv> [--series tufe|yiufe] [--dir <folder>]
 *
 * Adds newer months of TÜFE / Yİ-ÜFE (2003=100) to data/price-indices/. Accepted: our own
 * `month,index` (with --series), or an EVDS export (`Tarih` plus a `TP.GENENDEKS.T1` (TÜFE)
 * and/or `TP.TUFE1YI.T1` (Yİ-ÜFE) column; months as 2026-8 or 2026-08; `,` or `;` separated,
 * Turkish decimals with `;`). The file must repeat at least one stored month, and repeated
 * months must agree (so a file on the 2025=100 base is refused); new months must follow the
 * stored ones without a gap. If anything is wrong nothing is written; files are replaced
 * atomically.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { PRICE_INDEX_IDS, type PriceIndexId } from '../domain/price-index.ts';
import { addIndexMonths, PriceIndexFileError } from '../db/price-indices.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { series: { type: 'string' }, dir: { type: 'string' } },
});
const usage = `Usage: npm run indices:add -- <file.csv> [--series ${PRICE_INDEX_IDS.join('|')}] [--dir <folder>]`;
if (positionals.length !== 1) {
  console.error(usage);
  process.exit(2);
}
const series = values.series;
if (series !== undefined && !(PRICE_INDEX_IDS as readonly string[]).includes(series)) {
  console.error(`--series ${series}: expected one of ${PRICE_INDEX_IDS.join(', ')}\n${usage}`);
  process.exit(2);
}
const file = positionals[0]!;
const text = await readFile(file, 'utf8').catch((e: unknown) => {
  console.error(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? e})`);
  process.exit(1);
});
const result = await addIndexMonths(text, { series: series as PriceIndexId | undefined, dir: values.dir }).catch((e: unknown) => {
  // A stored file that cannot be read or parsed: say which, change nothing.
  console.error(e instanceof PriceIndexFileError ? e.message : String(e));
  console.error('Nothing added.');
  process.exit(1);
});
if (result.status === 'invalid') {
  for (const p of result.problems) console.error(`${file}: ${p}`);
  console.error('Nothing added.');
  process.exit(1);
}
for (const r of result.results) {
  const added = r.added.length ? `${r.added.length} month(s) added (${r.added[0]} … ${r.added[r.added.length - 1]})` : 'nothing new';
  console.log(`ok  ${r.id}: ${added}, ${r.confirmed.length} stored month(s) confirmed; last month now ${r.last}`);
}
