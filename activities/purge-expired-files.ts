import { audit } from '../db/queries/analysis.ts';
import { expiredFiles, markFilesRemoved } from '../db/queries/retention.ts';
import { storageKeySharedWith } from '../db/queries/documents.ts';
import type { ActivityDeps } from './deps.ts';

/**
 * Deletes uploaded PDFs and generated exports older than RETENTION_DAYS. The analysis (the
 * numbers) stays, so history and answers keep working; the files a user sent do not linger.
 * Files are deleted before rows, so a crash leaves rows pointing at nothing, never orphan files.
 */
export function createPurgeExpiredFiles({ db, storage, config }: ActivityDeps) {
  return async function purgeExpiredFiles(): Promise<{ documents: number; files: number }> {
    let documents = 0;
    let files = 0;
    for (const doc of await expiredFiles(db, config.RETENTION_DAYS)) {
      // The client's upload copy (uploads/<sha>.pdf) goes too.
      const keys = [doc.storage_key, `uploads/${doc.sha256}.pdf`, ...doc.exports];
      // Uploads are content-addressed and may be shared by two documents of one file: keep a
      // key another live document still points at.
      for (const key of keys) {
        if (!(await storageKeySharedWith(db, key, doc.id))) {
          await storage.delete(key);
          files++;
        }
      }
      await markFilesRemoved(db, doc.id);
      await audit(db, { workspaceId: doc.workspace_id, actor: 'system', action: 'retention.files_removed', subject: `document:${doc.id}`, details: { files: keys.length } });
      documents++;
    }
    return { documents, files };
  };
}
