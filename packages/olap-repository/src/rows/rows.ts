/**
 * Rows as they are written to ClickHouse. Money is integer minor units; instants are UTC
 * `Date`s (serialised by `toClickHouseDateTime`); `version` orders the versions of one entity
 * (newer wins) and `is_deleted` marks a tombstone.
 */
export interface OrderRow {
  merchant_id: number;
  order_id: number;
  reference_id: string;
  created_at: Date;
  status: string;
  payment_method: string;
  source: string;
  currency: string;
  sub_total_minor: number;
  shipping_minor: number;
  tax_minor: number;
  discount_minor: number;
  total_minor: number;
  items_count: number;
  customer_id: number;
  customer_city: string;
  customer_country: string;
  coupon_code: string;
  version: number;
  is_deleted: 0 | 1;
}

export interface OrderItemRow {
  merchant_id: number;
  order_id: number;
  item_id: number;
  product_id: number;
  sku: string;
  name: string;
  quantity: number;
  unit_price_minor: number;
  discount_minor: number;
  tax_minor: number;
  total_minor: number;
  currency: string;
  order_created_at: Date;
  version: number;
  is_deleted: 0 | 1;
}

export interface CustomerRow {
  merchant_id: number;
  customer_id: number;
  first_name: string;
  last_name: string;
  email: string;
  mobile: string;
  city: string;
  country: string;
  gender: string;
  created_at: Date;
  updated_at: Date;
  version: number;
  is_deleted: 0 | 1;
}

export interface ProductRow {
  merchant_id: number;
  product_id: number;
  name: string;
  sku: string;
  category: string;
  price_minor: number;
  cost_minor: number | null;
  currency: string;
  quantity: number | null;
  status: string;
  created_at: Date;
  version: number;
  is_deleted: 0 | 1;
}

export interface AbandonedCartRow {
  merchant_id: number;
  cart_id: number;
  customer_id: number;
  total_minor: number;
  currency: string;
  items_count: number;
  status: string;
  created_at: Date;
  updated_at: Date;
  version: number;
  is_deleted: 0 | 1;
  /** Recovery fields (migration 5); absent = empty. */
  checkout_url?: string;
  customer_email?: string;
  customer_name?: string;
  /** `ar`, `en` or '' (unknown: the store's language is used). */
  customer_language?: string;
  /** JSON text of `CartItemSnapshot[]`. */
  items_json?: string;
}

/** One line of an abandoned cart as kept for recovery emails. */
export interface CartItemSnapshot {
  name: string;
  quantity: number;
  total_minor: number;
}

export interface OrderStatusRow {
  merchant_id: number;
  order_id: number;
  status: string;
  changed_at: Date;
  version: number;
}

export interface AnalyticsTables {
  orders: OrderRow;
  order_items: OrderItemRow;
  customers: CustomerRow;
  products: ProductRow;
  abandoned_carts: AbandonedCartRow;
  order_status_history: OrderStatusRow;
}

export type AnalyticsTable = keyof AnalyticsTables;

/** `2025-03-14 18:47:09.000` in UTC: the DateTime64(3, 'UTC') text form. */
export function toClickHouseDateTime(instant: Date): string {
  return instant.toISOString().replace('T', ' ').replace('Z', '');
}

/** Serialises a row for JSONEachRow: Dates become UTC DateTime64 text, everything else as is. */
export function serializeRow(row: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = value instanceof Date ? toClickHouseDateTime(value) : value;
  }
  return out;
}
