/**
 * Reads a fuzz draw through the pipeline's own reader and validation and scores it against
 * the draw's truth: items exact to the kuruş, document facts, silent errors (a wrong or extra
 * item, or a wrong period or unit, while validation says `ok`), unread items, and false alarms
 * (every item and fact right, status not `ok`).
 */
import { foldTurkish } from '../../../domain/turkish-text.ts';
import { itemsOf } from '../../../domain/statement-items.ts';
import { validateExtraction } from '../../../domain/validate-extraction.ts';
import { readStatementPdf } from '../../../reading/read-statement-pdf.ts';
import type { FuzzDraw } from './index.ts';

export type DrawScore = {
  seed: number;
  items: number;
  exact: number;
  /** A value read for the item that is not the truth's. */
  wrong: string[];
  /** Items the truth has and the reading does not (unread, not misstated). */
  missing: string[];
  extra: string[];
  factsWrong: string[];
  status: 'ok' | 'warnings' | 'failed' | 'unread';
  silent: boolean;
  falseAlarm: boolean;
  ms: number;
};

const same = (a: readonly string[], b: readonly string[]) => JSON.stringify(a) === JSON.stringify(b);

export async function scoreDraw(draw: FuzzDraw): Promise<DrawScore> {
  const { truth, dims } = draw;
  const cells = Object.entries(truth.itemsKurus).flatMap(([k, v]) => Object.entries(v).map(([p, val]) => ({ k, p, val })));
  const t0 = performance.now();
  const reading = await readStatementPdf(draw.pdf);
  const ms = performance.now() - t0;
  const base = { seed: draw.seed, items: cells.length, ms };
  if (!reading) return { ...base, exact: 0, wrong: [], missing: ['no text layer'], extra: [], factsWrong: [], status: 'unread', silent: false, falseAlarm: false };
  const st = reading.statement;
  const got = itemsOf(st);
  const status = validateExtraction(st).status;
  const wrong: string[] = [];
  const missing: string[] = [];
  let exact = 0;
  for (const { k, p, val } of cells) {
    const g = got[k]?.[p];
    // A zero printed as a blank cell says nothing; reading it as absent is right too.
    if (g === val || (val === 0 && g === undefined && dims.zero === 'blank')) exact++;
    else if (g === undefined) missing.push(`${k}@${p}: want ${val / 100}, not read`);
    else wrong.push(`${k}@${p}: want ${val / 100} got ${g / 100}`);
  }
  const extra = Object.keys(got).filter((k) => !(k in truth.itemsKurus));
  const factsWrong: string[] = [];
  if (!same(st.periods, truth.periods)) factsWrong.push(`periods ${st.periods.join(',')} want ${truth.periods.join(',')}`);
  if (st.unit !== truth.unit) factsWrong.push(`unit ${st.unit} want ${truth.unit}`);
  if (!same([...st.statements].sort(), [...truth.statements].sort())) factsWrong.push(`statements ${st.statements.join(',')}`);
  if (st.taxId !== truth.company.taxId) factsWrong.push(`taxId ${st.taxId} want ${truth.company.taxId}`);
  if (foldTurkish(st.companyName ?? '') !== foldTurkish(truth.company.name)) factsWrong.push(`company "${st.companyName}"`);
  if (st.currency !== truth.currency) factsWrong.push(`currency ${st.currency}`);
  // A silent error states a figure that is not so (or a fact: a period or unit misread
  // misstates every figure) while validation says ok; an unread item states nothing.
  const misstated = wrong.length > 0 || extra.length > 0 || factsWrong.some((f) => /^(periods|unit)/.test(f));
  const allRight = !misstated && missing.length === 0 && factsWrong.length === 0;
  return { ...base, exact, wrong, missing, extra, factsWrong, status, silent: misstated && status === 'ok', falseAlarm: allRight && status !== 'ok' };
}
