import { z } from 'zod';

/**
 * What the vision model must return for one page. Amounts stay strings exactly as printed:
 * the model transcribes, our own number parser interprets, so a model cannot "helpfully"
 * rescale or re-sign a value. Strict objects: extra keys mean the model left the contract.
 */
export const VisionPageSchema = z.strictObject({
  unit: z.enum(['TL', 'Bin TL', 'Milyon TL']).nullable(),
  currency: z.string().nullable(),
  periods: z.array(z.string()),
  lines: z.array(
    z.strictObject({
      code: z.string().nullable(),
      label: z.string(),
      values: z.array(z.string().nullable()),
    }),
  ),
});

export type VisionPageOutput = z.infer<typeof VisionPageSchema>;

/** One page as the model read it, plus where it came from. */
export interface VisionPage extends VisionPageOutput {
  page: number;
}
