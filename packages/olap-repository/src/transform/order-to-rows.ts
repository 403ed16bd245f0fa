import {
  AppError,
  DEFAULT_CURRENCY,
  moneyFromDecimal,
  type SallaOrder,
  sallaAmountToMoney,
} from '@salla-analytics/core-library';
import type { OrderItemRow, OrderRow } from '../rows/rows.js';

export interface OrderRows {
  order: OrderRow;
  items: OrderItemRow[];
}

/**
 * Maps one full Salla order (as in order.created / order.updated) to its analytics rows.
 * `version` orders the versions of this order (newer wins); the caller derives it from the
 * delivery so that replays and reorderings converge.
 */
export function orderToRows(merchantId: number, order: SallaOrder, version: number): OrderRows {
  if (!order.date || !order.amounts?.total) {
    throw new AppError('VALIDATION_FAILED', `Order ${order.id} has no date or total; a full order is needed to build rows`, {
      context: { orderId: order.id, merchantId },
    });
  }
  const currency = order.currency ?? sallaAmountToMoney(order.amounts.total, DEFAULT_CURRENCY).currency;
  const minor = (amount: { amount: number; currency?: string | undefined } | undefined) =>
    sallaAmountToMoney(amount, currency).amountMinor;
  const discountMinor = (order.amounts.discounts ?? []).reduce(
    (sum, discount) => sum + moneyFromDecimal(discount.discount, discount.currency ?? currency).amountMinor,
    0,
  );
  const items = order.items ?? [];
  const couponCode = typeof order.coupon === 'string' ? order.coupon : (order.coupon?.code ?? '');
  const row: OrderRow = {
    merchant_id: merchantId,
    order_id: order.id,
    reference_id: order.reference_id === undefined ? '' : String(order.reference_id),
    created_at: order.date,
    status: order.status?.slug ?? 'unknown',
    payment_method: order.payment_method ?? '',
    source: order.source ?? '',
    currency,
    sub_total_minor: minor(order.amounts.sub_total),
    shipping_minor: minor(order.amounts.shipping_cost),
    tax_minor: minor(order.amounts.tax?.amount),
    discount_minor: discountMinor,
    total_minor: minor(order.amounts.total),
    items_count: items.reduce((sum, item) => sum + item.quantity, 0),
    customer_id: order.customer?.id ?? 0,
    customer_city: order.customer?.city ?? '',
    customer_country: order.customer?.country ?? '',
    coupon_code: couponCode,
    version,
    is_deleted: 0,
  };
  return {
    order: row,
    items: items.map((item) => ({
      merchant_id: merchantId,
      order_id: order.id,
      item_id: item.id,
      product_id: item.product_id ?? 0,
      sku: item.sku ?? '',
      name: item.name ?? '',
      quantity: item.quantity,
      unit_price_minor: minor(item.amounts?.price_without_tax),
      discount_minor: minor(item.amounts?.total_discount),
      tax_minor: minor(item.amounts?.tax?.amount),
      total_minor: minor(item.amounts?.total),
      currency: item.currency ?? currency,
      order_created_at: order.date as Date,
      version,
      is_deleted: 0,
    })),
  };
}
