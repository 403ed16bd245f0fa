import {
  comparisonPeriod,
  generateStore,
  localDateRangeToPeriod,
  orderStatusCategory,
  type SallaOrder,
  type SyntheticStore,
  toLocalDate,
  toMinorUnits,
} from '@salla-analytics/core-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchWriter, ClickHouseAnalyticsRepository, orderToRows } from '../src/index.js';
import { startTestClickHouse, type TestClickHouse } from './support/clickhouse.js';

const TZ = 'Asia/Riyadh';
const END = new Date('2025-06-30T20:59:59Z'); // 23:59:59 on 30 June, Riyadh
let ch: TestClickHouse;
let repo: ClickHouseAnalyticsRepository;
let storeA: SyntheticStore;
let storeB: SyntheticStore;

/** The metric definitions, computed straight from the generator's orders without ClickHouse. */
function expectedOverview(orders: SallaOrder[], fromDate: string, toDate: string) {
  const inRange = orders.filter((o) => {
    const day = toLocalDate(o.date!, TZ);
    return day >= fromDate && day <= toDate;
  });
  const total = (o: SallaOrder) => toMinorUnits(o.amounts!.total.amount, 'SAR');
  const category = (o: SallaOrder) => orderStatusCategory(o.status?.slug ?? '');
  const excluded = inRange.filter((o) => category(o) === 'canceled' || category(o) === 'refunded');
  const gross = inRange.reduce((s, o) => s + total(o), 0);
  const net = gross - excluded.reduce((s, o) => s + total(o), 0);
  const kept = inRange.length - excluded.length;
  return {
    orders: inRange.length,
    grossSales: gross,
    netSales: net,
    canceledOrders: inRange.filter((o) => category(o) === 'canceled').length,
    aov: kept > 0 ? Math.round(net / kept) : 0,
    uniqueCustomers: new Set(inRange.map((o) => o.customer?.id).filter((id) => id !== undefined && id !== 0)).size,
  };
}

beforeAll(async () => {
  ch = await startTestClickHouse('generated_test');
  repo = new ClickHouseAnalyticsRepository(ch.client);
  storeA = generateStore({ seed: 7, merchantId: 501, months: 6, endDate: END, ordersPerMonth: 800 });
  storeB = generateStore({ seed: 8, merchantId: 502, months: 6, endDate: END, ordersPerMonth: 300 });
  const writer = new BatchWriter({ client: ch.client, database: ch.database, maxRows: 2_000, maxDelayMs: 50 });
  const writes: Promise<void>[] = [];
  for (const store of [storeA, storeB]) {
    for (const order of store.orders) {
      const { order: row, items } = orderToRows(store.merchantId, order, 10);
      // A stale duplicate of every order (older version, different total and status) must never count.
      const stale = { ...row, version: 9, total_minor: row.total_minor + 12_345, status: 'under_review' };
      writes.push(writer.write('orders', [stale, row]), writer.write('order_items', items));
    }
  }
  await Promise.all(writes);
  await writer.close();
});
afterAll(async () => ch?.close());

describe('repository on a generated store', () => {
  it('matches the metric definitions computed from the source orders, to the halala', async () => {
    for (const [from, to] of [
      ['2025-06-01', '2025-06-30'],
      ['2025-03-01', '2025-03-31'],
      ['2025-01-01', '2025-06-30'],
      ['2025-06-14', '2025-06-14'],
    ] as const) {
      const period = localDateRangeToPeriod(from, to, TZ);
      const previous = comparisonPeriod(period, 'previous_period');
      const overview = await repo.getRevenueOverview({ merchantId: storeA.merchantId, period, comparison: previous });
      const expected = expectedOverview(storeA.orders, from, to);
      const expectedPrev = expectedOverview(storeA.orders, previous.fromDate, previous.toDate);
      const m = overview.metrics;
      expect({
        orders: m.orders.value,
        grossSales: m.grossSales.value,
        netSales: m.netSales.value,
        canceledOrders: m.canceledOrders.value,
        aov: m.aov.value,
        uniqueCustomers: m.uniqueCustomers.value,
      }).toEqual(expected);
      expect(m.grossSales.previous).toBe(expectedPrev.grossSales);
      expect(m.orders.previous).toBe(expectedPrev.orders);
    }
  });

  it('sums the daily trend to the overview and keeps every day', async () => {
    const period = localDateRangeToPeriod('2025-04-01', '2025-06-30', TZ);
    const trend = await repo.getSalesTrend({ merchantId: storeA.merchantId, period, granularity: 'day' });
    expect(trend).toHaveLength(91);
    const expected = expectedOverview(storeA.orders, '2025-04-01', '2025-06-30');
    expect(trend.reduce((s, p) => s + p.grossSalesMinor, 0)).toBe(expected.grossSales);
    expect(trend.reduce((s, p) => s + p.netSalesMinor, 0)).toBe(expected.netSales);
    expect(trend.reduce((s, p) => s + p.orders, 0)).toBe(expected.orders);
  });

  it('keeps the two merchants apart', async () => {
    const period = localDateRangeToPeriod('2025-01-01', '2025-06-30', TZ);
    const b = await repo.getRevenueOverview({ merchantId: storeB.merchantId, period });
    expect(b.metrics.grossSales.value).toBe(expectedOverview(storeB.orders, '2025-01-01', '2025-06-30').grossSales);
    const topA = await repo.getTopProducts({ merchantId: storeA.merchantId, period, limit: 1000 });
    const productIdsA = new Set(storeA.products.map((p) => p.id));
    expect(topA.length).toBeGreaterThan(0);
    expect(topA.every((p) => productIdsA.has(p.productId))).toBe(true);
  });
});
