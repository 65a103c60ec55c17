import { createRequire } from 'node:module';
import path from 'node:path';
import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration, type Plugin } from 'chart.js';
import QuickChartDefault from 'quickchart-js';
import type { ChartSpec } from '../domain/chart-configs.ts';
import { encodeOpaquePng } from '../lib/opaque-png.ts';

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

const whiteBackground: Plugin = {
  id: 'white-background',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

interface LabelOptions {
  display?: boolean;
  color?: string;
  font?: { size?: number; weight?: string | number; family?: string };
  anchor?: 'start' | 'center' | 'end';
  align?: 'start' | 'center' | 'end' | 'top' | 'bottom' | 'left' | 'right';
  offset?: number;
}
type Rect = { x0: number; y0: number; x1: number; y1: number };

/**
 * Where a bar's label sits on the bar's axis (value `v`, base `b`, `dir` the way the bar
 * grows), or null when a centred label does not fit in the bar (`extent` plus `pad`).
 */
function alongBar(v: number, b: number, dir: 1 | -1, extent: number, pad: number, o: LabelOptions, off: number): number | null {
  if (o.align === 'center' && Math.abs(v - b) < extent + pad) return null;
  let at = o.anchor === 'center' ? (v + b) / 2 : o.anchor === 'start' ? b : v;
  if (o.align === 'end') at += dir * (off + extent / 2);
  else if (o.align === 'start') at -= dir * (off + extent / 2);
  return at;
}
const overlaps = (a: Rect, b: Rect) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * A local stand-in for chartjs-plugin-datalabels, for the subset the configs use: the text
 * is the data point's `label` string (what the real plugin's default formatter shows on
 * QuickChart), placed by anchor/align/offset from `options.plugins.datalabels`, overridden
 * per dataset by `dataset.datalabels`. Labels that do not fit their bar segment or would
 * overlap an earlier label are skipped, like the plugin's `display: 'auto'`.
 */
const valueLabels: Plugin = {
  id: 'datalabels',
  afterDatasetsDraw(chart, _args, pluginOptions) {
    const base = (pluginOptions ?? {}) as LabelOptions;
    if (base.display === false) return;
    const { ctx, chartArea: area } = chart;
    const drawn: Rect[] = [];
    chart.data.datasets.forEach((ds, di) => {
      if (!chart.isDatasetVisible(di)) return;
      const own = ((ds as { datalabels?: LabelOptions }).datalabels ?? {}) as LabelOptions;
      const o: LabelOptions = { ...base, ...own, font: { ...base.font, ...own.font } };
      if (o.display === false) return;
      const meta = chart.getDatasetMeta(di);
      const size = Number(o.font?.size ?? 12);
      ctx.save();
      ctx.font = `${o.font?.weight ?? 'normal'} ${size}px "${o.font?.family ?? 'DejaVu Sans'}"`;
      ctx.fillStyle = o.color ?? '#1a202c';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      meta.data.forEach((el, i) => {
        const raw = ds.data[i] as unknown;
        const text = raw && typeof raw === 'object' && 'label' in raw ? String((raw as { label: unknown }).label ?? '') : '';
        if (!text) return;
        const p = el.getProps(['x', 'y', 'base', 'horizontal'], true) as { x: number; y: number; base?: number; horizontal?: boolean };
        if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) return;
        const w = ctx.measureText(text).width;
        const h = size;
        const off = o.offset ?? 4;
        let x = p.x;
        let y = p.y;
        const isBar = typeof p.base === 'number' && Number.isFinite(p.base);
        if (isBar) {
          const b = p.base!;
          // Along the bar's own axis: x for a horizontal bar (growing right), y for a vertical one (growing up).
          const at = p.horizontal ? alongBar(p.x, b, p.x >= b ? 1 : -1, w, 6, o, off) : alongBar(p.y, b, p.y <= b ? -1 : 1, h, 4, o, off);
          if (at === null) return;
          if (p.horizontal) x = at;
          else y = at;
        } else {
          const align = o.align === 'end' ? 'top' : o.align;
          if (align === 'top') y -= off + h / 2;
          else if (align === 'bottom') y += off + h / 2;
          else if (align === 'right') x += off + w / 2;
          else if (align === 'left') x -= off + w / 2;
        }
        // Clamp into the plot area (a clipped bar keeps its true value in view).
        x = Math.min(Math.max(x, area.left + w / 2 + 1), area.right - w / 2 - 1);
        y = Math.min(Math.max(y, area.top + h / 2), area.bottom - h / 2);
        let rect = { x0: x - w / 2 - 2, y0: y - h / 2 - 1, x1: x + w / 2 + 2, y1: y + h / 2 + 1 };
        if (drawn.some((r) => overlaps(r, rect))) {
          if (isBar) return;
          // A line label that collides tries the other side of its point.
          y = p.y + (off + h / 2);
          rect = { x0: x - w / 2 - 2, y0: y - h / 2 - 1, x1: x + w / 2 + 2, y1: y + h / 2 + 1 };
          if (drawn.some((r) => overlaps(r, rect))) return;
        }
        drawn.push(rect);
        ctx.fillText(text, x, y);
      });
      ctx.restore();
    });
  },
};

/**
 * Draws a chart config locally (no network): chart.js on a Skia canvas, same size as
 * QuickChart's, encoded as an opaque RGB PNG (see encodeOpaquePng: the same bytes go to the
 * chat, the workbook and the PDF, and pdfkit embeds them without decoding).
 */
export function renderChartLocally(spec: ChartSpec): Buffer {
  registerFonts();
  const canvas = createCanvas(spec.width, spec.height);
  const config = structuredClone(spec.config) as unknown as ChartConfiguration;
  config.options = { ...config.options, responsive: false, animation: false, devicePixelRatio: spec.devicePixelRatio ?? 1 };
  config.plugins = [...(config.plugins ?? []), whiteBackground, valueLabels];
  const chart = new Chart(canvas.getContext('2d') as never, config);
  try {
    // data() is the raw pixels (premultiplied RGBA): no encode and no decode on the way.
    return encodeOpaquePng(canvas.data(), canvas.width, canvas.height);
  } finally {
    chart.destroy();
  }
}

/**
 * A chart PNG that pdfkit can embed without decoding: renderChartLocally's output as it is;
 * any other PNG (a QuickChart server's RGBA) flattened onto white and re-encoded natively,
 * since pdfkit splits an alpha channel off in JavaScript (~150 ms a chart).
 */
export async function opaquePng(png: Uint8Array): Promise<Buffer> {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (isOpaqueRgbPng(bytes)) return bytes;
  // loadImage, not `img.src = …`: the decode is asynchronous, and drawing an Image before it
  // has loaded draws nothing (the PDF's charts were blank white that way).
  const img = await loadImage(bytes);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, img.width, img.height);
  ctx.drawImage(img, 0, 0);
  return encodeOpaquePng(canvas.data(), img.width, img.height);
}

/** IHDR (always the first chunk) says 8-bit colour type 2, not interlaced. */
const isOpaqueRgbPng = (b: Buffer) => b.length > 29 && b.toString('latin1', 12, 16) === 'IHDR' && b[24] === 8 && b[25] === 2 && b[28] === 0;

/** The same config through a QuickChart server (hosted or self-hosted) when one is configured. */
export async function renderChart(spec: ChartSpec, quickchartUrl?: string): Promise<Buffer> {
  if (!quickchartUrl) return renderChartLocally(spec);
  const url = new URL(quickchartUrl);
  const qc = new QuickChart();
  qc.setHost(url.host);
  qc.setScheme(url.protocol.replace(':', '') as 'http' | 'https');
  // The configs are Chart.js 4 syntax; QuickChart defaults to 2.9 unless told.
  qc.setVersion('4');
  qc.setConfig(spec.config as never);
  qc.setWidth(spec.width).setHeight(spec.height).setBackgroundColor('white');
  qc.setDevicePixelRatio(spec.devicePixelRatio ?? 1);
  return Buffer.from(await qc.toBinary());
}
