import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Chat Completions API, so tests drive the real openai SDK (retries,
 * timeouts, structured-output parsing) without a network. Each test scripts the replies;
 * every request body is recorded for assertions.
 */
export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  /** Assistant message content: objects are sent as their JSON string, strings verbatim (e.g. broken JSON). */
  content?: unknown;
  refusal?: string;
  toolCalls?: { name: string; arguments: string }[];
  /** Never answer (the client must time out). */
  hang?: boolean;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON as the client sent it; tests assert on it field by field. */
  body: any;
}

export type FakeScript = (req: RecordedRequest, index: number) => FakeReply;

export interface FakeOpenAI {
  baseURL: string;
  requests: RecordedRequest[];
  /** Replies in order; the last one repeats. */
  reply(...replies: FakeReply[]): void;
  script(fn: FakeScript): void;
  close(): Promise<void>;
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  let script: FakeScript = () => ({ status: 500, content: 'no reply scripted' });

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body: unknown = null;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(res, 400, error('request body is not JSON', 'invalid_request_error'));
    }
    const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
    requests.push(recorded);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return send(res, 404, error(`no route ${req.method} ${req.url}`, 'not_found'));
    // Honour response_format like the real API: structured output must be asked for explicitly.
    const format = recorded.body?.response_format;
    if (format?.type !== 'json_schema' || !format.json_schema?.schema) {
      return send(res, 400, error('response_format json_schema required by this fake', 'invalid_request_error'));
    }
    const reply = script(recorded, requests.length - 1);
    if (reply.hang) return; // the socket stays open until the client gives up or close() runs
    if (reply.status && reply.status >= 400) return send(res, reply.status, error(String(reply.content ?? 'scripted error'), 'server_error'), reply.headers);
    send(res, reply.status ?? 200, completion(recorded.body.model, reply), reply.headers);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    reply(...replies) {
      script = (_req, i) => replies[Math.min(i, replies.length - 1)]!;
    },
    script(fn) {
      script = fn;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // hung requests must not keep the test process alive
        server.close(() => resolve());
      }),
  };
}

function completion(model: string, reply: FakeReply) {
  const content = reply.content === undefined || reply.refusal ? null : typeof reply.content === 'string' ? reply.content : JSON.stringify(reply.content);
  const toolCalls = reply.toolCalls?.map((t, i) => ({ id: `call_${i}`, type: 'function', function: t }));
  return {
    id: `chatcmpl-fake-${Date.now()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: reply.refusal ?? null, ...(toolCalls ? { tool_calls: toolCalls } : {}) },
        finish_reason: toolCalls ? 'tool_calls' : 'stop',
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 1000, completion_tokens: 100, total_tokens: 1100 },
  };
}

function error(message: string, type: string) {
  return { error: { message, type, param: null, code: null } };
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
