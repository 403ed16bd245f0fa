import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AbandonedCartRow,
  BatchWriter,
  ClickHouseAnalyticsRepository,
  type CustomerRow,
  findPurchasedCarts,
  findRecoveryCandidates,
  getCustomerPurchases,
  segmentFiltersSchema,
} from '../src/index.js';
import { startTestClickHouse, type TestClickHouse } from './support/clickhouse.js';
import { orderRow, riyadh } from './support/rows.js';

const A = 31;
const B = 32;
const asOf = riyadh('2025-04-01T00:00:00');

let ch: TestClickHouse;
let repo: ClickHouseAnalyticsRepository;

function customer(merchant: number, id: number, first: string, email: string): CustomerRow {
  const at = riyadh('2024-12-01T00:00:00');
  return { merchant_id: merchant, customer_id: id, first_name: first, last_name: 'X', email, mobile: '', city: '', country: 'SA', gender: '', created_at: at, updated_at: at, version: 1, is_deleted: 0 };
}

function cart(merchant: number, id: number, customerId: number, at: string, total: number, extra: Partial<AbandonedCartRow> = {}): AbandonedCartRow {
  return {
    merchant_id: merchant, cart_id: id, customer_id: customerId, total_minor: total, currency: 'SAR', items_count: 1, status: 'abandoned',
    created_at: riyadh(at), updated_at: riyadh(at), version: 1, is_deleted: 0,
    checkout_url: `https://s.example/checkout/${id}`, customer_email: '', customer_name: '', customer_language: '',
    items_json: JSON.stringify([{ name: `item ${id}`, quantity: 2, total_minor: total }]),
    ...extra,
  };
}

beforeAll(async () => {
  ch = await startTestClickHouse('segments_test');
  repo = new ClickHouseAnalyticsRepository(ch.client);
  const writer = new BatchWriter({ client: ch.client, database: ch.database, maxDelayMs: 20 });
  const o = (merchant: number, id: number, customerId: number, at: string, total: number, extra: object = {}) =>
    orderRow({ merchant_id: merchant, order_id: id, customer_id: customerId, created_at: riyadh(at), total_minor: total, ...extra });
  await Promise.all([
    writer.write('orders', [
      o(A, 1, 1, '2025-01-05T10:00:00', 1_000, { customer_city: 'جدة' }),
      o(A, 2, 1, '2025-02-10T10:00:00', 2_000, { customer_city: 'الرياض' }),
      o(A, 3, 1, '2025-03-15T10:00:00', 3_000, { customer_city: 'الرياض' }),
      o(A, 4, 2, '2025-01-20T10:00:00', 500, { customer_city: 'جدة' }),
      o(A, 5, 3, '2025-02-01T10:00:00', 4_000, { customer_city: 'الدمام' }),
      o(A, 6, 4, '2025-03-25T10:00:00', 900, { customer_city: 'الرياض' }),
      o(A, 7, 4, '2025-03-26T10:00:00', 800, { status: 'canceled' }),
      // cart 11's customer buys after starting it; cart 12's customer bought before only
      o(A, 8, 5, '2025-03-20T12:00:00', 1_200),
      o(A, 9, 6, '2025-03-10T12:00:00', 700),
      o(B, 1, 1, '2025-03-15T10:00:00', 999_999, { customer_city: 'الرياض' }),
    ]),
    writer.write('customers', [customer(A, 1, 'Noura', 'noura@example.com'), customer(A, 7, 'Fahad', 'fahad@example.com'), customer(B, 1, 'Other', 'b@example.com')]),
    writer.write('abandoned_carts', [
      cart(A, 11, 5, '2025-03-20T10:00:00', 1_500, { customer_email: 'c5@example.com' }),
      cart(A, 12, 6, '2025-03-20T10:00:00', 2_500, { customer_email: 'c6@example.com', customer_language: 'en' }),
      cart(A, 13, 7, '2025-03-20T11:00:00', 3_000),
      cart(A, 14, 0, '2025-03-20T11:00:00', 4_000),
      cart(A, 15, 8, '2025-03-20T11:00:00', 900, { customer_email: 'cheap@example.com' }),
      cart(A, 16, 9, '2025-03-20T11:00:00', 5_000, { customer_email: 'r@example.com', status: 'recovered' }),
      cart(A, 17, 10, '2025-03-22T11:00:00', 5_000, { customer_email: 'late@example.com' }),
      cart(A, 18, 0, '2025-03-20T11:00:00', 5_000, { customer_email: 'guest@example.com' }),
      cart(B, 12, 6, '2025-03-20T10:00:00', 2_500, { customer_email: 'other-merchant@example.com' }),
    ]),
  ]);
  await writer.close();
});
afterAll(async () => ch?.close());

describe('custom segments', () => {
  it('filters by spend, orders, last order, city and RFM segment, most valuable first, with the total', async () => {
    const all = await repo.getSegmentMembers({ merchantId: A, asOf, filters: {} });
    expect(all.total).toBe(6);
    expect(all.members.map((m) => [m.customerId, m.orders, m.spendMinor])).toEqual([
      [1, 3, 6_000], [3, 1, 4_000], [5, 1, 1_200], [4, 1, 900], [6, 1, 700], [2, 1, 500],
    ]);
    expect(all.members[0]).toMatchObject({ name: 'Noura X', email: 'noura@example.com', city: 'الرياض' });
    expect(all.members[0]!.lastOrderAt.toISOString()).toBe(riyadh('2025-03-15T10:00:00').toISOString());

    const spend = await repo.getSegmentMembers({ merchantId: A, asOf, filters: { minSpendMinor: 900, maxSpendMinor: 4_000 } });
    expect(spend.members.map((m) => m.customerId)).toEqual([3, 5, 4]);
    const repeat = await repo.getSegmentMembers({ merchantId: A, asOf, filters: { minOrders: 2 } });
    expect(repeat.members.map((m) => m.customerId)).toEqual([1]);
    const riyadhRecent = await repo.getSegmentMembers({
      merchantId: A, asOf, filters: { city: 'الرياض', lastOrderAfter: riyadh('2025-03-01T00:00:00').toISOString() },
    });
    expect(riyadhRecent.members.map((m) => m.customerId)).toEqual([1, 5, 4, 6]);
    const lapsed = await repo.getSegmentMembers({ merchantId: A, asOf, filters: { lastOrderBefore: riyadh('2025-02-15T00:00:00').toISOString() } });
    expect(lapsed.members.map((m) => m.customerId)).toEqual([3, 2]);

    const rfm = await repo.getRfmCustomers({ merchantId: A, asOf });
    const segmentOf1 = rfm.find((c) => c.customerId === 1)!.segment;
    const bySegment = await repo.getSegmentMembers({ merchantId: A, asOf, filters: { rfmSegments: [segmentOf1] } });
    expect(bySegment.members.map((m) => m.customerId)).toEqual(rfm.filter((c) => c.segment === segmentOf1).map((c) => c.customerId));
    expect(bySegment.members.every((m) => m.rfmSegment === segmentOf1)).toBe(true);
  });

  it('pages through members and still reports the total past the end', async () => {
    const page = await repo.getSegmentMembers({ merchantId: A, asOf, filters: {}, limit: 2, offset: 2 });
    expect(page.members.map((m) => m.customerId)).toEqual([5, 4]);
    expect(page.total).toBe(6);
    const beyond = await repo.getSegmentMembers({ merchantId: A, asOf, filters: {}, limit: 2, offset: 50 });
    expect(beyond).toEqual({ members: [], total: 6 });
  });

  it('never shows another merchant, and filter values stay inert', async () => {
    const other = await repo.getSegmentMembers({ merchantId: B, asOf, filters: {} });
    expect(other.members.map((m) => [m.customerId, m.spendMinor, m.email])).toEqual([[1, 999_999, 'b@example.com']]);
    const injected = await repo.getSegmentMembers({ merchantId: A, asOf, filters: { city: "x' OR 1=1 --" } });
    expect(injected.total).toBe(0);
    expect(segmentFiltersSchema.safeParse({ minSpendMinor: 5, maxSpendMinor: 1 }).success).toBe(false);
    expect(segmentFiltersSchema.safeParse({ merchantId: 32 }).success).toBe(false);
  });
});

describe('cart recovery queries', () => {
  it('lists carts with an address, worth the minimum, not purchased, in the window', async () => {
    const carts = await findRecoveryCandidates(ch.client, {
      merchantId: A, abandonedFrom: riyadh('2025-03-19T00:00:00'), abandonedBefore: riyadh('2025-03-21T00:00:00'), minValueMinor: 1_000,
    });
    // 11 purchased later, 14 has no address, 15 below minimum, 16 recovered, 17 outside the window, 18 a guest
    expect(carts.map((c) => [c.cartId, c.email, c.language])).toEqual([
      [12, 'c6@example.com', 'en'],
      [13, 'fahad@example.com', ''],
    ]);
    expect(carts[1]).toMatchObject({ name: 'Fahad X', totalMinor: 3_000, checkoutUrl: 'https://s.example/checkout/13', items: [{ name: 'item 13', quantity: 2, totalMinor: 3_000 }] });
    expect(carts[0]!.abandonedAt.toISOString()).toBe(riyadh('2025-03-20T10:00:00').toISOString());
  });

  it('tells which carts are purchased, per merchant', async () => {
    expect([...(await findPurchasedCarts(ch.client, { merchantId: A, cartIds: [11, 12, 13, 16] }))].sort()).toEqual([11, 16]);
    expect([...(await findPurchasedCarts(ch.client, { merchantId: B, cartIds: [11, 12] }))]).toEqual([]);
  });

  it('returns purchases of given customers in a range (canceled ones excluded)', async () => {
    const purchases = await getCustomerPurchases(ch.client, { merchantId: A, customerIds: [4, 5, 1], from: riyadh('2025-03-16T00:00:00'), to: asOf });
    expect(purchases.map((p) => [p.orderId, p.customerId, p.totalMinor])).toEqual([[8, 5, 1_200], [6, 4, 900]]);
  });
});
