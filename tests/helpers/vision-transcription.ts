import type { VisionPage } from '../../reading/vision/index.ts';
import { formatAmount } from '../generator/format-amount.ts';
import type { StatementModel } from '../generator/statement-model.ts';

export type PageOutput = Omit<VisionPage, 'page'>;

/** What a faithful model would transcribe from the generated statement, with optional misprints (kuruş deltas). */
export function transcription(model: StatementModel, misread: Record<string, Record<string, number>> = {}): PageOutput {
  const { periods, unit, negatives } = model.options;
  const style = { numberFormat: 'tr' as const, decimals: unit === 'Bin TL' ? (0 as const) : (2 as const), negatives, zero: '-' };
  const lines: PageOutput['lines'] = [];
  const block = (title: string, rows: StatementModel['balanceSheet']) => {
    lines.push({ code: null, label: title, values: periods.map(() => null) });
    for (const l of rows) {
      const label = l.label.minus ? `${l.label.tr} (-)` : l.label.tr;
      const code = l.key && /^\d+$/.test(l.key) ? l.key : null;
      const values = l.key ? periods.map((p) => formatAmount((l.values[p] ?? 0) + (misread[l.key!]?.[p] ?? 0), style)) : periods.map(() => null);
      lines.push({ code, label, values });
    }
  };
  block('BİLANÇO', model.balanceSheet);
  block('GELİR TABLOSU', model.incomeStatement);
  return { unit, currency: 'TRY', periods: [...periods], lines };
}

