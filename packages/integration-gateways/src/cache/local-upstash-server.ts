import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';

export interface LocalUpstashOptions {
  /** The Redis the commands run on (Upstash is Redis behind HTTP; so is this). */
  redisUrl: string;
  /** The bearer token clients must send. */
  token: string;
  /** 0 = a free port. */
  port?: number;
}

export interface LocalUpstash {
  /** Base URL for `@upstash/redis` (`url`). */
  url: string;
  /** Requests served, for tests that check a call really went over HTTP. */
  requests(): number;
  close(): Promise<void>;
}

type Reply = string | number | null | Reply[];

/**
 * A local server speaking Upstash Redis' REST protocol, for tests and offline development:
 * `POST /` with a JSON command array, `POST /pipeline` and `POST /multi-exec` with arrays of
 * them, `Authorization: Bearer <token>`, `{ result }` / `{ error }` replies, base64-encoded
 * strings when the client sends `Upstash-Encoding: base64` (the SDK's default).
 */
export async function startLocalUpstashServer(options: LocalUpstashOptions): Promise<LocalUpstash> {
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1 });
  redis.on('error', () => {});
  let served = 0;
  const server = createServer((req, res) => {
    served += 1;
    handle(req, res).catch((error: unknown) => send(res, 500, { error: `ERR ${String(error)}` }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, { error: 'ERR method not allowed' });
    if (!authorized(req.headers.authorization, options.token)) return send(res, 401, { error: 'Unauthorized' });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    const base64 = String(req.headers['upstash-encoding'] ?? '').toLowerCase() === 'base64';
    const encode = (reply: Reply): Reply => (base64 ? toBase64(reply) : reply);
    const path = (req.url ?? '/').split('?')[0];
    res.setHeader('upstash-sync-token', String(served));
    if (path === '/pipeline' || path === '/multi-exec') {
      const commands = body as string[][];
      const replies = [];
      for (const command of commands) {
        try {
          replies.push({ result: encode(await run(command)) });
        } catch (error) {
          replies.push({ error: errorText(error) });
        }
      }
      return send(res, 200, replies);
    }
    try {
      return send(res, 200, { result: encode(await run(body as string[])) });
    } catch (error) {
      return send(res, 400, { error: errorText(error) });
    }
  }

  async function run(command: unknown[]): Promise<Reply> {
    const [name, ...args] = command.map(String);
    if (!name) throw new Error('ERR empty command');
    return (await redis.call(name, ...args)) as Reply;
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => served,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

function authorized(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer /, '') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function toBase64(reply: Reply): Reply {
  if (typeof reply === 'string') return reply === 'OK' ? reply : Buffer.from(reply, 'utf8').toString('base64');
  if (Array.isArray(reply)) return reply.map(toBase64);
  return reply;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
