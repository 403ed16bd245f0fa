import {
  generateStore,
  localDateRangeToPeriod,
  orderStatusCategory,
  type SallaOrder,
  type SallaWebhookDelivery,
  toLocalDate,
  toMinorUnits,
  toWebhookDeliveries,
} from '@salla-analytics/core-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drained, type Engines, type RunningPipeline, sendAll, startEngines, startPipeline } from './support/harness.js';

const TZ = 'Asia/Riyadh';
const IN_ORDER = 610001;
const SHUFFLED = 610002;
const store = generateStore({ seed: 31, merchantId: IN_ORDER, months: 3, endDate: new Date('2025-06-30T20:59:59Z'), ordersPerMonth: 150 });
const deliveries = toWebhookDeliveries(store);

let engines: Engines;
let run: RunningPipeline;

/** Deterministic shuffle (mulberry32) so a failure can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

/** The metric definitions computed from the generator's final orders, without ClickHouse. */
function groundTruth(orders: SallaOrder[], fromDate: string, toDate: string) {
  const inRange = orders.filter((order) => {
    const day = toLocalDate(order.date as Date, TZ);
    return day >= fromDate && day <= toDate;
  });
  const total = (order: SallaOrder) => toMinorUnits(order.amounts?.total.amount ?? 0, 'SAR');
  const category = (order: SallaOrder) => orderStatusCategory(order.status?.slug ?? '');
  const excluded = inRange.filter((order) => category(order) === 'canceled' || category(order) === 'refunded');
  const gross = inRange.reduce((sum, order) => sum + total(order), 0);
  const net = gross - excluded.reduce((sum, order) => sum + total(order), 0);
  const kept = inRange.length - excluded.length;
  return {
    orders: inRange.length,
    grossSales: gross,
    netSales: net,
    canceledOrders: inRange.filter((order) => category(order) === 'canceled').length,
    refundedOrders: inRange.filter((order) => category(order) === 'refunded').length,
    aov: kept > 0 ? Math.round(net / kept) : 0,
    uniqueCustomers: new Set(inRange.map((order) => order.customer?.id)).size,
  };
}

async function overview(merchantId: number, fromDate: string, toDate: string) {
  const result = await engines.ch.repository.getRevenueOverview({ merchantId, period: localDateRangeToPeriod(fromDate, toDate, TZ) });
  return Object.fromEntries(Object.entries(result.metrics).map(([name, metric]) => [name, metric.value]));
}

const RANGES = [
  ['2025-04-01', '2025-06-30'],
  ['2025-04-01', '2025-04-30'],
  ['2025-05-01', '2025-05-31'],
  ['2025-06-01', '2025-06-30'],
  ['2025-06-29', '2025-06-30'],
] as const;

beforeAll(async () => {
  engines = await startEngines();
  run = await startPipeline(engines, { QUEUE_BATCH_SIZE: '100' });
});
afterAll(async () => {
  await run?.stop();
  await engines?.stop();
});

describe('a generated store delivered in order, and shuffled with duplicates', () => {
  beforeAll(async () => {
    const asMerchant = (delivery: SallaWebhookDelivery): SallaWebhookDelivery => ({ ...delivery, merchant: SHUFFLED });
    // One in-order pass, one at a time, as a well-behaved sender would.
    const inOrder = await sendAll(run, deliveries, 1);
    // The same events for another merchant: 30% sent twice, everything in random order, in parallel.
    const storm = shuffled([...deliveries, ...deliveries.filter((_, index) => index % 10 < 3)].map(asMerchant), 2026);
    const stormed = await sendAll(run, storm, 16);
    expect(new Set([...inOrder, ...stormed])).toEqual(new Set([200]));
    await drained(engines, 120_000);
  });

  it('has as many deliveries as the generator made', () => {
    expect(deliveries.length).toBeGreaterThan(1500);
    expect(deliveries.filter((d) => d.event === 'order.cancelled').length).toBeGreaterThan(5);
    expect(deliveries.filter((d) => d.event === 'order.refunded').length).toBeGreaterThan(0);
  });

  it.each(RANGES)('overview %s..%s: shuffled equals in-order equals the ground truth', async (from, to) => {
    const expected = groundTruth(store.orders, from, to);
    const ordered = await overview(IN_ORDER, from, to);
    expect(ordered).toEqual(expected);
    expect(await overview(SHUFFLED, from, to)).toEqual(ordered);
  });

  it('keeps one row per order, with its final status, in both merchants', async () => {
    const rows = await engines.ch.rows<{ merchant_id: number; n: number; statuses: string }>(
      `SELECT merchant_id, count() AS n, toString(groupUniqArray(status)) AS statuses FROM orders FINAL
       WHERE merchant_id IN (${IN_ORDER}, ${SHUFFLED}) GROUP BY merchant_id ORDER BY merchant_id`,
    );
    expect(rows.map((row) => row.n)).toEqual([store.orders.length, store.orders.length]);
    const finalStatus = new Map(store.orders.map((order) => [order.id, order.status?.slug]));
    const states = await engines.ch.rows<{ order_id: number; status: string }>(
      `SELECT order_id, status FROM orders FINAL WHERE merchant_id = ${SHUFFLED}`,
    );
    expect(states.filter((row) => finalStatus.get(row.order_id) !== row.status)).toEqual([]);
    const history = await engines.ch.rows<{ n: number }>(
      `SELECT count() AS n FROM order_status_history FINAL WHERE merchant_id = ${SHUFFLED}`,
    );
    expect(history[0]?.n).toBe(store.statusHistory.length);
  });

  it('keeps every order line once, the same for both merchants and the generator', async () => {
    const lines = await engines.ch.rows<{ merchant_id: number; n: number; quantity: number; orders: number }>(
      `SELECT merchant_id, count() AS n, sum(quantity) AS quantity, uniqExact(order_id) AS orders FROM order_items FINAL
       WHERE merchant_id IN (${IN_ORDER}, ${SHUFFLED}) AND is_deleted = 0 GROUP BY merchant_id ORDER BY merchant_id`,
    );
    const expected = {
      n: store.orders.reduce((sum, order) => sum + (order.items?.length ?? 0), 0),
      quantity: store.orders.reduce((sum, order) => sum + (order.items ?? []).reduce((q, item) => q + Number(item.quantity ?? 0), 0), 0),
      orders: store.orders.filter((order) => (order.items?.length ?? 0) > 0).length,
    };
    expect(lines.map(({ n, quantity, orders }) => ({ n, quantity, orders }))).toEqual([expected, expected]);
  });

  it('lands products, customers and carts once each', async () => {
    for (const [table, expected] of [
      ['products', store.products.length],
      ['customers', store.customers.length],
      ['abandoned_carts', store.carts.length],
    ] as const) {
      const [row] = await engines.ch.rows<{ n: number }>(`SELECT count() AS n FROM ${table} FINAL WHERE merchant_id = ${SHUFFLED}`);
      expect(row?.n, table).toBe(expected);
    }
  });
});

describe('hand-made reorderings', () => {
  const M = 620001;
  const order = (event: string, createdAt: string, data: Record<string, unknown>) => ({ event, merchant: M, created_at: createdAt, data });
  const full = (id: number, total: number, slug: string, updatedAt: string, items = [{ id: 1, product_id: 5, quantity: 1, amounts: { total: { amount: total } } }]) => ({
    id,
    date: '2025-03-10 12:00:00',
    updated_at: updatedAt,
    status: { slug },
    currency: 'SAR',
    amounts: { total: { amount: total, currency: 'SAR' } },
    customer: { id: 77 },
    items,
  });
  const orderRow = async (id: number) =>
    (await engines.ch.rows(`SELECT status, total_minor FROM orders FINAL WHERE merchant_id = ${M} AND order_id = ${id}`))[0];

  it('a status update that arrives before its order is applied when the order comes', async () => {
    await run.send(order('order.status.updated', '2025-03-11 09:00:00', { id: 1, status: { slug: 'completed' } }));
    await drained(engines);
    expect(await orderRow(1)).toBeUndefined();
    await run.send(order('order.created', '2025-03-10 12:00:00', full(1, 100, 'under_review', '2025-03-10 12:00:00')));
    await drained(engines);
    expect(await orderRow(1)).toEqual({ status: 'completed', total_minor: 10000 });
  });

  it('an old version arriving after a new one does not win, and removed lines disappear', async () => {
    const twoLines = [
      { id: 1, product_id: 5, quantity: 1, amounts: { total: { amount: 100 } } },
      { id: 2, product_id: 6, quantity: 1, amounts: { total: { amount: 50 } } },
    ];
    await run.send(order('order.updated', '2025-03-10 15:00:00', full(2, 100, 'in_progress', '2025-03-10 15:00:00.250')));
    await drained(engines);
    await run.send(order('order.created', '2025-03-10 12:00:00', full(2, 150, 'under_review', '2025-03-10 12:00:00', twoLines)));
    await drained(engines);
    expect(await orderRow(2)).toEqual({ status: 'in_progress', total_minor: 10000 });
    const lines = await engines.ch.rows(`SELECT item_id FROM order_items FINAL WHERE merchant_id = ${M} AND order_id = 2`);
    expect(lines).toEqual([{ item_id: 1 }]);
  });

  it('a cancellation in the same second as the creation wins, and changes net sales, not gross', async () => {
    await run.send(order('order.cancelled', '2025-03-10 12:00:00', full(3, 40, 'canceled', '2025-03-10 12:00:00')));
    await run.send(order('order.created', '2025-03-10 12:00:00', full(3, 40, 'under_review', '2025-03-10 12:00:00')));
    await drained(engines);
    expect(await orderRow(3)).toEqual({ status: 'canceled', total_minor: 4000 });
  });

  it('a deletion (even one that arrives first) removes the order from the numbers', async () => {
    await run.send(order('order.deleted', '2025-03-12 08:00:00', { id: 4 }));
    await run.send(order('order.created', '2025-03-10 12:00:00', full(4, 999, 'under_review', '2025-03-10 12:00:00')));
    await drained(engines);
    expect(await orderRow(4)).toBeUndefined();
    const metrics = await overview(M, '2025-03-10', '2025-03-10');
    // Orders 1 (100, completed), 2 (100, in progress), 3 (40, canceled); 4 is deleted.
    expect(metrics).toMatchObject({ orders: 3, grossSales: 24_000, netSales: 20_000, canceledOrders: 1, aov: 10_000, uniqueCustomers: 1 });
  });
});
