import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { words } from '../../src/text/normalize.js';

export interface ChatRequest {
  model: string;
  stream?: boolean;
  messages: Array<{ role: string; content: string | null }>;
  tools?: Array<{ type: 'function'; function: { name: string; description: string; parameters: Record<string, unknown> } }>;
  tool_choice?: unknown;
  temperature?: number;
}

export interface ScriptedReply {
  content?: string;
  toolCalls?: Array<{ name: string; arguments: unknown }>;
}

export interface ScriptedOpenAi {
  baseURL: string;
  chatRequests: ChatRequest[];
  embeddingRequests: Array<{ input: string[]; encoding_format?: string }>;
  /** Every request answers 503 while on (an outage). */
  setDown(on: boolean): void;
  close(): Promise<void>;
}

/**
 * A small OpenAI-compatible HTTP server for the assistant's LLM-path tests, driven by a script
 * (the "model"): chat completions — JSON, or server-sent events with tool calls streamed in
 * fragments by index, as OpenAI does — and embeddings (`encoding_format: float`) from hashed
 * bags of folded words, so similar texts get similar vectors. Bearer auth, OpenAI's error body.
 */
export async function startScriptedOpenAi(apiKey: string, script: (request: ChatRequest) => ScriptedReply): Promise<ScriptedOpenAi> {
  const chatRequests: ChatRequest[] = [];
  const embeddingRequests: Array<{ input: string[]; encoding_format?: string }> = [];
  let down = false;
  const fail = (res: ServerResponse, status: number, message: string) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message, type: status === 401 ? 'invalid_request_error' : 'server_error', param: null, code: null } }));
  };
  const server = createServer((req, res) => {
    void readJson(req).then((body) => {
      if (req.headers.authorization !== `Bearer ${apiKey}`) return fail(res, 401, 'Incorrect API key provided');
      if (down) return fail(res, 503, 'The server is overloaded or not ready yet.');
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/v1/embeddings') {
        const input = (Array.isArray(body.input) ? body.input : [body.input]) as string[];
        embeddingRequests.push({ input, ...(typeof body.encoding_format === 'string' ? { encoding_format: body.encoding_format } : {}) });
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ object: 'list', model: body.model, data: input.map((text, index) => ({ object: 'embedding', index, embedding: bagOfWords(text) })), usage: { prompt_tokens: 1, total_tokens: 1 } }));
      }
      if (path !== '/v1/chat/completions') return fail(res, 404, `Unknown path ${path}`);
      const request = body as unknown as ChatRequest;
      chatRequests.push(request);
      const reply = script(request);
      const id = `chatcmpl-${chatRequests.length}`;
      const calls = (reply.toolCalls ?? []).map((call, index) => ({ index, id: `call_${chatRequests.length}_${index}`, name: call.name, args: JSON.stringify(call.arguments) }));
      const finish = calls.length ? 'tool_calls' : 'stop';
      const base = { id, created: 1_763_700_000, model: request.model };
      if (!request.stream) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, finish_reason: finish, logprobs: null, message: { role: 'assistant', content: reply.content ?? null, refusal: null, ...(calls.length ? { tool_calls: calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.args } })) } : {}) } }] }));
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const send = (delta: Record<string, unknown>, finishReason: string | null = null) =>
        res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }] })}\n\n`);
      send({ role: 'assistant', content: '' });
      for (const piece of (reply.content ?? '').match(/.{1,6}/gsu) ?? []) send({ content: piece });
      for (const call of calls) {
        send({ tool_calls: [{ index: call.index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] });
        for (const piece of call.args.match(/.{1,7}/gsu) ?? []) send({ tool_calls: [{ index: call.index, function: { arguments: piece } }] });
      }
      send({}, finish);
      res.end('data: [DONE]\n\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    chatRequests,
    embeddingRequests,
    setDown: (on) => {
      down = on;
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** 64 buckets of hashed folded words, L2-normalised. */
function bagOfWords(text: string): number[] {
  const v = new Array<number>(64).fill(0);
  for (const w of words(text)) {
    const bucket = (createHash('sha1').update(w).digest()[0] as number) % 64;
    v[bucket] = (v[bucket] ?? 0) + 1;
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      try {
        resolve(text ? (JSON.parse(text) as Record<string, unknown>) : {});
      } catch {
        resolve({});
      }
    });
  });
}
