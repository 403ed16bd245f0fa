import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signSallaBody } from '@salla-analytics/data-pipeline-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignedWebhookSender, signDeliveries } from '../src/load/signed-webhook-sender.js';

const SECRET = 'sender-test-secret-0123456789';
let server: Server;
let url: string;
const seen: Array<{ body: string; signature: string | undefined; socket: number }> = [];
const sockets = new WeakMap<object, number>();
let socketCount = 0;
let failuresLeft = 0;

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (!sockets.has(request.socket)) sockets.set(request.socket, ++socketCount);
      const body = Buffer.concat(chunks).toString();
      seen.push({ body, signature: request.headers['x-salla-signature'] as string | undefined, socket: sockets.get(request.socket) as number });
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        response.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"later"}');
        return;
      }
      // Alternate a length and a chunked answer: both must be read to the end.
      if (seen.length % 2 === 0) response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"accepted"}');
      else {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"status":');
        response.end('"accepted"}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const deliveries = (count: number) =>
  signDeliveries(
    Array.from({ length: count }, (_, i) => ({ event: 'order.created', merchant: 1, created_at: '2025-05-01 10:00:00', data: { id: i } })),
    SECRET,
  );

describe('SignedWebhookSender', () => {
  it('sends the exact signed bytes over a few keep-alive connections, in order per worker', async () => {
    seen.length = 0;
    const sender = new SignedWebhookSender(url);
    const batch = deliveries(40);
    await sender.sendAll(batch, { concurrency: 4 });
    sender.close();
    expect(seen.map((request) => request.body).sort()).toEqual(batch.map((d) => d.body.toString()).sort());
    for (const request of seen) expect(request.signature).toBe(signSallaBody(request.body, SECRET));
    expect(new Set(seen.map((request) => request.socket)).size).toBeLessThanOrEqual(4);
  });

  it('retries what is not answered 200, as Salla does', async () => {
    seen.length = 0;
    failuresLeft = 2;
    const sender = new SignedWebhookSender(url);
    await sender.sendAll(deliveries(1), { concurrency: 1 });
    sender.close();
    expect(seen).toHaveLength(3);
  });

  it('sends at a fixed rate without waiting for answers and reports every status', async () => {
    const sender = new SignedWebhookSender(url);
    const started = performance.now();
    const results = await sender.sendAtRate(deliveries(50), { ratePerSecond: 500 });
    sender.close();
    expect(results.map((result) => result.status)).toEqual(new Array(50).fill(200));
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    expect(Math.max(...results.map((result) => result.ms))).toBeLessThan(1_000);
  });

  it('answers 0 when nothing listens', async () => {
    const sender = new SignedWebhookSender('http://127.0.0.1:9');
    expect((await sender.post(deliveries(1)[0] as never)).status).toBe(0);
    sender.close();
  });
});
