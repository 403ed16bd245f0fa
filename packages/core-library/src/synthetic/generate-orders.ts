import type { SallaCustomer } from '../salla/customer.js';
import type { SallaOrder, SallaOrderItem } from '../salla/order.js';
import { SALLA_ORDER_STATUSES } from '../salla/order-status.js';
import { COUPONS } from './catalog.js';
import type { SyntheticProduct } from './generate-products.js';
import { computeOrderAmounts, sallaAmount, VAT_PERCENT } from './order-amounts.js';
import { orderLifecycle, type StatusStep } from './order-lifecycle.js';
import { PAYMENT_METHODS } from './people.js';
import type { Rng, WeightedTable } from './rng.js';
import type { Season } from './seasonality.js';

export interface OrderSlot {
  at: Date;
  season: Season;
}

export interface StatusChange {
  orderId: number;
  slug: string;
  at: Date;
}

export interface OrderContext {
  rng: Rng;
  products: WeightedTable<SyntheticProduct>;
  now: number;
  nextOrderId: () => number;
  nextReferenceId: () => number;
  nextItemId: () => number;
}

/** Salla's status object for a slug (name in Arabic, as the dashboard shows it). */
export function statusObject(slug: StatusStep['slug']) {
  const status = SALLA_ORDER_STATUSES[slug];
  return { id: status.id, name: status.name, slug, customized: { id: status.id, name: status.name } };
}

function pickCoupon(rng: Rng, season: Season): readonly [string, number] | undefined {
  const [pool, probability] =
    season === 'white_friday'
      ? [COUPONS.whiteFriday, 0.45]
      : season === 'ramadan' || season === 'pre_eid'
        ? [COUPONS.ramadan, 0.25]
        : season === 'eid'
          ? [COUPONS.eid, 0.2]
          : season === 'national_day'
            ? [COUPONS.nationalDay, 0.3]
            : [COUPONS.everyday, 0.1];
  return rng.chance(probability) ? rng.pick(pool) : undefined;
}

function pickLines(
  rng: Rng,
  products: WeightedTable<SyntheticProduct>,
): Array<{ product: SyntheticProduct; quantity: number }> {
  const lineCount = rng.weighted([
    [1, 55],
    [2, 27],
    [3, 12],
    [4, 4],
    [5, 2],
  ] as const);
  const lines = new Map<number, { product: SyntheticProduct; quantity: number }>();
  for (let attempt = 0; attempt < lineCount * 3 && lines.size < lineCount; attempt++) {
    const product = products.sample(rng);
    if (lines.has(product.product.id)) continue;
    // Dates and coffee are bought by the box, several at a time.
    const bulk = product.category.skuPrefix === 'DTS' || product.category.skuPrefix === 'COF';
    const quantity = rng.weighted(
      bulk
        ? ([
            [1, 55],
            [2, 30],
            [3, 10],
            [5, 5],
          ] as const)
        : ([
            [1, 85],
            [2, 12],
            [3, 3],
          ] as const),
    );
    lines.set(product.product.id, { product, quantity });
  }
  return [...lines.values()];
}

/** One order with consistent amounts, and the status changes it went through up to `now`. */
export function generateOrder(
  context: OrderContext,
  slot: OrderSlot,
  customer: SallaCustomer,
): { order: SallaOrder; history: StatusChange[] } {
  const { rng } = context;
  const lines = pickLines(rng, context.products);
  const coupon = pickCoupon(rng, slot.season);
  const preliminary = lines.reduce((sum, line) => sum + line.product.priceMinor * line.quantity, 0);
  // Free shipping over 300 SAR is the common Saudi threshold.
  const shippingMinor = preliminary >= 30_000 ? 0 : rng.pick([2_300, 2_500, 2_900, 3_000, 3_500]);
  const amounts = computeOrderAmounts(
    lines.map((line) => ({ unitPriceMinor: line.product.priceMinor, quantity: line.quantity })),
    coupon?.[1] ?? 0,
    shippingMinor,
  );

  const items: SallaOrderItem[] = lines.map((line, index) => {
    const lineAmounts = amounts.lines[index];
    const product = line.product.product;
    return {
      id: context.nextItemId(),
      product_id: product.id,
      product: { id: product.id },
      name: product.name,
      sku: product.sku,
      quantity: line.quantity,
      currency: 'SAR',
      product_type: 'product',
      amounts: {
        price_without_tax: sallaAmount(line.product.priceMinor, 'SAR'),
        total_discount: sallaAmount(lineAmounts?.discountMinor ?? 0, 'SAR'),
        tax: { percent: VAT_PERCENT, amount: sallaAmount(lineAmounts?.taxMinor ?? 0, 'SAR') },
        total: sallaAmount(lineAmounts?.totalMinor ?? 0, 'SAR'),
      },
    };
  });

  const id = context.nextOrderId();
  const createdAt = slot.at.getTime();
  const steps = orderLifecycle(rng, createdAt, context.now);
  const last = steps[steps.length - 1] ?? { slug: 'under_review', at: createdAt };
  const order: SallaOrder = {
    id,
    reference_id: context.nextReferenceId(),
    date: slot.at,
    updated_at: new Date(last.at),
    source: rng.chance(0.85) ? 'store' : 'app',
    status: statusObject(last.slug),
    payment_method: rng.weighted(PAYMENT_METHODS),
    currency: 'SAR',
    amounts: {
      sub_total: sallaAmount(amounts.subTotalMinor, 'SAR'),
      shipping_cost: sallaAmount(amounts.shippingMinor, 'SAR'),
      cash_on_delivery: sallaAmount(0, 'SAR'),
      tax: { percent: VAT_PERCENT, amount: sallaAmount(amounts.taxMinor, 'SAR') },
      discounts:
        coupon === undefined
          ? []
          : [
              {
                title: coupon[0],
                type: 'percentage',
                code: coupon[0],
                discount: sallaAmount(amounts.discountMinor, 'SAR').amount,
                currency: 'SAR',
              },
            ],
      total: sallaAmount(amounts.totalMinor, 'SAR'),
    },
    customer: {
      id: customer.id,
      first_name: customer.first_name,
      last_name: customer.last_name,
      mobile: customer.mobile,
      mobile_code: customer.mobile_code,
      email: customer.email,
      city: customer.city,
      country: customer.country,
      currency: 'SAR',
    },
    items,
    ...(coupon === undefined ? {} : { coupon: { code: coupon[0] } }),
  };
  const history = steps.map((step) => ({ orderId: id, slug: step.slug, at: new Date(step.at) }));
  return { order, history };
}
