import { deliveryKeyOf, listDeadLetters, recordDelivery } from '@salla-analytics/database-schema';
import { generateStore, localDateRangeToPeriod, toWebhookDeliveries } from '@salla-analytics/core-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, openQueueForPublishing, readPipelineEnv, replayAllDeadLetters, replayDeadLetter, signSallaBody } from '../src/index.js';
import { drained, type Engines, SECRET, sendAll, startEngines, startPipeline, waitFor } from './support/harness.js';
import { startTcpProxy } from './support/tcp-proxy.js';

let engines: Engines;
beforeAll(async () => {
  engines = await startEngines();
});
afterAll(async () => {
  await engines?.stop();
});

const authorize = (merchant: number, createdAt: string) => ({
  event: 'app.store.authorize',
  merchant,
  created_at: createdAt,
  data: { access_token: `access-${merchant}-not-real`, refresh_token: `refresh-${merchant}-not-real`, expires: 1893456000, scope: 'orders.read', token_type: 'bearer' },
});

describe('a poison message', () => {
  it('is retried with backoff, dead-lettered with its reason, and lands exactly once when replayed after the fix', async () => {
    // The cause: the pipeline runs without TOKEN_ENCRYPTION_KEYS, so tokens cannot be stored.
    const broken = await startPipeline(engines, { TOKEN_ENCRYPTION_KEYS: '', QUEUE_RETRY_LIMIT: '2', QUEUE_RETRY_DELAY_SECONDS: '1' });
    const started = Date.now();
    expect((await broken.send(authorize(700001, '2025-06-01 10:00:00'))).status).toBe(200);
    let letters = await listDeadLetters(engines.db, { merchantId: 700001 });
    await waitFor(async () => {
      letters = await listDeadLetters(engines.db, { merchantId: 700001 });
      return letters.length === 1;
    }, 60_000);
    // Three attempts (first + 2 retries) with exponential backoff in between: at least 1 s + 2 s.
    expect(Date.now() - started).toBeGreaterThan(2_000);
    expect(letters[0]).toMatchObject({ source: 'queue', reason: 'configuration_error', event: 'app.store.authorize' });
    expect(letters[0]?.message).toMatch(/TOKEN_ENCRYPTION_KEYS is not configured/);
    // The counter moves right after the dead letter is written (and the inbox entry marked failed).
    let metrics = '';
    await waitFor(async () => {
      metrics = await (await fetch(`${broken.url}/metrics`)).text();
      return /pipeline_messages_dead_lettered_total\{reason="configuration_error"\} 1/.test(metrics);
    });
    expect(metrics).toMatch(/pipeline_messages_retried_total 2/);
    await broken.stop();

    // The fix: configure the keys. Replay (twice: the second is a no-op).
    const fixed = await startPipeline(engines);
    const env = readPipelineEnv(engines.env());
    const queue = await openQueueForPublishing(env, createLogger({ level: 'silent' }));
    const id = letters[0]?.id ?? '';
    expect(await replayDeadLetter({ db: engines.db, queue }, id)).toMatchObject({ status: 'replayed', outcome: 'duplicate' });
    expect(await replayDeadLetter({ db: engines.db, queue }, id)).toEqual({ id, status: 'already_replayed' });
    await drained(engines);
    const installations = await engines.postgres.query<{ n: string }>('pipeline', 'SELECT count(*) AS n FROM installations WHERE merchant_id = 700001');
    expect(Number(installations[0]?.n)).toBe(1);
    const [inbox] = await engines.postgres.query<{ status: string; attempts: number }>('pipeline', 'SELECT status FROM webhook_inbox WHERE merchant_id = 700001');
    expect(inbox?.status).toBe('processed');
    expect(await listDeadLetters(engines.db, { merchantId: 700001 })).toEqual([]);
    expect(await replayAllDeadLetters({ db: engines.db, queue })).toEqual([]);
    await queue.stop();
    await fixed.stop();
  });

  it('an invalid envelope or payload replays once the parser accepts it, and stays put while it does not', async () => {
    const run = await startPipeline(engines);
    const env = readPipelineEnv(engines.env());
    const queue = await openQueueForPublishing(env, createLogger({ level: 'silent' }));
    const response = await run.post('{"broken":', { 'X-Salla-Signature': signSallaBody('{"broken":', SECRET) });
    expect(response.status).toBe(400);
    // A payload the schemas refuse is kept (200) and dead-lettered by the consumer; replayed while
    // still refused, it stays put: no second dead letter, its inbox entry still failed.
    const refused = JSON.stringify({ event: 'order.created', merchant: 705002, created_at: '2025-06-01 10:00:00', data: { id: 6, status: 'x' } });
    expect((await run.post(refused, { 'X-Salla-Signature': signSallaBody(refused, SECRET) })).status).toBe(200);
    await waitFor(async () => (await listDeadLetters(engines.db, { merchantId: 705002 })).length === 1);
    const results = await replayAllDeadLetters({ db: engines.db, queue });
    expect(results.find((result) => result.status === 'still_invalid' && result.reason === 'invalid_json')).toBeDefined();
    const [letter] = await listDeadLetters(engines.db, { merchantId: 705002 });
    expect(results.find((result) => result.id === letter?.id)).toMatchObject({ status: 'still_invalid', reason: 'invalid_payload' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await listDeadLetters(engines.db, { merchantId: 705002 })).map((l) => [l.reason, l.replayedAt])).toEqual([['invalid_payload', null]]);
    await queue.stop();
    await run.stop();
  });
});

describe('a delivery accepted but never enqueued (process stopped in between)', () => {
  it('is found in the inbox and enqueued by the worker', async () => {
    const body = JSON.stringify({ event: 'customer.created', merchant: 705001, created_at: '2025-06-01 10:00:00', data: { id: 31, first_name: 'ريم' } });
    await recordDelivery(engines.db, { merchantId: 705001, deliveryKey: deliveryKeyOf(body), event: 'customer.created', rawBody: body, receivedAt: new Date(Date.now() - 5_000) });
    const run = await startPipeline(engines, { INTAKE_RECOVERY_AFTER_SECONDS: '1' });
    await drained(engines);
    expect(await engines.ch.rows('SELECT customer_id FROM customers FINAL WHERE merchant_id = 705001')).toEqual([{ customer_id: 31 }]);
    expect(run.logs.join('\n')).toMatch(/enqueued accepted deliveries that had never been enqueued/);
    await run.stop();
  });
});

describe('ClickHouse unreachable for a while', () => {
  it('keeps events in the queue and lands them, exactly, when it returns', async () => {
    const proxy = await startTcpProxy(engines.ch.server.port);
    const run = await startPipeline(engines, { CLICKHOUSE_URL: proxy.url, QUEUE_JOB_TIMEOUT_SECONDS: '30', QUEUE_RETRY_LIMIT: '8' });
    const M = 710001;
    const store = generateStore({ seed: 5, merchantId: M, months: 1, endDate: new Date('2025-06-30T20:59:59Z'), ordersPerMonth: 60 });
    const deliveries = toWebhookDeliveries(store);
    await proxy.cut();
    const statuses = await sendAll(run, deliveries, 8);
    // Intake does not need ClickHouse: every delivery is acknowledged.
    expect(new Set(statuses)).toEqual(new Set([200]));
    const ready = await fetch(`${run.url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ checks: { clickhouse: 'unavailable', postgres: 'ok' } });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const [waiting] = await engines.postgres.query<{ n: string }>('pipeline', `SELECT count(*) AS n FROM webhook_inbox WHERE merchant_id = ${M} AND status <> 'processed'`);
    expect(Number(waiting?.n)).toBeGreaterThan(0);
    await proxy.restore();
    await drained(engines, 90_000);
    expect(await listDeadLetters(engines.db, { merchantId: M })).toEqual([]);
    const overview = await engines.ch.repository.getRevenueOverview({ merchantId: M, period: localDateRangeToPeriod('2025-05-01', '2025-06-30', 'Asia/Riyadh') });
    expect(overview.metrics.orders.value).toBe(store.orders.length);
    await run.stop();
    await proxy.close();
  });
});
