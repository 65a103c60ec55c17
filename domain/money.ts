import type { Kurus } from './types.ts';

/** Full currency units (as in analysis.json) -> integer kuruş. */
export function toKurus(units: number): Kurus {
  return Math.round(units * 100);
}

/** Integer kuruş -> full currency units with at most two decimals. */
export function fromKurus(kurus: Kurus): number {
  return kurus / 100;
}
