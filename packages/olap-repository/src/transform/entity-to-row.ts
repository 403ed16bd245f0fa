import {
  type SallaAbandonedCart,
  type SallaCustomer,
  type SallaProduct,
  sallaAmountToMoney,
} from '@salla-analytics/core-library';
import type { AbandonedCartRow, CartItemSnapshot, CustomerRow, ProductRow } from '../rows/rows.js';

const EPOCH = new Date(0);

export function customerToRow(merchantId: number, customer: SallaCustomer, version: number): CustomerRow {
  const [first = '', ...rest] = (customer.full_name ?? '').split(' ');
  return {
    merchant_id: merchantId,
    customer_id: customer.id,
    first_name: customer.first_name ?? first,
    last_name: customer.last_name ?? rest.join(' '),
    email: customer.email ?? '',
    mobile: customer.mobile === undefined ? '' : `${customer.mobile_code ?? ''}${customer.mobile}`,
    city: customer.city ?? '',
    country: customer.country ?? '',
    gender: customer.gender ?? '',
    created_at: customer.created_at ?? customer.updated_at ?? EPOCH,
    updated_at: customer.updated_at ?? customer.created_at ?? EPOCH,
    version,
    is_deleted: 0,
  };
}

export function productToRow(merchantId: number, product: SallaProduct, version: number): ProductRow {
  const currency = sallaAmountToMoney(product.price).currency;
  return {
    merchant_id: merchantId,
    product_id: product.id,
    name: product.name ?? '',
    sku: product.sku ?? '',
    category: product.categories?.[0]?.name ?? '',
    price_minor: sallaAmountToMoney(product.sale_price ?? product.price, currency).amountMinor,
    cost_minor: product.cost_price ? sallaAmountToMoney(product.cost_price, currency).amountMinor : null,
    currency,
    quantity: product.quantity ?? null,
    status: product.status ?? '',
    created_at: product.created_at ?? product.updated_at ?? EPOCH,
    version,
    is_deleted: 0,
  };
}

export function abandonedCartToRow(merchantId: number, cart: SallaAbandonedCart, version: number): AbandonedCartRow {
  const total = sallaAmountToMoney(cart.total);
  const createdAt = cart.created_at ?? cart.updated_at ?? EPOCH;
  return {
    merchant_id: merchantId,
    cart_id: cart.id,
    customer_id: cart.customer?.id ?? 0,
    total_minor: total.amountMinor,
    currency: total.currency,
    items_count: (cart.items ?? []).reduce((sum, item) => sum + item.quantity, 0),
    status: 'abandoned',
    created_at: createdAt,
    updated_at: cart.updated_at ?? createdAt,
    version,
    is_deleted: 0,
    checkout_url: cart.checkout_url ?? '',
    customer_email: cart.customer?.email ?? '',
    customer_name: cart.customer?.name ?? '',
    customer_language: cartLanguage(cart),
    items_json: JSON.stringify(
      (cart.items ?? []).map(
        (item): CartItemSnapshot => ({
          name: item.name ?? '',
          quantity: item.quantity,
          total_minor: item.amounts?.total ? sallaAmountToMoney(item.amounts.total, total.currency).amountMinor : 0,
        }),
      ),
    ),
  };
}

/**
 * Salla's documented cart payload carries no language; some stores send one on the customer
 * (`language`/`lang`). Only `ar`/`en` are kept; anything else means "use the store's language".
 */
function cartLanguage(cart: SallaAbandonedCart): string {
  const customer = (cart.customer ?? {}) as Record<string, unknown>;
  const given = customer.language ?? customer.lang ?? (cart as Record<string, unknown>).language;
  const code = typeof given === 'string' ? given.trim().toLowerCase().slice(0, 2) : '';
  return code === 'ar' || code === 'en' ? code : '';
}
