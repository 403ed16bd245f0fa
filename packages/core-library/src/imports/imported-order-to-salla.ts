import { AppError } from '../errors/app-error.js';
import { minorUnitsToDecimalString } from '../money/to-minor-units.js';
import { type SallaOrder, sallaOrderSchema } from '../salla/order.js';
import type { ImportedOrder } from './validate-order-rows.js';

/** The job type of a file import (jobs table). */
export const FILE_IMPORT_JOB_TYPE = 'import.orders_file';

/**
 * Imported orders, customers and products get ids far above Salla's (10-digit) ones: this base plus
 * their key's sequence number (database-schema's import keys, one per merchant + source + external
 * key). A line item's id is its order's id × 100 + its position (1..99).
 */
export const IMPORTED_ID_BASE = 50_000_000_000_000;

export interface ImportedOrderIds {
  orderId: number;
  /** 0 for a guest order (no email, mobile or name). */
  customerId: number;
  /** One per item, in order. */
  productIds: number[];
}

/** The key that identifies an imported order's customer in its source: email, else mobile, else name. */
export function importedCustomerKey(order: ImportedOrder): string | null {
  const { email, mobile, name } = order.customer;
  if (email) return `email:${email}`;
  if (mobile) return `mobile:${mobile.replace(/\D/g, '')}`;
  if (name) return `name:${name.toLowerCase()}`;
  return null;
}

/** The key that identifies an imported line's product in its source: SKU, else name. */
export function importedProductKey(item: ImportedOrder['items'][number]): string {
  return item.sku ? `sku:${item.sku}` : `name:${item.name.toLowerCase()}`;
}

/**
 * An imported order in Salla's order shape, so it takes the exact path webhooks and the history
 * backfill take (order transform, order_states merge, versioned rows). Amounts are written as the
 * exact decimals of their minor units; lines are priced unit × quantity.
 */
export function importedOrderToSalla(order: ImportedOrder, ids: ImportedOrderIds): SallaOrder {
  if (ids.productIds.length !== order.items.length) throw new AppError('INVALID_ARGUMENT', 'one product id per item is needed');
  const amount = (minor: number) => ({ amount: minorUnitsToDecimalString(minor, order.currency), currency: order.currency });
  const [first, ...rest] = order.customer.name.split(/\s+/);
  return sallaOrderSchema.parse({
    id: ids.orderId,
    date: order.createdAt.toISOString(),
    source: 'import',
    status: { slug: order.status },
    currency: order.currency,
    payment_method: order.paymentMethod || undefined,
    amounts: {
      total: amount(order.totalMinor),
      ...(order.subtotalMinor !== null ? { sub_total: amount(order.subtotalMinor) } : {}),
      ...(order.shippingMinor !== null ? { shipping_cost: amount(order.shippingMinor) } : {}),
      ...(order.taxMinor !== null ? { tax: { amount: amount(order.taxMinor) } } : {}),
      ...(order.discountMinor ? { discounts: [{ discount: minorUnitsToDecimalString(order.discountMinor, order.currency), currency: order.currency }] } : {}),
    },
    customer: {
      id: ids.customerId,
      ...(first ? { first_name: first } : {}),
      ...(rest.length ? { last_name: rest.join(' ') } : {}),
      ...(order.customer.email ? { email: order.customer.email } : {}),
      ...(order.customer.mobile ? { mobile: order.customer.mobile } : {}),
      ...(order.customer.city ? { city: order.customer.city } : {}),
    },
    items: order.items.map((item, index) => ({
      id: ids.orderId * 100 + index + 1,
      product_id: ids.productIds[index],
      name: item.name,
      sku: item.sku,
      quantity: item.quantity,
      currency: order.currency,
      amounts: {
        price_without_tax: amount(item.unitPriceMinor),
        total: amount(item.unitPriceMinor * item.quantity),
      },
    })),
  });
}
