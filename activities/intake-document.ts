import { ensureUser, ensureWorkspace } from '../db/queries/workspaces.ts';
import { updateDocument, upsertDocument } from '../db/queries/documents.ts';
import type { GuardReason } from '../reading/pdf-guard.ts';
import type { InspectLimits, PdfInspection } from '../reading/inspect-pdf.ts';
import { inspectPdfOffThread } from '../reading/off-thread.ts';
import { sha256Hex } from '../lib/storage.ts';
import type { UserErrorCode } from '../lib/user-errors.ts';
import type { AnalyzeStatementInput, IntakeResult } from '../contracts/workflow.ts';
import { activityLog } from './activity-log.ts';
import type { ActivityDeps } from './deps.ts';
import { badInput } from './failures.ts';

/** What the user is told for each reason the byte-level guard refuses a file. */
const GUARD_CODES: Record<GuardReason, UserErrorCode> = {
  inflated_too_large: 'pdf_bomb',
  too_many_streams: 'pdf_bomb',
  image_too_large: 'image_too_large',
  // A stream we cannot decode cannot be vouched for; pdf.js would not read it cleanly either.
  undecodable_stream: 'corrupt_pdf',
  malformed: 'corrupt_pdf',
  encrypted: 'encrypted',
};

/** In a pool thread when the worker has one; in this thread otherwise (a `main`-role worker, tests). */
async function inspect({ threads }: ActivityDeps, bytes: Buffer, limits: InspectLimits): Promise<PdfInspection> {
  if (threads) return inspectPdfOffThread(threads, bytes, limits);
  return (await import('../reading/inspect-pdf.ts')).inspectPdf(bytes, limits);
}

/**
 * Checks an upload before any expensive work: magic bytes, size, page count, encryption.
 * The document row is written first, so even a rejected file has a truthful status.
 */
export function createIntakeDocument(deps: ActivityDeps) {
  const { db, storage, config } = deps;
  return async function intakeDocument(input: AnalyzeStatementInput & { workflowId: string; sourceKey: string }): Promise<IntakeResult> {
    const bytes = await storage.get(input.sourceKey);
    const sha256 = sha256Hex(bytes);
    const workspaceId = await ensureWorkspace(db, input.workspace.kind, input.workspace.externalId, input.workspace.name);
    const userId = input.userExternalId ? await ensureUser(db, workspaceId, input.userExternalId) : null;
    const storageKey = await storage.put(bytes, { prefix: 'documents', ext: '.pdf' });
    const documentId = await upsertDocument(db, {
      workspaceId,
      uploadedBy: userId,
      fileName: input.fileName,
      sha256,
      storageKey,
      sizeBytes: bytes.length,
      workflowId: input.workflowId,
      threadKey: input.threadKey ?? null,
    });
    const reject = async (code: UserErrorCode, params: Record<string, string | number> = {}, cause?: unknown) => {
      activityLog({ documentId, workspaceId }).warn({ code }, 'document rejected');
      await updateDocument(db, documentId, { status: 'failed', errorCode: code, errorMessage: String(cause ?? code) });
      return badInput(code, params, cause);
    };

    if (bytes.length === 0) throw await reject('empty_file');
    if (bytes.length > config.MAX_UPLOAD_BYTES) {
      throw await reject('too_large', { limit: Math.round(config.MAX_UPLOAD_BYTES / 1024 / 1024) });
    }
    // "%PDF-" may follow a little junk (some mailers prepend bytes); readers accept it within 1 KB.
    if (!bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) throw await reject('not_pdf');

    const limits: InspectLimits = { maxInflatedBytes: config.MAX_INFLATED_BYTES, maxStreams: 20_000, maxPages: config.MAX_FILE_PAGES, maxPageSidePt: config.MAX_PAGE_SIDE_PT };
    const inspection = await inspect(deps, bytes, limits);
    if (inspection.kind === 'refused') throw await reject(GUARD_CODES[inspection.reason], inspection.image ? { ...inspection.image } : {}, inspection.reason);
    if (inspection.kind === 'no_pages') throw await reject('no_pages');
    if (inspection.kind === 'unreadable') throw await reject(inspection.encrypted ? 'encrypted' : 'corrupt_pdf', {}, inspection.error);
    const { pages, oversized } = inspection;
    if (pages === 0) throw await reject('no_pages');
    if (pages > config.MAX_FILE_PAGES) throw await reject('too_many_pages', { pages, limit: config.MAX_FILE_PAGES });
    if (oversized) throw await reject('page_too_large', oversized);

    await updateDocument(db, documentId, { status: 'processing', pages });
    activityLog({ documentId, workspaceId }).info({ pages, bytes: bytes.length }, 'document accepted');
    return { documentId, workspaceId, sha256, storageKey, pages, sizeBytes: bytes.length };
  };
}
