import type { ClickHouseClient } from '@clickhouse/client';
import {
  cartColumns,
  clickhouseDialect as d,
  lineColumns,
  merchantValues,
  orderColumns,
  productColumns,
  type ScalePlan,
} from './scale-dataset.js';

export interface LoadTimings {
  seconds: Record<string, number>;
  orders: number;
  lines: number;
}

/**
 * Builds the dataset inside ClickHouse with `INSERT … SELECT` (no rows cross the wire): orders
 * (their `sales_hourly` copy is written by the migrations' materialized view), order lines,
 * products and abandoned carts, then merges each table's parts (`OPTIMIZE … FINAL`), the state
 * background merges reach on a store that is not being written to.
 */
export async function loadClickHouse(client: ClickHouseClient, plan: ScalePlan, log: (line: string) => void): Promise<LoadTimings> {
  const seconds: Record<string, number> = {};
  const step = async (name: string, sql: string) => {
    const started = performance.now();
    await client.command({ query: sql, clickhouse_settings: { max_partitions_per_insert_block: '1000' } });
    seconds[name] = (seconds[name] ?? 0) + (performance.now() - started) / 1000;
    log(`clickhouse: ${name} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  await step('merchants', 'CREATE TABLE bench_merchants (merchant_id UInt64, orders UInt64, customers UInt64, products UInt64, carts UInt64) ENGINE = Memory');
  await step('merchants', `INSERT INTO bench_merchants VALUES ${merchantValues(plan)}`);
  const o = orderColumns(d, 'bm', 'k');
  await step(
    'orders',
    `INSERT INTO orders (merchant_id, order_id, reference_id, created_at, status, payment_method, source, currency,
       sub_total_minor, shipping_minor, tax_minor, discount_minor, total_minor, items_count, customer_id, customer_city,
       customer_country, coupon_code, version)
     SELECT bm.merchant_id, ${o.orderId}, toString(${o.orderId}), ${o.createdAt}, ${o.status}, ${o.paymentMethod}, 'web', 'SAR',
       ${o.total}, 0, 0, 0, ${o.total}, ${o.lines}, ${o.customerId}, ${o.city}, 'SA', '', 1
     FROM bench_merchants AS bm ARRAY JOIN range(bm.orders) AS k`,
  );
  const line = lineColumns(d, 'm', 'm.k', 'i');
  await step(
    'order_items',
    `INSERT INTO order_items (merchant_id, order_id, item_id, product_id, sku, name, quantity, unit_price_minor,
       discount_minor, tax_minor, total_minor, currency, order_created_at, version)
     SELECT m.merchant_id, m.order_id, m.order_id * 4 + i, ${line.productId}, 'SKU-' || toString(${line.productId}),
       'منتج ' || toString(${line.productId}), ${line.quantity}, intDiv(${line.total}, ${line.quantity}), 0, 0, ${line.total}, 'SAR',
       m.created_at, 1
     FROM (
       SELECT bm.merchant_id AS merchant_id, bm.products AS products, k, ${o.orderId} AS order_id, ${o.lines} AS lines,
              ${o.createdAt} AS created_at
       FROM bench_merchants AS bm ARRAY JOIN range(bm.orders) AS k
     ) AS m ARRAY JOIN range(m.lines) AS i`,
  );
  const p = productColumns(d, 'bm', 'p');
  await step(
    'products',
    `INSERT INTO products (merchant_id, product_id, name, sku, category, price_minor, cost_minor, currency, quantity, status, created_at, version)
     SELECT bm.merchant_id, p, ${p.name}, ${p.sku}, ${p.category}, ${p.price}, NULL, 'SAR', NULL, 'sale', toDateTime64('2024-01-01 00:00:00', 3, 'UTC'), 1
     FROM bench_merchants AS bm ARRAY JOIN range(1, bm.products + 1) AS p`,
  );
  const c = cartColumns(d, 'bm', 'c');
  await step(
    'abandoned_carts',
    `INSERT INTO abandoned_carts (merchant_id, cart_id, customer_id, total_minor, currency, items_count, status, created_at, updated_at, version)
     SELECT bm.merchant_id, ${c.cartId}, ${c.customerId}, ${c.total}, 'SAR', ${c.itemsCount}, ${c.status}, ${c.createdAt}, ${c.createdAt}, 1
     FROM bench_merchants AS bm ARRAY JOIN range(bm.carts) AS c`,
  );
  for (const table of ['orders', 'sales_hourly', 'order_items', 'products', 'abandoned_carts']) {
    await step('optimize', `OPTIMIZE TABLE ${table} FINAL`);
  }
  const counts = await client.query({
    query: 'SELECT (SELECT count() FROM orders) AS orders, (SELECT count() FROM order_items) AS lines',
    format: 'JSONEachRow',
  });
  const [row] = (await counts.json()) as Array<{ orders: string; lines: string }>;
  return { seconds, orders: Number(row?.orders), lines: Number(row?.lines) };
}
