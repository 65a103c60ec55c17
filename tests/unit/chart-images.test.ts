import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { reportCharts } from '../../domain/chart-configs.ts';
import { encodeOpaquePng } from '../../lib/opaque-png.ts';
import { openPdf } from '../../reading/pdf.ts';
import { renderPagePng } from '../../reading/vision/render-page.ts';
import { opaquePng, renderChartLocally } from '../../reports/chart-renderer.ts';
import { buildPdfReport } from '../../reports/pdf-report.ts';
import { analysisOf, SAMPLE } from './reports-fixtures.ts';

const pixels = async (png: Uint8Array) => {
  const img = await loadImage(Buffer.from(png));
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return { width: img.width, height: img.height, data: ctx.getImageData(0, 0, img.width, img.height).data };
};

const inkShare = (data: Uint8ClampedArray) => {
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) ink++;
  return ink / (data.length / 4);
};

describe('chart images', () => {
  it('encodeOpaquePng keeps every opaque pixel and flattens translucent ones onto white', async () => {
    const canvas = createCanvas(3, 2);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = 'rgb(10, 20, 30)';
    ctx.fillRect(0, 0, 3, 2);
    ctx.clearRect(1, 0, 1, 1); // fully transparent: white
    ctx.fillStyle = 'rgba(255, 0, 0, 0.5)';
    ctx.clearRect(2, 0, 1, 1);
    ctx.fillRect(2, 0, 1, 1); // half red on nothing: pink
    const png = encodeOpaquePng(canvas.data(), 3, 2);
    assert.equal(png[25], 2, 'colour type RGB');
    const { data } = await pixels(png);
    assert.deepEqual([...data.subarray(0, 12)], [10, 20, 30, 255, 255, 255, 255, 255, 255, 128, 128, 255]);
    assert.deepEqual([...data.subarray(12, 24)], [10, 20, 30, 255, 10, 20, 30, 255, 10, 20, 30, 255]);
    assert.throws(() => encodeOpaquePng(new Uint8Array(7), 3, 2), RangeError);
  });

  it('opaquePng passes a local chart through and flattens an RGBA PNG to RGB', async () => {
    const spec = reportCharts(await analysisOf(SAMPLE), 'tr')[0]!;
    const png = renderChartLocally(spec);
    assert.deepEqual(await opaquePng(png), png);
    const rgba = createCanvas(4, 4);
    rgba.getContext('2d').fillRect(0, 0, 2, 2);
    const flat = await opaquePng(rgba.toBuffer('image/png'));
    assert.equal(flat[25], 2);
    const { data } = await pixels(flat);
    assert.deepEqual([...data.subarray(0, 4)], [0, 0, 0, 255]);
    assert.deepEqual([...data.subarray(60, 64)], [255, 255, 255, 255]);
  });

  it('the PDF report shows the charts themselves, not blank boxes', async () => {
    const a = await analysisOf(SAMPLE);
    const charts = reportCharts(a, 'tr').slice(0, 2).map((spec) => ({ spec, png: renderChartLocally(spec) }));
    const own = inkShare((await pixels(charts[0]!.png)).data);
    assert.ok(own > 0.02, `the chart itself has ink (${own})`);
    const doc = await openPdf(await buildPdfReport(a, 'tr', { charts }));
    const inks: number[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const ops = await page.getOperatorList();
      if (!ops.argsArray.some((args) => Array.isArray(args) && typeof args[0] === 'string' && args[0].startsWith('img'))) continue;
      inks.push(inkShare((await pixels(await renderPagePng(doc, p, 72))).data));
    }
    assert.equal(inks.length, 1, 'one page of charts');
    // A page of two charts is inked about as much as the charts themselves (text alone is ~1 %).
    assert.ok(inks[0]! > own / 3, `chart page ink ${inks[0]} against ${own}`);
  });
});
