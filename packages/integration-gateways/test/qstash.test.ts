import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createQStashPublisher,
  createQStashVerifier,
  type LocalQStash,
  qstashRetriedCount,
  signQStashPush,
  startLocalQStashServer,
} from '../src/index.js';

const TOKEN = 'qstash-test-token';
const CURRENT = 'sig_current_test_key';
const NEXT = 'sig_next_test_key';

interface Received {
  body: string;
  verified: boolean;
  retried: number;
}

let qstash: LocalQStash;
let consumer: Server;
let consumerUrl: string;
const received: Received[] = [];
let failFirst = 0;

beforeAll(async () => {
  qstash = await startLocalQStashServer({ token: TOKEN, currentSigningKey: CURRENT, nextSigningKey: NEXT, retryBaseDelayMs: 10 });
  const verifier = createQStashVerifier({ currentSigningKey: CURRENT, nextSigningKey: NEXT });
  consumer = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const signature = req.headers['upstash-signature'] as string | undefined;
    const verified = await verifier.verify({ signature, body, url: `${consumerUrl}${req.url === '/' ? '' : req.url}` });
    received.push({ body, verified, retried: qstashRetriedCount(req.headers['upstash-retried']) });
    if (body.includes('"fail":true') && failFirst > 0) {
      failFirst -= 1;
      res.writeHead(500).end();
      return;
    }
    res.writeHead(verified ? 200 : 401).end();
  });
  await new Promise<void>((resolve) => consumer.listen(0, '127.0.0.1', () => resolve()));
  consumerUrl = `http://127.0.0.1:${(consumer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await qstash?.close();
  consumer?.close();
});

describe('QStash publisher through the real SDK against a local QStash', () => {
  it('publishes JSON, deduplicates by id, and the push verifies with the SDK Receiver', async () => {
    const publisher = createQStashPublisher({ token: TOKEN, baseUrl: qstash.url });
    const first = await publisher.publishJSON({ url: `${consumerUrl}/queue`, body: { inboxId: 'a' }, deduplicationId: 'dedup-a' });
    const again = await publisher.publishJSON({ url: `${consumerUrl}/queue`, body: { inboxId: 'a' }, deduplicationId: 'dedup-a' });
    expect(first.deduplicated).toBe(false);
    expect(again).toEqual({ messageId: first.messageId, deduplicated: true });
    await qstash.idle();
    const pushes = received.filter((r) => r.body === '{"inboxId":"a"}');
    expect(pushes).toEqual([{ body: '{"inboxId":"a"}', verified: true, retried: 0 }]);
  });

  it('retries a failing push with Upstash-Retried counting up, then dead-letters it', async () => {
    const publisher = createQStashPublisher({ token: TOKEN, baseUrl: qstash.url });
    failFirst = 1;
    await publisher.publishJSON({ url: `${consumerUrl}/queue`, body: { fail: true, n: 1 }, deduplicationId: 'f1', retries: 2 });
    await qstash.idle();
    expect(received.filter((r) => r.body.includes('"n":1')).map((r) => r.retried)).toEqual([0, 1]);
    failFirst = 10;
    await publisher.publishJSON({ url: `${consumerUrl}/queue`, body: { fail: true, n: 2 }, deduplicationId: 'f2', retries: 2 });
    await qstash.idle();
    expect(received.filter((r) => r.body.includes('"n":2')).map((r) => r.retried)).toEqual([0, 1, 2]);
    expect(qstash.deadLetters().map((m) => m.body)).toEqual(['{"fail":true,"n":2}']);
  });

  it('rejects a wrong token at publish time', async () => {
    const publisher = createQStashPublisher({ token: 'wrong', baseUrl: qstash.url });
    await expect(publisher.publishJSON({ url: `${consumerUrl}/queue`, body: {}, deduplicationId: 'x' })).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
    });
  });
});

describe('QStash verifier', () => {
  const verifier = createQStashVerifier({ currentSigningKey: CURRENT, nextSigningKey: NEXT });
  const url = 'http://127.0.0.1:4000/queue/qstash';
  const body = '{"inboxId":"b"}';

  it('accepts the current and the next key (rotation)', async () => {
    expect(await verifier.verify({ signature: signQStashPush(CURRENT, url, body), body, url })).toBe(true);
    expect(await verifier.verify({ signature: signQStashPush(NEXT, url, body), body, url })).toBe(true);
  });

  it('rejects a missing, foreign, expired, tampered or misdirected push', async () => {
    expect(await verifier.verify({ signature: undefined, body, url })).toBe(false);
    expect(await verifier.verify({ signature: signQStashPush('someone-else', url, body), body, url })).toBe(false);
    expect(await verifier.verify({ signature: signQStashPush(CURRENT, url, body, Date.now() - 3_600_000), body, url })).toBe(false);
    expect(await verifier.verify({ signature: signQStashPush(CURRENT, url, body), body: '{"inboxId":"c"}', url })).toBe(false);
    expect(await verifier.verify({ signature: signQStashPush(CURRENT, url, body), body, url: 'http://evil/queue' })).toBe(false);
  });
});
