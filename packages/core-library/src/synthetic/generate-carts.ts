import type { SallaAbandonedCart } from '../salla/abandoned-cart.js';
import type { SallaCustomer } from '../salla/customer.js';
import type { SyntheticProduct } from './generate-products.js';
import { sallaAmount } from './order-amounts.js';
import type { Rng, WeightedTable } from './rng.js';

export interface CartContext {
  rng: Rng;
  merchantId: number;
  products: WeightedTable<SyntheticProduct>;
  /** Customers sorted by created_at, and their creation instants in the same order. */
  customers: readonly SallaCustomer[];
  customerCreatedAt: readonly number[];
  now: number;
  nextCartId: () => number;
}

/** Index of the last customer created at or before `at`, or -1. */
function lastCreatedBefore(createdAt: readonly number[], at: number): number {
  let low = 0;
  let high = createdAt.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((createdAt[mid] ?? 0) <= at) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/**
 * An abandoned cart started at `at` by a customer who already existed then. Undefined when no
 * customer existed yet or Salla would not have reported it before `now`.
 */
export function generateCart(context: CartContext, at: Date): SallaAbandonedCart | undefined {
  const { rng } = context;
  const known = lastCreatedBefore(context.customerCreatedAt, at.getTime());
  if (known < 0) return undefined;
  const customer = context.customers[rng.int(0, known)];
  if (customer === undefined) return undefined;

  const updatedAt = new Date(at.getTime() + rng.int(0, 20) * 60_000);
  const ageInMinutes = rng.int(30, 2_880);
  if (updatedAt.getTime() + ageInMinutes * 60_000 > context.now) return undefined;

  const lineCount = rng.weighted([
    [1, 60],
    [2, 28],
    [3, 12],
  ] as const);
  const items = [];
  let subtotalMinor = 0;
  for (let index = 0; index < lineCount; index++) {
    const product = context.products.sample(rng);
    const quantity = rng.weighted([
      [1, 85],
      [2, 15],
    ] as const);
    subtotalMinor += product.priceMinor * quantity;
    items.push({
      id: rng.int(100_000, 9_999_999),
      product_id: product.product.id,
      name: product.product.name,
      quantity,
      amounts: { total: sallaAmount(product.priceMinor * quantity, 'SAR') },
    });
  }
  const id = context.nextCartId();
  return {
    id,
    total: sallaAmount(subtotalMinor, 'SAR'),
    subtotal: sallaAmount(subtotalMinor, 'SAR'),
    checkout_url: `https://store-${context.merchantId}.example.com/checkout/${id}`,
    age_in_minutes: ageInMinutes,
    created_at: at,
    updated_at: updatedAt,
    customer: {
      id: customer.id,
      name: `${customer.first_name ?? ''} ${customer.last_name ?? ''}`.trim(),
      mobile: `${customer.mobile_code ?? ''}${customer.mobile ?? ''}`,
      email: customer.email,
      country: customer.country,
      city: customer.city,
    },
    items,
  };
}
