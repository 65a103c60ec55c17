import type { Analysis } from '../contracts/analysis.ts';
import type { Locale } from '../contracts/locale.ts';

/**
 * Chart.js 4 configurations as plain JSON, so the very same object renders locally (chart.js
 * on @napi-rs/canvas) or on a QuickChart server. Nothing in them is a function: amounts are
 * pre-scaled ("81,6" with "Mn TL" in the axis title), `options.locale` gives Turkish tick
 * numbers, and every value label is a ready-made string in its data point's `label`, which
 * chartjs-plugin-datalabels' default formatter shows on QuickChart and the local renderer's
 * small stand-in plugin draws here. Periods run oldest to newest, left to right.
 */
export interface ChartSpec {
  name: string;
  /** A caption for the report ("Likidite Oranları"); defaults to the name. */
  title?: string;
  /** Logical size; the PNG is width × devicePixelRatio by height × devicePixelRatio. */
  width: number;
  height: number;
  devicePixelRatio?: number;
  config: Record<string, unknown>;
}

/**
 * Pixels per logical chart pixel: an 820-wide chart is a 1230 px PNG. That is 177 ppi across
 * the PDF's 499 pt text width and 1.5x the 820 px the workbook shows it at, and it stays under
 * the 1280 px Telegram scales photos down to; 2 (1640 px) cost 1.8x the pixels to draw and
 * encode for detail no reader got.
 */
export const CHART_DPR = 1.5;
export const PALETTE = {
  latest: '#1f4e79',
  previous: '#9fb6cd',
  older: '#cbd5e0',
  up: '#2f855a',
  down: '#c53030',
  total: '#1f4e79',
  text: '#1a202c',
  muted: '#4a5568',
  grid: '#e2e8f0',
};
export const SERIES = ['#1f4e79', '#c05621', '#2f855a', '#6b46c1', '#b7791f'];

export interface Point {
  x: number | string | [number, number] | null;
  y: number | string | [number, number] | null;
  label?: string;
}

export const fontFamily = 'DejaVu Sans';

export function baseOptions(locale: Locale, title: string, subtitle: string): Record<string, unknown> {
  return {
    locale: locale === 'tr' ? 'tr-TR' : 'en-US',
    maintainAspectRatio: false,
    layout: { padding: { left: 12, right: 24, top: 8, bottom: 8 } },
    font: { family: fontFamily },
    plugins: {
      title: { display: true, text: title, color: PALETTE.text, font: { size: 20, weight: 'bold', family: fontFamily }, padding: { top: 6, bottom: 4 } },
      subtitle: { display: true, text: subtitle, color: PALETTE.muted, font: { size: 13, family: fontFamily }, padding: { bottom: 12 } },
      legend: { position: 'top', labels: { color: PALETTE.text, font: { size: 14, family: fontFamily }, boxWidth: 18 } },
      tooltip: { enabled: false },
      datalabels: { color: PALETTE.text, font: { size: 13, weight: 'bold', family: fontFamily }, anchor: 'end', align: 'end', offset: 4, clamp: true },
    },
  };
}

export const axisTitle = (text: string) => ({ display: true, text, color: PALETTE.muted, font: { size: 14, family: fontFamily } });
export const ticks = (size = 14) => ({ color: PALETTE.text, font: { size, family: fontFamily } });

/** Breaks a long category name into lines of at most `max` characters. */
export function wrap(text: string, max = 24): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && (cur + ' ' + w).length > max) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines;
}

export const companyLine = (a: Analysis, extra: string) => [a.company.name, extra].filter(Boolean).join(' · ');
export const currencyOf = (a: Analysis) => (a.currency === 'TRY' ? 'TL' : a.currency);


/** One line of a trend chart: a labelled point per period (a gap where the value is unknown). */
export function lineDataset(label: string, color: string, points: (number | null)[], text: (v: number, j: number) => string) {
  return {
    label, borderColor: color, backgroundColor: color, borderWidth: 3, pointRadius: 5, tension: 0, spanGaps: true,
    datalabels: { color, align: 'top', anchor: 'center', offset: 6 },
    data: points.map((v, j): Point => ({ x: j, y: v, label: v === null ? '' : text(v, j) })),
  };
}

/** A trend line chart over `labels` (periods, oldest first). */
export function lineChart(a: Analysis, locale: Locale, c: { name: string; title: string; sub: string; yTitle: string; labels: string[]; datasets: unknown[] }): ChartSpec {
  return {
    name: c.name, title: c.title, width: 820, height: 480, devicePixelRatio: CHART_DPR,
    config: {
      type: 'line',
      data: { labels: c.labels, datasets: c.datasets },
      options: {
        ...baseOptions(locale, c.title, companyLine(a, c.sub)),
        scales: {
          x: { ticks: ticks(14), grid: { display: false }, offset: true },
          y: { beginAtZero: true, grace: '15%', title: axisTitle(c.yTitle), ticks: ticks(13), grid: { color: PALETTE.grid } },
        },
      },
    },
  };
}
