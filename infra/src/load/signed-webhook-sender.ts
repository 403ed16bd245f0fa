import { connect, type Socket } from 'node:net';
import type { SallaWebhookDelivery } from '@salla-analytics/core-library';
import { signSallaBody } from '@salla-analytics/data-pipeline-service';

/** A delivery as Salla puts it on the wire: the exact bytes and their X-Salla-Signature. */
export interface SignedDelivery {
  event: string;
  body: Buffer;
  signature: string;
}

export interface SendResult {
  /** HTTP status, or 0 when no answer came (connection refused, reset, timeout). */
  status: number;
  /** From the moment the request was due (open loop) or sent (closed loop) to the full answer. */
  ms: number;
}

/** Serializes and signs up front, so the cost of sending is only the HTTP exchange. */
export function signDeliveries(deliveries: readonly SallaWebhookDelivery[], secret: string): SignedDelivery[] {
  return deliveries.map((delivery) => {
    const body = Buffer.from(JSON.stringify(delivery));
    return { event: delivery.event, body, signature: signSallaBody(body, secret) };
  });
}

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * POSTs signed deliveries to the pipeline's `/webhooks/salla` over keep-alive HTTP/1.1
 * connections, as Salla does from many workers at once: one request at a time per connection,
 * each request written as one buffer (head and body), the answer read for its status and length
 * only. A load generator on the same two cores as the system it measures has to be cheap: this
 * costs a fraction of node:http's client per request. Used by the demo loader (closed loop:
 * `sendAll`) and the ingest benchmark (open loop at a fixed rate: `sendAtRate`).
 */
export class SignedWebhookSender {
  readonly #host: string;
  readonly #port: number;
  readonly #head: string;
  readonly #idle: Connection[] = [];
  readonly #all = new Set<Connection>();
  #closed = false;

  constructor(pipelineUrl: string) {
    const url = new URL('/webhooks/salla', pipelineUrl);
    if (url.protocol !== 'http:') throw new Error('SignedWebhookSender speaks plain HTTP (the local stack)');
    this.#host = url.hostname;
    this.#port = Number(url.port || 80);
    this.#head = `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nX-Salla-Security-Strategy: Signature\r\n`;
  }

  /** One POST; resolves with the status (0 when there was no answer), never rejects. */
  post(delivery: SignedDelivery, timeoutMs = 30_000): Promise<SendResult> {
    const started = performance.now();
    const request = Buffer.concat([
      Buffer.from(`${this.#head}X-Salla-Signature: ${delivery.signature}\r\nContent-Length: ${delivery.body.byteLength}\r\n\r\n`, 'latin1'),
      delivery.body,
    ]);
    const connection = this.#idle.pop() ?? this.#open();
    return connection.send(request, timeoutMs).then((status) => {
      if (connection.reusable && !this.#closed) this.#idle.push(connection);
      else this.#drop(connection);
      return { status, ms: performance.now() - started };
    });
  }

  /**
   * Sends every delivery with `concurrency` requests in flight, in order of the array (so a
   * merchant's events go out roughly in time order). Anything but 200 is retried with a short
   * backoff (as Salla retries); 400/401, or 10 failed tries, stop with an error.
   */
  async sendAll(deliveries: readonly SignedDelivery[], options: { concurrency: number; onAccepted?: (count: number) => void }): Promise<void> {
    let next = 0;
    let accepted = 0;
    const sendOne = async (delivery: SignedDelivery) => {
      for (let attempt = 1; ; attempt++) {
        const { status } = await this.post(delivery);
        if (status === 200) return;
        if (status === 400 || status === 401 || attempt >= 10) {
          throw new Error(`the pipeline answered ${status || 'nothing'} to a ${delivery.event} delivery`);
        }
        await sleep(200 * attempt);
      }
    };
    await Promise.all(
      Array.from({ length: Math.max(1, options.concurrency) }, async () => {
        while (next < deliveries.length) {
          const delivery = deliveries[next++] as SignedDelivery;
          await sendOne(delivery);
          accepted += 1;
          options.onAccepted?.(accepted);
        }
      }),
    );
  }

  /**
   * Open loop: request i is due at start + i / rate, whether or not earlier ones were answered
   * (a new connection is opened when none is free), and its latency counts from when it was due —
   * a slow server cannot slow the sender down and hide its own queueing (no coordinated omission).
   */
  async sendAtRate(deliveries: readonly SignedDelivery[], options: { ratePerSecond: number }): Promise<SendResult[]> {
    const results: SendResult[] = new Array(deliveries.length);
    const intervalMs = 1000 / options.ratePerSecond;
    const start = performance.now();
    const inFlight: Array<Promise<void>> = [];
    for (let index = 0; index < deliveries.length; index++) {
      const due = start + index * intervalMs;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      inFlight.push(
        this.post(deliveries[index] as SignedDelivery).then(({ status }) => {
          results[index] = { status, ms: performance.now() - due };
        }),
      );
    }
    await Promise.all(inFlight);
    return results;
  }

  close(): void {
    this.#closed = true;
    for (const connection of this.#all) connection.destroy();
    this.#all.clear();
    this.#idle.length = 0;
  }

  #open(): Connection {
    const connection = new Connection(connect({ host: this.#host, port: this.#port, noDelay: true }));
    this.#all.add(connection);
    return connection;
  }

  #drop(connection: Connection): void {
    connection.destroy();
    this.#all.delete(connection);
  }
}

/** One keep-alive connection, one request at a time. */
class Connection {
  readonly #socket: Socket;
  #chunks: Buffer[] = [];
  #received = 0;
  #pending: { resolve: (status: number) => void; timer: NodeJS.Timeout } | null = null;
  #broken = false;
  #closeAfter = false;
  /** Status of an answer without a length, complete when the server closes the connection. */
  #statusAtClose = 0;

  constructor(socket: Socket) {
    this.#socket = socket;
    socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    socket.on('error', () => this.#fail());
    socket.on('close', () => this.#fail());
  }

  get reusable(): boolean {
    return !this.#broken && !this.#closeAfter;
  }

  send(request: Buffer, timeoutMs: number): Promise<number> {
    if (this.#broken) return Promise.resolve(0);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#broken = true;
        this.#socket.destroy();
        this.#settle(0);
      }, timeoutMs);
      this.#pending = { resolve, timer };
      this.#chunks = [];
      this.#received = 0;
      this.#statusAtClose = 0;
      this.#socket.write(request);
    });
  }

  destroy(): void {
    this.#broken = true;
    this.#socket.destroy();
  }

  #onData(chunk: Buffer): void {
    if (this.#pending === null) return;
    this.#chunks.push(chunk);
    this.#received += chunk.byteLength;
    const data = this.#chunks.length === 1 ? chunk : Buffer.concat(this.#chunks);
    const headerEnd = data.indexOf(HEADER_END);
    if (headerEnd < 0) return;
    const head = data.toString('latin1', 0, headerEnd);
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (length !== null) {
      if (this.#received < headerEnd + 4 + Number(length[1])) return;
    } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      if (!chunkedBodyComplete(data, headerEnd + 4)) return;
    } else {
      // Neither: the body ends with the connection.
      this.#closeAfter = true;
      this.#statusAtClose = Number.isInteger(status) ? status : 0;
      return;
    }
    if (/\r\nconnection:\s*close/i.test(head)) this.#closeAfter = true;
    this.#settle(Number.isInteger(status) ? status : 0);
  }

  #fail(): void {
    this.#broken = true;
    this.#settle(this.#statusAtClose);
  }

  #settle(status: number): void {
    const pending = this.#pending;
    if (pending === null) return;
    this.#pending = null;
    clearTimeout(pending.timer);
    pending.resolve(status);
  }
}

/** Whether a chunked body starting at `offset` has arrived up to its last (empty) chunk. */
function chunkedBodyComplete(data: Buffer, offset: number): boolean {
  let at = offset;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at, 'latin1');
    if (lineEnd < 0) return false;
    const size = Number.parseInt(data.toString('latin1', at, lineEnd), 16);
    if (!Number.isFinite(size)) return false;
    if (size === 0) return data.indexOf('\r\n\r\n', lineEnd, 'latin1') >= 0 || data.length >= lineEnd + 4;
    at = lineEnd + 2 + size + 2;
    if (at > data.length) return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
