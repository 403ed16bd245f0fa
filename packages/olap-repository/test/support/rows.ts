import type { OrderItemRow, OrderRow } from '../../src/index.js';

/** An order row with sensible defaults; tests override what they assert on. */
export function orderRow(overrides: Partial<OrderRow> & Pick<OrderRow, 'merchant_id' | 'order_id' | 'created_at'>): OrderRow {
  return {
    reference_id: String(overrides.order_id),
    status: 'completed',
    payment_method: 'mada',
    source: 'store',
    currency: 'SAR',
    sub_total_minor: 0,
    shipping_minor: 0,
    tax_minor: 0,
    discount_minor: 0,
    total_minor: 10_000,
    items_count: 1,
    customer_id: 1,
    customer_city: 'الرياض',
    customer_country: 'SA',
    coupon_code: '',
    version: 1,
    is_deleted: 0,
    ...overrides,
  };
}

export function itemRow(
  overrides: Partial<OrderItemRow> & Pick<OrderItemRow, 'merchant_id' | 'order_id' | 'item_id' | 'product_id' | 'order_created_at'>,
): OrderItemRow {
  return {
    sku: `SKU-${overrides.product_id}`,
    name: `منتج ${overrides.product_id}`,
    quantity: 1,
    unit_price_minor: 1_000,
    discount_minor: 0,
    tax_minor: 0,
    total_minor: 1_000,
    currency: 'SAR',
    version: 1,
    is_deleted: 0,
    ...overrides,
  };
}

/** A UTC instant from a Riyadh wall-clock time (UTC+3, no DST). */
export function riyadh(localDateTime: string): Date {
  return new Date(`${localDateTime}+03:00`);
}
