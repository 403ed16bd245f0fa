import { CACHE_INVALIDATION_CHANNEL, type CacheInvalidation } from '@salla-analytics/core-library';
import type { Database } from '@salla-analytics/database-schema';

// The channel and the message (`{ merchantId, table, at }`, one per merchant per committed batch)
// are a contract with the readers (the PWA's cache): they live in core-library.
export { CACHE_INVALIDATION_CHANNEL, type CacheInvalidation };

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
