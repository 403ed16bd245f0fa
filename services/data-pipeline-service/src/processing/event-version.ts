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
