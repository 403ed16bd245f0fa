import type { Database } from '@salla-analytics/database-schema';

/** The PostgreSQL NOTIFY channel the pipeline signals on; readers (the PWA's cache) LISTEN on it. */
export const CACHE_INVALIDATION_CHANNEL = 'salla_analytics_cache_invalidation';

/** One signal per merchant per committed batch: `{ merchantId, table, at }` as JSON. */
export interface CacheInvalidation {
  merchantId: number;
  /** The ClickHouse table whose batch committed (orders, products, …). */
  table: string;
  /** ISO 8601 instant of the commit. */
  at: string;
}

/** Where invalidation signals go. Postgres NOTIFY now; Redis pub/sub can implement the same interface. */
export interface CacheInvalidationPublisher {
  publish(signals: CacheInvalidation[]): Promise<void>;
}

/** Sends each signal with pg_notify on CACHE_INVALIDATION_CHANNEL, in one statement per batch. */
export class PostgresNotifyPublisher implements CacheInvalidationPublisher {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async publish(signals: CacheInvalidation[]): Promise<void> {
    if (signals.length === 0) return;
    await this.#db.$executeRawUnsafe(
      `SELECT pg_notify($1, value::text) FROM jsonb_array_elements($2::jsonb) AS value`,
      CACHE_INVALIDATION_CHANNEL,
      JSON.stringify(signals),
    );
  }
}
