import type { CacheStore } from './cache-store.js';
import { createLruCacheStore } from './lru-cache-store.js';
import { createRedisCacheStore } from './redis-cache-store.js';
import { createUpstashCacheStore } from './upstash-cache-store.js';

export interface CacheStoreConfig {
  REDIS_URL?: string | undefined;
  UPSTASH_REDIS_REST_URL?: string | undefined;
  UPSTASH_REDIS_REST_TOKEN?: string | undefined;
}

/**
 * Picks the backend from configuration: Redis when `REDIS_URL` is set, else Upstash when its REST
 * URL and token are set, else the in-process LRU (the embedded default).
 */
export function createCacheStore(config: CacheStoreConfig): CacheStore {
  if (config.REDIS_URL) return createRedisCacheStore({ url: config.REDIS_URL });
  if (config.UPSTASH_REDIS_REST_URL && config.UPSTASH_REDIS_REST_TOKEN) {
    return createUpstashCacheStore({ url: config.UPSTASH_REDIS_REST_URL, token: config.UPSTASH_REDIS_REST_TOKEN });
  }
  return createLruCacheStore();
}
