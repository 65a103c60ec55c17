import { randomUUID } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatIndexCsv, mergeIndexPoints, parseIndexCsv, type MergeResult } from '../domain/price-index-csv.ts';
import { PRICE_INDEX_IDS, seriesFromPoints, type PriceIndexId, type PriceIndexSeries } from '../domain/price-index.ts';

/** The bundled series (data/price-indices/, with their provenance in its README). */
export const PRICE_INDEX_DIR = fileURLToPath(new URL('../data/price-indices/', import.meta.url));
const fileOf = (dir: string, id: PriceIndexId): string => path.join(dir, `${id}.csv`);

export class PriceIndexFileError extends Error {
  override readonly name = 'PriceIndexFileError';
}

export type PriceIndices = Record<PriceIndexId, PriceIndexSeries>;

/** One series from its file: every line valid, no gaps, else a PriceIndexFileError naming the line. */
export async function loadPriceIndex(id: PriceIndexId, dir = PRICE_INDEX_DIR): Promise<PriceIndexSeries> {
  const file = fileOf(dir, id);
  const text = await readFile(file, 'utf8').catch((e: unknown) => {
    throw new PriceIndexFileError(`${file}: cannot be read`, { cause: e });
  });
  const { series, problems } = parseIndexCsv(text, { series: id });
  if (problems.length) throw new PriceIndexFileError(problems.map((p) => `${file}:${p.line}: ${p.message}`).join('\n'));
  try {
    return seriesFromPoints(id, series[id] ?? []);
  } catch (e) {
    throw new PriceIndexFileError(`${file}: ${(e as Error).message}`, { cause: e });
  }
}

export async function loadPriceIndices(dir = PRICE_INDEX_DIR): Promise<PriceIndices> {
  const [tufe, yiufe] = await Promise.all(PRICE_INDEX_IDS.map((id) => loadPriceIndex(id, dir)));
  return { tufe: tufe!, yiufe: yiufe! };
}

let bundled: Promise<PriceIndices> | null = null;

/** The bundled series, read once per process (a worker's activities and the bot share them). */
export function bundledPriceIndices(): Promise<PriceIndices> {
  bundled ??= loadPriceIndices().catch((e: unknown) => {
    bundled = null;
    throw e;
  });
  return bundled;
}

/**
 * Write-then-rename in the same folder, flushed before the rename: a crash leaves the old file
 * or the new one, never half of either.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => {});
    throw e;
  }
}

export type AddIndicesResult =
  | { status: 'ok'; results: { id: PriceIndexId; added: string[]; confirmed: string[]; last: string }[] }
  | { status: 'invalid'; problems: string[] };

/** Why a merge was refused, in one line (the command prints it). */
function refusal(id: PriceIndexId, r: Exclude<MergeResult, { status: 'ok' }>): string {
  switch (r.status) {
    case 'conflict':
      return `${id}: the file disagrees with stored months (${r.conflicts.map((c) => `${c.month}: stored ${c.stored}, file ${c.incoming}`).join('; ')}); is it on another base (2003=100 expected) or another series?`;
    case 'no_overlap':
      return `${id}: the file must repeat at least one stored month (e.g. ${r.last}) so its base can be checked against ours`;
    case 'gap':
      return `${id}: months missing after the stored ones: ${r.missing.join(', ')}`;
    case 'before_first':
      return `${id}: months before ${r.first} are not taken (${r.months.join(', ')})`;
  }
}

/**
 * Adds the newer months of a downloaded CSV to the stored series. Every series in the file is
 * checked first; if any is refused, no file is written. Stored months are never changed.
 */
export async function addIndexMonths(csvText: string, opts: { dir?: string; series?: PriceIndexId } = {}): Promise<AddIndicesResult> {
  const dir = opts.dir ?? PRICE_INDEX_DIR;
  const parsed = parseIndexCsv(csvText, { series: opts.series });
  if (parsed.problems.length) return { status: 'invalid', problems: parsed.problems.map((p) => `line ${p.line}: ${p.message}`) };
  const merged: { id: PriceIndexId; result: MergeResult }[] = [];
  for (const id of PRICE_INDEX_IDS) {
    const points = parsed.series[id];
    if (points) merged.push({ id, result: mergeIndexPoints(await loadPriceIndex(id, dir), points) });
  }
  const refused = merged.flatMap(({ id, result }) => (result.status === 'ok' ? [] : [refusal(id, result)]));
  if (refused.length) return { status: 'invalid', problems: refused };
  const results: { id: PriceIndexId; added: string[]; confirmed: string[]; last: string }[] = [];
  for (const { id, result } of merged) {
    if (result.status !== 'ok') continue;
    if (result.added.length) await writeFileAtomic(fileOf(dir, id), formatIndexCsv(result.series));
    results.push({ id, added: result.added, confirmed: result.confirmed, last: result.series.last });
  }
  return { status: 'ok', results };
}
