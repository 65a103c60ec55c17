import { lowerAscii } from './fold.ts';
import type { TextLine } from './lines.ts';

/**
 * How long an interim statement's flows run, when its header says it in words: "Nine months
 * ended 30 September 2024", "Six-month period ended", "1 Ocak - 30 Haziran dönemi" is read as a
 * range by the period cells instead; "dokuz aylık", "altı aylık ara dönem".
 */
const WORDS: Record<string, number> = { three: 3, six: 6, nine: 9, uc: 3, alti: 6, dokuz: 9, '3': 3, '6': 6, '9': 9 };
const SPAN = /\b(three|six|nine|3|6|9)[- ]months?\b|\b(uc|alti|dokuz|3|6|9) ayl[iı]k\b/;

export function monthsInWords(header: TextLine[]): number | null {
  for (const line of header) {
    const m = SPAN.exec(lowerAscii(line.cells.map((c) => c.text).join(' ')));
    if (m) return WORDS[m[1] ?? m[2]!] ?? null;
  }
  return null;
}

/** The first day of the `months` ending on `end` (ISO): 2024-09-30 over nine months → 2024-01-01. */
export function startBefore(end: string, months: number): string {
  const [y, m] = end.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - months, 1));
  return first.toISOString().slice(0, 10);
}
