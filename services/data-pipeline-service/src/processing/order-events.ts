import { createHash } from 'node:crypto';
import type { SallaOrder, SallaWebhook } from '@salla-analytics/core-library';
import type { OrderState, OrderStatePart } from '@salla-analytics/database-schema';
import { type OrderItemRow, type OrderRow, type OrderStatusRow, orderToRows } from '@salla-analytics/olap-repository';
import { eventTime, eventVersion } from './event-version.js';

type OrderWebhook = Extract<SallaWebhook, { kind: 'order' | 'order_status' }>;

/** A full order as kept in order_states: its analytics rows without version (dates as ISO text). */
interface StoredOrder {
  order: Omit<OrderRow, 'version' | 'is_deleted' | 'created_at'> & { created_at: string };
  items: Array<Omit<OrderItemRow, 'version' | 'is_deleted' | 'order_created_at'>>;
}

export interface OrderEventFacts {
  part: OrderStatePart;
  history: OrderStatusRow[];
}

/** What one order event tells: the state parts to merge and the status-history rows to write. */
export function orderEventFacts(webhook: OrderWebhook): OrderEventFacts {
  const version = eventVersion(webhook);
  const at = eventTime(webhook);
  const merchantId = webhook.merchantId;
  if (webhook.kind === 'order_status') {
    const slug = webhook.status.slug;
    return {
      part: { merchantId, orderId: webhook.orderId, status: { slug, version } },
      history: [{ merchant_id: merchantId, order_id: webhook.orderId, status: slug, changed_at: at, version }],
    };
  }
  const order = webhook.order;
  const part: OrderStatePart = { merchantId, orderId: order.id };
  const slug = order.status?.slug ?? impliedStatus(webhook.event);
  if (slug !== undefined) part.status = { slug, version };
  if (webhook.event === 'order.deleted') part.deletedVersion = version;
  if (isFullOrder(order)) {
    const value = storedOrder(merchantId, order);
    part.payload = { value, version, hash: createHash('sha256').update(JSON.stringify(value)).digest('hex') };
    part.itemIds = value.items.map((item) => item.item_id);
  }
  const history: OrderStatusRow[] =
    slug === undefined ? [] : [{ merchant_id: merchantId, order_id: order.id, status: slug, changed_at: at, version }];
  return { part, history };
}

/**
 * What a snapshot of an order read from Salla's Admin API tells (history backfill): the full order
 * and its status, both at the snapshot's version (see snapshotVersion). Same transform, same
 * stored shape and hash as a webhook's order, so both converge in order_states.
 */
export function orderSnapshotPart(merchantId: number, order: SallaOrder, version: number): OrderStatePart | null {
  if (!isFullOrder(order)) return null;
  const value = storedOrder(merchantId, order);
  const part: OrderStatePart = {
    merchantId,
    orderId: order.id,
    payload: { value, version, hash: createHash('sha256').update(JSON.stringify(value)).digest('hex') },
    itemIds: value.items.map((item) => item.item_id),
  };
  if (order.status?.slug !== undefined) part.status = { slug: order.status.slug, version };
  return part;
}

/**
 * The ClickHouse rows for a merged order state, or nothing while no full order has arrived yet
 * (a status or a deletion that came first waits in order_states). The version is the sum of
 * the parts' versions: it grows whenever any part moves forward, and it is the same whatever
 * order the events came in, so the last write always carries the newest state.
 *
 * `items: false` leaves the lines out: they hold nothing of the status, so a batch that only
 * moved an order's status (most order events) need not rewrite them — see itemsChangedBy.
 */
export function rowsForOrderState(state: OrderState, options: { items?: boolean } = {}): { order: OrderRow; items: OrderItemRow[] } | null {
  const stored = state.payload as StoredOrder | null;
  if (stored === null || typeof stored !== 'object' || !('order' in stored)) return null;
  const version = state.payloadVersion + state.statusVersion + state.deletedVersion;
  const isDeleted: 0 | 1 = state.deletedVersion > Math.max(state.payloadVersion, state.statusVersion) ? 1 : 0;
  const createdAt = new Date(stored.order.created_at);
  const order: OrderRow = {
    ...stored.order,
    created_at: createdAt,
    status: state.status ?? stored.order.status,
    version,
    is_deleted: isDeleted,
  };
  if (options.items === false) return { order, items: [] };
  const live = new Set(stored.items.map((item) => item.item_id));
  const items: OrderItemRow[] = stored.items.map((item) => ({ ...item, order_created_at: createdAt, version, is_deleted: isDeleted }));
  // Lines that an older version of the order had and this one has not: tombstones.
  for (const itemId of state.itemIds) {
    if (live.has(itemId)) continue;
    items.push({
      merchant_id: order.merchant_id,
      order_id: order.order_id,
      item_id: itemId,
      product_id: 0,
      sku: '',
      name: '',
      quantity: 0,
      unit_price_minor: 0,
      discount_minor: 0,
      tax_minor: 0,
      total_minor: 0,
      currency: order.currency,
      order_created_at: createdAt,
      version,
      is_deleted: 1,
    });
  }
  return { order, items };
}

/** The ClickHouse rows of merged order states (those that hold a full order), lines included. */
export function rowsForOrderStates(states: readonly OrderState[]): { orders: OrderRow[]; items: OrderItemRow[] } {
  const orders: OrderRow[] = [];
  const items: OrderItemRow[] = [];
  for (const state of states) {
    const rows = rowsForOrderState(state);
    if (rows === null) continue;
    orders.push(rows.order);
    items.push(...rows.items);
  }
  return { orders, items };
}

function impliedStatus(event: string): string | undefined {
  if (event === 'order.cancelled') return 'canceled';
  if (event === 'order.refunded') return 'refunded';
  return undefined;
}

/** order.created/updated always are; other order.* events may be partial (then only their status counts). */
function isFullOrder(order: SallaOrder): boolean {
  return order.date !== undefined && order.amounts?.total !== undefined;
}

function storedOrder(merchantId: number, order: SallaOrder): StoredOrder {
  const rows = orderToRows(merchantId, order, 0);
  const { version: _v, is_deleted: _d, created_at, ...orderFields } = rows.order;
  return {
    order: { ...orderFields, created_at: created_at.toISOString() },
    items: rows.items.map(({ version: _iv, is_deleted: _id, order_created_at: _oc, ...item }) => item),
  };
}

/**
 * Whether merging these parts can have changed an order's lines: a full order (new payload, new
 * or removed lines) or a deletion, or an order that was ever deleted (a later status may undelete
 * it, and its lines follow). A status alone leaves the lines as they are.
 */
export function itemsChangedBy(parts: readonly OrderStatePart[], state: OrderState): boolean {
  return state.deletedVersion > 0 || parts.some((part) => part.payload !== undefined || part.deletedVersion !== undefined);
}
