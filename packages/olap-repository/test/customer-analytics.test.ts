import { localDateRangeToPeriod } from '@salla-analytics/core-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AbandonedCartRow, BatchWriter, ClickHouseAnalyticsRepository, type ProductRow, rfmSegmentOf } from '../src/index.js';
import { startTestClickHouse, type TestClickHouse } from './support/clickhouse.js';
import { itemRow, orderRow, riyadh } from './support/rows.js';

const A = 21;
const B = 22;
const TZ = 'Asia/Riyadh';
const march = localDateRangeToPeriod('2025-03-01', '2025-03-31', TZ);
const asOf = riyadh('2025-04-01T00:00:00');

let ch: TestClickHouse;
let repo: ClickHouseAnalyticsRepository;

function product(merchant: number, id: number, category: string): ProductRow {
  return { merchant_id: merchant, product_id: id, name: `p${id}`, sku: '', category, price_minor: 100, cost_minor: null, currency: 'SAR', quantity: null, status: 'sale', created_at: riyadh('2024-12-01T00:00:00'), version: 1, is_deleted: 0 };
}

function cart(merchant: number, id: number, customer: number, at: string, total: number, status = 'abandoned'): AbandonedCartRow {
  return { merchant_id: merchant, cart_id: id, customer_id: customer, total_minor: total, currency: 'SAR', items_count: 1, status, created_at: riyadh(at), updated_at: riyadh(at), version: 1, is_deleted: 0 };
}

beforeAll(async () => {
  ch = await startTestClickHouse('customers_test');
  repo = new ClickHouseAnalyticsRepository(ch.client);
  const writer = new BatchWriter({ client: ch.client, database: ch.database, maxDelayMs: 20 });
  const o = (merchant: number, id: number, customer: number, at: string, total: number, extra: object = {}) =>
    orderRow({ merchant_id: merchant, order_id: id, customer_id: customer, created_at: riyadh(at), total_minor: total, ...extra });
  await Promise.all([
    writer.write('orders', [
      o(A, 1, 1, '2025-01-05T10:00:00', 1_000),
      o(A, 2, 1, '2025-02-10T10:00:00', 2_000),
      o(A, 3, 1, '2025-03-15T10:00:00', 3_000, { payment_method: 'mada', customer_city: 'الرياض' }),
      o(A, 4, 2, '2025-01-20T10:00:00', 500),
      o(A, 5, 2, '2025-03-02T10:00:00', 700, { status: 'canceled', payment_method: 'apple_pay', customer_city: 'جدة' }),
      o(A, 6, 3, '2025-02-01T10:00:00', 4_000),
      o(A, 7, 4, '2025-03-20T10:00:00', 800, { status: 'refunded', payment_method: 'mada', customer_city: 'جدة' }),
      o(A, 8, 5, '2025-03-25T10:00:00', 900, { payment_method: 'tabby', customer_city: 'الرياض' }),
      o(A, 9, 0, '2025-03-03T10:00:00', 10_000, { payment_method: 'cod', customer_city: 'الدمام' }),
      // Another merchant with the same ids: must never show up.
      o(B, 3, 1, '2025-03-15T10:00:00', 999_999, { payment_method: 'mada' }),
      o(B, 8, 5, '2025-03-25T10:00:00', 999_999),
    ]),
    writer.write('order_items', [
      itemRow({ merchant_id: A, order_id: 3, item_id: 1, product_id: 1, order_created_at: riyadh('2025-03-15T10:00:00'), quantity: 1, total_minor: 3_000 }),
      itemRow({ merchant_id: A, order_id: 8, item_id: 2, product_id: 2, order_created_at: riyadh('2025-03-25T10:00:00'), quantity: 2, total_minor: 600 }),
      itemRow({ merchant_id: A, order_id: 8, item_id: 3, product_id: 99, order_created_at: riyadh('2025-03-25T10:00:00'), quantity: 1, total_minor: 300 }),
      itemRow({ merchant_id: A, order_id: 9, item_id: 4, product_id: 1, order_created_at: riyadh('2025-03-03T10:00:00'), quantity: 5, total_minor: 10_000 }),
      itemRow({ merchant_id: A, order_id: 5, item_id: 5, product_id: 2, order_created_at: riyadh('2025-03-02T10:00:00'), quantity: 1, total_minor: 700 }),
      itemRow({ merchant_id: B, order_id: 3, item_id: 1, product_id: 1, order_created_at: riyadh('2025-03-15T10:00:00'), quantity: 9, total_minor: 999_999 }),
    ]),
    writer.write('products', [product(A, 1, 'عطور'), product(A, 2, 'عبايات'), product(B, 1, 'B-only')]),
    writer.write('abandoned_carts', [
      cart(A, 1, 5, '2025-03-22T10:00:00', 900),
      cart(A, 2, 3, '2025-03-10T10:00:00', 1_500),
      cart(A, 3, 0, '2025-03-12T10:00:00', 2_000),
      cart(A, 4, 2, '2025-03-01T10:00:00', 700, 'recovered'),
      cart(A, 5, 1, '2025-02-20T10:00:00', 5_000),
      cart(A, 6, 1, '2025-03-01T09:00:00', 400),
      cart(B, 1, 5, '2025-03-22T10:00:00', 999_999, 'recovered'),
    ]),
  ]);
  await writer.close();
});
afterAll(async () => ch?.close());

describe('sales breakdowns', () => {
  it('splits the period by payment method with net shares', async () => {
    const rows = await repo.getSalesByDimension({ merchantId: A, period: march, dimension: 'payment_method' });
    expect(rows.map((r) => [r.key, r.orders, r.grossSalesMinor, r.netSalesMinor, r.canceledOrders])).toEqual([
      ['cod', 1, 10_000, 10_000, 0],
      ['mada', 2, 3_800, 3_000, 0],
      ['tabby', 1, 900, 900, 0],
      ['apple_pay', 1, 700, 0, 1],
    ]);
    expect(rows[1]!.shareOfNetSales).toBeCloseTo(3_000 / 13_900, 10);
  });

  it('splits by city and by latest status', async () => {
    const cities = await repo.getSalesByDimension({ merchantId: A, period: march, dimension: 'city' });
    expect(cities.map((r) => [r.key, r.grossSalesMinor])).toEqual([
      ['الدمام', 10_000],
      ['الرياض', 3_900],
      ['جدة', 1_500],
    ]);
    const statuses = await repo.getSalesByDimension({ merchantId: A, period: march, dimension: 'status' });
    expect(statuses.map((r) => [r.key, r.orders, r.grossSalesMinor])).toEqual([
      ['completed', 3, 13_900],
      ['refunded', 1, 800],
      ['canceled', 1, 700],
    ]);
  });

  it('ranks categories by line revenue of kept orders; unknown products fall under an empty category', async () => {
    const categories = await repo.getCategoryPerformance({ merchantId: A, period: march });
    expect(categories).toEqual([
      { category: 'عطور', products: 1, quantity: 6, revenueMinor: 13_000, orders: 2 },
      { category: 'عبايات', products: 1, quantity: 2, revenueMinor: 600, orders: 1 },
      { category: '', products: 1, quantity: 1, revenueMinor: 300, orders: 1 },
    ]);
  });
});

describe('customers', () => {
  it('separates new from returning customers by their first purchase ever', async () => {
    expect(await repo.getNewVsReturning({ merchantId: A, period: march })).toEqual({
      new: { customers: 1, orders: 1, netSalesMinor: 900 },
      returning: { customers: 1, orders: 1, netSalesMinor: 3_000 },
    });
  });

  it('builds monthly cohorts with retention per following month', async () => {
    const q1 = localDateRangeToPeriod('2025-01-01', '2025-03-31', TZ);
    expect(await repo.getCohortRetention({ merchantId: A, period: q1 })).toEqual([
      { cohort: '2025-01-01', size: 2, active: [2, 1, 1], retention: [1, 0.5, 0.5] },
      { cohort: '2025-02-01', size: 1, active: [1, 0], retention: [1, 0] },
      { cohort: '2025-03-01', size: 1, active: [1], retention: [1] },
    ]);
  });

  it('scores RFM deterministically and names the segments', async () => {
    const customers = await repo.getRfmCustomers({ merchantId: A, asOf });
    const byId = Object.fromEntries(customers.map((c) => [c.customerId, c]));
    expect(byId[1]).toMatchObject({ frequency: 3, monetaryMinor: 6_000, scores: { r: 3, f: 4 }, segment: 'loyal' });
    expect(byId[2]).toMatchObject({ frequency: 1, monetaryMinor: 500, scores: { r: 1, f: 1 }, segment: 'lost' });
    expect(byId[3]).toMatchObject({ scores: { r: 2, f: 1 }, segment: 'hibernating' });
    expect(byId[5]).toMatchObject({ scores: { r: 4, f: 1 }, segment: 'promising' });
    expect(customers.map((c) => c.customerId)).toEqual([1, 3, 5, 2]);
    for (const c of customers) expect(c.segment).toBe(rfmSegmentOf(c.scores.r, c.scores.f));

    const segments = await repo.getRfmSegments({ merchantId: A, asOf });
    const nonEmpty = segments.filter((s) => s.customers > 0).map((s) => [s.segment, s.customers, s.totalMonetaryMinor]);
    expect(nonEmpty).toEqual([
      ['loyal', 1, 6_000],
      ['promising', 1, 900],
      ['hibernating', 1, 4_000],
      ['lost', 1, 500],
    ]);
    expect(segments).toHaveLength(11);
    expect(segments.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 10);
    const lost = await repo.getRfmCustomers({ merchantId: A, asOf, segment: 'lost' });
    expect(lost.map((c) => c.customerId)).toEqual([2]);
  });

  it('computes lifetime value overall and by acquisition month', async () => {
    const ltv = await repo.getCustomerLifetimeValue({ merchantId: A, asOf, timeZone: TZ });
    expect(ltv.total).toMatchObject({ cohort: 'all', customers: 4, repeatRate: 0.25, avgOrders: 1.5, avgLtvMinor: 2_850 });
    expect(ltv.byCohort.map((c) => [c.cohort, c.customers, c.avgLtvMinor, c.repeatRate])).toEqual([
      ['2025-01-01', 2, 3_250, 0.5],
      ['2025-02-01', 1, 4_000, 0],
      ['2025-03-01', 1, 900, 0],
    ]);
  });
});

describe('abandoned carts', () => {
  it('reports value at risk and recovery within the window', async () => {
    expect(await repo.getAbandonedCartSummary({ merchantId: A, period: march })).toEqual({
      carts: 5,
      valueMinor: 5_500,
      recoveredCarts: 2,
      recoveredValueMinor: 1_600,
      valueAtRiskMinor: 3_900,
      recoveryRate: 0.4,
      currency: 'SAR',
    });
  });
});

describe('hostile parameters', () => {
  it('binds string parameters as values and accepts only known dimensions', async () => {
    const injected = await repo.getRfmCustomers({ merchantId: A, asOf, segment: "lost' OR '1'='1" as never });
    expect(injected).toEqual([]);
    await expect(repo.getSalesByDimension({ merchantId: A, period: march, dimension: 'merchant_id' as never })).rejects.toThrow(
      /Unknown dimension/,
    );
    const zone = { ...march, timeZone: "Asia/Riyadh'); DROP TABLE orders; --" };
    await expect(repo.getCohortRetention({ merchantId: A, period: zone })).rejects.toThrow();
    expect((await repo.getSalesByDimension({ merchantId: A, period: march, dimension: 'status' })).length).toBe(3);
  });
});
