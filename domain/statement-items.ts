import type { ExtractedStatement } from './extracted-statement.ts';
import type { Items } from './types.ts';

/** The printed, keyed lines of an extraction as items (kuruş), in print order. */
export function itemsOf(statement: ExtractedStatement): Items {
  const items: Items = {};
  for (const line of statement.lines) {
    if (line.key && !items[line.key]) items[line.key] = { ...line.values };
  }
  return items;
}

/** Half a printed unit: how far a sum of rounded figures may drift per term. */
export function roundingKurus(unit: ExtractedStatement['unit']): number {
  return unit === 'TL' ? 0 : unit === 'Bin TL' ? 100_000 : 100_000_000;
}
