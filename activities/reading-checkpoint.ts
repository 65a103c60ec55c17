import type { PdfReading } from '../reading/read-statement-pdf.ts';
import type { FileStorage } from '../lib/storage.ts';

/**
 * A reading kept between the attempts of one extractStatement, so a retry does not read the
 * document again. It is saved when writing the reading's result to the database fails, which
 * is where a retry usually comes from (Postgres restarting, a dropped connection): without it,
 * every attempt while the database was down OCR'd a scanned report from its first page again.
 *
 * One file per document, naming the activity execution that wrote it: another run or another
 * activity over the same document (a re-read with other settings) never takes it for its own.
 * Removed by the retry that stores the result, or with the document's files when the run fails.
 */
export function readingCheckpointKey(documentId: number): string {
  return `readings/document-${documentId}.json`;
}

/** One activity execution: its attempts share this, nothing else does. */
export interface AttemptsOf {
  workflowId: string;
  runId: string;
  activityId: string;
}

const sameExecution = (a: AttemptsOf, b: unknown) => {
  const o = b as Partial<AttemptsOf> | null;
  return o?.workflowId === a.workflowId && o.runId === a.runId && o.activityId === a.activityId;
};

/** The reading an earlier attempt of `execution` saved, if it did (anything else: null). */
export async function loadReadingCheckpoint(storage: FileStorage, documentId: number, execution: AttemptsOf): Promise<PdfReading | null> {
  const bytes = await storage.get(readingCheckpointKey(documentId)).catch(() => null);
  if (!bytes) return null;
  try {
    const saved = JSON.parse(bytes.toString('utf8')) as { execution?: unknown; reading?: PdfReading };
    // Written by this same activity execution moments ago; the shape check only guards against
    // a file that is not ours to begin with.
    const reading = saved.reading;
    if (!sameExecution(execution, saved.execution) || !reading || !Array.isArray(reading.statement?.lines) || typeof reading.pages !== 'number') return null;
    return reading;
  } catch {
    return null;
  }
}

/** Best effort: a reading that cannot be saved is simply read again on a retry. */
export async function saveReadingCheckpoint(storage: FileStorage, documentId: number, execution: AttemptsOf, reading: PdfReading): Promise<void> {
  const body = JSON.stringify({ execution: { workflowId: execution.workflowId, runId: execution.runId, activityId: execution.activityId }, reading });
  await storage.putAt(readingCheckpointKey(documentId), Buffer.from(body)).catch(() => {});
}

export async function dropReadingCheckpoint(storage: FileStorage, documentId: number): Promise<void> {
  await storage.delete(readingCheckpointKey(documentId)).catch(() => {});
}
