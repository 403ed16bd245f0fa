import { comparisonPeriod, localDateRangeToPeriod } from '@salla-analytics/core-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchWriter, ClickHouseAnalyticsRepository } from '../src/index.js';
import { startTestClickHouse, type TestClickHouse } from './support/clickhouse.js';
import { itemRow, orderRow, riyadh } from './support/rows.js';

const A = 1305146709; // a real-sized Salla store id (beyond int32)
const B = 42;
const TZ = 'Asia/Riyadh';

let ch: TestClickHouse;
let repo: ClickHouseAnalyticsRepository;

beforeAll(async () => {
  ch = await startTestClickHouse('repository_test');
  repo = new ClickHouseAnalyticsRepository(ch.client);
  const writer = new BatchWriter({ client: ch.client, database: ch.database, maxRows: 1000, maxDelayMs: 20 });
  await Promise.all([
    writer.write('orders', [
      // March 2025 — merchant A
      orderRow({ merchant_id: A, order_id: 1, created_at: riyadh('2025-03-10T23:30:00'), total_minor: 45_603, customer_id: 7 }),
      orderRow({ merchant_id: A, order_id: 2, created_at: riyadh('2025-03-11T00:10:00'), total_minor: 29, customer_id: 7 }),
      // order 3: placed, then canceled (newer version); an old duplicate arrives last
      orderRow({ merchant_id: A, order_id: 3, created_at: riyadh('2025-03-12T12:00:00'), total_minor: 10_000, version: 2, status: 'canceled', customer_id: 8 }),
      orderRow({ merchant_id: A, order_id: 3, created_at: riyadh('2025-03-12T12:00:00'), total_minor: 10_000, version: 1, status: 'under_review', customer_id: 8 }),
      // order 4: refunded (Salla's own slug for it is 'restored')
      orderRow({ merchant_id: A, order_id: 4, created_at: riyadh('2025-03-13T09:00:00'), total_minor: 5_050, status: 'restored', customer_id: 9 }),
      // order 5: an older version has a different total; the newest (version 3) wins
      orderRow({ merchant_id: A, order_id: 5, created_at: riyadh('2025-03-15T18:00:00'), total_minor: 99_999, version: 1, customer_id: 10 }),
      orderRow({ merchant_id: A, order_id: 5, created_at: riyadh('2025-03-15T18:00:00'), total_minor: 12_345, version: 3, customer_id: 10 }),
      orderRow({ merchant_id: A, order_id: 5, created_at: riyadh('2025-03-15T18:00:00'), total_minor: 50_000, version: 2, customer_id: 10 }),
      // order 6: deleted
      orderRow({ merchant_id: A, order_id: 6, created_at: riyadh('2025-03-14T10:00:00'), total_minor: 70_000, version: 1 }),
      orderRow({ merchant_id: A, order_id: 6, created_at: riyadh('2025-03-14T10:00:00'), total_minor: 70_000, version: 2, is_deleted: 1 }),
      // previous period (3–9 March) for merchant A
      orderRow({ merchant_id: A, order_id: 10, created_at: riyadh('2025-03-09T23:59:59'), total_minor: 20_000, customer_id: 7 }),
      orderRow({ merchant_id: A, order_id: 11, created_at: riyadh('2025-03-03T00:00:00'), total_minor: 1_000, customer_id: 11 }),
      // just outside both periods
      orderRow({ merchant_id: A, order_id: 12, created_at: riyadh('2025-03-02T23:59:59'), total_minor: 777 }),
      orderRow({ merchant_id: A, order_id: 13, created_at: riyadh('2025-03-17T00:00:00'), total_minor: 888 }),
      // merchant B, same order ids and dates
      orderRow({ merchant_id: B, order_id: 1, created_at: riyadh('2025-03-10T12:00:00'), total_minor: 1_000_000, customer_id: 7 }),
      orderRow({ merchant_id: B, order_id: 2, created_at: riyadh('2025-03-11T12:00:00'), total_minor: 2_000_000, customer_id: 99 }),
    ]),
    writer.write('order_items', [
      itemRow({ merchant_id: A, order_id: 1, item_id: 1, product_id: 100, order_created_at: riyadh('2025-03-10T23:30:00'), quantity: 1, total_minor: 28_800 }),
      itemRow({ merchant_id: A, order_id: 1, item_id: 2, product_id: 200, order_created_at: riyadh('2025-03-10T23:30:00'), quantity: 2, total_minor: 8_145 }),
      itemRow({ merchant_id: A, order_id: 2, item_id: 3, product_id: 200, order_created_at: riyadh('2025-03-11T00:10:00'), quantity: 1, total_minor: 29 }),
      itemRow({ merchant_id: A, order_id: 3, item_id: 4, product_id: 300, order_created_at: riyadh('2025-03-12T12:00:00'), quantity: 9, total_minor: 10_000 }),
      itemRow({ merchant_id: A, order_id: 5, item_id: 5, product_id: 100, order_created_at: riyadh('2025-03-15T18:00:00'), quantity: 3, total_minor: 12_345, version: 3 }),
      itemRow({ merchant_id: A, order_id: 5, item_id: 5, product_id: 100, order_created_at: riyadh('2025-03-15T18:00:00'), quantity: 5, total_minor: 99_999, version: 1 }),
      itemRow({ merchant_id: B, order_id: 1, item_id: 1, product_id: 900, order_created_at: riyadh('2025-03-10T12:00:00'), quantity: 50, total_minor: 1_000_000 }),
    ]),
  ]);
  await writer.close();
});
afterAll(async () => ch?.close());

const week = localDateRangeToPeriod('2025-03-10', '2025-03-16', TZ);
const previousWeek = comparisonPeriod(week, 'previous_period');

describe('revenue overview', () => {
  it('computes every metric exactly, to the halala, with the previous period', async () => {
    const overview = await repo.getRevenueOverview({ merchantId: A, period: week, comparison: previousWeek });
    expect(previousWeek.fromDate).toBe('2025-03-03');
    expect(overview.currency).toBe('SAR');
    const m = overview.metrics;
    // orders 1,2,3,4,5 (6 deleted, 13 outside)
    expect(m.orders).toMatchObject({ value: 5, previous: 2 });
    expect(m.grossSales).toMatchObject({ value: 45_603 + 29 + 10_000 + 5_050 + 12_345, previous: 21_000 });
    expect(m.netSales).toMatchObject({ value: 45_603 + 29 + 12_345, previous: 21_000 });
    expect(m.canceledOrders).toMatchObject({ value: 1, previous: 0 });
    expect(m.refundedOrders).toMatchObject({ value: 1, previous: 0 });
    // (45603 + 29 + 12345) / 3 = 19325.67 → 19326 halalas
    expect(m.aov).toMatchObject({ value: 19_326, previous: 10_500 });
    expect(m.uniqueCustomers).toMatchObject({ value: 4, previous: 2 });
    expect(m.orders.change).toBeCloseTo(1.5, 10);
    expect(m.netSales.change).toBeCloseTo((57_977 - 21_000) / 21_000, 10);
  });

  it('puts an order at 23:30 Riyadh time on that day, not the next', async () => {
    const day10 = await repo.getRevenueOverview({ merchantId: A, period: localDateRangeToPeriod('2025-03-10', '2025-03-10', TZ) });
    expect(day10.metrics.orders.value).toBe(1);
    expect(day10.metrics.grossSales.value).toBe(45_603);
    expect(day10.metrics.grossSales.previous).toBeNull();
    const day11 = await repo.getRevenueOverview({ merchantId: A, period: localDateRangeToPeriod('2025-03-11', '2025-03-11', TZ) });
    expect(day11.metrics.grossSales.value).toBe(29);
    // In UTC both orders fall on 10 March; a UTC+4 store would see 00:30 on the 11th.
    const dubai = await repo.getRevenueOverview({ merchantId: A, period: localDateRangeToPeriod('2025-03-11', '2025-03-11', 'Asia/Dubai') });
    expect(dubai.metrics.grossSales.value).toBe(45_603 + 29);
  });

  it('returns zeros and no currency for a period without orders', async () => {
    const empty = await repo.getRevenueOverview({ merchantId: A, period: localDateRangeToPeriod('2024-01-01', '2024-01-31', TZ) });
    expect(empty.metrics.orders.value).toBe(0);
    expect(empty.metrics.aov.value).toBe(0);
    expect(empty.currency).toBeNull();
  });
});

describe('sales trend', () => {
  it('buckets by local day with every day present', async () => {
    const trend = await repo.getSalesTrend({ merchantId: A, period: week, granularity: 'day' });
    expect(trend.map((p) => p.bucket)).toEqual([
      '2025-03-10', '2025-03-11', '2025-03-12', '2025-03-13', '2025-03-14', '2025-03-15', '2025-03-16',
    ]);
    expect(trend.map((p) => p.grossSalesMinor)).toEqual([45_603, 29, 10_000, 5_050, 0, 12_345, 0]);
    expect(trend.map((p) => p.netSalesMinor)).toEqual([45_603, 29, 0, 0, 0, 12_345, 0]);
    expect(trend[2]!.canceledOrders).toBe(1);
  });

  it('honours the week start', async () => {
    const twoWeeks = localDateRangeToPeriod('2025-03-03', '2025-03-16', TZ);
    // 2025-03-10 is a Monday.
    const monday = await repo.getSalesTrend({ merchantId: A, period: twoWeeks, granularity: 'week', weekStart: 'monday' });
    expect(monday.map((p) => [p.bucket, p.orders])).toEqual([
      ['2025-03-03', 2],
      ['2025-03-10', 5],
    ]);
    const saturday = await repo.getSalesTrend({ merchantId: A, period: twoWeeks, granularity: 'week', weekStart: 'saturday' });
    // Sat 1 Mar – Fri 7 Mar: order 11; Sat 8 – Fri 14: orders 10,1,2,3,4; Sat 15 – Fri 21: order 5
    expect(saturday.map((p) => [p.bucket, p.orders])).toEqual([
      ['2025-03-01', 1],
      ['2025-03-08', 5],
      ['2025-03-15', 1],
    ]);
    const sunday = await repo.getSalesTrend({ merchantId: A, period: twoWeeks, granularity: 'week', weekStart: 'sunday' });
    expect(sunday.map((p) => [p.bucket, p.orders])).toEqual([
      ['2025-03-02', 1],
      ['2025-03-09', 6],
      ['2025-03-16', 0],
    ]);
  });

  it('buckets by month', async () => {
    const q1 = localDateRangeToPeriod('2025-01-01', '2025-03-31', TZ);
    const trend = await repo.getSalesTrend({ merchantId: A, period: q1, granularity: 'month' });
    expect(trend.map((p) => [p.bucket, p.orders])).toEqual([
      ['2025-01-01', 0],
      ['2025-02-01', 0],
      ['2025-03-01', 9],
    ]);
  });
});

describe('top products', () => {
  it('ranks products by revenue from orders that were not canceled or refunded, latest versions only', async () => {
    const top = await repo.getTopProducts({ merchantId: A, period: week, limit: 10 });
    expect(top).toEqual([
      { productId: 100, name: 'منتج 100', sku: 'SKU-100', quantity: 4, revenueMinor: 28_800 + 12_345, orders: 2 },
      { productId: 200, name: 'منتج 200', sku: 'SKU-200', quantity: 3, revenueMinor: 8_145 + 29, orders: 2 },
    ]);
    const byQuantity = await repo.getTopProducts({ merchantId: A, period: week, limit: 1, sortBy: 'quantity' });
    expect(byQuantity.map((p) => p.productId)).toEqual([100]);
  });
});

describe('tenant isolation', () => {
  it('returns only the asked merchant’s rows from every query', async () => {
    const overviewB = await repo.getRevenueOverview({ merchantId: B, period: week, comparison: previousWeek });
    expect(overviewB.metrics.orders).toMatchObject({ value: 2, previous: 0 });
    expect(overviewB.metrics.grossSales.value).toBe(3_000_000);
    const trendB = await repo.getSalesTrend({ merchantId: B, period: week, granularity: 'day' });
    expect(trendB.reduce((sum, p) => sum + p.grossSalesMinor, 0)).toBe(3_000_000);
    const topB = await repo.getTopProducts({ merchantId: B, period: week });
    expect(topB.map((p) => p.productId)).toEqual([900]);
    const unknown = await repo.getRevenueOverview({ merchantId: 7777, period: week });
    expect(unknown.metrics.orders.value).toBe(0);
  });

  it('treats injection attempts in string parameters as inert values', async () => {
    const hostileZone = { ...week, timeZone: "Asia/Riyadh') OR 1=1 --" };
    await expect(repo.getSalesTrend({ merchantId: A, period: hostileZone, granularity: 'day' })).rejects.toThrow();
    const hostileDates = { ...week, fromDate: "2025-03-10' OR '1'='1" };
    // Labels never reach SQL: the instants bound the query, so the numbers are unchanged.
    const overview = await repo.getRevenueOverview({ merchantId: A, period: hostileDates });
    expect(overview.metrics.orders.value).toBe(5);
    for (const bad of [0, -1, 1.5, Number.NaN, Number('1 OR 1=1')]) {
      expect(() => repo.getRevenueOverview({ merchantId: bad, period: week })).toThrow(/merchantId/);
    }
  });
});
