import type { ClickHouseClient } from '@clickhouse/client';
import { z } from 'zod';
import { toClickHouseDateTime } from '../rows/rows.js';
import { PURCHASES_SQL } from './customer-fragments.js';

/**
 * A cart counts as purchased once Salla marked it recovered, or its (known) customer placed an
 * order that was neither canceled nor refunded at or after the cart was started.
 */
const PURCHASED_SQL = `(c.status = 'recovered' OR (c.customer_id != 0 AND l.last_purchase_at >= c.created_at))`;

/** Each cart customer's latest purchase (joined as \`l\`; no purchase = 1970, before any cart). */
const LAST_PURCHASE_SQL = `
  SELECT customer_id, max(created_at) AS last_purchase_at FROM purchases
  WHERE customer_id IN (SELECT customer_id FROM carts WHERE customer_id != 0) GROUP BY customer_id`;

const CART_FIELDS_SQL = `
  SELECT cart_id, customer_id, total_minor, currency, status, created_at, updated_at, checkout_url,
         customer_email, customer_name, customer_language, items_json
  FROM abandoned_carts FINAL WHERE merchant_id = {merchantId:UInt64}`;

const dateTimeText = z.string().transform((text) => new Date(`${text.replace(' ', 'T')}Z`));

export const recoveryCartRowSchema = z.object({
  cart_id: z.coerce.number(),
  customer_id: z.coerce.number(),
  total_minor: z.coerce.number(),
  currency: z.string(),
  abandoned_at: dateTimeText,
  checkout_url: z.string(),
  email: z.string(),
  name: z.string(),
  language: z.string(),
  items_json: z.string(),
});

const cartItemsSchema = z.array(z.object({ name: z.string(), quantity: z.number(), total_minor: z.number() }));

export interface RecoveryCart {
  cartId: number;
  customerId: number;
  totalMinor: number;
  currency: string;
  /** The cart's last activity: recovery delays count from here. */
  abandonedAt: Date;
  checkoutUrl: string;
  email: string;
  name: string;
  /** `ar`, `en`, or '' when unknown. */
  language: string;
  items: { name: string; quantity: number; totalMinor: number }[];
}

export interface RecoveryCandidatesParams {
  merchantId: number;
  /** Carts whose last activity is in [abandonedFrom, abandonedBefore). */
  abandonedFrom: Date;
  abandonedBefore: Date;
  minValueMinor: number;
  /** Page through the carts (oldest activity first) with limit + offset. */
  limit?: number;
  offset?: number;
}

/**
 * Abandoned carts a recovery campaign may email: in the window, worth at least the minimum, with
 * an email address (the cart's, else the customer's) and not purchased. Guest carts (no customer
 * id) are left out: without a customer their purchase cannot be seen, and an email after a
 * purchase must never happen.
 */
export async function findRecoveryCandidates(client: ClickHouseClient, params: RecoveryCandidatesParams): Promise<RecoveryCart[]> {
  const result = await client.query({
    query: `
      WITH purchases AS (${PURCHASES_SQL}),
      carts AS (
        ${CART_FIELDS_SQL}
          AND updated_at >= {from:DateTime64(3, 'UTC')} AND updated_at < {before:DateTime64(3, 'UTC')}
          AND total_minor >= {minValue:Int64}
      ),
      last AS (${LAST_PURCHASE_SQL}),
      known AS (
        SELECT customer_id, email, trim(concat(first_name, ' ', last_name)) AS name FROM customers FINAL
        WHERE merchant_id = {merchantId:UInt64} AND customer_id IN (SELECT customer_id FROM carts WHERE customer_id != 0)
      )
      SELECT c.cart_id AS cart_id, c.customer_id AS customer_id, c.total_minor AS total_minor, c.currency AS currency,
             toString(c.updated_at) AS abandoned_at, c.checkout_url AS checkout_url,
             if(c.customer_email != '', c.customer_email, k.email) AS email,
             if(c.customer_name != '', c.customer_name, k.name) AS name,
             c.customer_language AS language, c.items_json AS items_json
      FROM carts AS c LEFT JOIN known AS k ON k.customer_id = c.customer_id LEFT JOIN last AS l ON l.customer_id = c.customer_id
      WHERE email != '' AND c.customer_id != 0 AND NOT ${PURCHASED_SQL}
      ORDER BY c.updated_at, c.cart_id
      LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
    query_params: {
      merchantId: params.merchantId,
      from: toClickHouseDateTime(params.abandonedFrom),
      before: toClickHouseDateTime(params.abandonedBefore),
      minValue: params.minValueMinor,
      limit: Math.min(Math.max(Math.trunc(params.limit ?? 1_000), 1), 10_000),
      offset: Math.max(Math.trunc(params.offset ?? 0), 0),
    },
    format: 'JSONEachRow',
  });
  return z
    .array(recoveryCartRowSchema)
    .parse(await result.json())
    .map((row) => ({
      cartId: row.cart_id,
      customerId: row.customer_id,
      totalMinor: row.total_minor,
      currency: row.currency,
      abandonedAt: row.abandoned_at,
      checkoutUrl: row.checkout_url,
      email: row.email,
      name: row.name,
      language: row.language,
      items: parseItems(row.items_json),
    }));
}

function parseItems(json: string): RecoveryCart['items'] {
  try {
    return cartItemsSchema.parse(JSON.parse(json)).map((item) => ({ name: item.name, quantity: item.quantity, totalMinor: item.total_minor }));
  } catch {
    return [];
  }
}

/** Which of these carts are purchased by now — checked right before every recovery email. */
export async function findPurchasedCarts(client: ClickHouseClient, params: { merchantId: number; cartIds: readonly number[] }): Promise<Set<number>> {
  if (params.cartIds.length === 0) return new Set();
  const result = await client.query({
    query: `
      WITH purchases AS (${PURCHASES_SQL}),
      carts AS (${CART_FIELDS_SQL} AND cart_id IN {cartIds:Array(UInt64)}),
      last AS (${LAST_PURCHASE_SQL})
      SELECT c.cart_id AS cart_id FROM carts AS c LEFT JOIN last AS l ON l.customer_id = c.customer_id WHERE ${PURCHASED_SQL}`,
    query_params: { merchantId: params.merchantId, cartIds: [...params.cartIds] },
    format: 'JSONEachRow',
  });
  const rows = z.array(z.object({ cart_id: z.coerce.number() })).parse(await result.json());
  return new Set(rows.map((row) => row.cart_id));
}

export const customerPurchaseRowSchema = z.object({
  order_id: z.coerce.number(),
  customer_id: z.coerce.number(),
  ordered_at: dateTimeText,
  total_minor: z.coerce.number(),
});

export interface CustomerPurchase {
  orderId: number;
  customerId: number;
  createdAt: Date;
  totalMinor: number;
}

/** Purchases (not canceled or refunded, latest state) of these customers in [from, to), oldest first: attribution input. */
export async function getCustomerPurchases(
  client: ClickHouseClient,
  params: { merchantId: number; customerIds: readonly number[]; from: Date; to: Date },
): Promise<CustomerPurchase[]> {
  const customerIds = params.customerIds.filter((id) => id !== 0);
  if (customerIds.length === 0) return [];
  const result = await client.query({
    query: `
      SELECT order_id, customer_id, toString(created_at) AS ordered_at, total_minor FROM (${PURCHASES_SQL})
      WHERE customer_id IN {customerIds:Array(UInt64)}
        AND created_at >= {from:DateTime64(3, 'UTC')} AND created_at < {to:DateTime64(3, 'UTC')}
      ORDER BY created_at, order_id`,
    query_params: { merchantId: params.merchantId, customerIds, from: toClickHouseDateTime(params.from), to: toClickHouseDateTime(params.to) },
    format: 'JSONEachRow',
  });
  return z
    .array(customerPurchaseRowSchema)
    .parse(await result.json())
    .map((row) => ({ orderId: row.order_id, customerId: row.customer_id, createdAt: row.ordered_at, totalMinor: row.total_minor }));
}
