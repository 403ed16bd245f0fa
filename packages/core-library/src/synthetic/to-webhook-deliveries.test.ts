import { describe, expect, it } from 'vitest';
import { parseSallaWebhook } from '../salla/parse-webhook.js';
import { generateStore } from './generate-store.js';
import { toWebhookDeliveries } from './to-webhook-deliveries.js';

describe('toWebhookDeliveries', () => {
  const store = generateStore({
    seed: 11,
    merchantId: 42,
    months: 2,
    endDate: new Date('2025-04-15T12:00:00Z'),
    ordersPerMonth: 150,
  });
  const deliveries = toWebhookDeliveries(store);

  it('starts with app.store.authorize and is chronological', () => {
    expect(deliveries[0]?.event).toBe('app.store.authorize');
    const instants = deliveries.map((delivery) => {
      const parsed = parseSallaWebhook(delivery);
      if (!parsed.ok) throw parsed.error;
      return parsed.value.createdAt.getTime();
    });
    expect(instants).toEqual([...instants].sort((a, b) => a - b));
  });

  it('covers every entity once plus each later status change', () => {
    const count = (event: string) => deliveries.filter((delivery) => delivery.event === event).length;
    expect(count('product.created')).toBe(store.products.length);
    expect(count('customer.created')).toBe(store.customers.length);
    expect(count('order.created')).toBe(store.orders.length);
    expect(count('order.status.updated')).toBe(store.statusHistory.length - store.orders.length);
    expect(count('abandoned.cart')).toBe(store.carts.length);
    expect(count('order.cancelled')).toBe(
      store.orders.filter((order) => order.status?.slug === 'canceled').length,
    );
  });

  it('every delivery survives JSON and passes parseSallaWebhook', () => {
    const kinds = new Set<string>();
    for (const delivery of deliveries) {
      const result = parseSallaWebhook(JSON.parse(JSON.stringify(delivery)));
      if (!result.ok) throw new Error(`${delivery.event}: ${result.error.message}`);
      expect(result.value.kind).not.toBe('unknown');
      expect(result.value.merchantId).toBe(42);
      kinds.add(result.value.kind);
    }
    expect([...kinds].sort()).toEqual([
      'abandoned_cart',
      'app_authorize',
      'customer',
      'order',
      'order_status',
      'product',
    ]);
  });

  it('round-trips an order exactly, dates included', () => {
    const order = store.orders[store.orders.length - 1]!;
    const created = deliveries.find(
      (delivery) => delivery.event === 'order.created' && delivery.data.id === order.id,
    );
    const parsed = parseSallaWebhook(created);
    if (!parsed.ok || parsed.value.kind !== 'order') throw new Error('not an order');
    expect(parsed.value.order.date).toEqual(order.date);
    expect(parsed.value.order.amounts).toEqual(order.amounts);
    expect(parsed.value.order.items).toEqual(order.items);
    expect(parsed.value.order.status?.slug).toBe('under_review');
  });

  it('writes envelope dates as Riyadh wall time', () => {
    for (const delivery of deliveries.slice(0, 50))
      expect(delivery.created_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('stays exact in a DST zone', () => {
    const berlin = generateStore({
      seed: 3,
      merchantId: 43,
      months: 1,
      endDate: new Date('2025-04-10T12:00:00Z'),
      ordersPerMonth: 200,
      timeZone: 'Europe/Berlin',
    });
    const orderDates = new Map(berlin.orders.map((order) => [order.id, order.date?.getTime()]));
    for (const delivery of toWebhookDeliveries(berlin)) {
      const result = parseSallaWebhook(delivery);
      if (!result.ok) throw result.error;
      if (result.value.kind === 'order' && result.value.event === 'order.created') {
        expect(result.value.order.date?.getTime()).toBe(orderDates.get(result.value.order.id));
      }
    }
  });
});
