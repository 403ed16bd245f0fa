import { generateStore, isAppError } from '@salla-analytics/core-library';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSallaAdminClient, type LocalSalla, StoreRateLimiter, startLocalSallaServer } from '../src/index.js';

const CLIENT = { clientId: 'app-client', clientSecret: 'app-secret-0123456789' };
const M = 7001;
const store = generateStore({ seed: 3, merchantId: M, months: 2, endDate: new Date('2025-06-30T20:59:59Z'), ordersPerMonth: 150, products: 70 });
let salla: LocalSalla;
let token: string;

beforeAll(async () => {
  salla = await startLocalSallaServer({ ...CLIENT, rateLimit: { capacity: 1000, leakPerSecond: 1000 } });
  salla.seed(M, store);
  token = salla.issueTokens(M).accessToken;
});
afterAll(async () => {
  await salla?.close();
});
afterEach(() => salla.faults.clear());

const client = (options: Partial<Parameters<typeof createSallaAdminClient>[0]> = {}) =>
  createSallaAdminClient({ baseUrl: salla.apiUrl, accessToken: async () => token, backoff: { baseMs: 20, capMs: 100 }, ...options });

describe('Salla Admin API v2 client against the local Admin API', () => {
  it('walks every page of orders (per_page capped at 60), newest first, mapped to core-library orders', async () => {
    const seen: number[] = [];
    let pages = 0;
    for await (const page of client().pages('orders', M, { perPage: 500 })) {
      pages += 1;
      expect(page.perPage).toBe(60);
      expect(page.total).toBe(store.orders.length);
      expect(page.invalid).toEqual([]);
      for (const order of page.items) {
        expect(order.date).toBeInstanceOf(Date);
        expect(typeof order.amounts?.total.amount).toBe('number');
        seen.push(order.id);
      }
    }
    expect(pages).toBe(Math.ceil(store.orders.length / 60));
    expect(new Set(seen)).toEqual(new Set(store.orders.map((order) => order.id)));
    const byId = new Map(store.orders.map((order) => [order.id, order]));
    const first = (await client().listOrders(M, { page: 1 })).items[0]!;
    expect(first.amounts?.total.amount).toBe(byId.get(first.id)?.amounts?.total.amount);
    expect(first.status?.slug).toBe(byId.get(first.id)?.status?.slug);
    expect(first.items?.length).toBe(byId.get(first.id)?.items?.length);
  });

  it('lists products and customers, and completes order summaries from /orders/{id}', async () => {
    const products = await client().listProducts(M, { perPage: 60 });
    expect(products.total).toBe(store.products.length);
    expect(products.items[0]?.name).toBeTruthy();
    const customers = await client().listCustomers(M, { page: 2, perPage: 10 });
    expect(customers.items).toHaveLength(10);
    salla.faults.orderSummaries(true);
    const before = salla.stats().requests.filter((r) => /^\/orders\/\d+$/.test(r.path)).length;
    const page = await client().listOrders(M, { perPage: 5 });
    expect(page.items.every((order) => order.amounts?.total !== undefined && order.items !== undefined)).toBe(true);
    expect(salla.stats().requests.filter((r) => /^\/orders\/\d+$/.test(r.path)).length - before).toBe(5);
  });

  it('keeps items that do not match the documented shape as invalid instead of dropping or failing the page', async () => {
    const data = salla.store(M + 1);
    data.orders.put(1, 2, { id: 1, date: '2025-01-01 10:00:00', amounts: { total: { amount: 'abc' } } });
    const other = salla.issueTokens(M + 1).accessToken;
    const page = await createSallaAdminClient({ baseUrl: salla.apiUrl, accessToken: async () => other }).listOrders(M + 1);
    expect(page.items).toEqual([]);
    expect(page.invalid).toHaveLength(1);
    expect(page.invalid[0]?.id).toBe(1);
    expect(page.invalid[0]?.message).toContain('amounts.total');
  });

  it('retries 5xx with backoff and succeeds; gives up after maxRetries with UPSTREAM_UNAVAILABLE', async () => {
    salla.faults.fail('/products', 503, 2);
    const page = await client({ maxRetries: 3 }).listProducts(M, { perPage: 5 });
    expect(page.items).toHaveLength(5);
    salla.faults.fail('/products', 500, 10);
    const error = await client({ maxRetries: 2 }).listProducts(M).catch((caught: unknown) => caught);
    expect(isAppError(error) && error.code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('timeouts fire and are retried; a request that always times out ends in TIMEOUT', async () => {
    salla.faults.delay('/customers', 1_000, 1);
    const started = Date.now();
    const page = await client({ timeoutMs: 200 }).listCustomers(M, { perPage: 3 });
    expect(page.items).toHaveLength(3);
    expect(Date.now() - started).toBeLessThan(900);
    salla.faults.delay('/customers', 1_000, 3);
    const error = await client({ timeoutMs: 200, maxRetries: 2 }).listCustomers(M).catch((caught: unknown) => caught);
    expect(isAppError(error) && error.code).toBe('TIMEOUT');
  });

  it('a 401 asks the token provider for a refresh once, with the rejected token', async () => {
    const rejected: string[] = [];
    const stale = 'at_stale';
    const admin = createSallaAdminClient({
      baseUrl: salla.apiUrl,
      accessToken: async (_merchantId, options) => {
        if (options?.rejected) rejected.push(options.rejected);
        return rejected.length > 0 ? token : stale;
      },
    });
    expect((await admin.listProducts(M, { perPage: 1 })).items).toHaveLength(1);
    expect(rejected).toEqual([stale]);
  });
});

describe('rate limits', () => {
  it('a 429 storm is obeyed: no request before Retry-After', async () => {
    salla.faults.throttle(3, 1);
    const before = salla.stats();
    const started = Date.now();
    const page = await client().listProducts(M, { perPage: 2 });
    expect(page.items).toHaveLength(2);
    const after = salla.stats();
    expect(after.throttled - before.throttled).toBe(3);
    expect(after.retryAfterViolations).toEqual([]);
    // Three Retry-After: 1 in a row: at least three seconds.
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);
  });

  it('concurrent callers of one store share the wait (the limiter holds all of them)', async () => {
    salla.faults.throttle(1, 1);
    const limiter = new StoreRateLimiter();
    const admin = client({ rateLimiter: limiter });
    const pages = await Promise.all(Array.from({ length: 8 }, (_, index) => admin.listOrders(M, { page: index + 1, perPage: 10 })));
    expect(pages.every((page) => page.items.length === 10)).toBe(true);
    expect(salla.stats().retryAfterViolations).toEqual([]);
  });

  it('X-RateLimit-Remaining 0 holds the next request until X-RateLimit-Reset (leaky bucket), never a 429 loop', async () => {
    const tight = await startLocalSallaServer({ ...CLIENT, rateLimit: { capacity: 5, leakPerSecond: 5 } });
    try {
      tight.seed(M, store);
      const access = tight.issueTokens(M).accessToken;
      const admin = createSallaAdminClient({ baseUrl: tight.apiUrl, accessToken: async () => access });
      const started = Date.now();
      for (let page = 1; page <= 15; page++) await admin.listOrders(M, { page, perPage: 5 });
      const stats = tight.stats();
      expect(stats.retryAfterViolations).toEqual([]);
      // 15 requests through a bucket of 5 leaking 5/s: about 2 s, with few (if any) 429s.
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
      expect(stats.throttled).toBeLessThanOrEqual(2);
    } finally {
      await tight.close();
    }
  });

  it('/customers keeps under its own cap (N per window) while other resources go on', async () => {
    const capped = await startLocalSallaServer({ ...CLIENT, rateLimit: { capacity: 100, leakPerSecond: 100 }, customersCap: { limit: 3, windowMs: 1_500 } });
    try {
      capped.seed(M, store);
      const access = capped.issueTokens(M).accessToken;
      const limiter = new StoreRateLimiter({ customersCap: { limit: 3, windowMs: 1_500 } });
      const admin = createSallaAdminClient({ baseUrl: capped.apiUrl, accessToken: async () => access, rateLimiter: limiter });
      const started = Date.now();
      for (let page = 1; page <= 6; page++) await admin.listCustomers(M, { page, perPage: 5 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
      expect(capped.stats().throttled).toBe(0);
      // Without our own cap the server's 429 + Retry-After still keeps it correct.
      const unaware = createSallaAdminClient({ baseUrl: capped.apiUrl, accessToken: async () => access, rateLimiter: new StoreRateLimiter({ customersCap: { limit: 1000, windowMs: 1 } }) });
      for (let page = 1; page <= 4; page++) await unaware.listCustomers(M, { page, perPage: 5 });
      expect(capped.stats().retryAfterViolations).toEqual([]);
    } finally {
      await capped.close();
    }
  });
});
