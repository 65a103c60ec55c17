import { foldLetters } from '../../domain/turkish-text.ts';

/**
 * Lower-cases with Turkish rules (İ→i, I→ı) and drops diacritics (ı→i, ş→s, ğ→g, ü→u, ö→o,
 * ç→c) but keeps punctuation, for regexes over header text ("VKN:", "(Bin TL)").
 */
export function lowerAscii(s: string): string {
  return foldLetters(s).replace(/\s+/g, ' ').trim();
}
