import { z } from 'zod';
import { Locale } from '../../contracts/locale.ts';
import { RATIO_FAMILIES, RATIO_IDS } from '../ratio-definitions.ts';
import { INPUT_NAMES } from '../statement-inputs.ts';
import type { Intent } from './intents.ts';
import type { LineTarget } from './question-topics.ts';

/**
 * An intent as stored (a thread's last question, kept for follow-ups): parsed, never cast, so
 * a state written by an older version, or tampered with, is dropped instead of answered from.
 */
const ratioId = z.enum(RATIO_IDS);
const family = z.enum(RATIO_FAMILIES);
const period = z.string().optional();
const years = z.number().optional();
const line = z.union([
  z.enum(INPUT_NAMES),
  z.literal('LIAB'),
  z.custom<`${number}`>((v) => typeof v === 'string' && /^\d+$/.test(v), 'a printed account code'),
]) satisfies z.ZodType<LineTarget>;

export const IntentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('help') }),
  z.object({ kind: z.literal('ratios'), period }),
  z.object({ kind: z.literal('ratio_value'), ratioId, period }),
  z.object({ kind: z.literal('compare'), ratioId: ratioId.optional(), from: period, to: period, years }),
  z.object({ kind: z.literal('why'), ratioId }),
  z.object({ kind: z.literal('definition'), ratioId }),
  z.object({ kind: z.literal('weak') }),
  z.object({ kind: z.literal('line'), line, period }),
  z.object({ kind: z.literal('growth'), line, from: period, to: period, years }),
  z.object({ kind: z.literal('judgement'), topic: z.union([z.literal('overall'), family]) }),
  z.object({ kind: z.literal('family'), family, period }),
  z.object({ kind: z.literal('chart'), family: family.optional() }),
  z.object({ kind: z.literal('export'), format: z.enum(['xlsx', 'pdf']) }),
  z.object({ kind: z.literal('digest'), args: z.array(z.string()) }),
  z.object({ kind: z.literal('language'), locale: Locale }),
  z.object({ kind: z.literal('unknown') }),
]) satisfies z.ZodType<Intent>;
