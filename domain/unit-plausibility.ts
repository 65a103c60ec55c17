import type { ValidationCheck } from '../contracts/analysis.ts';
import type { ExtractedStatement } from './extracted-statement.ts';
import { roundingKurus } from './statement-items.ts';
import { unitScale } from './number-format.ts';
import { netProfitScaleCheck, perShareScaleCheck, UNIT_SIGNALS } from './unit-signals.ts';

/**
 * A scale read from the page (Bin TL, Milyon TL) multiplies every figure; the sums still tie
 * under a wrong one, so the checks cannot see it. What can: a table in thousands or millions
 * prints whole units (at most a decimal or so of the unit), never to the hundredth of a unit.
 * When most figures carry hundredths of the unit (a statement in TL and kuruş) the scale does
 * not fit the figures, and the reading is marked unsure and the unit asked, never applied
 * silently. Only the printed precision is looked at, not the company's size: no threshold
 * a large company in Bin or Milyon TL could cross.
 */
export const UNIT_SCALE_CHECK = 'unit_scale';

export const UNIT_SCALE_MESSAGE = {
  tr: 'Tutarlar kuruş hassasiyetinde basılmış ama birim bin/milyon TL okundu: birim doğrulanmalı (tutarlar bu birimle çarpıldı)',
  en: 'The amounts are printed to the kuruş but the unit was read as thousands/millions of TL: please confirm the unit (the amounts were scaled by it)',
};

/** Fewer figures than this say nothing about how the table is printed. */
const MIN_FIGURES = 6;
/** Share of figures with hundredths of the unit above which the scale is doubted. */
const MAX_FINE_SHARE = 0.5;

export function unitScaleCheck(statement: ExtractedStatement): ValidationCheck | null {
  const unitKurus = roundingKurus(statement.unit);
  if (unitKurus === 0) return null;
  const figures = statement.lines.flatMap((l) => Object.values(l.values)).filter((v) => v !== 0);
  if (figures.length < MIN_FIGURES) return null;
  // A figure with a nonzero hundredth of the unit (e.g. "1.234,56" read as Bin TL).
  const fine = figures.filter((v) => Math.abs(v) % (unitKurus / 10) !== 0).length;
  if (fine <= figures.length * MAX_FINE_SHARE) return null;
  return { id: UNIT_SCALE_CHECK, ok: false, message: UNIT_SCALE_MESSAGE.tr };
}

/** Every signal that the applied scale does not fit the figures (unit-signals.ts has the others). */
export function unitScaleChecks(statement: ExtractedStatement): ValidationCheck[] {
  return [unitScaleCheck(statement), netProfitScaleCheck(statement), perShareScaleCheck(statement, unitScale(statement.unit))].filter((c): c is ValidationCheck => c !== null);
}

/** A check that questions the unit: the printed precision or one of the signals. */
export const isUnitCheck = (id: string): boolean => id === UNIT_SCALE_CHECK || id.startsWith(`${UNIT_SCALE_CHECK}:`);

/** A unit check's text in the user's language. */
export function unitCheckMessage(id: string, locale: 'tr' | 'en'): string {
  const signal = Object.values(UNIT_SIGNALS).find((s) => s.id === id);
  return signal ? signal[locale] : UNIT_SCALE_MESSAGE[locale];
}
