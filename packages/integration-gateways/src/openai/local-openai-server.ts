import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalOpenAiReply {
  content?: string;
  toolCalls?: Array<{ name: string; arguments: Record<string, unknown> }>;
}

interface ChatRequestBody {
  model?: string;
  stream?: boolean;
  messages?: Array<{ role: string; content?: string | null; tool_call_id?: string }>;
  tools?: Array<{ type: string; function: { name: string } }>;
}

export interface LocalOpenAiOptions {
  apiKey: string;
  port?: number;
  /** Dimensions of the deterministic embeddings (default 8). */
  dimensions?: number;
  /**
   * What the "model" answers. Default: with tools and no tool result yet, a call of the first tool
   * with `{ question: <last user message> }`; otherwise `Answer: <last message>`.
   */
  reply?: (request: ChatRequestBody) => LocalOpenAiReply;
}

export interface LocalOpenAi {
  /** For the SDK's `baseURL` (ends in /v1). */
  baseURL: string;
  requests(): Array<{ path: string; stream: boolean; status: number; encodingFormat?: string }>;
  /** The next `times` requests answer `status` (500, 503, 429 …). */
  failNext(status: number, times: number): void;
  /** Every request answers 503 until `down(false)`. */
  down(on: boolean): void;
  /** The next `times` requests wait `ms` before answering (timeouts). */
  delayNext(ms: number, times: number): void;
  close(): Promise<void>;
}

/**
 * An OpenAI-compatible server for tests and offline development: `POST /v1/chat/completions`
 * (JSON, or `text/event-stream` chunks ending in `data: [DONE]` when `stream: true`, with tool
 * calls streamed by index as OpenAI does), `POST /v1/embeddings` (`encoding_format` `float` or
 * `base64`), Bearer auth and OpenAI's error body.
 */
export async function startLocalOpenAiServer(options: LocalOpenAiOptions): Promise<LocalOpenAi> {
  const log: Array<{ path: string; stream: boolean; status: number; encodingFormat?: string }> = [];
  let failures: Array<{ status: number; times: number }> = [];
  let delays: Array<{ ms: number; times: number }> = [];
  let isDown = false;
  const dimensions = options.dimensions ?? 8;
  const reply = options.reply ?? defaultReply;

  const error = (res: ServerResponse, status: number, message: string, type = 'server_error') => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message, type, param: null, code: null } }));
  };

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readJson(req);
      const path = new URL(req.url ?? '/', 'http://local').pathname;
      const stream = body.stream === true;
      const record = (status: number) =>
        log.push({ path, stream, status, ...(typeof body.encoding_format === 'string' ? { encodingFormat: body.encoding_format } : {}) });
      const delay = delays.find((entry) => entry.times > 0);
      if (delay) {
        delay.times -= 1;
        await new Promise((resolve) => setTimeout(resolve, delay.ms));
        if (res.destroyed) return record(0);
      }
      if (req.headers.authorization !== `Bearer ${options.apiKey}`) {
        record(401);
        return error(res, 401, 'Incorrect API key provided', 'invalid_request_error');
      }
      const failure = failures.find((entry) => entry.times > 0);
      if (isDown || failure) {
        if (failure) failure.times -= 1;
        const status = failure?.status ?? 503;
        record(status);
        return error(res, status, 'The server is overloaded or not ready yet.');
      }
      if (req.method === 'POST' && path === '/v1/chat/completions') {
        record(200);
        return chat(res, body as ChatRequestBody, reply(body as ChatRequestBody));
      }
      if (req.method === 'POST' && path === '/v1/embeddings') {
        record(200);
        const input = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
        const base64 = body.encoding_format !== 'float';
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(
          JSON.stringify({
            object: 'list',
            model: body.model,
            data: input.map((text, index) => {
              const vector = embedding(text, dimensions);
              return { object: 'embedding', index, embedding: base64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector };
            }),
            usage: { prompt_tokens: input.length, total_tokens: input.length },
          }),
        );
      }
      record(404);
      error(res, 404, `Unknown path ${path}`, 'invalid_request_error');
    })().catch((cause: unknown) => error(res, 500, String(cause)));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests: () => [...log],
    failNext: (status, times) => void failures.push({ status, times }),
    down: (on) => {
      isDown = on;
    },
    delayNext: (ms, times) => void delays.push({ ms, times }),
    close: () =>
      new Promise<void>((resolve) => {
        failures = [];
        delays = [];
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function defaultReply(request: ChatRequestBody): LocalOpenAiReply {
  const messages = request.messages ?? [];
  const last = messages[messages.length - 1];
  const tool = request.tools?.[0];
  if (tool && !messages.some((message) => message.role === 'tool')) {
    const question = [...messages].reverse().find((message) => message.role === 'user')?.content ?? '';
    return { toolCalls: [{ name: tool.function.name, arguments: { question } }] };
  }
  return { content: `Answer: ${last?.content ?? ''}` };
}

function chat(res: ServerResponse, request: ChatRequestBody, answer: LocalOpenAiReply): void {
  const id = `chatcmpl-${Date.now().toString(36)}`;
  const created = Math.floor(Date.now() / 1000);
  const model = request.model ?? 'local';
  const calls = (answer.toolCalls ?? []).map((call, index) => ({
    index,
    id: `call_${index}_${id.slice(-6)}`,
    type: 'function' as const,
    function: { name: call.name, arguments: JSON.stringify(call.arguments) },
  }));
  const finish = calls.length > 0 ? 'tool_calls' : 'stop';
  if (!request.stream) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: answer.content ?? null, ...(calls.length ? { tool_calls: calls.map(({ index: _i, ...call }) => call) } : {}), refusal: null },
            finish_reason: finish,
            logprobs: null,
          },
        ],
        usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
      }),
    );
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) =>
    res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }] })}\n\n`);
  chunk({ role: 'assistant', content: '' });
  // Text in a few pieces, tool calls as OpenAI streams them: id + name first, arguments in fragments.
  for (const piece of (answer.content ?? '').match(/.{1,7}/gsu) ?? []) chunk({ content: piece });
  for (const call of calls) {
    chunk({ tool_calls: [{ index: call.index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] });
    for (const piece of call.function.arguments.match(/.{1,5}/gsu) ?? []) chunk({ tool_calls: [{ index: call.index, function: { arguments: piece } }] });
  }
  chunk({}, finish);
  res.end('data: [DONE]\n\n');
}

/** A deterministic unit vector from the text's SHA-256 (same text, same vector). */
function embedding(text: string, dimensions: number): number[] {
  const digest = createHash('sha256').update(text).digest();
  const raw = Array.from({ length: dimensions }, (_, index) => (digest[index % digest.length] as number) / 255 - 0.5);
  const norm = Math.hypot(...raw) || 1;
  return raw.map((value) => Math.fround(value / norm));
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
