import type { DatabaseClient } from '../client.js';
import type { WebhookInbox } from '../generated/prisma/client.js';
import { sqlExecute, sqlQuery } from '../sql.js';

/**
 * The inbox as a durable queue (the pipeline's Postgres driver): a `queued` entry whose
 * `available_at` has passed may be claimed. Claiming is one statement for a whole batch
 * (FOR UPDATE SKIP LOCKED: concurrent consumers never get the same entry) that moves
 * `available_at` to the end of a lease and counts the claim; an entry whose consumer dies is
 * claimed again when the lease ends. Processing marks it `processed` (markDeliveriesProcessed), a
 * retry moves `available_at` to the end of its backoff (releaseDeliveries), a dead letter marks it
 * `failed`. Entries are written `queued` by the intake (recordDeliveries with `queued: true`), so
 * the inbox write and the enqueue are one statement.
 */
export type ClaimedDelivery = WebhookInbox;

const CLAIM_SQL = `
WITH next AS (
  SELECT id FROM webhook_inbox
  WHERE status = 'queued' AND available_at <= now()
  ORDER BY available_at
  LIMIT $1
  FOR UPDATE SKIP LOCKED
)
UPDATE webhook_inbox AS i
SET available_at = now() + make_interval(secs => $2), claims = i.claims + 1
FROM next WHERE i.id = next.id
RETURNING i.id::text AS id, i.merchant_id::text AS "merchantId", i.delivery_key AS "deliveryKey", i.event,
  i.raw_body AS "rawBody", i.status::text AS status, i.attempts, i.error, i.received_at AS "receivedAt",
  i.processed_at AS "processedAt", i.available_at AS "availableAt", i.claims, i.trace_context AS "traceContext"`;

/** Claims up to `limit` entries for `leaseSeconds`, oldest available first; each comes with its body and claim count. */
export async function claimDeliveries(db: DatabaseClient, { limit, leaseSeconds }: { limit: number; leaseSeconds: number }): Promise<ClaimedDelivery[]> {
  const rows = await sqlQuery<Omit<WebhookInbox, 'merchantId'> & { merchantId: string }>(db, CLAIM_SQL, [limit, leaseSeconds]);
  return rows.map((row) => ({
    ...row,
    merchantId: BigInt(row.merchantId),
    receivedAt: new Date(row.receivedAt),
    processedAt: row.processedAt === null ? null : new Date(row.processedAt),
    availableAt: new Date(row.availableAt),
  }));
}

/**
 * Gives claimed entries back for a later attempt: each becomes available again after its own
 * delay (backoff), with the error kept. Entries no longer `queued` (processed, failed) are left alone.
 */
export async function releaseDeliveries(db: DatabaseClient, entries: Array<{ id: string; delayMs: number; error: string }>): Promise<number> {
  if (entries.length === 0) return 0;
  return sqlExecute(
    db,
    `UPDATE webhook_inbox AS i
     SET available_at = now() + r.delay_ms * interval '1 millisecond', error = r.error
     FROM unnest($1::uuid[], $2::int[], $3::text[]) AS r(id, delay_ms, error)
     WHERE i.id = r.id AND i.status = 'queued'`,
    [entries.map((entry) => entry.id), entries.map((entry) => Math.max(0, Math.round(entry.delayMs))), entries.map((entry) => entry.error.slice(0, 2_000))],
  );
}

/**
 * Puts entries back in the queue as new: available now, claim count 0 (a dead letter replayed
 * after a fix gets every attempt again). Processed entries are never enqueued again.
 */
export async function requeueDeliveries(db: DatabaseClient, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return sqlExecute(db, `UPDATE webhook_inbox SET status = 'queued', available_at = now(), claims = 0 WHERE id = ANY($1::uuid[]) AND status <> 'processed'`, [ids]);
}

/** Entries waiting or being processed (received or queued). */
export async function countPendingDeliveries(db: DatabaseClient): Promise<number> {
  const [row] = await sqlQuery<{ n: string }>(db, `SELECT count(*)::text AS n FROM webhook_inbox WHERE status IN ('received', 'queued')`);
  return Number(row?.n ?? 0);
}
