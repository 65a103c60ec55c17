import { z } from 'zod';

/** The languages every user-facing text comes in; Turkish is the default everywhere. */
export const Locale = z.enum(['tr', 'en']);
export type Locale = z.infer<typeof Locale>;
