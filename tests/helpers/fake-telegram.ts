import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TelegramCall {
  method: string;
  params: Record<string, unknown>;
  files: string[];
}

/**
 * A local Bot API server: getUpdates long polling fed by the test, sends and edits recorded,
 * getFile + file download for documents the test registers. Multipart uploads are parsed
 * with the platform's own FormData parser.
 */
export class FakeTelegram {
  readonly calls: TelegramCall[] = [];
  private updates: unknown[] = [];
  private files = new Map<string, Buffer>();
  private nextMessageId = 100;
  private server = http.createServer((req, res) => void this.route(req, res));
  port = 0;

  constructor(readonly token: string) {}

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }
  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  push(update: unknown): void {
    this.updates.push(update);
  }
  addFile(fileId: string, bytes: Buffer): void {
    this.files.set(fileId, bytes);
  }
  called(method: string): TelegramCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://x');
    const ok = (result: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, result }));
    };
    const fileMatch = new RegExp(`^/file/bot${this.token}/documents/(.+)$`).exec(url.pathname);
    if (fileMatch) {
      const bytes = this.files.get(decodeURIComponent(fileMatch[1]!));
      res.writeHead(bytes ? 200 : 404);
      res.end(bytes);
      return;
    }
    const m = new RegExp(`^/bot${this.token}/(\\w+)$`).exec(url.pathname);
    if (!m) {
      res.writeHead(404);
      res.end();
      return;
    }
    const method = m[1]!;
    const params: Record<string, unknown> = {};
    const files: string[] = [];
    const ctype = req.headers['content-type'] ?? '';
    if (ctype.includes('multipart/form-data')) {
      const form = await new Request('http://x', { method: 'POST', headers: { 'content-type': ctype }, body }).formData();
      for (const [k, v] of form.entries()) {
        if (typeof v === 'string') params[k] = v;
        else files.push(`${k}:${v.name}:${v.size}`);
      }
    } else if (body.length) {
      Object.assign(params, JSON.parse(body.toString()));
    }
    for (const [k, v] of url.searchParams) params[k] = v;
    if (method !== 'getUpdates') this.calls.push({ method, params, files });

    const message = (extra: Record<string, unknown> = {}) => ({
      message_id: ++this.nextMessageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: Number(params.chat_id), type: 'private' },
      ...extra,
    });
    switch (method) {
      case 'getMe':
        return ok({ id: 42, is_bot: true, first_name: 'Lodge', username: 'lodge_bot' });
      case 'getUpdates': {
        const offset = Number(params.offset ?? 0);
        const deadline = Date.now() + Math.min(Number(params.timeout ?? 0), 1) * 1000;
        while (Date.now() < deadline && !this.updates.some((u) => (u as { update_id: number }).update_id >= offset)) {
          await new Promise((r) => setTimeout(r, 50));
        }
        const batch = this.updates.filter((u) => (u as { update_id: number }).update_id >= offset);
        this.updates = this.updates.filter((u) => !batch.includes(u));
        return ok(batch);
      }
      case 'getFile':
        return ok({ file_id: params.file_id, file_unique_id: `u-${params.file_id}`, file_size: this.files.get(String(params.file_id))?.length, file_path: `documents/${params.file_id}` });
      case 'sendMessage':
        return ok(message({ text: params.text }));
      case 'editMessageText':
        return ok(message({ message_id: Number(params.message_id), text: params.text }));
      case 'sendPhoto':
      case 'sendDocument':
        return ok(message());
      case 'sendMediaGroup':
        return ok(JSON.parse(String(params.media ?? '[]')).map(() => message()));
      default:
        return ok(true);
    }
  }
}
