import type { ExtractedStatement } from './extracted-statement.ts';
import type { Items, Kurus } from './types.ts';

/** The printed, keyed lines of an extraction as items (kuruş), in print order. */
export function itemsOf(statement: ExtractedStatement): Items {
  const items: Items = {};
  for (const line of statement.lines) {
    if (line.key && !items[line.key]) items[line.key] = { ...line.values };
  }
  return items;
}

/**
 * The restated columns' items (kuruş), per period: each key from its first keyed line, as
 * itemsOf does for the period's own column.
 */
export function variantItemsOf(statement: ExtractedStatement): Record<string, { label: string; items: Record<string, Kurus> }> {
  const out: Record<string, { label: string; items: Record<string, Kurus> }> = {};
  for (const [period, label] of Object.entries(statement.variants ?? {})) {
    const items: Record<string, Kurus> = {};
    for (const line of statement.lines) {
      const v = line.variantValues?.[period];
      if (line.key && v !== undefined && !(line.key in items)) items[line.key] = v;
    }
    out[period] = { label, items };
  }
  return out;
}

/** Half a printed unit: how far a sum of rounded figures may drift per term. */
export function roundingKurus(unit: ExtractedStatement['unit']): number {
  return unit === 'TL' ? 0 : unit === 'Bin TL' ? 100_000 : 100_000_000;
}
