import { type Database, findUnqueuedDeliveries, markDeliveriesQueued } from '@salla-analytics/database-schema';
import type { Queue } from '../queue/queue.js';

/**
 * Enqueues inbox entries that were accepted but never enqueued (the process stopped between the
 * inbox write and the queue write, or before marking them queued). Enqueueing one twice is
 * harmless: processing is idempotent and skips entries already processed. Returns how many.
 */
export async function recoverUnqueuedDeliveries(deps: { db: Database; queue: Queue }, options: { olderThanMs: number; limit?: number }): Promise<number> {
  const stale = await findUnqueuedDeliveries(deps.db, { olderThan: new Date(Date.now() - options.olderThanMs), limit: options.limit ?? 500 });
  if (stale.length === 0) return 0;
  await deps.queue.publish(
    stale.map((row) => ({ inboxId: row.id, merchantId: Number(row.merchantId), event: row.event, receivedAt: row.receivedAt.toISOString() })),
  );
  await markDeliveriesQueued(deps.db, stale.map((row) => row.id));
  return stale.length;
}
