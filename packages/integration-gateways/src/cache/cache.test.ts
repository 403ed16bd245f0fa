import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CacheStore } from './cache-store.js';
import { createCacheStore } from './create-cache-store.js';
import { type LocalUpstash, startLocalUpstashServer } from './local-upstash-server.js';
import { createLruCacheStore } from './lru-cache-store.js';
import { hashParams, MerchantQueryCache } from './merchant-query-cache.js';
import { createRedisCacheStore } from './redis-cache-store.js';
import { startTestRedis, type TestRedis } from './test-redis-server.js';
import { createUpstashCacheStore } from './upstash-cache-store.js';

const TOKEN = 'upstash-test-token';
let redis: TestRedis;
let upstash: LocalUpstash;
const opened: CacheStore[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  upstash = await startLocalUpstashServer({ redisUrl: redis.url, token: TOKEN });
});
afterAll(async () => {
  for (const store of opened) await store.close();
  await upstash?.close();
  await redis?.stop();
});

let namespaceCounter = 0;
const backends: Array<[string, () => CacheStore]> = [
  ['lru', () => createLruCacheStore()],
  ['redis', () => createRedisCacheStore({ url: redis.url })],
  ['upstash', () => createUpstashCacheStore({ url: upstash.url, token: TOKEN, retries: 0 })],
];

describe.each(backends)('%s store', (kind, make) => {
  const open = () => {
    const store = make();
    opened.push(store);
    return store;
  };
  const ns = () => `test${++namespaceCounter}`;

  it('gets, sets with a TTL, counts and deletes', async () => {
    const store = open();
    expect(store.kind).toBe(kind);
    const key = `${ns()}:k`;
    expect(await store.get(key)).toBeNull();
    await store.set(key, '{"ar":"مرحبا","n":1}', 60);
    expect(await store.get(key)).toBe('{"ar":"مرحبا","n":1}');
    expect(await store.incr(`${key}:c`)).toBe(1);
    expect(await store.incr(`${key}:c`)).toBe(2);
    await store.del(key);
    expect(await store.get(key)).toBeNull();
  });

  it('expires entries after their TTL', async () => {
    const store = open();
    const key = `${ns()}:ttl`;
    await store.set(key, 'soon gone', 1);
    expect(await store.get(key)).toBe('soon gone');
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(await store.get(key)).toBeNull();
  });

  it('caches per merchant + query + parameters and invalidates one merchant only', async () => {
    const cache = new MerchantQueryCache({ store: open(), namespace: ns() });
    let loads = 0;
    const load = (value: string) => async () => {
      loads += 1;
      return { value };
    };
    const a1 = await cache.getOrLoad(1, 'overview', { preset: 'last_7_days', compare: 'none' }, load('a'));
    expect(a1).toMatchObject({ hit: false, value: { value: 'a' } });
    // Same parameters in another key order: a hit, with the original computation time.
    const a2 = await cache.getOrLoad(1, 'overview', { compare: 'none', preset: 'last_7_days' }, load('x'));
    expect(a2).toMatchObject({ hit: true, value: { value: 'a' } });
    expect(a2.computedAt.getTime()).toBe(a1.computedAt.getTime());
    // Another merchant, query or parameter: separate entries.
    expect((await cache.getOrLoad(2, 'overview', { preset: 'last_7_days', compare: 'none' }, load('b'))).hit).toBe(false);
    expect((await cache.getOrLoad(1, 'trend', { preset: 'last_7_days', compare: 'none' }, load('c'))).hit).toBe(false);
    expect((await cache.getOrLoad(1, 'overview', { preset: 'today', compare: 'none' }, load('d'))).hit).toBe(false);
    expect(loads).toBe(4);

    await cache.invalidateMerchant(1);
    const after = await cache.getOrLoad(1, 'overview', { preset: 'last_7_days', compare: 'none' }, load('a-new'));
    expect(after).toMatchObject({ hit: false, value: { value: 'a-new' } });
    // Merchant 2 keeps its answer.
    const other = await cache.getOrLoad(2, 'overview', { preset: 'last_7_days', compare: 'none' }, load('never'));
    expect(other).toMatchObject({ hit: true, value: { value: 'b' } });
  });

  it('runs the loader once for concurrent misses of the same key', async () => {
    const cache = new MerchantQueryCache({ store: open(), namespace: ns() });
    let loads = 0;
    const slow = async () => {
      loads += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return 42;
    };
    const answers = await Promise.all(Array.from({ length: 20 }, () => cache.getOrLoad(7, 'overview', { p: 1 }, slow)));
    expect(loads).toBe(1);
    expect(answers.every((a) => a.value === 42)).toBe(true);
  });

  it('shares answers and invalidations between two app instances on the same backend', async () => {
    if (kind === 'lru') return; // in-process by definition
    const namespace = ns();
    const first = new MerchantQueryCache({ store: open(), namespace });
    const second = new MerchantQueryCache({ store: open(), namespace });
    await first.getOrLoad(9, 'carts', {}, async () => 'from first');
    expect(await second.getOrLoad(9, 'carts', {}, async () => 'from second')).toMatchObject({ hit: true, value: 'from first' });
    await second.invalidateMerchant(9);
    expect(await first.getOrLoad(9, 'carts', {}, async () => 'recomputed')).toMatchObject({ hit: false, value: 'recomputed' });
  });
});

describe('failures and configuration', () => {
  it('serves uncached answers when the backend is down, and reports the failure', async () => {
    const store = createRedisCacheStore({ url: 'redis://127.0.0.1:1', commandTimeoutMs: 200 });
    opened.push(store);
    const errors: string[] = [];
    const cache = new MerchantQueryCache({ store, onError: (_e, op) => errors.push(op) });
    const answer = await cache.getOrLoad(3, 'overview', {}, async () => 'computed');
    expect(answer).toMatchObject({ hit: false, value: 'computed' });
    expect(errors).toContain('get');
    expect(errors).toContain('set');
  });

  it('rejects a wrong Upstash token (the SDK sees the server’s 401)', async () => {
    const store = createUpstashCacheStore({ url: upstash.url, token: 'wrong', retries: 0 });
    await expect(store.get('anything')).rejects.toThrow(/Unauthorized/);
  });

  it('goes over HTTP for Upstash', async () => {
    const before = upstash.requests();
    const store = createUpstashCacheStore({ url: upstash.url, token: TOKEN, retries: 0 });
    await store.set('http-check', 'v', 10);
    expect(await store.get('http-check')).toBe('v');
    expect(upstash.requests()).toBe(before + 2);
  });

  it('picks the backend from the environment', async () => {
    const stores = [
      createCacheStore({}),
      createCacheStore({ REDIS_URL: redis.url }),
      createCacheStore({ UPSTASH_REDIS_REST_URL: upstash.url, UPSTASH_REDIS_REST_TOKEN: TOKEN }),
      createCacheStore({ UPSTASH_REDIS_REST_URL: upstash.url }),
    ];
    opened.push(...stores);
    expect(stores.map((s) => s.kind)).toEqual(['lru', 'redis', 'upstash', 'lru']);
  });

  it('hashes parameters stably and distinguishes values', () => {
    expect(hashParams({ a: 1, b: [1, 2] })).toBe(hashParams({ b: [1, 2], a: 1 }));
    expect(hashParams({ a: 1 })).not.toBe(hashParams({ a: 2 }));
    expect(hashParams({ a: 1, b: undefined })).toBe(hashParams({ a: 1 }));
  });

  it('refuses a merchant id that is not a positive integer', async () => {
    const cache = new MerchantQueryCache({ store: createLruCacheStore() });
    await expect(cache.getOrLoad(0, 'q', {}, async () => 1)).rejects.toThrow(TypeError);
    await expect(cache.invalidateMerchant(Number.NaN)).rejects.toThrow(TypeError);
  });
});
