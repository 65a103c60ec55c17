/**
 * Lower-cases with Turkish rules (İ→i, I→ı) and drops diacritics (ı→i, ş→s, ğ→g, ü→u, ö→o,
 * ç→c) but keeps punctuation, for regexes over header text ("VKN:", "(Bin TL)").
 */
export function lowerAscii(s: string): string {
  return s
    .toLocaleLowerCase('tr')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/\s+/g, ' ')
    .trim();
}
