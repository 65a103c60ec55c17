import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local Chat Completions server that speaks tool calling, so tests drive the real openai
 * SDK (request building, tool-call parsing, retries) with scripted model turns: typically a
 * tool call first, then a final answer. Every request body is recorded, so a test can read
 * the tool results the client sent back. Unlike ./fake-openai.ts it does not require
 * structured output.
 */
export interface ToolTurn {
  /** Assistant text (the final answer, or text alongside tool calls). */
  content?: string | null;
  toolCalls?: { name: string; arguments: string | Record<string, unknown> }[];
  /** An HTTP error instead of a completion. */
  status?: number;
}

export interface RecordedToolRequest {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: any;
}

export type ToolScript = (req: RecordedToolRequest, index: number) => ToolTurn;

export interface FakeOpenAITools {
  baseURL: string;
  requests: RecordedToolRequest[];
  /** Turns in order; the last one repeats. */
  reply(...turns: ToolTurn[]): void;
  script(fn: ToolScript): void;
  /** The `tool` messages of a request (what the client answered to the previous tool calls). */
  toolMessages(index: number): { tool_call_id: string; content: string }[];
  close(): Promise<void>;
}

export async function startFakeOpenAITools(): Promise<FakeOpenAITools> {
  const requests: RecordedToolRequest[] = [];
  let script: ToolScript = () => ({ status: 500, content: 'no turn scripted' });
  let callSeq = 0;

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body: any;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(res, 400, apiError('request body is not JSON', 'invalid_request_error'));
    }
    const recorded: RecordedToolRequest = { url: req.url ?? '', headers: req.headers, body };
    requests.push(recorded);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return send(res, 404, apiError(`no route ${req.method} ${req.url}`, 'not_found'));
    // Like the real API: a tool message must answer a tool call of the preceding assistant message.
    const problem = checkToolProtocol(body?.messages);
    if (problem) return send(res, 400, apiError(problem, 'invalid_request_error'));

    const turn = script(recorded, requests.length - 1);
    if (turn.status && turn.status >= 400) return send(res, turn.status, apiError(String(turn.content ?? 'scripted error'), 'server_error'));
    const toolCalls = turn.toolCalls?.map((t) => ({
      id: `call_${++callSeq}`,
      type: 'function',
      function: { name: t.name, arguments: typeof t.arguments === 'string' ? t.arguments : JSON.stringify(t.arguments) },
    }));
    send(res, 200, {
      id: `chatcmpl-fake-${requests.length}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: turn.content ?? null, refusal: null, ...(toolCalls?.length ? { tool_calls: toolCalls } : {}) },
          finish_reason: toolCalls?.length ? 'tool_calls' : 'stop',
          logprobs: null,
        },
      ],
      usage: { prompt_tokens: 500, completion_tokens: 50, total_tokens: 550 },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    reply(...turns) {
      script = (_req, i) => turns[Math.min(i, turns.length - 1)]!;
    },
    script(fn) {
      script = fn;
    },
    toolMessages(index) {
      const messages: any[] = requests[index]?.body?.messages ?? [];
      return messages.filter((m) => m.role === 'tool').map((m) => ({ tool_call_id: m.tool_call_id, content: String(m.content) }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function checkToolProtocol(messages: unknown): string | null {
  if (!Array.isArray(messages) || messages.length === 0) return 'messages must be a non-empty array';
  const open = new Set<string>();
  for (const m of messages as any[]) {
    if (m.role === 'assistant') {
      open.clear();
      for (const c of m.tool_calls ?? []) open.add(c.id);
    } else if (m.role === 'tool') {
      if (!open.has(m.tool_call_id)) return `tool message for unknown tool_call_id ${m.tool_call_id}`;
      open.delete(m.tool_call_id);
    } else if (open.size) {
      return `tool calls ${[...open].join(', ')} were not answered`;
    }
  }
  return null;
}

function apiError(message: string, type: string) {
  return { error: { message, type, param: null, code: null } };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
