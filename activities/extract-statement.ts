import { Context } from '@temporalio/activity';
import { recordTimings, updateDocument } from '../db/queries/documents.ts';
import { readStatementPdf, type PdfReading } from '../lib/read-statement-pdf.ts';
import type { ActivityDeps } from './deps.ts';
import { badInput } from './failures.ts';

export type ExtractionResult = PdfReading;

/** Reads the statement out of the stored PDF; heartbeats per page so a stuck read is noticed. */
export function createExtractStatement({ db, storage }: ActivityDeps) {
  return async function extractStatement(input: { documentId: number; storageKey: string }): Promise<ExtractionResult> {
    const started = Date.now();
    const bytes = await storage.get(input.storageKey);
    const reading = await readStatementPdf(bytes, (page, of) => Context.current().heartbeat({ page, of }));
    if (!reading) throw badInput('no_text');
    const keyed = reading.statement.lines.filter((l) => l.key !== null);
    if (!reading.statement.periods.length || keyed.length < 3) throw badInput('not_a_statement');
    await updateDocument(db, input.documentId, { method: reading.method });
    await recordTimings(db, input.documentId, { extractMs: Date.now() - started });
    return reading;
  };
}
