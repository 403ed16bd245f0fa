import { createHmac } from 'node:crypto';

/** One request of a storm and the answer it must end with once the service is up. */
export interface StormSend {
  body: string | Buffer;
  signature: string | null;
  expect: 200 | 400 | 401;
  kind: 'delivery' | 'duplicate' | 'garbage' | 'impostor';
}

export interface StormOptions {
  secret: string;
  merchantId: number;
  seed: number;
  /** Share of deliveries also sent a second time (somewhere later in the stream). */
  duplicateRate: number;
  garbage: number;
  impostors: number;
  /** Sends are shuffled within windows of this many: a status update may arrive before its order. */
  reorderWindow: number;
}

/** Deterministic pseudo-random numbers, so a failing run can be repeated. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

export function signBody(body: string | Buffer, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/**
 * Salla's deliveries as they might really arrive: duplicated, reordered, with impostors (wrong,
 * missing or stale signatures) and garbage signed with the real secret (truncated JSON, wrong
 * shapes, invalid UTF-8) mixed in.
 */
export function buildStorm(deliveries: readonly unknown[], options: StormOptions): StormSend[] {
  const next = random(options.seed);
  const sign = (body: string | Buffer) => signBody(body, options.secret);
  const sends: StormSend[] = deliveries.map((delivery) => {
    const body = JSON.stringify(delivery);
    return { body, signature: sign(body), expect: 200, kind: 'delivery' };
  });
  for (const send of [...sends]) {
    if (next() < options.duplicateRate) sends.splice(Math.floor(next() * sends.length), 0, { ...send, kind: 'duplicate' });
  }
  const insertAnywhere = (send: StormSend) => sends.splice(Math.floor(next() * sends.length), 0, send);
  for (let index = 0; index < options.impostors; index++) {
    const original = deliveries[(index * 7) % deliveries.length] as { data?: object };
    const body = JSON.stringify({ ...original, data: { ...original.data, id: 1 } });
    const signature = index % 3 === 0 ? null : index % 3 === 1 ? signBody(body, 'not-the-secret') : sign('{}');
    insertAnywhere({ body, signature, expect: 401, kind: 'impostor' });
  }
  const shapes = [
    `{"event":"order.created","merchant":${options.merchantId},`,
    '[]',
    JSON.stringify({ event: 'order.created', merchant: options.merchantId, data: {} }),
  ];
  for (let index = 0; index < options.garbage; index++) {
    const round = Math.floor(index / (shapes.length + 1));
    const body =
      index % (shapes.length + 1) === shapes.length
        ? Buffer.from([0xc3, 0x28, round & 0xff, round >> 8])
        : `${shapes[index % (shapes.length + 1)]}${' '.repeat(round + 1)}`;
    insertAnywhere({ body, signature: sign(body), expect: 400, kind: 'garbage' });
  }
  for (let start = 0; start < sends.length; start += options.reorderWindow) {
    const end = Math.min(sends.length, start + options.reorderWindow);
    for (let index = end - 1; index > start; index--) {
      const other = start + Math.floor(next() * (index - start + 1));
      [sends[index], sends[other]] = [sends[other] as StormSend, sends[index] as StormSend];
    }
  }
  return sends;
}

export interface StormReport {
  /** Requests made, retries included. */
  requests: number;
  /** Sends answered 5xx or not at all at least once (the service or an engine was down). */
  retriedSends: number;
  /** Sends whose final answer was not the expected one: [index, status]. */
  wrong: Array<[number, number]>;
}

/**
 * Sends every request, `concurrency` at a time, the way Salla does: a send not acknowledged
 * (no answer, or a 5xx) is sent again after a pause until it gets a final answer.
 * `onProgress` sees how many sends have been started; when it returns a promise, that send waits
 * for it (a fault schedule uses this to hold the storm until the previous fault is over).
 */
export async function sendStorm(
  url: string,
  sends: readonly StormSend[],
  options: { concurrency: number; onProgress?: (started: number) => void | Promise<void>; retryDelayMs?: number; giveUpAfterMs?: number },
): Promise<StormReport> {
  const report: StormReport = { requests: 0, retriedSends: 0, wrong: [] };
  let cursor = 0;
  const post = async (send: StormSend): Promise<number> => {
    report.requests += 1;
    try {
      const response = await fetch(`${url}/webhooks/salla`, {
        method: 'POST',
        body: send.body,
        headers: { 'Content-Type': 'application/json', ...(send.signature ? { 'X-Salla-Signature': send.signature } : {}) },
      });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return 0;
    }
  };
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (cursor < sends.length) {
        const index = cursor++;
        await options.onProgress?.(cursor);
        const send = sends[index] as StormSend;
        const deadline = Date.now() + (options.giveUpAfterMs ?? 180_000);
        let status = await post(send);
        if (status === 0 || status >= 500) report.retriedSends += 1;
        while ((status === 0 || status >= 500) && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? 250));
          status = await post(send);
        }
        if (status !== send.expect) report.wrong.push([index, status]);
      }
    }),
  );
  return report;
}
