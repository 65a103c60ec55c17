import { ApplicationFailure } from '@temporalio/common';
import { DownloadError } from '../bot/chat/download-error.ts';
import type { FileSource } from '../contracts/workflow.ts';
import { posterFor } from './chat-posters.ts';
import type { ActivityDeps } from './deps.ts';
import { badInput } from './failures.ts';

/** Fetches a shared file from the chat platform into storage; the workflow then passes only the key. */
export function createDownloadUpload(deps: ActivityDeps) {
  return async function downloadUpload(input: { source: FileSource }): Promise<string> {
    const { source } = input;
    if (source.kind === 'stored') return source.storageKey;
    const limit = deps.config.MAX_UPLOAD_BYTES;
    if (source.size && source.size > limit) throw badInput('too_large', { limit: Math.round(limit / 1024 / 1024) });
    const poster = posterFor(deps, source.kind === 'slack' ? { channel: 'slack', channelId: '', threadTs: '' } : { channel: 'telegram', chatId: '' });
    let bytes: Buffer;
    try {
      bytes = await downloadWithRetries(() => poster.download({ fileId: source.fileId, url: source.kind === 'slack' ? source.url : undefined }, limit));
    } catch (e) {
      if (e instanceof DownloadError && e.kind === 'too_large') throw badInput('too_large', { limit: Math.round(limit / 1024 / 1024) }, e);
      // Refused host, HTTP error, network: the user is told the download failed (not "unexpected").
      const cause = e instanceof Error ? e : new Error(String(e));
      throw ApplicationFailure.create({ message: cause.message, type: 'download_failed', nonRetryable: true, cause });
    }
    return deps.storage.put(bytes, { prefix: 'uploads', ext: '.pdf' });
  };
}

/**
 * A few quick tries inside the activity, then a final answer: the chat activities' own retry
 * policy would keep a user waiting for minutes on a download that is refused for good.
 */
async function downloadWithRetries(download: () => Promise<Buffer>, attempts = 3): Promise<Buffer> {
  for (let i = 1; ; i++) {
    try {
      return await download();
    } catch (e) {
      // A refusal, a missing link, a file too large or a 4xx will not change on a retry.
      if (i >= attempts || (e instanceof DownloadError && !e.retryable)) throw e;
      await new Promise((r) => setTimeout(r, 500 * i));
    }
  }
}
