/**
 * The layout fuzzer's dimensions: each is one independent way real statements differ in print.
 * A draw picks one value per dimension from its own seeded stream, then resolves the few
 * combinations no real document could print unambiguously (recorded as the value used), so
 * a failing draw names the exact layout that broke the reader.
 */
import { createRng } from '../random.ts';

export const DIMENSIONS = {
  language: ['tr', 'en'],
  detail: ['detailed', 'summary'],
  statements: ['bs+is', 'bs', 'is', 'is+bs'],
  titleForm: ['tarihli', 'itibariyla', 'yili', 'donem-range'],
  periodHeader: ['dotted', 'slashed', 'long-date', 'year', 'yili', 'cari-onceki', 'donem-line'],
  periodCount: ['1', '2', '3', '4'],
  periodOrder: ['newest-first', 'oldest-first', 'shuffled'],
  yearEnd: ['12-31', '12-31', '12-31', '06-30', '03-31'],
  unit: ['TL', 'Bin TL'],
  unitLine: ['parens', 'labelled', 'in-title'],
  decimalMark: ['comma', 'dot'],
  thousands: ['mark', 'none', 'space'],
  currencySymbol: ['none', 'lira-before', 'lira-after', 'tl-after'],
  negatives: ['minus', 'parens', 'trailing-minus'],
  zero: ['dash', 'blank', 'zero'],
  minusLabels: ['marker-negative', 'marker-positive', 'no-marker'],
  codes: ['column', 'merged', 'merged-dot', 'absent'],
  indentation: ['none', 'small', 'wide'],
  capitals: ['as-chart', 'upper', 'title'],
  groupTotals: ['on-heading', 'total-line'],
  notesColumn: ['none', 'notes'],
  printHeader: ['none', 'timestamp', 'url'],
  printFooter: ['none', 'page-of', 'printed-on', 'url-date'],
  pageBreaks: ['natural', 'forced-repeat', 'forced-bare'],
  sharedPage: ['separate', 'same-page'],
  shape: ['single', 't-format'],
  rotation: ['0', '0', '90', '180', '270'],
  companyBlock: ['centered', 'firma-label', 'unvani-label'],
  taxIdForm: ['vkn', 'vergi-no', 'vergi-kimlik-no'],
  grid: ['none', 'rules', 'grid'],
  headerAlign: ['right', 'center'],
  leaders: ['none', 'dots'],
  font: ['sans', 'serif', 'condensed'],
  density: ['dense', 'normal', 'airy'],
  boldTotals: ['bold', 'regular'],
} as const;

export type Dimension = keyof typeof DIMENSIONS;
export type LayoutDraw = { [D in Dimension]: (typeof DIMENSIONS)[D][number] };

/** Every dimension drawn independently from the draw's seed (a stream apart from the numbers). */
export function drawLayout(seed: number, fixed: Partial<LayoutDraw> = {}): LayoutDraw {
  const rng = createRng(seed * 2654435761 + 97);
  const raw = Object.fromEntries(
    (Object.keys(DIMENSIONS) as Dimension[]).map((d) => [d, rng.pick(DIMENSIONS[d])]),
  ) as LayoutDraw;
  return resolveConflicts({ ...raw, ...fixed });
}

/**
 * Combinations a document could not print readably become the nearest printable one, so
 * the truth never asks the reader for what the page does not say.
 */
function resolveConflicts(d: LayoutDraw): LayoutDraw {
  const out = { ...d };
  const n = Number(out.periodCount);
  // "Cari / Önceki Dönem" names two columns only.
  if (n > 2 && (out.periodHeader === 'cari-onceki' || out.periodHeader === 'donem-line')) out.periodHeader = 'year';
  // A year-only header dates its column only with the title; a year-end off 31 December
  // must then be printed in the title.
  const headerHasDay = ['dotted', 'slashed', 'long-date'].includes(out.periodHeader);
  if (!headerHasDay && out.titleForm === 'yili') out.yearEnd = '12-31';
  // Two halves side by side leave room for two amount columns each, balance sheet only.
  if (out.shape === 't-format' && (n > 2 || out.statements === 'is')) out.shape = 'single';
  if (out.shape === 't-format') out.notesColumn = 'none';
  // The summary layout has no account lines, hence no account codes to place.
  if (out.detail === 'summary' && out.codes !== 'absent') out.codes = 'column';
  return out;
}
