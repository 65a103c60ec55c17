import type { Items, Kurus } from './types.ts';

/** Full currency units (as in analysis.json) -> integer kuruş. */
export function toKurus(units: number): Kurus {
  return Math.round(units * 100);
}

/** Integer kuruş -> full currency units with at most two decimals. */
export function fromKurus(kurus: Kurus): number {
  return kurus / 100;
}

/** analysis.json items (key → period → full units) as kuruş, added to `into` (later values win). */
export function itemsToKurus(units: Record<string, Record<string, number>>, into: Items = {}): Items {
  for (const [key, values] of Object.entries(units)) {
    const row = (into[key] ??= {});
    for (const [period, v] of Object.entries(values)) row[period] = toKurus(v);
  }
  return into;
}

/** One stored period's items (key → full units) added to `into` as kuruş. */
export function addPeriodItems(into: Items, period: string, units: Record<string, number>): Items {
  for (const [key, v] of Object.entries(units)) (into[key] ??= {})[period] = toKurus(v);
  return into;
}
