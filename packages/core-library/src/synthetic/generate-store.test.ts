import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toMinorUnits } from '../money/to-minor-units.js';
import { sallaAbandonedCartSchema } from '../salla/abandoned-cart.js';
import { sallaCustomerSchema } from '../salla/customer.js';
import { sallaOrderSchema } from '../salla/order.js';
import { orderStatusCategory } from '../salla/order-status.js';
import { sallaProductSchema } from '../salla/product.js';
import { toLocalDate } from '../time/zoned-time.js';
import { generateStore } from './generate-store.js';
import { dayProfile } from './seasonality.js';

const options = {
  seed: 7,
  merchantId: 1305146709,
  months: 12,
  endDate: new Date('2025-11-30T20:59:59Z'),
  ordersPerMonth: 400,
};
const store = generateStore(options);
const minor = (value: number | undefined) => toMinorUnits(value ?? 0, 'SAR');

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

describe('generateStore determinism', () => {
  it('gives byte-identical output for the same seed, different output for another', () => {
    expect(digest(generateStore(options))).toBe(digest(store));
    expect(digest(generateStore({ ...options, seed: 8 }))).not.toBe(digest(store));
  });

  it('does not depend on the machine time zone', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(digest(generateStore(options))).toBe(digest(store));
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('generateStore shape', () => {
  it('has about the requested volume inside the window', () => {
    expect(store.orders.length).toBeGreaterThan(options.ordersPerMonth * options.months * 0.95);
    expect(store.orders.length).toBeLessThan(options.ordersPerMonth * options.months * 1.05);
    expect(store.products).toHaveLength(60);
    expect(store.startDate.toISOString()).toBe('2024-11-30T21:00:00.000Z');
    for (const order of store.orders) {
      expect(order.date!.getTime()).toBeGreaterThanOrEqual(store.startDate.getTime());
      expect(order.date!.getTime()).toBeLessThanOrEqual(options.endDate.getTime());
    }
  });

  it('produces values that satisfy the Salla schemas', () => {
    for (const product of store.products) expect(sallaProductSchema.safeParse(product).success).toBe(true);
    for (const customer of store.customers.slice(0, 300))
      expect(sallaCustomerSchema.safeParse(customer).success).toBe(true);
    for (const order of store.orders.slice(0, 300))
      expect(sallaOrderSchema.safeParse(order).success).toBe(true);
    for (const cart of store.carts.slice(0, 300))
      expect(sallaAbandonedCartSchema.safeParse(cart).success).toBe(true);
  });

  it('keeps every order exact to the halala', () => {
    for (const order of store.orders) {
      const amounts = order.amounts!;
      const discounts = (amounts.discounts ?? []).reduce(
        (sum, discount) => sum + minor(discount.discount),
        0,
      );
      expect(minor(amounts.total.amount)).toBe(
        minor(amounts.sub_total?.amount) +
          minor(amounts.shipping_cost?.amount) +
          minor(amounts.tax?.amount.amount) -
          discounts,
      );
      const items = order.items ?? [];
      const itemsSubtotal = items.reduce(
        (sum, item) => sum + minor(item.amounts?.price_without_tax?.amount) * item.quantity,
        0,
      );
      expect(itemsSubtotal).toBe(minor(amounts.sub_total?.amount));
      const itemDiscounts = items.reduce((sum, item) => sum + minor(item.amounts?.total_discount?.amount), 0);
      expect(itemDiscounts).toBe(discounts);
    }
  });

  it('references products and customers that exist before the order', () => {
    const products = new Set(store.products.map((product) => product.id));
    const customers = new Map(store.customers.map((customer) => [customer.id, customer]));
    for (const order of store.orders) {
      for (const item of order.items ?? []) expect(products.has(item.product_id ?? -1)).toBe(true);
      const customer = customers.get(order.customer?.id ?? -1);
      expect(customer).toBeDefined();
      expect(customer!.created_at!.getTime()).toBeLessThanOrEqual(order.date!.getTime());
    }
  });

  it('looks like a Saudi store', () => {
    const share = <T>(values: T[], predicate: (value: T) => boolean) =>
      values.filter(predicate).length / values.length;
    const cities = store.customers.map((customer) => customer.city);
    expect(share(cities, (city) => city === 'الرياض')).toBeGreaterThan(0.22);
    expect(share(cities, (city) => city === 'جدة')).toBeGreaterThan(0.12);
    expect(store.customers.every((customer) => /[\u0600-\u06ff]/.test(customer.first_name ?? ''))).toBe(true);
    expect(store.products.every((product) => /[\u0600-\u06ff]/.test(product.name ?? ''))).toBe(true);
    expect(store.customers.every((customer) => /@example\.(com|sa|net)$/.test(customer.email ?? ''))).toBe(
      true,
    );

    const methods = store.orders.map((order) => order.payment_method);
    expect(share(methods, (method) => method === 'mada')).toBeGreaterThan(0.3);
    for (const method of ['apple_pay', 'credit_card', 'tabby', 'tamara', 'cod']) {
      expect(share(methods, (value) => value === method)).toBeGreaterThan(0.04);
    }
  });

  it('mixes statuses realistically', () => {
    const slugs = store.orders.map((order) => order.status?.slug ?? '');
    const share = (slug: string) => slugs.filter((value) => value === slug).length / slugs.length;
    expect(share('canceled')).toBeGreaterThan(0.03);
    expect(share('canceled')).toBeLessThan(0.07);
    expect(share('refunded')).toBeGreaterThan(0.01);
    expect(share('refunded')).toBeLessThan(0.03);
    for (const slug of ['completed', 'delivered']) expect(share(slug)).toBeGreaterThan(0.2);
    const recent = store.orders.filter(
      (order) => options.endDate.getTime() - order.date!.getTime() < 3_600_000,
    );
    expect(recent.every((order) => orderStatusCategory(order.status?.slug ?? '') === 'open')).toBe(true);
  });

  it('records the status history ending in each order status', () => {
    const last = new Map<number, string>();
    for (const change of store.statusHistory) last.set(change.orderId, change.slug);
    for (const order of store.orders) expect(last.get(order.id)).toBe(order.status?.slug);
    const times = store.statusHistory.map((change) => change.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('has returning customers', () => {
    const counts = new Map<number, number>();
    for (const order of store.orders)
      counts.set(order.customer!.id!, (counts.get(order.customer!.id!) ?? 0) + 1);
    const repeatOrders = [...counts.values()]
      .filter((count) => count > 1)
      .reduce((sum, count) => sum + count, 0);
    expect(repeatOrders / store.orders.length).toBeGreaterThan(0.3);
  });

  it('follows Saudi seasonality', () => {
    const perDay = new Map<string, number>();
    for (const order of store.orders) {
      const day = toLocalDate(order.date!, 'Asia/Riyadh');
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    const average = (predicate: (day: string) => boolean) => {
      const days = [...perDay.keys()].filter(predicate);
      return days.reduce((sum, day) => sum + (perDay.get(day) ?? 0), 0) / days.length;
    };
    // Ramadan 1446 ran from 2025-03-01 to 2025-03-29; the last ten nights are the peak.
    expect(dayProfile('2025-03-25').season).toBe('pre_eid');
    expect(dayProfile('2025-03-30').season).toBe('eid');
    const lastTenNights = average((day) => day >= '2025-03-20' && day <= '2025-03-29');
    const february = average((day) => day.startsWith('2025-02'));
    expect(lastTenNights).toBeGreaterThan(february * 1.4);
    // White Friday 2025 is Friday 2025-11-28.
    expect(perDay.get('2025-11-28') ?? 0).toBeGreaterThan(average((day) => day.startsWith('2025-10')) * 2);
    const thursdays = average((day) => new Date(`${day}T12:00:00Z`).getUTCDay() === 4);
    const mondays = average((day) => new Date(`${day}T12:00:00Z`).getUTCDay() === 1);
    expect(thursdays).toBeGreaterThan(mondays);
  });

  it('rejects bad options', () => {
    expect(() => generateStore({ ...options, months: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => generateStore({ ...options, timeZone: 'Nope/Zone' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
