import type { DatabaseClient } from '../client.js';
import type { InboxStatus, WebhookInbox } from '../generated/prisma/client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';
import { sqlExecute, sqlQuery } from '../sql.js';

/**
 * Inbox entries by id, for a queue consumer that received ids (unknown ids are simply absent).
 * Plain SQL: it runs for every consumer batch (a typed findMany over hundreds of ids costs
 * several times more CPU in the client).
 */
export async function getDeliveries(db: DatabaseClient, ids: string[]): Promise<WebhookInbox[]> {
  if (ids.length === 0) return [];
  const rows = await sqlQuery<Omit<WebhookInbox, 'merchantId'> & { merchantId: string }>(
    db,
    `SELECT id::text AS id, merchant_id::text AS "merchantId", delivery_key AS "deliveryKey", event, raw_body AS "rawBody",
            status::text AS status, attempts, error, received_at AS "receivedAt", processed_at AS "processedAt",
            available_at AS "availableAt", claims, trace_context AS "traceContext"
     FROM webhook_inbox WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return rows.map((row) => ({
    ...row,
    merchantId: BigInt(row.merchantId),
    receivedAt: new Date(row.receivedAt),
    processedAt: row.processedAt === null ? null : new Date(row.processedAt),
    availableAt: new Date(row.availableAt),
  }));
}

/** The inbox entry of one merchant for a delivery key (see deliveryKeyOf), or null. */
export async function findDeliveryByKey(
  db: DatabaseClient,
  { merchantId, deliveryKey }: { merchantId: MerchantIdInput; deliveryKey: string },
): Promise<WebhookInbox | null> {
  return db.webhookInbox.findUnique({
    where: { merchantId_deliveryKey: { merchantId: toMerchantId(merchantId), deliveryKey } },
  });
}

/** Marks many entries processed at once (one statement per consumer batch). Returns how many changed. */
export async function markDeliveriesProcessed(db: DatabaseClient, ids: string[], at: Date = new Date()): Promise<number> {
  if (ids.length === 0) return 0;
  return sqlExecute(
    db,
    `UPDATE webhook_inbox SET status = 'processed', processed_at = $2::timestamptz, error = NULL, attempts = attempts + 1
     WHERE id = ANY($1::uuid[])`,
    [ids, at.toISOString()],
  );
}

/** How many inbox entries a merchant has in each status (all four keys present). */
export async function countDeliveriesByStatus(
  db: DatabaseClient,
  merchantId: MerchantIdInput,
): Promise<Record<InboxStatus, number>> {
  const groups = await db.webhookInbox.groupBy({
    by: ['status'],
    where: { merchantId: toMerchantId(merchantId) },
    _count: { _all: true },
  });
  const counts: Record<InboxStatus, number> = { received: 0, queued: 0, processed: 0, failed: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

/**
 * received → queued, and only from received: a fast consumer may already have marked the entry
 * processed (or failed) by the time the publisher gets here, and that must not be undone.
 */
export async function markDeliveryQueued(
  db: DatabaseClient,
  { merchantId, id }: { merchantId: MerchantIdInput; id: string },
): Promise<boolean> {
  const { count } = await db.webhookInbox.updateMany({
    where: { id, merchantId: toMerchantId(merchantId), status: 'received' },
    data: { status: 'queued' },
  });
  return count === 1;
}

/**
 * Entries still `received` (accepted, never marked queued) since before `olderThan`: a process
 * stopped between writing the inbox and enqueueing. The pipeline enqueues them again.
 */
export async function findUnqueuedDeliveries(
  db: DatabaseClient,
  { olderThan, limit = 500 }: { olderThan: Date; limit?: number },
): Promise<Array<Pick<WebhookInbox, 'id' | 'merchantId' | 'event' | 'receivedAt'>>> {
  return db.webhookInbox.findMany({
    where: { status: 'received', receivedAt: { lt: olderThan } },
    orderBy: { receivedAt: 'asc' },
    take: limit,
    select: { id: true, merchantId: true, event: true, receivedAt: true },
  });
}
