import { BACKFILL_JOB_TYPE, backfillProgressOf, generateStore, RECONCILE_JOB_TYPE } from '@salla-analytics/core-library';
import { getJob, type Job, listDeadLetters, listJobs } from '@salla-analytics/database-schema';
import { type LocalSalla, startLocalSallaServer } from '@salla-analytics/integration-gateways';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueHistoryJob } from '../src/index.js';
import { drained, type Engines, type RunningPipeline, sendAll, startEngines, startPipeline, waitFor } from './support/harness.js';
import { authorizeWebhook, SALLA_CLIENT, SallaTruth, sallaEnv, storedNumbers } from './support/salla-history.js';

const end = new Date('2025-06-30T20:59:59Z');
let engines: Engines;
let salla: LocalSalla;
let pipeline: RunningPipeline;

beforeAll(async () => {
  [engines, salla] = await Promise.all([startEngines(), startLocalSallaServer({ ...SALLA_CLIENT, rateLimit: { capacity: 40, leakPerSecond: 40 } })]);
  pipeline = await startPipeline(engines, sallaEnv(salla));
});
afterAll(async () => {
  await pipeline?.stop();
  await salla?.close();
  await engines?.stop();
});

async function finished(merchantId: number, type = BACKFILL_JOB_TYPE, timeoutMs = 90_000): Promise<Job> {
  let job: Job | undefined;
  await waitFor(async () => {
    [job] = await listJobs(engines.db, { merchantId, type, limit: 1 });
    return job !== undefined && ['succeeded', 'failed', 'canceled'].includes(job.status);
  }, timeoutMs);
  return job as Job;
}

describe('history backfill', () => {
  it('starts on install (app.store.authorize) and imports orders, products and customers exactly, with progress', async () => {
    const M = 910001;
    const store = generateStore({ seed: 5, merchantId: M, months: 3, endDate: end, ordersPerMonth: 300, products: 80 });
    const truth = new SallaTruth(salla, M, store);
    expect((await pipeline.send(authorizeWebhook(salla, M))).status).toBe(200);
    const job = await finished(M);
    expect(job.status).toBe('succeeded');
    const progress = backfillProgressOf(job);
    const total = store.orders.length + store.products.length + store.customers.length;
    expect(progress).toMatchObject({ status: 'succeeded', done: total, total, fraction: 1 });
    expect(progress.ratePerSecond).toBeGreaterThan(0);
    expect(progress.resources?.orders).toMatchObject({ done: store.orders.length, total: store.orders.length, finished: true });

    const stored = await storedNumbers(engines.ch, M);
    const expected = truth.expected();
    expect(stored).toMatchObject({ orders: expected.orders, distinctOrders: expected.orders, grossMinor: expected.grossMinor, canceled: expected.canceled, items: expected.items });
    expect(stored.products).toBe(store.products.length);
    expect(stored.customers).toBe(store.customers.length);
    // Requests stayed within the rate limit (429s obeyed) and never reused a refresh token.
    expect(salla.stats().retryAfterViolations).toEqual([]);
    // A second authorize for the same installation does not queue a second backfill.
    await pipeline.send(authorizeWebhook(salla, M, new Date(Date.now() - 60_000)));
    await drained(engines);
    expect(await listJobs(engines.db, { merchantId: M, type: BACKFILL_JOB_TYPE })).toHaveLength(1);
  });

  it('converges with webhooks for the same orders sent during the import (reordered, duplicated, late)', async () => {
    const M = 910002;
    const store = generateStore({ seed: 6, merchantId: M, months: 3, endDate: end, ordersPerMonth: 400, products: 40 });
    // A slow Salla, so that the import and the webhooks really overlap.
    const slow = await startLocalSallaServer({ ...SALLA_CLIENT, rateLimit: { capacity: 2, leakPerSecond: 5 } });
    const truth = new SallaTruth(slow, M, store);
    await pipeline.stop(); // only the slow-Salla pipeline runs jobs now
    const local = await startPipeline(engines, sallaEnv(slow));
    try {
      await local.send(authorizeWebhook(slow, M));
      // Wait until the newest 180 orders (pages 1-3, lists are newest first) are imported …
      await waitFor(async () => {
        const [job] = await listJobs(engines.db, { merchantId: M, type: BACKFILL_JOB_TYPE, limit: 1 });
        return job !== undefined && (backfillProgressOf(job).resources?.orders.nextPage ?? 1) >= 4;
      }, 60_000, 20);
      // … then change 40 of them twice, 1.1 s apart (webhook times have one-second resolution): their
      // snapshots are now stale and must lose to the webhooks, which arrive newest first, one twice.
      const newest = store.orders.slice(-180).map((order) => order.id).slice(0, 40);
      // And change 40 of the oldest (imported last, so the import reads the changed state).
      const oldest = store.orders.slice(0, 40).map((order) => order.id);
      const firstChanges = [...newest, ...oldest].map((id, index) => (index % 2 ? truth.changeStatus(id, 'in_progress') : truth.changeShipping(id, 35)));
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const secondChanges = [...newest, ...oldest].map((id, index) => truth.changeStatus(id, index % 3 ? 'completed' : 'canceled'));
      await sendAll(local, [...secondChanges, ...firstChanges.slice(0, 40), ...secondChanges.slice(0, 10)], 8);
      // A new order placed during the import.
      const extra = { ...store.orders[0]!, id: 99_000_001, reference_id: 99_000_001, date: new Date(), updated_at: new Date() };
      await sendAll(local, [truth.create(extra)]);
      const job = await finished(M);
      expect(job.status).toBe('succeeded');
      // Salla's retries deliver the oldest orders' first changes late, after the import read newer state.
      await sendAll(local, firstChanges.slice(40), 8);
      await drained(engines);
      const expected = truth.expected();
      const stored = await storedNumbers(engines.ch, M);
      expect(stored).toMatchObject({ orders: expected.orders, distinctOrders: expected.orders, grossMinor: expected.grossMinor, canceled: expected.canceled });
      const statuses = await engines.ch.rows<{ order_id: string; status: string }>(
        `SELECT order_id, status FROM orders FINAL WHERE merchant_id = {m:UInt64} AND order_id IN {ids:Array(UInt64)}`,
        { m: M, ids: [...newest, ...oldest] },
      );
      expect(Object.fromEntries(statuses.map((row) => [Number(row.order_id), row.status]))).toEqual(
        Object.fromEntries([...newest, ...oldest].map((id) => [id, truth.orders.get(id)?.status?.slug])),
      );
      expect(slow.stats().retryAfterViolations).toEqual([]);
    } finally {
      await local.stop();
      await slow.close();
      pipeline = await startPipeline(engines, sallaEnv(salla));
    }
  });

  it('a reconciliation sweep finds and repairs gaps (rows lost in ClickHouse, pages Salla sent empty)', async () => {
    const M = 910003;
    const store = generateStore({ seed: 7, merchantId: M, months: 3, endDate: end, ordersPerMonth: 300, products: 70 });
    const truth = new SallaTruth(salla, M, store);
    // Salla glitches: two order pages and a product page come back empty during the import.
    salla.faults.emptyPages('orders', [2, 5]);
    salla.faults.emptyPages('products', [1]);
    await pipeline.send(authorizeWebhook(salla, M));
    expect((await finished(M)).status).toBe('succeeded');
    const before = await storedNumbers(engines.ch, M);
    expect(before.orders).toBe(store.orders.length - 120);
    expect(before.products).toBe(store.products.length - 60);
    // And some rows are lost on our side.
    const lost = store.orders.slice(-25).map((order) => order.id);
    await engines.ch.client.command({
      query: `ALTER TABLE orders DELETE WHERE merchant_id = ${M} AND order_id IN (${lost.join(',')})`,
      clickhouse_settings: { mutations_sync: '2' },
    });
    expect((await storedNumbers(engines.ch, M)).orders).toBe(store.orders.length - 145);

    const { job } = await enqueueHistoryJob(engines.db, { merchantId: M, kind: 'reconcile' });
    const done = await finished(M, RECONCILE_JOB_TYPE);
    expect(done.status).toBe('succeeded');
    const report = backfillProgressOf((await getJob(engines.db, { merchantId: M, id: job.id }))!).reconcile;
    expect(report?.resources).toEqual([
      { resource: 'products', apiTotal: store.products.length, storedBefore: store.products.length - 60, repaired: 60, storedAfter: store.products.length },
      { resource: 'customers', apiTotal: store.customers.length, storedBefore: store.customers.length, repaired: 0, storedAfter: store.customers.length },
      { resource: 'orders', apiTotal: store.orders.length, storedBefore: store.orders.length - 145, repaired: 145, storedAfter: store.orders.length },
    ]);
    const expected = truth.expected();
    expect(await storedNumbers(engines.ch, M)).toMatchObject({ orders: expected.orders, distinctOrders: expected.orders, grossMinor: expected.grossMinor, items: expected.items });
  });

  it('a revoked token chain fails the job for good with the reason; nothing is retried against Salla', async () => {
    const M = 910004;
    const store = generateStore({ seed: 8, merchantId: M, months: 1, endDate: end, ordersPerMonth: 50, products: 10 });
    new SallaTruth(salla, M, store);
    const authorize = authorizeWebhook(salla, M);
    salla.expireAccessTokens(M);
    // Salla revoked the chain (the refresh token was used elsewhere).
    await fetch(`${salla.accountsUrl}/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: authorize.data.refresh_token, client_id: SALLA_CLIENT.clientId, client_secret: SALLA_CLIENT.clientSecret }),
    });
    await pipeline.send(authorize);
    const job = await finished(M);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/reinstalled/);
    expect(job.attempts).toBe(1);
    expect(await listDeadLetters(engines.db, { merchantId: M })).toEqual([]);
  });
});
