import type { CacheStore } from '../cache/cache-store.js';

/**
 * Postmark has no idempotency key, so we keep one: a key is claimed before sending (an atomic
 * INCR: only the first claimer sends, across processes when the store is Redis/Upstash) and
 * remembered with the MessageID afterwards. A failed send gives the claim back so it can be retried.
 */
export interface EmailIdempotencyLedger {
  claim(key: string): Promise<{ claimed: true } | { claimed: false; messageId: string | null }>;
  complete(key: string, messageId: string): Promise<void>;
  release(key: string): Promise<void>;
}

/** On any CacheStore (in-process LRU, Redis, Upstash); keys live `ttlSeconds` (default 7 days). */
export function createCacheEmailLedger(store: CacheStore, ttlSeconds = 7 * 24 * 3600): EmailIdempotencyLedger {
  const claimKey = (key: string) => `email:claim:${key}`;
  const sentKey = (key: string) => `email:sent:${key}`;
  return {
    async claim(key) {
      if ((await store.incr(claimKey(key))) === 1) return { claimed: true };
      return { claimed: false, messageId: await store.get(sentKey(key)) };
    },
    async complete(key, messageId) {
      await store.set(sentKey(key), messageId, ttlSeconds);
      // The claim expires with the record instead of living forever.
      await store.set(claimKey(key), '1', ttlSeconds);
    },
    async release(key) {
      await store.del(claimKey(key));
    },
  };
}
