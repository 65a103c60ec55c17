import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { before, describe, it } from 'node:test';
import { loadImage } from '@napi-rs/canvas';
import type { Analysis } from '../../contracts/analysis.ts';
import { incomeBridgeSteps, reportCharts } from '../../domain/chart-configs.ts';
import { RATIO_DEFINITIONS, RATIO_IDS } from '../../domain/ratio-definitions.ts';
import { summaryMarkdown } from '../../domain/wording/summary-text.ts';
import { chatSummary } from '../../domain/wording/chat-summary.ts';
import { renderChart, renderChartLocally } from '../../reports/chart-renderer.ts';
import { openPdf, textLayerWords } from '../../reading/pdf.ts';
import { buildPdfReport, preparePdfReport } from '../../reports/pdf-report.ts';
import { analysisOf, BALANCE_ONLY, SAMPLE, THREE_PERIODS } from './reports-fixtures.ts';

async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const doc = await openPdf(bytes);
  const parts: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) parts.push((await textLayerWords(doc, p)).words.map((w) => w.text).join(' '));
  return { pages: doc.numPages, text: parts.join('\n') };
}

describe('report charts', () => {
  let sample: Analysis;
  let three: Analysis;
  before(async () => {
    sample = await analysisOf(SAMPLE);
    three = await analysisOf(THREE_PERIODS);
  });

  it('are plain JSON (nothing QuickChart could not receive) with Turkish labels', () => {
    for (const spec of reportCharts(three, 'tr')) {
      assert.deepEqual(JSON.parse(JSON.stringify(spec.config)), spec.config, `${spec.name} survives JSON`);
      const json = JSON.stringify(spec.config);
      assert.ok(json.includes('"locale":"tr-TR"'), spec.name);
    }
    const names = reportCharts(three, 'tr').map((s) => s.name);
    assert.deepEqual(names, [
      'ratios-liquidity', 'ratios-profitability', 'ratios-efficiency', 'ratios-efficiency-days', 'ratios-solvency', 'ratios-solvency-multiples',
      'balance-composition', 'income-bridge', 'trend-amounts', 'trend-profitability', 'trend-liquidity',
    ]);
    // Two periods: no trend lines.
    assert.ok(!reportCharts(sample, 'tr').some((s) => s.name.startsWith('trend-')));
    // A balance sheet alone has no income bridge (ROA and ROE still come from account 590).
    return analysisOf(BALANCE_ONLY).then((bs) => {
      const n = reportCharts(bs, 'tr').map((s) => s.name);
      assert.ok(!n.includes('income-bridge') && !n.includes('ratios-efficiency') && n.includes('balance-composition'), n.join());
    });
  });

  it('render locally to PNGs of the declared size', async () => {
    for (const spec of reportCharts(three, 'tr')) {
      const png = renderChartLocally(spec);
      const img = await loadImage(png);
      assert.equal(img.width, spec.width * (spec.devicePixelRatio ?? 1), `${spec.name} width`);
      assert.equal(img.height, spec.height * (spec.devicePixelRatio ?? 1), `${spec.name} height`);
    }
  });

  it('the income bridge closes: net sales plus every step is net profit', () => {
    const steps = incomeBridgeSteps(sample, '2024-12-31', 'tr')!;
    const flow = steps.filter((s) => !s.total).reduce((s, x) => s + x.value, steps[0]!.value);
    assert.ok(Math.abs(flow - sample.items.NET_PROFIT!['2024-12-31']!) < 0.01);
    assert.deepEqual(steps.filter((s) => s.total).map((s) => s.key), ['NS', 'GP', 'OP', 'PBT', 'NP']);
  });

  it('sends the same config to a QuickChart server with toBinary when QUICKCHART_URL is set', async () => {
    const spec = reportCharts(sample, 'tr')[0]!;
    const png = renderChartLocally(spec);
    let body: { chart?: string; version?: string; devicePixelRatio?: number; width?: number } = {};
    const server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        body = JSON.parse(raw);
        res.writeHead(200, { 'content-type': 'image/png' }).end(png);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as AddressInfo;
      const out = await renderChart(spec, `http://127.0.0.1:${port}`);
      assert.deepEqual(out, png);
      assert.equal(body.version, '4');
      assert.equal(body.devicePixelRatio, spec.devicePixelRatio);
      assert.equal(body.width, spec.width);
      assert.ok(body.chart?.includes('Likidite Oranları'));
    } finally {
      server.close();
    }
  });
});

describe('report PDF', () => {
  it('has the company, the periods and every ratio’s Turkish name with Turkish letters intact', async () => {
    const a = await analysisOf(SAMPLE);
    const charts = reportCharts(a, 'tr').slice(0, 2).map((spec) => ({ spec, png: renderChartLocally(spec) }));
    const bytes = await buildPdfReport(a, 'tr', { charts, generatedAt: new Date('2026-11-20T12:00:00Z') });
    assert.equal(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
    const { pages, text } = await pdfText(bytes);
    const flat = text.replace(/\s+/g, ' ');
    assert.ok(flat.includes('Örnek Gıda Sanayi ve Ticaret A.Ş.'), 'company name');
    assert.ok(flat.includes(a.company.taxId!), 'tax id');
    for (const p of a.periods) assert.ok(flat.includes(p), `period ${p}`);
    for (const id of RATIO_IDS) assert.ok(flat.includes(RATIO_DEFINITIONS[id].name.tr), `ratio ${RATIO_DEFINITIONS[id].name.tr}`);
    for (const ch of ['ğ', 'ş', 'ı', 'İ', 'ö', 'ü', 'ç', 'Ş', 'Ö', 'Ç']) assert.ok(flat.includes(ch), `glyph ${ch}`);
    assert.ok(flat.includes(`Sayfa 1 / ${pages}`) && flat.includes(`Sayfa ${pages} / ${pages}`), 'page numbers');
    assert.ok(flat.includes('Doğrulama') && flat.includes('68/68 kontrol tuttu'), 'validation notes');
    assert.ok(flat.includes('ders kitabı'), 'rules worded as textbook rules');
  });

  it('renders in English for three periods', async () => {
    const a = await analysisOf(THREE_PERIODS);
    const { text } = await pdfText(await buildPdfReport(a, 'en'));
    const flat = text.replace(/\s+/g, ' ');
    assert.ok(flat.includes('BOZKURT HIRDAVAT TİCARET LTD. ŞTİ.'));
    for (const id of RATIO_IDS) assert.ok(flat.includes(RATIO_DEFINITIONS[id].name.en), RATIO_DEFINITIONS[id].name.en);
    assert.ok(flat.includes('Page 1 of'));
  });

  it('prepares its fonts once per thread, and a report after that has its text', async () => {
    assert.equal(preparePdfReport(), preparePdfReport(), 'one preparation per thread');
    await preparePdfReport();
    const flat = (await pdfText(await buildPdfReport(await analysisOf(SAMPLE), 'tr'))).text.replace(/\s+/g, ' ');
    assert.ok(flat.includes('Örnek Gıda Sanayi ve Ticaret A.Ş.'), 'company name');
  });

  it('draws every letter of a report that follows another (faces parsed once, glyphs per report)', async () => {
    const [sample, three] = [await analysisOf(SAMPLE), await analysisOf(THREE_PERIODS)];
    // Turkish first: a glyph it meets inside 'Ç', 'Ş' or 'İ' would, shared, lose its own letter in the next report.
    await buildPdfReport(sample, 'tr');
    const flat = (await pdfText(await buildPdfReport(three, 'en'))).text.replace(/\s+/g, ' ');
    assert.ok(flat.includes('BOZKURT HIRDAVAT TİCARET LTD. ŞTİ.'), 'company name');
    for (const id of RATIO_IDS) assert.ok(flat.includes(RATIO_DEFINITIONS[id].name.en), RATIO_DEFINITIONS[id].name.en);
  });
});

describe('summaries', () => {
  it('the chat summary is short, alerts first, Turkish number format, textbook wording', async () => {
    const a = await analysisOf(THREE_PERIODS);
    const tr = chatSummary(a, 'tr');
    const lines = tr.trim().split('\n');
    assert.ok(lines.length <= 7, `${lines.length} lines`);
    assert.ok(tr.length < 1200, `${tr.length} chars`);
    assert.match(lines[1]!, /^🟠 Ders kitabı kurallarının dışında: Cari Oran 1,44/);
    assert.match(tr, /sektör karşılaştırması değildir/);
    assert.match(tr, /net kar marjı %2,6 \(önceki %5,6\)/);
    assert.match(tr, /582 Mn TL/);
    const en = chatSummary(a, 'en');
    assert.match(en, /textbook rules of thumb: Current ratio 1\.44/);
    assert.match(en, /not sector benchmarks/);
    assert.match(en, /net margin 2\.6% \(previous 5\.6%\)/);
  });

  it('the report summary has every ratio with its rule and the full-amount format', async () => {
    const a = await analysisOf(SAMPLE);
    const md = summaryMarkdown(a, 'tr');
    for (const id of RATIO_IDS) assert.ok(md.includes(`| ${RATIO_DEFINITIONS[id].name.tr} |`), id);
    assert.match(md, /53\.662\.937 TL/);
    assert.match(md, /\| Cari Oran \| 2,40 \| 2,01 \| 1,5 – 2,0 ⬆ kuralın üstünde \|/);
    assert.match(md, /genel ders kitabı kurallarıdır; sektör karşılaştırması değildir/);
  });
});
