import {
  SALLA_ORDER_STATUSES,
  type SallaOrder,
  type SallaOrderStatusSlug,
  type SyntheticStore,
  toMinorUnits,
} from '@salla-analytics/core-library';
import { type LocalSalla, sallaWallTime, toSallaWire } from '@salla-analytics/integration-gateways';
import type { TestClickHouse } from './clickhouse.js';

export const SALLA_CLIENT = { clientId: 'app-client', clientSecret: 'app-secret-0123456789' };

/** The env a pipeline needs to reach the local Salla (accounts + Admin API) and run history jobs quickly. */
export function sallaEnv(salla: LocalSalla, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    SALLA_CLIENT_ID: SALLA_CLIENT.clientId,
    SALLA_CLIENT_SECRET: SALLA_CLIENT.clientSecret,
    SALLA_ACCOUNTS_URL: salla.accountsUrl,
    SALLA_API_URL: salla.apiUrl,
    BACKFILL_POLL_INTERVAL_MS: '100',
    BACKFILL_JOB_LEASE_SECONDS: '3',
    ...overrides,
  };
}

/** app.store.authorize carrying tokens the local Salla issued (Easy mode). */
export function authorizeWebhook(salla: LocalSalla, merchantId: number, at = new Date()) {
  const tokens = salla.issueTokens(merchantId);
  return {
    event: 'app.store.authorize',
    merchant: merchantId,
    created_at: sallaWallTime(at),
    data: { access_token: tokens.accessToken, refresh_token: tokens.refreshToken, expires: tokens.expires, scope: tokens.scope, token_type: 'bearer' },
  };
}

function statusOf(slug: SallaOrderStatusSlug) {
  const status = SALLA_ORDER_STATUSES[slug];
  return { id: status.id, name: status.name, slug };
}

/**
 * The store as Salla holds it while the test runs: what the Admin API serves and what the final
 * numbers must be. A change is applied to Salla first, then its webhook is built (as Salla does).
 */
export class SallaTruth {
  readonly orders = new Map<number, SallaOrder>();

  constructor(readonly salla: LocalSalla, readonly merchantId: number, store: SyntheticStore) {
    for (const order of store.orders) this.orders.set(order.id, order);
    salla.seed(merchantId, store);
  }

  /** Changes an order's status at `at`; returns its order.status.updated webhook. */
  changeStatus(orderId: number, slug: SallaOrderStatusSlug, at = new Date()) {
    const order = { ...(this.orders.get(orderId) as SallaOrder), status: statusOf(slug), updated_at: at };
    this.orders.set(orderId, order);
    this.salla.store(this.merchantId).putOrder(order);
    return { event: 'order.status.updated', merchant: this.merchantId, created_at: sallaWallTime(at), data: { order_id: orderId, status: statusOf(slug) } };
  }

  /** Changes an order's shipping (and so its total) at `at`; returns its order.updated webhook (the full order). */
  changeShipping(orderId: number, shipping: number, at = new Date()) {
    const current = this.orders.get(orderId) as SallaOrder;
    const amounts = current.amounts!;
    const oldShipping = amounts.shipping_cost?.amount ?? 0;
    const total = Math.round((amounts.total.amount - oldShipping + shipping) * 100) / 100;
    const order: SallaOrder = {
      ...current,
      amounts: { ...amounts, shipping_cost: { amount: shipping, currency: 'SAR' }, total: { amount: total, currency: 'SAR' } },
      updated_at: at,
    };
    this.orders.set(orderId, order);
    this.salla.store(this.merchantId).putOrder(order);
    return { event: 'order.updated', merchant: this.merchantId, created_at: sallaWallTime(at), data: toSallaWire(order) };
  }

  /** A new order placed at `at`; returns its order.created webhook. */
  create(order: SallaOrder) {
    this.orders.set(order.id, order);
    this.salla.store(this.merchantId).putOrder(order);
    return { event: 'order.created', merchant: this.merchantId, created_at: sallaWallTime(order.date ?? new Date()), data: toSallaWire(order) };
  }

  expected() {
    const orders = [...this.orders.values()];
    return {
      orders: orders.length,
      grossMinor: orders.reduce((sum, order) => sum + toMinorUnits(order.amounts?.total.amount ?? 0, 'SAR'), 0),
      canceled: orders.filter((order) => order.status?.slug === 'canceled').length,
      items: orders.reduce((sum, order) => sum + (order.items?.length ?? 0), 0),
    };
  }
}

/** What ClickHouse holds for the merchant (FINAL, live rows), and the raw row count per order id (no duplicates). */
export async function storedNumbers(ch: TestClickHouse, merchantId: number) {
  const [row] = await ch.rows<{ orders: string; gross: string; canceled: string; items: string; products: string; customers: string; distinct_orders: string }>(
    `SELECT
       (SELECT count() FROM orders FINAL WHERE merchant_id = {m:UInt64} AND is_deleted = 0) AS orders,
       (SELECT uniqExact(order_id) FROM orders FINAL WHERE merchant_id = {m:UInt64} AND is_deleted = 0) AS distinct_orders,
       (SELECT sum(total_minor) FROM orders FINAL WHERE merchant_id = {m:UInt64} AND is_deleted = 0) AS gross,
       (SELECT countIf(status = 'canceled') FROM orders FINAL WHERE merchant_id = {m:UInt64} AND is_deleted = 0) AS canceled,
       (SELECT count() FROM order_items FINAL WHERE merchant_id = {m:UInt64} AND is_deleted = 0) AS items,
       (SELECT count() FROM products FINAL WHERE merchant_id = {m:UInt64} AND is_deleted = 0) AS products,
       (SELECT count() FROM customers FINAL WHERE merchant_id = {m:UInt64} AND is_deleted = 0) AS customers`,
    { m: merchantId },
  );
  return {
    orders: Number(row?.orders),
    distinctOrders: Number(row?.distinct_orders),
    grossMinor: Number(row?.gross),
    canceled: Number(row?.canceled),
    items: Number(row?.items),
    products: Number(row?.products),
    customers: Number(row?.customers),
  };
}
