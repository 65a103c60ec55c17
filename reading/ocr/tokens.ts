const CONFUSABLE: Record<string, string> = {
  O: '0', o: '0', Q: '0', D: '0', U: '0',
  l: '1', I: '1', i: '1', '|': '1', '!': '1', İ: '1', ı: '1', J: '1',
  S: '5', s: '5', B: '8', Z: '2', z: '2', G: '6', b: '6', g: '9', q: '9', T: '7',
};

/**
 * OCR reads digits as look-alike letters now and then (`1O2.345,6O`, `l.234,56`, `S00`).
 * A token that is mostly digits and separators with at most two look-alikes becomes the
 * number; anything word-like is left alone. Also unifies dashes and drops stray quotes.
 */
export function normalizeOcrToken(raw: string): string {
  let text = raw.replace(/[‘’`´"“”]/g, '').replace(/[—–−]/g, '-');
  if (!text) return raw;
  const core = text.replace(/^[(\-]+|[)]+$/g, '');
  if (!core) return text;
  const digits = (core.match(/\d/g) ?? []).length;
  const letters = [...core].filter((ch) => ch in CONFUSABLE).length;
  const other = [...core].filter((ch) => !/[\d.,]/.test(ch) && !(ch in CONFUSABLE)).length;
  if (letters > 0 && other === 0 && digits >= 2 && letters <= 2 && digits >= letters * 2) {
    text = [...text].map((ch) => CONFUSABLE[ch] ?? ch).join('');
  }
  // ";" and ":" inside a number are a misread separator ("1.234;56"); a doubled separator
  // ("1,.262.586,71") is one.
  if (/^\(?-?\d[\d.,;:]*\d\)?$/.test(text)) {
    text = text.replace(/;/g, ',').replace(/:/g, '.').replace(/[.,]{2,}/g, (m) => m[m.length - 1]!);
  }
  // A position number "4," is "4." (a comma never ends an amount).
  if (/^\d{1,2},$/.test(text)) text = `${text.slice(0, -1)}.`;
  return text;
}
