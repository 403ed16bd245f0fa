import { type OrderStatusCategory, orderStatusCategory, SALLA_ORDER_STATUSES } from '@salla-analytics/core-library';
import type pg from 'pg';
import {
  cartColumns,
  lineColumns,
  merchantValues,
  orderColumns,
  postgresDialect as d,
  productColumns,
  type ScalePlan,
} from './scale-dataset.js';
import type { LoadTimings } from './load-clickhouse.js';

/** The store time zone the daily rollups are cut in (the default store zone; the benchmark's periods use it). */
export const ROLLUP_TIME_ZONE = 'Asia/Riyadh';

function slugsOf(category: OrderStatusCategory): string[] {
  const slugs = Object.keys(SALLA_ORDER_STATUSES).filter((slug) => orderStatusCategory(slug) === category);
  return category === 'canceled' ? [...slugs, 'cancelled'] : slugs;
}
const list = (values: string[]) => `(${values.map((v) => `'${v}'`).join(', ')})`;
/** The same metric definitions as olap-repository's sql-fragments. */
export const PG_CANCELED = `status IN ${list(slugsOf('canceled'))}`;
export const PG_REFUNDED = `status IN ${list(slugsOf('refunded'))}`;
export const PG_KEPT = `NOT (${PG_CANCELED} OR ${PG_REFUNDED})`;

const day = (column: string) => `(${column} AT TIME ZONE '${ROLLUP_TIME_ZONE}')::date`;

/**
 * The PostgreSQL design the ClickHouse numbers are compared with — what a competent PostgreSQL
 * engineer would build for these dashboards on one server:
 *
 * - raw tables with composite primary keys led by `merchant_id` (every query is per merchant);
 * - covering btree indexes on `(merchant_id, created_at)` that INCLUDE the columns the dashboards
 *   read, so range reads are index-only scans; `(merchant_id, customer_id, created_at)` for
 *   customer look-ups (carts recovered by a later purchase);
 * - materialized rollups per store-local day (the store's time zone), refreshed after each load:
 *   sales by day × status, × payment method, × city; product and category sales by day (kept
 *   orders only, distinct orders per day, which add up exactly over days because an order lives on
 *   one day); one row per customer (first/last purchase, orders, lifetime value) and per customer
 *   and month (first purchase in the month) for the customer analytics;
 * - VACUUM ANALYZE after the load (statistics and the visibility map index-only scans need),
 *   memory settings sized for a 24 GiB analytics box (shared_buffers 4 GB, work_mem 64 MB,
 *   effective_cache_size 16 GB, random_page_cost 1.1 for SSD).
 *
 * Tables are UNLOGGED only to load faster on this shared machine; it changes nothing for reads.
 */
export const POSTGRES_SETTINGS = [
  "ALTER SYSTEM SET shared_buffers = '4GB'",
  "ALTER SYSTEM SET work_mem = '64MB'",
  "ALTER SYSTEM SET maintenance_work_mem = '1GB'",
  "ALTER SYSTEM SET effective_cache_size = '16GB'",
  'ALTER SYSTEM SET random_page_cost = 1.1',
  "ALTER SYSTEM SET max_wal_size = '8GB'",
  'ALTER SYSTEM SET jit = off',
];

const TABLES = [
  `CREATE UNLOGGED TABLE bench_merchants (merchant_id bigint PRIMARY KEY, orders bigint, customers bigint, products bigint, carts bigint)`,
  `CREATE UNLOGGED TABLE orders (
     merchant_id bigint NOT NULL, order_id bigint NOT NULL, created_at timestamptz NOT NULL, status text NOT NULL,
     payment_method text NOT NULL, currency text NOT NULL, total_minor bigint NOT NULL, items_count int NOT NULL,
     customer_id bigint NOT NULL, customer_city text NOT NULL)`,
  `CREATE UNLOGGED TABLE order_items (
     merchant_id bigint NOT NULL, order_id bigint NOT NULL, item_id bigint NOT NULL, product_id bigint NOT NULL,
     quantity int NOT NULL, total_minor bigint NOT NULL, order_created_at timestamptz NOT NULL)`,
  `CREATE UNLOGGED TABLE products (
     merchant_id bigint NOT NULL, product_id bigint NOT NULL, name text NOT NULL, sku text NOT NULL, category text NOT NULL,
     price_minor bigint NOT NULL)`,
  `CREATE UNLOGGED TABLE abandoned_carts (
     merchant_id bigint NOT NULL, cart_id bigint NOT NULL, customer_id bigint NOT NULL, total_minor bigint NOT NULL,
     currency text NOT NULL, items_count int NOT NULL, status text NOT NULL, created_at timestamptz NOT NULL)`,
];

const INDEXES = [
  'ALTER TABLE orders ADD PRIMARY KEY (merchant_id, order_id)',
  'CREATE INDEX orders_by_time ON orders (merchant_id, created_at) INCLUDE (status, total_minor, customer_id, payment_method, customer_city, currency, order_id)',
  'CREATE INDEX orders_by_customer ON orders (merchant_id, customer_id, created_at) INCLUDE (status, total_minor)',
  'ALTER TABLE order_items ADD PRIMARY KEY (merchant_id, order_id, item_id)',
  'CREATE INDEX order_items_by_time ON order_items (merchant_id, order_created_at) INCLUDE (order_id, product_id, quantity, total_minor)',
  'ALTER TABLE products ADD PRIMARY KEY (merchant_id, product_id)',
  'ALTER TABLE abandoned_carts ADD PRIMARY KEY (merchant_id, cart_id)',
  'CREATE INDEX carts_by_time ON abandoned_carts (merchant_id, created_at) INCLUDE (customer_id, total_minor, status, currency)',
];

/** Rollups, each with a unique index (so `REFRESH MATERIALIZED VIEW CONCURRENTLY` works) that covers its reads. */
export const ROLLUPS: Array<{ name: string; sql: string; index: string }> = [
  ...(['status', 'payment_method', 'customer_city'] as const).map((dimension) => {
    const name = dimension === 'status' ? 'sales_daily' : `sales_daily_by_${dimension === 'payment_method' ? 'payment' : 'city'}`;
    const key = dimension === 'status' ? 'status' : `${dimension}, status`;
    return {
      name,
      sql: `SELECT merchant_id, ${day('created_at')} AS day, ${key}, count(*) AS orders, sum(total_minor) AS gross_minor
            FROM orders GROUP BY merchant_id, day, ${key}`,
      index: `(merchant_id, day, ${key}) INCLUDE (orders, gross_minor)`,
    };
  }),
  {
    name: 'product_sales_daily',
    sql: `SELECT i.merchant_id, ${day('i.order_created_at')} AS day, i.product_id, sum(i.quantity)::bigint AS quantity,
                 sum(i.total_minor)::bigint AS revenue_minor, count(DISTINCT i.order_id) AS orders
          FROM order_items i JOIN orders o USING (merchant_id, order_id)
          WHERE ${PG_KEPT.replaceAll('status', 'o.status')}
          GROUP BY i.merchant_id, day, i.product_id`,
    index: '(merchant_id, day, product_id) INCLUDE (quantity, revenue_minor, orders)',
  },
  {
    name: 'category_sales_daily',
    sql: `SELECT i.merchant_id, ${day('i.order_created_at')} AS day, coalesce(p.category, '') AS category,
                 sum(i.quantity)::bigint AS quantity, sum(i.total_minor)::bigint AS revenue_minor, count(DISTINCT i.order_id) AS orders
          FROM order_items i JOIN orders o USING (merchant_id, order_id)
          LEFT JOIN products p ON p.merchant_id = i.merchant_id AND p.product_id = i.product_id
          WHERE ${PG_KEPT.replaceAll('status', 'o.status')}
          GROUP BY i.merchant_id, day, category`,
    index: '(merchant_id, day, category) INCLUDE (quantity, revenue_minor, orders)',
  },
  {
    name: 'customer_summary',
    sql: `SELECT merchant_id, customer_id, min(created_at) AS first_at, max(created_at) AS last_at, count(*) AS orders,
                 sum(total_minor)::bigint AS ltv_minor
          FROM orders WHERE customer_id <> 0 AND ${PG_KEPT} GROUP BY merchant_id, customer_id`,
    index: '(merchant_id, customer_id) INCLUDE (first_at, last_at, orders, ltv_minor)',
  },
  {
    name: 'customer_months',
    sql: `SELECT merchant_id, customer_id, date_trunc('month', ${day('created_at')})::date AS month, min(created_at) AS first_at
          FROM orders WHERE customer_id <> 0 AND ${PG_KEPT} GROUP BY merchant_id, customer_id, month`,
    index: '(merchant_id, customer_id, month) INCLUDE (first_at)',
  },
];

export async function createPostgresDesign(client: pg.ClientBase, plan: ScalePlan, log: (line: string) => void): Promise<LoadTimings> {
  const seconds: Record<string, number> = {};
  const step = async (name: string, sql: string) => {
    const started = performance.now();
    await client.query(sql);
    const took = (performance.now() - started) / 1000;
    seconds[name] = (seconds[name] ?? 0) + took;
    log(`postgres: ${name} ${took.toFixed(1)} s`);
  };
  // The load's own session may use more memory (the rollups' joins and sorts); queries keep the server's 64 MB.
  await step('tables', "SET work_mem = '1GB'");
  for (const sql of TABLES) await step('tables', sql);
  await step('merchants', `INSERT INTO bench_merchants VALUES ${merchantValues(plan)}`);
  const o = orderColumns(d, 'bm', 'k');
  await step(
    'orders',
    `INSERT INTO orders SELECT bm.merchant_id, ${o.orderId}, ${o.createdAt}, ${o.status}, ${o.paymentMethod}, 'SAR', ${o.total},
       ${o.lines}, ${o.customerId}, ${o.city}
     FROM bench_merchants bm CROSS JOIN LATERAL generate_series(0::bigint, bm.orders - 1) AS k`,
  );
  const line = lineColumns(d, 'm', 'm.k', 'i');
  await step(
    'order_items',
    `INSERT INTO order_items
     SELECT m.merchant_id, m.order_id, m.order_id * 4 + i, ${line.productId}, ${line.quantity}, ${line.total}, m.created_at
     FROM (
       SELECT bm.merchant_id, bm.products, k, ${o.orderId} AS order_id, ${o.lines} AS lines, ${o.createdAt} AS created_at
       FROM bench_merchants bm CROSS JOIN LATERAL generate_series(0::bigint, bm.orders - 1) AS k
     ) AS m CROSS JOIN LATERAL generate_series(0::bigint, m.lines - 1) AS i`,
  );
  const p = productColumns(d, 'bm', 'p');
  await step(
    'products',
    `INSERT INTO products SELECT bm.merchant_id, p, ${p.name}, ${p.sku}, ${p.category}, ${p.price}
     FROM bench_merchants bm CROSS JOIN LATERAL generate_series(1::bigint, bm.products) AS p`,
  );
  const c = cartColumns(d, 'bm', 'c');
  await step(
    'abandoned_carts',
    `INSERT INTO abandoned_carts SELECT bm.merchant_id, ${c.cartId}, ${c.customerId}, ${c.total}, 'SAR', ${c.itemsCount}, ${c.status}, ${c.createdAt}
     FROM bench_merchants bm CROSS JOIN LATERAL generate_series(0::bigint, bm.carts - 1) AS c`,
  );
  for (const sql of INDEXES) await step('indexes', sql);
  await step('analyze', 'VACUUM ANALYZE orders, order_items, products, abandoned_carts');
  for (const rollup of ROLLUPS) {
    await step('rollups', `CREATE MATERIALIZED VIEW ${rollup.name} AS ${rollup.sql} WITH NO DATA`);
    await step('rollups', `CREATE UNIQUE INDEX ${rollup.name}_key ON ${rollup.name} ${rollup.index}`);
    await step('rollups', `REFRESH MATERIALIZED VIEW ${rollup.name}`);
  }
  // Rollup freshness: the customer rollups answer "as of" any instant after the newest order.
  await step('rollups', 'CREATE TABLE rollup_state AS SELECT max(created_at) AS refreshed_through FROM orders');
  await step('analyze', `VACUUM ANALYZE ${ROLLUPS.map((r) => r.name).join(', ')}`);
  const counts = await client.query<{ orders: string; lines: string }>(
    'SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM order_items) AS lines',
  );
  return { seconds, orders: Number(counts.rows[0]?.orders), lines: Number(counts.rows[0]?.lines) };
}
