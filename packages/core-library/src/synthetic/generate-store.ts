import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { appErrorFromZod } from '../errors/from-zod-error.js';
import type { SallaAbandonedCart } from '../salla/abandoned-cart.js';
import type { SallaCustomer } from '../salla/customer.js';
import type { SallaOrder } from '../salla/order.js';
import type { SallaProduct } from '../salla/product.js';
import { addLocalDays, addLocalMonths, diffLocalDays, localDayOfWeek } from '../time/local-date.js';
import { DEFAULT_TIME_ZONE, timeZoneSchema } from '../time/time-zone.js';
import { toLocalDate } from '../time/zoned-time.js';
import { generateCart } from './generate-carts.js';
import { generateCustomer } from './generate-customer.js';
import { generateOrder, type OrderSlot, type StatusChange } from './generate-orders.js';
import { generateProducts, popularityWeights } from './generate-products.js';
import { Rng, WeightedTable } from './rng.js';
import { dayProfile, hourWeights } from './seasonality.js';
import { WallClock } from './wall-clock.js';

export const generateStoreOptionsSchema = z.object({
  seed: z.number().int(),
  merchantId: z.number().int().positive(),
  months: z.number().int().min(1).max(60),
  endDate: z.date().refine((date) => !Number.isNaN(date.getTime()), 'expected a valid date'),
  ordersPerMonth: z.number().int().min(0).max(200_000).default(300),
  products: z.number().int().min(1).max(10_000).default(60),
  customers: z.number().int().min(1).optional(),
  timeZone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
});

export type GenerateStoreOptions = z.input<typeof generateStoreOptionsSchema>;

export type { StatusChange } from './generate-orders.js';

export interface SyntheticStore {
  merchantId: number;
  timeZone: string;
  /** First instant of the generated window (local midnight) and its end (= options.endDate). */
  startDate: Date;
  endDate: Date;
  products: SallaProduct[];
  /** Sorted by created_at. */
  customers: SallaCustomer[];
  /** Sorted by date; each carries its status as of endDate. */
  orders: SallaOrder[];
  /** Every status each order went through (the first is the status at creation), by time. */
  statusHistory: StatusChange[];
  carts: SallaAbandonedCart[];
}

/**
 * A deterministic, realistic Saudi Salla store: same options -> byte-identical output, whatever
 * the machine's clock or time zone. Orders follow weekday, hour, Ramadan/Eid and White Friday
 * seasonality with growth over time; ~38% of orders come from returning customers.
 * Money is exact: total = sub_total + shipping + tax - discounts, to the halala.
 */
export function generateStore(options: GenerateStoreOptions): SyntheticStore {
  const parsed = generateStoreOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const error = appErrorFromZod(parsed.error, 'Invalid synthetic store options');
    throw new AppError('INVALID_ARGUMENT', error.message, { context: error.context });
  }
  const { seed, merchantId, months, endDate, ordersPerMonth, timeZone } = parsed.data;
  const rng = new Rng(seed ^ merchantId);
  const clock = new WallClock(timeZone);
  const now = endDate.getTime() - (endDate.getTime() % 1000);

  const lastDay = toLocalDate(endDate, timeZone);
  const firstDay = addLocalDays(addLocalMonths(lastDay, -months), 1);
  const dayCount = diffLocalDays(firstDay, lastDay) + 1;
  const days = Array.from({ length: dayCount }, (_, index) => {
    const date = addLocalDays(firstDay, index);
    const profile = dayProfile(date);
    // Stores grow: the last month sells ~1.6x the first.
    return { date, ...profile, weight: profile.weight * (0.75 + 0.45 * (index / Math.max(dayCount - 1, 1))) };
  });
  const startDate = new Date(clock.midnight(firstDay));

  const productList = generateProducts(rng, parsed.data.products, startDate.getTime());
  const productTable = new WeightedTable(productList, popularityWeights(productList.length));

  const slots = orderSlots(rng, clock, days, months * ordersPerMonth, now);
  const totalCustomers = parsed.data.customers ?? Math.max(20, Math.round(slots.length * 0.68));

  let customerId = 1_227_500_000 + rng.int(0, 50_000);
  let orderId = 218_100_000 + rng.int(0, 50_000);
  let referenceId = 71_820_000 + rng.int(0, 9_000);
  let itemId = 871_000 + rng.int(0, 9_000);
  let cartId = 661_230_000 + rng.int(0, 9_000);

  const customers: SallaCustomer[] = [];
  const buyerOfOrder: SallaCustomer[] = [];
  const orders: SallaOrder[] = [];
  const statusHistory: StatusChange[] = [];
  const context = {
    rng,
    products: productTable,
    now,
    nextOrderId: () => (orderId += rng.int(1, 60)),
    nextReferenceId: () => (referenceId += 1),
    nextItemId: () => (itemId += rng.int(1, 5)),
  };

  for (const slot of slots) {
    const returning = buyerOfOrder.length > 0 && (customers.length >= totalCustomers || rng.chance(0.38));
    let customer = returning ? buyerOfOrder[rng.int(0, buyerOfOrder.length - 1)] : undefined;
    if (customer === undefined) {
      // Registered minutes before the first order, at checkout.
      const registeredAt = new Date(slot.at.getTime() - rng.int(1, 30) * 60_000);
      customerId += rng.int(1, 80);
      customer = generateCustomer(rng, customerId, registeredAt);
      customers.push(customer);
    }
    buyerOfOrder.push(customer);
    const { order, history } = generateOrder(context, slot, customer);
    orders.push(order);
    statusHistory.push(...history);
  }

  // Customers who registered but have not ordered (yet).
  const windowMs = Math.max(now - startDate.getTime(), 1);
  while (customers.length < totalCustomers) {
    const at = new Date(startDate.getTime() + Math.floor((rng.float() * windowMs) / 1000) * 1000);
    customerId += rng.int(1, 80);
    customers.push(generateCustomer(rng, customerId, at));
  }
  customers.sort((a, b) => Number(a.created_at) - Number(b.created_at) || a.id - b.id);
  statusHistory.sort((a, b) => a.at.getTime() - b.at.getTime() || a.orderId - b.orderId);

  const carts: SallaAbandonedCart[] = [];
  const cartContext = {
    rng,
    merchantId,
    products: productTable,
    customers,
    customerCreatedAt: customers.map((customer) => Number(customer.created_at)),
    now,
    nextCartId: () => (cartId += rng.int(1, 90)),
  };
  for (const slot of orderSlots(rng, clock, days, Math.round(months * ordersPerMonth * 0.45), now)) {
    const cart = generateCart(cartContext, slot.at);
    if (cart !== undefined) carts.push(cart);
  }

  return {
    merchantId,
    timeZone,
    startDate,
    endDate,
    products: productList.map((entry) => entry.product),
    customers,
    orders,
    statusHistory,
    carts,
  };
}

/** Order instants spread over the days by weight, hour of day by local habits, in time order. */
function orderSlots(
  rng: Rng,
  clock: WallClock,
  days: ReadonlyArray<{ date: string; weight: number; season: OrderSlot['season'] }>,
  total: number,
  now: number,
): OrderSlot[] {
  const totalWeight = days.reduce((sum, day) => sum + day.weight, 0);
  const slots: OrderSlot[] = [];
  for (const day of days) {
    const expected = (total * day.weight) / Math.max(totalWeight, 1e-9);
    const count = Math.floor(expected) + (rng.chance(expected - Math.floor(expected)) ? 1 : 0);
    const hours = hourWeights(localDayOfWeek(day.date), day.season);
    const seconds: number[] = [];
    for (let index = 0; index < count; index++) {
      seconds.push(rng.weightedIndex(hours) * 3600 + rng.int(0, 3599));
    }
    seconds.sort((a, b) => a - b);
    for (const second of seconds) {
      const at = clock.toUtc(day.date, second);
      if (at.getTime() <= now) slots.push({ at, season: day.season });
    }
  }
  return slots;
}
