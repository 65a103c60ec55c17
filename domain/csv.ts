/**
 * The small CSV dialect operators hand us (benchmark tables, price-index downloads): RFC 4180
 * quotes, `,` or `;` as delimiter, and with `;` Turkish decimals (`1.234,5`). One reader so
 * every loader accepts the same files.
 */

export interface CsvProblem {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  message: string;
}

/** Splits one CSV line (RFC 4180 quotes, "" for a quote inside quotes). */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** `;` when the header uses it and no comma (a Turkish spreadsheet export), else `,`. */
export function csvDelimiter(headerLine: string): ',' | ';' {
  return headerLine.includes(';') && !headerLine.includes(',') ? ';' : ',';
}

/**
 * A number as written in the CSV: `1.25` with a comma delimiter; with `;` as delimiter the
 * Turkish `1,25` (and `1.234,5`) is accepted too. Empty or anything else is NaN.
 */
export function parseCsvNumber(raw: string, delimiter: string): number {
  const s = raw.trim();
  if (s === '') return Number.NaN;
  if (delimiter === ';' && s.includes(',')) return /^-?[\d.]*,\d+$/.test(s) ? Number(s.replace(/\./g, '').replace(',', '.')) : Number.NaN;
  return /^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(s) ? Number(s) : Number.NaN;
}

/** The lines of a file without a BOM, split on LF or CRLF. */
export function csvLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/);
}

/** The data rows after the header, split into cells, with their 1-based line numbers; blank and `#` lines are skipped. */
export function* csvDataRows(lines: readonly string[], headerIndex: number, delimiter: string): Generator<{ line: number; cells: string[] }> {
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    yield { line: i + 1, cells: splitCsvLine(raw, delimiter) };
  }
}
