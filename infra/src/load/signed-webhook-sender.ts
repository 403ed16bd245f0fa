import { Agent, request } from 'node:http';
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

/**
 * POSTs signed deliveries to the pipeline's `/webhooks/salla` over keep-alive connections, as
 * Salla does from many workers at once. Used by the demo loader (closed loop: `sendAll`) and the
 * ingest benchmark (open loop at a fixed rate: `sendAtRate`).
 */
export class SignedWebhookSender {
  readonly #url: URL;
  readonly #agent: Agent;

  constructor(pipelineUrl: string, options: { maxSockets?: number } = {}) {
    this.#url = new URL('/webhooks/salla', pipelineUrl);
    this.#agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64, scheduling: 'fifo' });
  }

  /** One POST; resolves with the status (0 when there was no answer), never rejects. */
  post(delivery: SignedDelivery, timeoutMs = 30_000): Promise<SendResult> {
    const started = performance.now();
    return new Promise((resolve) => {
      const req = request(
        this.#url,
        {
          method: 'POST',
          agent: this.#agent,
          timeout: timeoutMs,
          headers: {
            'content-type': 'application/json',
            'content-length': delivery.body.byteLength,
            'x-salla-signature': delivery.signature,
            'x-salla-security-strategy': 'Signature',
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
          res.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
      req.end(delivery.body);
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
   * Open loop: request i is due at start + i / rate, whether or not earlier ones were answered, and
   * its latency counts from when it was due — a slow server cannot slow the sender down and hide
   * its own queueing (no coordinated omission). `onAnswer` sees every delivery's result.
   */
  async sendAtRate(
    deliveries: readonly SignedDelivery[],
    options: { ratePerSecond: number; onAnswer?: (index: number, result: SendResult) => void },
  ): Promise<SendResult[]> {
    const results: SendResult[] = new Array(deliveries.length);
    const intervalMs = 1000 / options.ratePerSecond;
    const start = performance.now();
    const inFlight: Array<Promise<void>> = [];
    for (let index = 0; index < deliveries.length; index++) {
      const due = start + index * intervalMs;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      const delivery = deliveries[index] as SignedDelivery;
      inFlight.push(
        this.post(delivery).then(({ status }) => {
          const result = { status, ms: performance.now() - due };
          results[index] = result;
          options.onAnswer?.(index, result);
        }),
      );
    }
    await Promise.all(inFlight);
    return results;
  }

  close(): void {
    this.#agent.destroy();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
