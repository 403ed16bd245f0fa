import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assertCronExpression, latestCronTick } from '@salla-analytics/core-library';

/**
 * A small QStash for one machine: the documented publish API (`POST /v2/publish/<destination>`
 * with `Authorization: Bearer`, `Upstash-Deduplication-Id`, `Upstash-Retries`,
 * `Upstash-Forward-*`), and delivery as QStash does it: a POST to the destination carrying
 * `Upstash-Signature` (JWT HS256 over the body's SHA-256, issuer "Upstash", subject the URL),
 * `Upstash-Message-Id` and `Upstash-Retried`, retried with exponential backoff on any non-2xx,
 * then parked in a dead-letter list. QStash's own dev server downloads a binary and cannot run
 * here; this stands in for it in tests and, if wanted, on the local stack.
 */
export interface LocalQStashOptions {
  token: string;
  currentSigningKey: string;
  nextSigningKey: string;
  port?: number;
  /** First retry delay; doubles each time (QStash: seconds to minutes; tests: milliseconds). */
  retryBaseDelayMs?: number;
  /** Used when a publish names no `Upstash-Retries` (QStash's default is 3). */
  defaultRetries?: number;
}

export interface LocalQStashMessage {
  messageId: string;
  url: string;
  body: string;
  attempts: number;
  state: 'pending' | 'delivered' | 'failed';
  lastStatus?: number;
}

export interface LocalQStash {
  /** Base URL to give the SDK (`baseUrl`). */
  url: string;
  messages(): LocalQStashMessage[];
  /** Messages whose retries ran out (QStash's DLQ). */
  deadLetters(): LocalQStashMessage[];
  /** Schedules created through `/v2/schedules` (the SDK's `client.schedules`). */
  schedules(): LocalQStashSchedule[];
  /**
   * Fires every schedule whose cron has a tick at `at` (to the minute), as QStash would at that
   * moment: one signed push each, retried like any message. Tests drive time with it instead of
   * waiting for the wall clock. Returns the messages it published.
   */
  fireSchedules(at: Date): LocalQStashMessage[];
  /** Resolves once no message is waiting for a delivery attempt. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface LocalQStashSchedule {
  scheduleId: string;
  destination: string;
  cron: string;
  body: string;
  retries: number;
  createdAt: number;
}

export async function startLocalQStashServer(options: LocalQStashOptions): Promise<LocalQStash> {
  const messages = new Map<string, LocalQStashMessage>();
  const dedup = new Map<string, string>();
  const schedules = new Map<string, LocalQStashSchedule & { forward: Record<string, string> }>();
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let closed = false;
  const baseDelay = options.retryBaseDelayMs ?? 1_000;

  const deliver = async (message: LocalQStashMessage, retries: number, forward: Record<string, string>) => {
    inFlight += 1;
    let ok = false;
    try {
      const response = await fetch(message.url, {
        method: 'POST',
        body: message.body,
        headers: {
          ...forward,
          'Upstash-Signature': sign(options.currentSigningKey, message.url, message.body),
          'Upstash-Message-Id': message.messageId,
          'Upstash-Retried': String(message.attempts),
        },
        signal: AbortSignal.timeout(30_000),
      });
      await response.arrayBuffer();
      message.lastStatus = response.status;
      ok = response.status >= 200 && response.status < 300;
    } catch {
      message.lastStatus = 0;
    } finally {
      inFlight -= 1;
    }
    message.attempts += 1;
    if (ok) {
      message.state = 'delivered';
    } else if (message.attempts > retries || closed) {
      message.state = 'failed';
    } else {
      const timer = setTimeout(() => {
        timers.delete(timer);
        void deliver(message, retries, forward);
      }, baseDelay * 2 ** (message.attempts - 1));
      timers.add(timer);
    }
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => send(res, 500, { error: 'internal error' }));
  });

  async function handleSchedules(req: IncomingMessage, res: ServerResponse, rest: string): Promise<void> {
    if (req.headers.authorization !== `Bearer ${options.token}`) return send(res, 401, { error: 'Unauthorized' });
    if (req.method === 'GET' && rest === '') {
      return send(res, 200, [...schedules.values()].map(({ forward: _forward, ...schedule }) => schedule));
    }
    const target = decodeURIComponent(rest.replace(/^\//, ''));
    if (req.method === 'GET' || req.method === 'DELETE') {
      const schedule = schedules.get(target);
      if (!schedule) return send(res, 404, { error: 'schedule not found' });
      if (req.method === 'DELETE') {
        schedules.delete(target);
        res.writeHead(200).end();
        return;
      }
      const { forward: _forward, ...info } = schedule;
      return send(res, 200, info);
    }
    if (req.method !== 'POST' || !/^https?:\/\//.test(target)) return send(res, 400, { error: 'invalid destination url' });
    const cron = header(req, 'upstash-cron');
    if (!cron) return send(res, 400, { error: 'Upstash-Cron header is required' });
    try {
      assertCronExpression(cron);
    } catch {
      return send(res, 400, { error: `invalid cron: ${cron}` });
    }
    const scheduleId = header(req, 'upstash-schedule-id') ?? `scd_${randomUUID()}`;
    const forward: Record<string, string> = { 'Upstash-Schedule-Id': scheduleId };
    const contentType = header(req, 'content-type');
    if (contentType) forward['Content-Type'] = contentType;
    const retries = Number(header(req, 'upstash-retries') ?? options.defaultRetries ?? 3);
    schedules.set(scheduleId, { scheduleId, destination: target, cron, body: await readBody(req), retries, createdAt: Date.now(), forward });
    return send(res, 200, { scheduleId });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const scheduleMatch = /^\/v2\/schedules(.*)$/.exec(req.url ?? '');
    if (scheduleMatch) return handleSchedules(req, res, scheduleMatch[1] ?? '');
    const match = /^\/v2\/publish\/(.+)$/.exec(req.url ?? '');
    if (req.method !== 'POST' || match === null) return send(res, 404, { error: 'not found' });
    if (req.headers.authorization !== `Bearer ${options.token}`) return send(res, 401, { error: 'Unauthorized' });
    const destination = decodeURIComponent(match[1] ?? '');
    if (!/^https?:\/\//.test(destination)) return send(res, 400, { error: 'invalid destination url' });
    const body = await readBody(req);
    const dedupId = header(req, 'upstash-deduplication-id');
    const existing = dedupId === undefined ? undefined : dedup.get(dedupId);
    if (existing !== undefined) return send(res, 201, { messageId: existing, deduplicated: true });
    const retries = Number(header(req, 'upstash-retries') ?? options.defaultRetries ?? 3);
    const forward: Record<string, string> = {};
    const contentType = header(req, 'content-type');
    if (contentType) forward['Content-Type'] = contentType;
    for (const [name, value] of Object.entries(req.headers)) {
      if (name.startsWith('upstash-forward-') && typeof value === 'string') forward[name.slice('upstash-forward-'.length)] = value;
    }
    const message: LocalQStashMessage = { messageId: `msg_${randomUUID()}`, url: destination, body, attempts: 0, state: 'pending' };
    messages.set(message.messageId, message);
    if (dedupId !== undefined) dedup.set(dedupId, message.messageId);
    send(res, 201, { messageId: message.messageId });
    setImmediate(() => void deliver(message, Number.isInteger(retries) && retries >= 0 ? retries : 3, forward));
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    messages: () => [...messages.values()],
    schedules: () => [...schedules.values()].map(({ forward: _forward, ...schedule }) => schedule),
    fireSchedules(at) {
      const minute = Math.floor(at.getTime() / 60_000) * 60_000;
      const fired: LocalQStashMessage[] = [];
      for (const schedule of schedules.values()) {
        if (latestCronTick(schedule.cron, new Date(minute), 60_000)?.getTime() !== minute) continue;
        const message: LocalQStashMessage = { messageId: `msg_${randomUUID()}`, url: schedule.destination, body: schedule.body, attempts: 0, state: 'pending' };
        messages.set(message.messageId, message);
        fired.push(message);
        setImmediate(() => void deliver(message, schedule.retries, schedule.forward));
      }
      return fired;
    },
    deadLetters: () => [...messages.values()].filter((message) => message.state === 'failed'),
    async idle() {
      while ([...messages.values()].some((message) => message.state === 'pending') || inFlight > 0) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

/** The JWT QStash puts in `Upstash-Signature` (HS256, verified by the SDK's Receiver). */
export function signQStashPush(signingKey: string, url: string, body: string, now = Date.now()): string {
  return sign(signingKey, url, body, now);
}

function sign(signingKey: string, url: string, body: string, now = Date.now()): string {
  const seconds = Math.floor(now / 1000);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(
    JSON.stringify({
      iss: 'Upstash',
      sub: url,
      exp: seconds + 300,
      nbf: seconds,
      iat: seconds,
      jti: randomUUID(),
      body: createHash('sha256').update(body).digest('base64url'),
    }),
  );
  const signature = createHmac('sha256', signingKey).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
