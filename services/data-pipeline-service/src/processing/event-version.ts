import type { SallaWebhook } from '@salla-analytics/core-library';

/**
 * Versions order what we know about an entity. They come from the event's own time, never from
 * when it reached us, so a late or replayed delivery can never overwrite newer facts:
 *
 *   version = eventTimeMs * 8 + rank
 *
 * eventTime is the entity's `updated_at` when the payload has one (millisecond precision), else
 * the envelope's `created_at` (one-second precision). `rank` breaks ties inside the same
 * millisecond in the order events logically follow each other: a status change, a
 * cancellation/refund or a deletion beats a creation sent in the same second.
 */
export const RANK = {
  /** A backfilled API snapshot: loses every tie against a webhook event (see snapshotVersion). */
  snapshot: 0,
  create: 1,
  update: 2,
  status: 3,
  cancelOrRefund: 4,
  delete: 5,
} as const;

const RANK_SLOTS = 8;

export function eventRank(event: string): number {
  if (event === 'order.status.updated') return RANK.status;
  if (event === 'order.cancelled' || event === 'order.refunded') return RANK.cancelOrRefund;
  if (event.endsWith('.deleted')) return RANK.delete;
  if (event.endsWith('.created') || event === 'abandoned.cart') return RANK.create;
  return RANK.update;
}

export function eventTime(webhook: SallaWebhook): Date {
  switch (webhook.kind) {
    case 'order':
      return webhook.order.updated_at ?? webhook.createdAt;
    case 'order_status':
      return webhook.statusUpdate.updated_at ?? webhook.createdAt;
    case 'product':
      return webhook.product.updated_at ?? webhook.createdAt;
    case 'customer':
      return webhook.customer.updated_at ?? webhook.createdAt;
    case 'abandoned_cart':
      return webhook.cart.updated_at ?? webhook.createdAt;
    default:
      return webhook.createdAt;
  }
}

export function eventVersion(webhook: SallaWebhook): number {
  return versionAt(eventTime(webhook), webhook.event);
}

export function versionAt(at: Date, event: string): number {
  return Math.max(at.getTime(), 0) * RANK_SLOTS + eventRank(event);
}

/**
 * The version of a snapshot read from Salla's Admin API (history backfill, reconciliation).
 *
 * A snapshot holds every change made up to the moment Salla read it (R) and none after. Webhook
 * versions come from Salla's own clock (the event's `updated_at` or the envelope's `created_at`),
 * so the snapshot must be placed on that clock too, and never above R: then a webhook for a change
 * after R always outranks the snapshot, and a change before R is either in the snapshot or has
 * its own webhook (every change after the install does), so whichever is newest wins.
 *
 *   at = Salla's `Date` header of the response − (how long the request took + 2 s)
 *
 * The `Date` header is written after the read and has one-second resolution; subtracting the
 * request's duration and 2 s keeps `at` at or below R. Without a `Date` header our own clock at the
 * request's start is used with a wider margin for skew. If the entity carries an `updated_at`
 * inside that window (it changed just before the read), `at` is raised to it: that time is ≤ R on
 * Salla's clock as well. Rank 0 makes a webhook of the same millisecond win the tie.
 */
export function snapshotTime(
  page: { servedAt: Date; servedAtSource: 'server' | 'client'; requestMs: number },
  updatedAt?: Date,
): Date {
  const margin = page.servedAtSource === 'server' ? page.requestMs + SERVER_DATE_MARGIN_MS : page.requestMs + CLIENT_CLOCK_MARGIN_MS;
  const at = page.servedAt.getTime() - margin;
  const entityTime = updatedAt?.getTime();
  const upper = page.servedAt.getTime();
  return new Date(entityTime !== undefined && entityTime > at && entityTime <= upper ? entityTime : at);
}

export function snapshotVersion(page: Parameters<typeof snapshotTime>[0], updatedAt?: Date): number {
  return Math.max(snapshotTime(page, updatedAt).getTime(), 0) * RANK_SLOTS + RANK.snapshot;
}

const SERVER_DATE_MARGIN_MS = 2_000;
const CLIENT_CLOCK_MARGIN_MS = 5_000;

/**
 * The version of an order imported from a file (order-history import): the order's own date at
 * snapshot rank. The same file gives the same versions, so importing it again changes nothing.
 */
export function importedVersion(at: Date): number {
  return Math.max(at.getTime(), 0) * RANK_SLOTS + RANK.snapshot;
}
