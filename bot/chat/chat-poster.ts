import type { ReplyTarget } from '../../contracts/workflow.ts';
import type { ChatFile, OutgoingMessage } from '../../contracts/outgoing.ts';
import { DownloadError } from './download-error.ts';

/** What the delivery activities need from a chat platform. Refs are platform message ids. */
export interface ChatPoster {
  post(target: ReplyTarget, message: OutgoingMessage): Promise<string>;
  update(target: ReplyTarget, ref: string, message: OutgoingMessage): Promise<void>;
  upload(target: ReplyTarget, files: ChatFile[]): Promise<string>;
  download(fileRef: { fileId: string; url?: string }, maxBytes: number): Promise<Buffer>;
}

export class ChatPostError extends Error {
  override name = 'ChatPostError';
  constructor(message: string, readonly retryAfterSeconds?: number, options?: ErrorOptions) {
    super(message, options);
  }
}

/** Reads a response body up to a limit: a hostile or broken server cannot make us buffer gigabytes. */
export async function readLimited(res: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new DownloadError('too_large', `File too large: ${declared} bytes`);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > maxBytes) throw new DownloadError('too_large', `File too large: more than ${maxBytes} bytes`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
