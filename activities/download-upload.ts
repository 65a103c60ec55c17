import { ApplicationFailure } from '@temporalio/common';
import type { FileSource } from '../workflows/types.ts';
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
      bytes = await poster.download({ fileId: source.fileId, url: source.kind === 'slack' ? source.url : undefined }, limit);
    } catch (e) {
      const msg = (e as Error).message;
      if (msg.startsWith('File too large')) throw badInput('too_large', { limit: Math.round(limit / 1024 / 1024) }, e);
      if (msg.startsWith('Refusing')) throw ApplicationFailure.create({ message: msg, type: 'untrusted_file_host', nonRetryable: true, cause: e as Error });
      throw e;
    }
    return deps.storage.put(bytes, { prefix: 'uploads', ext: '.pdf' });
  };
}
