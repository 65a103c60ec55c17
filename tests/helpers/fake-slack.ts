import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  method: string;
  params: Record<string, string>;
  at: number;
}

/**
 * A local server speaking the parts of the Slack Web API the product uses (auth.test,
 * chat.postMessage/update, files.uploadV2's three steps, file downloads, slash commands'
 * response_url), recording calls so tests can assert what a user would see. Failures can be
 * scripted per method.
 */
export class FakeSlack {
  readonly calls: SlackCall[] = [];
  readonly uploads = new Map<string, Buffer>();
  readonly files = new Map<string, Buffer>();
  private failures = new Map<string, { status: number; retryAfter?: number }[]>();
  private server = http.createServer((req, res) => void this.route(req, res));
  private ts = 1_700_000_000;
  port = 0;

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }
  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }
  /** A response_url for a slash command; calls to it are recorded as method `response_url`. */
  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }
  fileUrl(id: string, name: string): string {
    return `http://127.0.0.1:${this.port}/files/${id}/${name}`;
  }
  failNext(method: string, status: number, retryAfter?: number): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), { status, retryAfter }]);
  }
  called(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(data));
    };

    if (url.pathname.startsWith('/files/')) {
      const id = url.pathname.split('/')[2]!;
      if (req.headers.authorization !== 'Bearer xoxb-test') return json(403, { ok: false });
      const bytes = this.files.get(id);
      if (!bytes) return json(404, { ok: false });
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': bytes.length });
      res.end(bytes);
      return;
    }
    if (url.pathname.startsWith('/upload/')) {
      this.uploads.set(url.pathname.split('/')[2]!, body);
      res.writeHead(200);
      res.end(`OK - ${body.length}`);
      return;
    }
    // Slash commands' response_url (Bolt's `respond`): the test points it here.
    if (url.pathname.startsWith('/respond/')) {
      const data = JSON.parse(body.toString() || '{}') as Record<string, unknown>;
      const params = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
      this.calls.push({ method: 'response_url', params: { ...params, path: url.pathname }, at: Date.now() });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const ctype = req.headers['content-type'] ?? '';
    const params: Record<string, string> = ctype.includes('json')
      ? Object.fromEntries(Object.entries(JSON.parse(body.toString() || '{}')).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]))
      : Object.fromEntries(new URLSearchParams(body.toString()));
    const failure = this.failures.get(method)?.shift();
    if (failure) {
      this.calls.push({ method: `${method}!${failure.status}`, params, at: Date.now() });
      return json(failure.status, { ok: false, error: 'ratelimited' }, failure.retryAfter ? { 'retry-after': String(failure.retryAfter) } : {});
    }
    this.calls.push({ method, params, at: Date.now() });
    switch (method) {
      case 'auth.test':
        return json(200, { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'lodge' });
      case 'chat.postMessage':
        return json(200, { ok: true, channel: params.channel, ts: `${++this.ts}.000100`, message: { text: params.text } });
      case 'chat.update':
        return json(200, { ok: true, channel: params.channel, ts: params.ts });
      case 'files.getUploadURLExternal': {
        const id = `F${++this.ts}`;
        return json(200, { ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/${id}`, file_id: id });
      }
      case 'files.completeUploadExternal':
        return json(200, { ok: true, files: JSON.parse(params.files ?? '[]') });
      default:
        return json(200, { ok: true });
    }
  }
}
