import type { Analysis } from '../contracts/analysis.ts';
import { buildAnalysis } from '../domain/build-analysis.ts';
import { validateExtraction } from '../domain/validate-extraction.ts';
import type { PageWords } from '../reading/layout/words.ts';
import { parseStatement } from '../reading/layout/statement-parser.ts';
import { reportCharts } from '../domain/chart-configs.ts';
import type { ThreadContext } from '../lib/thread-pool/index.ts';
import { renderChart } from '../reports/chart-renderer.ts';
import { buildPdfReport } from '../reports/pdf-report.ts';
import type { PdfChart } from '../reports/pdf-writer.ts';
import { buildWorkbook } from '../reports/xlsx-report.ts';

/**
 * A pool thread's first run, before any real document (app/heavy-threads.ts): a small
 * made-up balance sheet and income statement go through the statement parser, the analysis
 * and every renderer. What a first run costs — the label index, font parsing and
 * subsetting, chart.js and exceljs set-up, the JIT — is paid here, after a worker or the bot
 * starts, not by the first user's document (a cold analysis takes ~1.4 s, a warm one ~0.7 s).
 */
const ROWS: string[][] = [
  ['Örnek Ticaret A.Ş.'],
  ['BİLANÇO'],
  ['', '31.12.2024', '31.12.2023'],
  ['Kasa', '120.000', '90.000'],
  ['Alıcılar', '80.000', '60.000'],
  ['DÖNEN VARLIKLAR TOPLAMI', '200.000', '150.000'],
  ['Taşıtlar', '100.000', '100.000'],
  ['DURAN VARLIKLAR TOPLAMI', '100.000', '100.000'],
  ['AKTİF TOPLAMI', '300.000', '250.000'],
  ['Satıcılar', '50.000', '40.000'],
  ['KISA VADELİ YABANCI KAYNAKLAR TOPLAMI', '50.000', '40.000'],
  ['Sermaye', '250.000', '210.000'],
  ['ÖZKAYNAKLAR TOPLAMI', '250.000', '210.000'],
  ['PASİF TOPLAMI', '300.000', '250.000'],
  ['GELİR TABLOSU'],
  ['', '31.12.2024', '31.12.2023'],
  ['Yurt İçi Satışlar', '500.000', '400.000'],
  ['NET SATIŞLAR', '500.000', '400.000'],
  ['Satılan Ticari Mallar Maliyeti', '(300.000)', '(250.000)'],
  ['BRÜT SATIŞ KARI', '200.000', '150.000'],
  ['DÖNEM NET KARI', '40.000', '30.000'],
];

function page(): PageWords {
  // A title or amount per cell, where a text layer puts it; the period row has no label.
  const words = ROWS.flatMap((cells, i) =>
    cells.flatMap((text, j) => {
      const x = j === 0 ? 60 : 300 + j * 90;
      return text ? [{ text, x0: x, x1: x + text.length * 6, y0: 40 + i * 14, y1: 50 + i * 14, confidence: 1 }] : [];
    }),
  );
  return { page: 1, width: 600, height: 842, source: 'text', words };
}

/** The made-up statement, read and analysed as a text-layer page would be. */
export function warmUpAnalysis(): Analysis {
  const statement = parseStatement([page()]);
  const validation = validateExtraction(statement);
  return buildAnalysis({ file: 'warm-up.pdf', sha256: '0'.repeat(64), pages: 1, method: 'text', pagesByMethod: { text: [1], ocr: [], vision: [] }, statement, validation });
}

/**
 * One step at a time, and no further once a real task waits in this thread: the warm-up runs
 * while the process starts, and a document arriving meanwhile must not queue behind it.
 */
export async function warmUp(ctx: ThreadContext): Promise<void> {
  const analysis = warmUpAnalysis();
  const charts: PdfChart[] = [];
  for (const spec of reportCharts(analysis, 'tr')) {
    if (ctx.othersWaiting()) return;
    charts.push({ spec, png: await renderChart(spec) });
  }
  if (ctx.othersWaiting()) return;
  await buildWorkbook(analysis, 'tr', { charts });
  if (ctx.othersWaiting()) return;
  await buildPdfReport(analysis, 'tr', { charts });
}
