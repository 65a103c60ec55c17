import { moduleUrl } from '../lib/module-url.ts';

/**
 * The module a pool thread loads to render (charts, workbook, PDF). Only its URL here: the
 * worker's main thread names it without loading chart.js, exceljs and pdfkit.
 */
export const RENDER_MODULE = moduleUrl(import.meta.url, './render-all').href;
