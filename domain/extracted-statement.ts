import type { Unit } from './number-format.ts';
import type { BasisReading } from './statement-basis.ts';
import type { Kurus, StatementType } from './types.ts';

/**
 * What reading a statement produces and the domain checks and analyses: the boundary between
 * reading/ (PDF bytes, OCR, vision, layout) and the pure domain. Defined here, below both, so
 * the domain never imports the reader.
 */
export type ReaderSource = 'text' | 'ocr' | 'vision';

/** Company, tax id, unit and currency from the text around the tables (titles, header block). */
export interface DocumentMeta {
  companyName: string | null;
  taxId: string | null;
  unit: Unit;
  currency: string;
  /** What the headings say about inflation adjustment (TMS 29 …); absent where nobody asked. */
  basis?: BasisReading;
  /** Where each fact was read (page, the printed text) and whether the reader is sure of it. */
  facts?: FactSources;
}

/** A document fact's provenance: `sure: false` is a default or a guess, to be marked or asked. */
export interface FactSource {
  page?: number;
  text?: string;
  sure: boolean;
  /** The user answered it in the chat (absent: read from the document). */
  source?: 'user';
}
export interface FactSources {
  company: FactSource;
  taxId: FactSource;
  unit: FactSource;
  currency: FactSource;
}

export interface ExtractedLine {
  key: string | null;
  label: string;
  page: number;
  statement: StatementType | null;
  /** Values in kuruş of full currency units (already scaled from Bin/Milyon TL). */
  values: Record<string, Kurus>;
  confidence: number;
  source: ReaderSource;
  /** How sure the label match is that chose `key` (confidence also holds how well it was read). */
  keyConfidence?: number;
  /** A value changed by repair (a digit chosen so the sums tie): a guess, never plainly ok. */
  repaired?: boolean;
  /** Amounts under a restated column of a period (`ExtractedStatement.variants`), kuruş. */
  variantValues?: Record<string, Kurus>;
  /**
   * Where each period's amount is printed (page points, origin top-left), for a line read by
   * OCR: the cell read, or the column's slot on the line where none was. A doubtful cell is
   * read again from there.
   */
  cells?: Record<string, PageBox>;
}

/** A box on a page in points, origin top-left. */
export interface PageBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface ExtractedStatement extends DocumentMeta {
  periods: string[];
  statements: StatementType[];
  lines: ExtractedLine[];
  /**
   * Periods printed a second time as a restatement (inflation-adjusted "Enflasyon Düzeltmesi
   * Sonrası", TMS 29, "as restated"): period → the column's printed heading. Their amounts are
   * the lines' `variantValues`, never the period's own.
   */
  variants?: Record<string, string>;
  /**
   * Where a period's flows begin, when the statement says so (a range "01.01.2024 -
   * 30.09.2024", "nine months ended"): an interim period. Absent: a year to the period's date.
   */
  periodStarts?: Record<string, string>;
}
