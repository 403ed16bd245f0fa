import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getInstallationTokens, getMerchant, listDeadLetters } from '@salla-analytics/database-schema';
import { createTokenCipher, parseTokenEncryptionKeys, sallaTokenContext } from '@salla-analytics/integration-gateways';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_INVALIDATION_CHANNEL, signSallaBody } from '../src/index.js';
import { drained, type Engines, type RunningPipeline, SECRET, startEngines, startPipeline, TOKEN, TOKEN_KEYS, waitFor } from './support/harness.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const MERCHANT = 1305146709;

let engines: Engines;
let run: RunningPipeline;
let listener: pg.Client;
const notifications: Array<{ merchantId: number; table: string }> = [];

beforeAll(async () => {
  engines = await startEngines();
  listener = new pg.Client({ connectionString: engines.databaseUrl });
  await listener.connect();
  listener.on('notification', (message) => notifications.push(JSON.parse(message.payload ?? '{}')));
  await listener.query(`LISTEN ${CACHE_INVALIDATION_CHANNEL}`);
  run = await startPipeline(engines, { PIPELINE_BODY_LIMIT_BYTES: '65536' });
});
afterAll(async () => {
  await listener?.end();
  await run?.stop();
  await engines?.stop();
});

const inboxCount = async () =>
  Number((await engines.postgres.query<{ n: string }>('pipeline', 'SELECT count(*) AS n FROM webhook_inbox'))[0]?.n);

describe('authentication', () => {
  const body = fixture('product.created.json');

  it('accepts a valid X-Salla-Signature (hex HMAC-SHA256 of the raw body)', async () => {
    const response = await run.post(body, { 'X-Salla-Signature': signSallaBody(body, SECRET) });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ status: 'accepted' });
  });

  it.each([
    ['missing', {}],
    ['wrong secret', { 'X-Salla-Signature': signSallaBody(body, 'another-secret-of-someone-else') }],
    ['not hex', { 'X-Salla-Signature': 'zz' }],
    ['wrong bearer token', { Authorization: 'Bearer not-the-token-0123456789' }],
  ])('answers 401 for a %s signature and processes nothing', async (_name, headers) => {
    const before = await inboxCount();
    const changed = body.replace('"quantity": 37', '"quantity": 36');
    const response = await run.post(changed, headers as Record<string, string>);
    expect(response.status).toBe(401);
    expect(response.json).toEqual({ error: { code: 'INVALID_SIGNATURE', message: 'Missing or invalid X-Salla-Signature' } });
    expect(await inboxCount()).toBe(before);
  });

  it('answers 401 for a tampered body (signature of the original bytes)', async () => {
    const before = await inboxCount();
    const tampered = body.replace('"quantity": 37', '"quantity": 3700');
    const response = await run.post(tampered, { 'X-Salla-Signature': signSallaBody(body, SECRET) });
    expect(response.status).toBe(401);
    expect(await inboxCount()).toBe(before);
  });

  it('accepts the token strategy when a token is configured', async () => {
    const other = body.replace('"quantity": 37', '"quantity": 35');
    const response = await run.post(other, { Authorization: `Bearer ${TOKEN}`, 'X-Salla-Security-Strategy': 'Token' });
    expect(response.status).toBe(200);
  });
});

describe('every shared fixture lands in the right place with the right values', () => {
  beforeAll(async () => {
    for (const name of readdirSync(FIXTURES).sort()) {
      const response = await run.send(fixture(name));
      expect(response.status, name).toBe(200);
    }
    await drained(engines);
  });

  it('order.created + order.status.updated: one order row, completed, exact halalas, its lines and history', async () => {
    const [order] = await engines.ch.rows(
      'SELECT order_id, status, total_minor, sub_total_minor, shipping_minor, tax_minor, discount_minor, items_count, customer_id, is_deleted FROM orders FINAL WHERE merchant_id = {m:UInt64}',
      { m: MERCHANT },
    );
    expect(order).toEqual({
      order_id: 218104935,
      status: 'completed',
      total_minor: 45603,
      sub_total_minor: 41050,
      shipping_minor: 2500,
      tax_minor: 6158,
      discount_minor: 4105,
      items_count: 3,
      customer_id: 1227534533,
      is_deleted: 0,
    });
    const items = await engines.ch.rows<{ product_id: number; total_minor: number }>(
      'SELECT product_id, quantity, total_minor FROM order_items FINAL WHERE merchant_id = {m:UInt64} ORDER BY item_id',
      { m: MERCHANT },
    );
    expect(items).toEqual([
      { product_id: 1536426142, quantity: 1, total_minor: 28800 },
      { product_id: 1536426199, quantity: 2, total_minor: 8145 },
    ]);
    const history = await engines.ch.rows(
      "SELECT status, toString(changed_at) AS at FROM order_status_history FINAL WHERE merchant_id = {m:UInt64} ORDER BY changed_at",
      { m: MERCHANT },
    );
    expect(history).toEqual([
      { status: 'under_review', at: '2025-03-14 18:47:12.000' },
      { status: 'completed', at: '2025-03-15 06:02:40.000' },
    ]);
    const [hourly] = await engines.ch.rows('SELECT status, total_minor FROM sales_hourly FINAL WHERE merchant_id = {m:UInt64}', { m: MERCHANT });
    expect(hourly).toEqual({ status: 'completed', total_minor: 45603 });
  });

  it('product.created, customer.created and abandoned.cart rows', async () => {
    const [product] = await engines.ch.rows(
      'SELECT product_id, name, price_minor, cost_minor, quantity, category FROM products FINAL WHERE merchant_id = {m:UInt64}',
      { m: MERCHANT },
    );
    // The token-strategy delivery above (quantity 35) is a different body with the same event time.
    expect(product).toMatchObject({ product_id: 1536426142, name: 'عباية كريب سوداء', price_minor: 32000, cost_minor: 14000, category: 'عبايات' });
    const [customer] = await engines.ch.rows('SELECT customer_id, email, city, country FROM customers FINAL WHERE merchant_id = {m:UInt64}', { m: MERCHANT });
    expect(customer).toEqual({ customer_id: 1227534533, email: 'noura@example.com', city: 'الرياض', country: 'السعودية' });
    const [cart] = await engines.ch.rows(
      'SELECT cart_id, customer_id, total_minor, items_count, status FROM abandoned_carts FINAL WHERE merchant_id = {m:UInt64}',
      { m: MERCHANT },
    );
    expect(cart).toEqual({ cart_id: 661234987, customer_id: 1227534533, total_minor: 23900, items_count: 2, status: 'abandoned' });
  });

  it('app.store.authorize: the merchant is active and its tokens are stored encrypted', async () => {
    const merchant = await getMerchant(engines.db, MERCHANT);
    expect(merchant?.status).toBe('active');
    const tokens = await getInstallationTokens(engines.db, MERCHANT);
    expect(tokens).not.toBeNull();
    const cipher = createTokenCipher(parseTokenEncryptionKeys(TOKEN_KEYS));
    const context = sallaTokenContext(MERCHANT);
    expect(cipher.decrypt(tokens!.accessToken, context)).toBe('example-access-token-not-real');
    expect(cipher.decrypt(tokens!.refreshToken, context)).toBe('example-refresh-token-not-real');
    const raw = await engines.postgres.query<{ row: string }>('pipeline', 'SELECT row_to_json(i)::text AS row FROM installations i');
    expect(raw[0]?.row).not.toContain('example-access-token');
    expect(tokens!.expiresAt.toISOString()).toBe(new Date(1739620710 * 1000).toISOString());
  });

  it('signals a cache invalidation for the merchant after its batches commit', async () => {
    await waitFor(() => notifications.some((n) => n.merchantId === MERCHANT && n.table === 'orders'));
    expect(new Set(notifications.map((n) => n.table))).toEqual(
      new Set(['orders', 'order_items', 'order_status_history', 'products', 'customers', 'abandoned_carts']),
    );
    expect(notifications.every((n) => n.merchantId === MERCHANT)).toBe(true);
  });
});

describe('duplicates, unknown events, bad input', () => {
  it('takes the same delivery three times with one effect', async () => {
    const body = JSON.stringify({
      event: 'order.created',
      merchant: 4242,
      created_at: '2025-05-01 10:00:00',
      data: { id: 1, date: '2025-05-01 10:00:00', status: 'under_review', amounts: { total: { amount: 100.5, currency: 'SAR' } } },
    });
    const results = [await run.send(body), await run.send(body), await run.send(body)];
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.map((r) => (r.json as { status: string }).status)).toEqual(['accepted', 'duplicate', 'duplicate']);
    await drained(engines);
    const rows = await engines.ch.rows('SELECT count() AS n, sum(total_minor) AS total FROM orders WHERE merchant_id = 4242');
    expect(rows).toEqual([{ n: 1, total: 10050 }]);
    const [inbox] = await engines.postgres.query<{ n: string }>('pipeline', "SELECT count(*) AS n FROM webhook_inbox WHERE merchant_id = 4242");
    expect(Number(inbox?.n)).toBe(1);
  });

  it('takes the same delivery five times at once (one shared inbox write) with one effect', async () => {
    const body = JSON.stringify({
      event: 'order.created',
      merchant: 4244,
      created_at: '2025-05-02 10:00:00',
      data: { id: 2, date: '2025-05-02 10:00:00', status: 'under_review', amounts: { total: { amount: 10, currency: 'SAR' } } },
    });
    const results = await Promise.all(Array.from({ length: 5 }, () => run.send(body)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.map((r) => (r.json as { status: string }).status).sort()).toEqual(['accepted', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    await drained(engines);
    // One inbox entry, handed to a consumer once: the inbox is the queue, so one entry is one message.
    const entries = await engines.postgres.query<{ claims: number; status: string }>('pipeline', 'SELECT claims, status FROM webhook_inbox WHERE merchant_id = 4244');
    expect(entries).toEqual([{ claims: 1, status: 'processed' }]);
    expect(await engines.ch.rows('SELECT count() AS n FROM orders WHERE merchant_id = 4244')).toEqual([{ n: 1 }]);
  });

  it('accepts and keeps unknown events', async () => {
    const body = { event: 'review.added', merchant: 4242, created_at: '2025-05-01 11:00:00', data: { id: 9, rating: 5 } };
    const response = await run.send(body);
    expect(response.status).toBe(200);
    await drained(engines);
    const [row] = await engines.postgres.query<{ status: string }>('pipeline', "SELECT status FROM webhook_inbox WHERE event = 'review.added'");
    expect(row?.status).toBe('processed');
  });

  it.each([
    ['not JSON', '{"event": "order.created", ', 'invalid_json'],
    ['not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'invalid_encoding'],
    ['no merchant', JSON.stringify({ event: 'order.created', created_at: '2025-05-01 10:00:00', data: {} }), 'invalid_envelope'],
  ])('answers 400 for %s and keeps the raw bytes as a dead letter', async (_name, body, reason) => {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    const response = await run.post(bytes, { 'X-Salla-Signature': signSallaBody(bytes, SECRET) });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: { code: 'VALIDATION_FAILED', reason } });
    const [letter] = (await listDeadLetters(engines.db, { merchantId: 'all-merchants' })).filter((l) => l.reason === reason);
    expect(letter?.source).toBe('webhook');
    expect(Buffer.from(letter!.payload)).toEqual(bytes);
  });

  it('keeps a valid envelope whose payload is refused (200), dead-letters it in the consumer with its exact bytes for a replay', async () => {
    const body = JSON.stringify({ event: 'order.created', merchant: 4243, created_at: '2025-05-01 10:00:00', data: { id: 5, status: 'x' } });
    const response = await run.send(JSON.parse(body));
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ status: 'accepted' });
    await waitFor(async () => (await listDeadLetters(engines.db, { merchantId: 4243 })).some((letter) => letter.reason === 'invalid_payload'));
    const [letter] = (await listDeadLetters(engines.db, { merchantId: 4243 })).filter((l) => l.reason === 'invalid_payload');
    expect(letter).toMatchObject({ source: 'queue', event: 'order.created' });
    expect(letter?.message).toMatch(/amounts/);
    expect(Buffer.from(letter!.payload).toString('utf8')).toBe(body);
    const [entry] = await engines.postgres.query<{ status: string }>('pipeline', 'SELECT status::text FROM webhook_inbox WHERE merchant_id = 4243');
    expect(entry?.status).toBe('failed');
    expect(await engines.ch.rows('SELECT count() AS n FROM orders WHERE merchant_id = 4243')).toEqual([{ n: 0 }]);
  });

  it('answers 413 above the body limit', async () => {
    const big = JSON.stringify({ event: 'x', merchant: 1, created_at: '2025-01-01', data: { pad: 'x'.repeat(70_000) } });
    const response = await run.post(big, { 'X-Salla-Signature': signSallaBody(big, SECRET) });
    expect(response.status).toBe(413);
    expect(response.json).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('answers JSON 404 for other routes', async () => {
    const response = await fetch(`${run.url}/nope`);
    expect(response.status).toBe(404);
  });
});

describe('operations', () => {
  it('reports health, readiness and Prometheus metrics', async () => {
    expect(await (await fetch(`${run.url}/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${run.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { postgres: 'ok', clickhouse: 'ok', queue: 'ok' } });
    const metrics = await (await fetch(`${run.url}/metrics`)).text();
    expect(metrics).toMatch(/pipeline_webhooks_received_total\{event="order.created"\} \d+/);
    expect(metrics).toMatch(/pipeline_webhooks_duplicates_total \d+/);
    expect(metrics).toMatch(/nodejs_eventloop_lag_p99_seconds [\d.e-]+/);
    expect(metrics).toMatch(/pipeline_webhooks_rejected_total\{reason="invalid_signature"\} \d+/);
    expect(metrics).toMatch(/pipeline_webhooks_rejected_total\{reason="invalid_json"\} 1/);
    expect(metrics).toMatch(/pipeline_messages_processed_total\{event="order.status.updated"\} 1/);
    expect(metrics).toMatch(/pipeline_clickhouse_batch_rows_count\{table="orders"\} \d+/);
    expect(metrics).toMatch(/pipeline_end_to_end_lag_seconds_count \d+/);
    expect(metrics).toMatch(/http_server_request_duration_seconds_count\{route="\/webhooks\/salla",method="POST",status="200"\} \d+/);
    expect(metrics).toMatch(/olap_query_duration_seconds_count\{query="insert_orders",outcome="ok"\} \d+/);
    // New deliveries went straight to this process's consumer, not through a claim.
    expect(metrics).toMatch(/pipeline_messages_handed_off_total [1-9]\d*/);
    expect(metrics).toMatch(/pipeline_queue_depth \d+/);
    expect(metrics).toMatch(/pipeline_queue_oldest_age_seconds [\d.e-]+/);
  });

  it('never logs the secret, the token, signatures, Salla tokens or customer PII', async () => {
    await run.post('{}', { Authorization: `Bearer ${TOKEN}x`, 'X-Salla-Signature': signSallaBody('x', SECRET) });
    const text = run.logs.join('\n');
    expect(run.logs.length).toBeGreaterThan(3);
    for (const secret of [SECRET, TOKEN, signSallaBody('x', SECRET), 'example-access-token-not-real', 'example-refresh-token', 'noura@example.com', '555123456', 'نورة', 'القحطاني']) {
      expect(text).not.toContain(secret);
    }
    // Logs do carry request ids and merchant ids.
    expect(text).toMatch(/"reqId":"[0-9a-f-]{36}"/);
    expect(text).toMatch(/"merchantId":4242/);
  });
});
