import { generateStore, toLocalDate } from '@salla-analytics/core-library';
import { createDatabase, upsertMerchant } from '@salla-analytics/database-schema';
import {
  abandonedCartToRow,
  BatchWriter,
  customerToRow,
  orderToRows,
  productToRow,
} from '@salla-analytics/olap-repository';
import { z } from 'zod';
import type { StackEnv } from '../env.js';
import type { LocalStack, StackLog } from '../local-stack/start-stack.js';

export interface DemoStoreSummary {
  merchantId: number;
  loaded: boolean;
  orders: number;
  products: number;
  customers: number;
  fromDate: string;
  toDate: string;
}

/**
 * Fills the demo store (a generated Saudi store, deterministic by DEMO_SEED) once. A store that
 * already has orders is left alone, so restarts keep whatever the merchant did since.
 */
export async function loadDemoStore(stack: LocalStack, env: StackEnv, log: StackLog): Promise<DemoStoreSummary> {
  const merchantId = env.DEMO_MERCHANT_ID;
  const counts = await stack.analytics.query({
    query: `SELECT
        (SELECT count() FROM orders FINAL WHERE merchant_id = {m:UInt64}) AS orders,
        (SELECT count() FROM products FINAL WHERE merchant_id = {m:UInt64}) AS products,
        (SELECT count() FROM customers FINAL WHERE merchant_id = {m:UInt64}) AS customers,
        (SELECT toString(toDate(min(created_at), 'Asia/Riyadh')) FROM orders WHERE merchant_id = {m:UInt64}) AS first_day,
        (SELECT toString(toDate(max(created_at), 'Asia/Riyadh')) FROM orders WHERE merchant_id = {m:UInt64}) AS last_day`,
    query_params: { m: merchantId },
    format: 'JSONEachRow',
  });
  const [existing] = z
    .array(
      z.object({
        orders: z.coerce.number(),
        products: z.coerce.number(),
        customers: z.coerce.number(),
        first_day: z.string(),
        last_day: z.string(),
      }),
    )
    .parse(await counts.json());
  if (existing && existing.orders > 0) {
    return {
      merchantId,
      loaded: false,
      orders: existing.orders,
      products: existing.products,
      customers: existing.customers,
      fromDate: existing.first_day,
      toDate: existing.last_day,
    };
  }

  log(`generating demo store ${merchantId} (${env.DEMO_MONTHS} months, ~${env.DEMO_ORDERS_PER_MONTH} orders/month)…`);
  const store = generateStore({
    seed: env.DEMO_SEED,
    merchantId,
    months: env.DEMO_MONTHS,
    endDate: new Date(),
    ordersPerMonth: env.DEMO_ORDERS_PER_MONTH,
  });
  const db = createDatabase(stack.databaseUrl);
  try {
    await upsertMerchant(db, { id: merchantId, name: 'متجر العرض — Demo Store', domain: 'demo.salla.sa', currency: 'SAR', timeZone: store.timeZone });
  } finally {
    await db.$disconnect();
  }
  const writer = new BatchWriter({ client: stack.analytics, database: stack.clickhouseDatabase, maxRows: 10_000, maxDelayMs: 200 });
  const version = Date.now();
  const writes: Promise<void>[] = [
    writer.write('products', store.products.map((p) => productToRow(merchantId, p, version))),
    writer.write('customers', store.customers.map((c) => customerToRow(merchantId, c, version))),
    writer.write('abandoned_carts', store.carts.map((c) => abandonedCartToRow(merchantId, c, version))),
    writer.write(
      'order_status_history',
      store.statusHistory.map((s) => ({ merchant_id: merchantId, order_id: s.orderId, status: s.slug, changed_at: s.at, version })),
    ),
  ];
  for (const order of store.orders) {
    const rows = orderToRows(merchantId, order, version);
    writes.push(writer.write('orders', [rows.order]), writer.write('order_items', rows.items));
  }
  await Promise.all(writes);
  await writer.close();
  const lastDay = toLocalDate(store.endDate, store.timeZone);
  return {
    merchantId,
    loaded: true,
    orders: store.orders.length,
    products: store.products.length,
    customers: store.customers.length,
    fromDate: toLocalDate(store.startDate, store.timeZone),
    toDate: lastDay,
  };
}
