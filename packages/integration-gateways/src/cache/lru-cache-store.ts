import { LRUCache } from 'lru-cache';
import { type CacheStore, ttlToSeconds } from './cache-store.js';

export interface LruCacheStoreOptions {
  /** Most entries kept; the least recently used go first. */
  maxEntries?: number;
  /** Rough upper bound of the memory the values may take, in bytes (string length × 2). */
  maxBytes?: number;
}

/** The default cache: in this process only, bounded by entries and size. */
export function createLruCacheStore(options: LruCacheStoreOptions = {}): CacheStore {
  const values = new LRUCache<string, string>({
    max: options.maxEntries ?? 5_000,
    maxSize: options.maxBytes ?? 64 * 1024 * 1024,
    sizeCalculation: (value, key) => (value.length + key.length) * 2,
    ttlAutopurge: false,
  });
  // Counters (merchant generations) must not be evicted by cached answers: their own small map.
  const counters = new Map<string, number>();
  return {
    kind: 'lru',
    async get(key) {
      const counter = counters.get(key);
      if (counter !== undefined) return String(counter);
      return values.get(key) ?? null;
    },
    async set(key, value, ttlSeconds) {
      values.set(key, value, { ttl: ttlToSeconds(ttlSeconds) * 1000 });
    },
    async incr(key) {
      const next = (counters.get(key) ?? 0) + 1;
      counters.set(key, next);
      return next;
    },
    async del(key) {
      values.delete(key);
      counters.delete(key);
    },
    async close() {
      values.clear();
      counters.clear();
    },
  };
}
