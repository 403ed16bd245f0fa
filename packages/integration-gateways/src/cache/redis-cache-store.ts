import { Redis } from 'ioredis';
import { type CacheStore, ttlToSeconds } from './cache-store.js';

export interface RedisCacheStoreOptions {
  /** `redis://[:password@]host:port[/db]` or `rediss://` for TLS. */
  url: string;
  /** Per-command timeout; a slow cache must never hold a request for long. */
  commandTimeoutMs?: number;
}

/** Redis over ioredis (`REDIS_URL`). Shared by every instance of the app. */
export function createRedisCacheStore(options: RedisCacheStoreOptions): CacheStore {
  const redis = new Redis(options.url, {
    commandTimeout: options.commandTimeoutMs ?? 500,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    lazyConnect: false,
  });
  // Without a listener ioredis prints every reconnect error; callers see failures per command.
  redis.on('error', () => {});
  return {
    kind: 'redis',
    async get(key) {
      return redis.get(key);
    },
    async set(key, value, ttlSeconds) {
      await redis.set(key, value, 'EX', ttlToSeconds(ttlSeconds));
    },
    async incr(key) {
      return redis.incr(key);
    },
    async del(key) {
      await redis.del(key);
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
