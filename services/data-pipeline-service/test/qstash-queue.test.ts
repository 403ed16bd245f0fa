import { listDeadLetters } from '@salla-analytics/database-schema';
import { type LocalQStash, signQStashPush, startLocalQStashServer } from '@salla-analytics/integration-gateways';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drained, type Engines, type RunningPipeline, startEngines, startPipeline, waitFor } from './support/harness.js';
import getPort from 'get-port';

const QSTASH = { token: 'qstash-token-test', currentSigningKey: 'sig_current_0123', nextSigningKey: 'sig_next_0123' };
const M = 730001;

let engines: Engines;
let qstash: LocalQStash;
let run: RunningPipeline;
let consumerUrl: string;

beforeAll(async () => {
  engines = await startEngines();
  qstash = await startLocalQStashServer({ ...QSTASH, retryBaseDelayMs: 50 });
  const port = await getPort();
  consumerUrl = `http://127.0.0.1:${port}/queue/qstash`;
  run = await startPipeline(engines, {
    PIPELINE_PORT: String(port),
    QUEUE_DRIVER: 'qstash',
    QSTASH_URL: qstash.url,
    QSTASH_TOKEN: QSTASH.token,
    QSTASH_CURRENT_SIGNING_KEY: QSTASH.currentSigningKey,
    QSTASH_NEXT_SIGNING_KEY: QSTASH.nextSigningKey,
    QSTASH_CONSUMER_URL: consumerUrl,
    QUEUE_RETRY_LIMIT: '2',
  });
});
afterAll(async () => {
  await run?.stop();
  await qstash?.close();
  await engines?.stop();
});

const created = {
  event: 'order.created',
  merchant: M,
  created_at: '2025-04-01 10:00:00',
  data: { id: 9001, date: '2025-04-01 10:00:00', status: { slug: 'under_review' }, amounts: { total: { amount: 250.75, currency: 'SAR' } }, customer: { id: 5 } },
};
const completed = { event: 'order.status.updated', merchant: M, created_at: '2025-04-02 10:00:00', data: { order_id: 9001, status: { slug: 'completed' } } };

describe('the QStash queue adapter (real SDK, local QStash, signed pushes)', () => {
  it('publishes once per delivery (deduplicated), consumes signed pushes and lands the events', async () => {
    expect((await run.send(completed)).status).toBe(200);
    expect((await run.send(created)).status).toBe(200);
    expect((await run.send(created)).json).toMatchObject({ status: 'duplicate' });
    await qstash.idle();
    await drained(engines);
    expect(qstash.messages().map((m) => m.state)).toEqual(['delivered', 'delivered']);
    const rows = await engines.ch.rows(`SELECT status, total_minor FROM orders FINAL WHERE merchant_id = ${M}`);
    expect(rows).toEqual([{ status: 'completed', total_minor: 25075 }]);
  });

  it('refuses pushes that QStash did not sign', async () => {
    const body = JSON.stringify({ inboxId: '0190b4a0-0000-7000-8000-000000000000', merchantId: M, event: 'order.created', receivedAt: new Date().toISOString() });
    for (const signature of [undefined, signQStashPush('not-the-key', consumerUrl, body), signQStashPush(QSTASH.currentSigningKey, consumerUrl, '{}')]) {
      const response = await fetch(consumerUrl, {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/json', ...(signature ? { 'Upstash-Signature': signature } : {}) },
      });
      expect(response.status).toBe(401);
    }
  });

  it('lets QStash retry a failing message, then keeps it as our dead letter on the last try', async () => {
    // Valid JSON and a valid envelope, but a total too large for exact minor units: the transform refuses it.
    const poison = {
      event: 'order.updated',
      merchant: M,
      created_at: '2025-04-03 10:00:00',
      data: { id: 9002, date: '2025-04-03 10:00:00', status: 'under_review', amounts: { total: { amount: 1e20 } } },
    };
    expect((await run.send(poison)).status).toBe(200);
    await qstash.idle();
    await waitFor(async () => (await listDeadLetters(engines.db, { merchantId: M })).length === 1);
    const [letter] = await listDeadLetters(engines.db, { merchantId: M });
    expect(letter).toMatchObject({ source: 'queue', reason: 'max_attempts', event: 'order.updated' });
    const message = qstash.messages().find((m) => m.attempts > 1);
    expect(message).toMatchObject({ attempts: 3, state: 'delivered' });
    expect(qstash.deadLetters()).toEqual([]);
  });
});
