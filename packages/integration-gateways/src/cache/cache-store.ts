/**
 * The few key-value operations the app's caches need, over any backend (in-process LRU, Redis,
 * Upstash's REST API). Values are strings; callers serialize. Keys never contain secrets or PII.
 */
export interface CacheStore {
  /** `lru`, `redis` or `upstash` — for logs and the README's configuration table. */
  readonly kind: CacheStoreKind;
  get(key: string): Promise<string | null>;
  /** Stores `value` under `key` for `ttlSeconds` (whole seconds, at least 1). */
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Atomically adds 1 to an integer counter (missing = 0) and returns the new value. */
  incr(key: string): Promise<number>;
  del(key: string): Promise<void>;
  close(): Promise<void>;
}

export type CacheStoreKind = 'lru' | 'redis' | 'upstash';

/** Whole seconds, never below 1: Redis refuses `EX 0`. */
export function ttlToSeconds(ttlSeconds: number): number {
  return Math.max(1, Math.ceil(ttlSeconds));
}
