import { Redis } from '@upstash/redis';
import { type CacheStore, ttlToSeconds } from './cache-store.js';

export interface UpstashCacheStoreOptions {
  /** The database's REST URL (`UPSTASH_REDIS_REST_URL`). */
  url: string;
  /** Its REST token (`UPSTASH_REDIS_REST_TOKEN`). */
  token: string;
  /** Retries of a failed HTTP call (network errors only); 0 disables them. */
  retries?: number;
}

/** Upstash Redis over its REST API (serverless-friendly: no TCP connection to keep). */
export function createUpstashCacheStore(options: UpstashCacheStoreOptions): CacheStore {
  const retries = options.retries ?? 1;
  const redis = new Redis({
    url: options.url,
    token: options.token,
    // Values are our own JSON strings: keep them as strings rather than letting the SDK parse them.
    automaticDeserialization: false,
    enableTelemetry: false,
    retry: retries > 0 ? { retries, backoff: (n) => 50 * 2 ** n } : false,
  });
  return {
    kind: 'upstash',
    async get(key) {
      const value = await redis.get<string>(key);
      return value ?? null;
    },
    async set(key, value, ttlSeconds) {
      await redis.set(key, value, { ex: ttlToSeconds(ttlSeconds) });
    },
    async incr(key) {
      return redis.incr(key);
    },
    async del(key) {
      await redis.del(key);
    },
    async close() {},
  };
}
