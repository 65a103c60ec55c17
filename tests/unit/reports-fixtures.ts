import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Analysis } from '../../contracts/analysis.ts';
import { buildAnalysis } from '../../domain/build-analysis.ts';
import { toKurus } from '../../domain/money.ts';
import type { PriceIndexSeries } from '../../domain/price-index.ts';
import { computeRatios } from '../../domain/ratios.ts';
import type { Items } from '../../domain/types.ts';
import { validateExtraction } from '../../domain/validate-extraction.ts';
import { readStatementPdf } from '../../reading/read-statement-pdf.ts';
import { sha256Hex } from '../../lib/storage.ts';

/** Real analyses, read from PDFs the way the worker reads them (no database). */
export const SAMPLE = path.resolve('samples/ornek-bilanco-2024.pdf');
// Committed with their truth files (tests/fixtures/statements/README.md says why not generated).
export const THREE_PERIODS = path.resolve('tests/fixtures/statements/05-t5-digital.pdf');
export const BALANCE_ONLY = path.resolve('tests/fixtures/statements/07-t7-digital.pdf');

const cache = new Map<string, Analysis>();

/** `priceIndex`: the series real change is measured with (none: nominal only, as before). */
export async function analysisOf(file: string, opts: { priceIndex?: PriceIndexSeries } = {}): Promise<Analysis> {
  const key = `${file}|${opts.priceIndex ? `${opts.priceIndex.id}:${opts.priceIndex.last}` : ''}`;
  const hit = cache.get(key);
  if (hit) return structuredClone(hit);
  const bytes = await readFile(file);
  const reading = await readStatementPdf(bytes);
  if (!reading) throw new Error(`no text layer in ${file}`);
  const validation = validateExtraction(reading.statement);
  const a = buildAnalysis({
    file: path.basename(file), sha256: sha256Hex(bytes), pages: reading.pages, method: reading.method,
    pagesByMethod: reading.pagesByMethod, statement: reading.statement, validation,
    ...(opts.priceIndex ? { priceIndex: opts.priceIndex } : {}),
  });
  cache.set(key, a);
  return structuredClone(a);
}

/**
 * The sample with some group and total lines removed, so the ratio inputs must be derived
 * (CA from its sub-groups, NS from 60 + 61, GP from NS − COGS, TA from CA + NCA), and the
 * ratios recomputed by the domain for the smaller statement.
 */
export function withoutLines(a: Analysis, keys: string[]): Analysis {
  const b = structuredClone(a);
  for (const k of keys) delete b.items[k];
  b.lines = b.lines.filter((l) => !keys.includes(l.key ?? ''));
  const items: Items = {};
  for (const [k, v] of Object.entries(b.items)) items[k] = Object.fromEntries(Object.entries(v).map(([p, x]) => [p, toKurus(x)]));
  b.ratios = computeRatios(items, b.periods);
  return b;
}
