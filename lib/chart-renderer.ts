import { createRequire } from 'node:module';
import path from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import QuickChartDefault from 'quickchart-js';
import type { ChartSpec } from '../domain/chart-configs.ts';

const require = createRequire(import.meta.url);
// quickchart-js's typings describe a CommonJS default; at run time the ESM default is the class.
type QuickChartInstance = InstanceType<typeof import('quickchart-js').default>;
const QuickChart = QuickChartDefault as unknown as new () => QuickChartInstance;
let fontsReady = false;

/** Chart.js ships no fonts; DejaVu Sans has every Turkish glyph (ğ ş ı İ) and is in npm. */
function registerFonts(): void {
  if (fontsReady) return;
  const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  GlobalFonts.registerFromPath(path.join(dir, 'DejaVuSans.ttf'), 'DejaVu Sans');
  GlobalFonts.registerFromPath(path.join(dir, 'DejaVuSans-Bold.ttf'), 'DejaVu Sans');
  Chart.register(...registerables);
  Chart.defaults.font.family = 'DejaVu Sans';
  Chart.defaults.font.size = 14;
  fontsReady = true;
}

const whiteBackground = {
  id: 'white-background',
  beforeDraw(chart: Chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

/** Draws a chart config locally (no network): chart.js on a Skia canvas. */
export function renderChartLocally(spec: ChartSpec): Buffer {
  registerFonts();
  const canvas = createCanvas(spec.width, spec.height);
  const config = structuredClone(spec.config) as unknown as ChartConfiguration;
  config.options = { ...config.options, responsive: false, animation: false };
  config.plugins = [...(config.plugins ?? []), whiteBackground];
  const chart = new Chart(canvas.getContext('2d') as never, config);
  try {
    return canvas.toBuffer('image/png');
  } finally {
    chart.destroy();
  }
}

/** The same config through a QuickChart server (hosted or self-hosted) when one is configured. */
export async function renderChart(spec: ChartSpec, quickchartUrl?: string): Promise<Buffer> {
  if (!quickchartUrl) return renderChartLocally(spec);
  const url = new URL(quickchartUrl);
  const qc = new QuickChart();
  qc.setHost(url.host);
  qc.setScheme(url.protocol.replace(':', '') as 'http' | 'https');
  qc.setConfig(spec.config as never);
  qc.setWidth(spec.width).setHeight(spec.height).setBackgroundColor('white');
  return Buffer.from(await qc.toBinary());
}
