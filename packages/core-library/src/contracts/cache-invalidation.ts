import { z } from 'zod';

/**
 * The signal the pipeline sends after a batch commits for a merchant, so readers (the PWA's
 * cache) drop that merchant's cached answers. Carried by PostgreSQL NOTIFY on this channel in the
 * embedded stack; any pub/sub can carry the same JSON.
 */
export const CACHE_INVALIDATION_CHANNEL = 'salla_analytics_cache_invalidation';

export const cacheInvalidationSchema = z.object({
  merchantId: z.number().int().positive(),
  /** The ClickHouse table whose batch committed (orders, products, …). */
  table: z.string(),
  /** ISO 8601 instant of the commit. */
  at: z.string(),
});

export type CacheInvalidation = z.infer<typeof cacheInvalidationSchema>;
