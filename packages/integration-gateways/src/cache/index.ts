// The cache anti-corruption layer: one small interface over in-process LRU, Redis and Upstash.
export { type CacheStore, type CacheStoreKind, ttlToSeconds } from './cache-store.js';
export { type CacheStoreConfig, createCacheStore } from './create-cache-store.js';
export { type LocalUpstash, type LocalUpstashOptions, startLocalUpstashServer } from './local-upstash-server.js';
export { createLruCacheStore, type LruCacheStoreOptions } from './lru-cache-store.js';
export {
  type CachedAnswer,
  hashParams,
  MerchantQueryCache,
  type MerchantQueryCacheOptions,
} from './merchant-query-cache.js';
export { createRedisCacheStore, type RedisCacheStoreOptions } from './redis-cache-store.js';
export { createUpstashCacheStore, type UpstashCacheStoreOptions } from './upstash-cache-store.js';
