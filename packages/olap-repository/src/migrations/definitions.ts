import { type DdlContext, mergeTreeEngine, onCluster, table } from './ddl-context.js';

export interface Migration {
  version: number;
  name: string;
  statements: (ctx: DdlContext) => string[];
}

/**
 * Every analytical table is a ReplacingMergeTree keyed by `merchant_id` first, with a `version`
 * column (newer wins) and an `is_deleted` flag, so that duplicate and out-of-order deliveries
 * converge to one row per entity when read with FINAL. Never edit a released migration: add one.
 */
export const migrations: Migration[] = [
  {
    version: 1,
    name: 'create_orders',
    statements: (ctx) => [
      `CREATE TABLE IF NOT EXISTS ${table(ctx, 'orders')}${onCluster(ctx)} (
        merchant_id UInt64,
        order_id UInt64,
        reference_id String,
        created_at DateTime64(3, 'UTC'),
        status LowCardinality(String),
        payment_method LowCardinality(String),
        source LowCardinality(String),
        currency LowCardinality(String),
        sub_total_minor Int64,
        shipping_minor Int64,
        tax_minor Int64,
        discount_minor Int64,
        total_minor Int64,
        items_count UInt32,
        customer_id UInt64,
        customer_city String,
        customer_country LowCardinality(String),
        coupon_code String,
        version UInt64,
        is_deleted UInt8 DEFAULT 0,
        ingested_at DateTime64(3, 'UTC') DEFAULT now64(3)
      ) ENGINE = ${mergeTreeEngine(ctx, 'ReplacingMergeTree', ['version', 'is_deleted'])}
      PARTITION BY toYYYYMM(created_at)
      ORDER BY (merchant_id, order_id)`,
    ],
  },
  {
    version: 2,
    name: 'create_order_items',
    statements: (ctx) => [
      `CREATE TABLE IF NOT EXISTS ${table(ctx, 'order_items')}${onCluster(ctx)} (
        merchant_id UInt64,
        order_id UInt64,
        item_id UInt64,
        product_id UInt64,
        sku String,
        name String,
        quantity Int32,
        unit_price_minor Int64,
        discount_minor Int64,
        tax_minor Int64,
        total_minor Int64,
        currency LowCardinality(String),
        order_created_at DateTime64(3, 'UTC'),
        version UInt64,
        is_deleted UInt8 DEFAULT 0
      ) ENGINE = ${mergeTreeEngine(ctx, 'ReplacingMergeTree', ['version', 'is_deleted'])}
      PARTITION BY toYYYYMM(order_created_at)
      ORDER BY (merchant_id, order_id, item_id)`,
    ],
  },
  {
    version: 3,
    name: 'create_customers_products_carts',
    statements: (ctx) => [
      `CREATE TABLE IF NOT EXISTS ${table(ctx, 'customers')}${onCluster(ctx)} (
        merchant_id UInt64,
        customer_id UInt64,
        first_name String,
        last_name String,
        email String,
        mobile String,
        city String,
        country LowCardinality(String),
        gender LowCardinality(String),
        created_at DateTime64(3, 'UTC'),
        updated_at DateTime64(3, 'UTC'),
        version UInt64,
        is_deleted UInt8 DEFAULT 0
      ) ENGINE = ${mergeTreeEngine(ctx, 'ReplacingMergeTree', ['version', 'is_deleted'])}
      ORDER BY (merchant_id, customer_id)`,
      `CREATE TABLE IF NOT EXISTS ${table(ctx, 'products')}${onCluster(ctx)} (
        merchant_id UInt64,
        product_id UInt64,
        name String,
        sku String,
        category String,
        price_minor Int64,
        cost_minor Nullable(Int64),
        currency LowCardinality(String),
        quantity Nullable(Int64),
        status LowCardinality(String),
        created_at DateTime64(3, 'UTC'),
        version UInt64,
        is_deleted UInt8 DEFAULT 0
      ) ENGINE = ${mergeTreeEngine(ctx, 'ReplacingMergeTree', ['version', 'is_deleted'])}
      ORDER BY (merchant_id, product_id)`,
      `CREATE TABLE IF NOT EXISTS ${table(ctx, 'abandoned_carts')}${onCluster(ctx)} (
        merchant_id UInt64,
        cart_id UInt64,
        customer_id UInt64,
        total_minor Int64,
        currency LowCardinality(String),
        items_count UInt32,
        status LowCardinality(String),
        created_at DateTime64(3, 'UTC'),
        updated_at DateTime64(3, 'UTC'),
        version UInt64,
        is_deleted UInt8 DEFAULT 0
      ) ENGINE = ${mergeTreeEngine(ctx, 'ReplacingMergeTree', ['version', 'is_deleted'])}
      PARTITION BY toYYYYMM(created_at)
      ORDER BY (merchant_id, cart_id)`,
      `CREATE TABLE IF NOT EXISTS ${table(ctx, 'order_status_history')}${onCluster(ctx)} (
        merchant_id UInt64,
        order_id UInt64,
        status LowCardinality(String),
        changed_at DateTime64(3, 'UTC'),
        version UInt64
      ) ENGINE = ${mergeTreeEngine(ctx, 'ReplacingMergeTree', ['version'])}
      PARTITION BY toYYYYMM(changed_at)
      ORDER BY (merchant_id, order_id, changed_at, status)`,
    ],
  },
  {
    version: 4,
    name: 'create_sales_hourly_view',
    // Narrow copy of each order's latest state, sorted by (merchant, UTC hour): dashboard reads
    // scan only the merchant's hours in range. Hourly UTC buckets serve every store time zone.
    // Not a SummingMergeTree on purpose: an order's status and total change after it is placed
    // and deliveries repeat, so pre-summed amounts would count superseded versions twice; a
    // ReplacingMergeTree read with FINAL stays exact.
    statements: (ctx) => [
      `CREATE TABLE IF NOT EXISTS ${table(ctx, 'sales_hourly')}${onCluster(ctx)} (
        merchant_id UInt64,
        hour DateTime('UTC'),
        order_id UInt64,
        created_at DateTime64(3, 'UTC'),
        status LowCardinality(String),
        payment_method LowCardinality(String),
        currency LowCardinality(String),
        total_minor Int64,
        customer_id UInt64,
        customer_city String,
        version UInt64,
        is_deleted UInt8 DEFAULT 0
      ) ENGINE = ${mergeTreeEngine(ctx, 'ReplacingMergeTree', ['version', 'is_deleted'])}
      PARTITION BY toYYYYMM(hour)
      ORDER BY (merchant_id, hour, order_id)`,
      `CREATE MATERIALIZED VIEW IF NOT EXISTS ${table(ctx, 'sales_hourly_mv')}${onCluster(ctx)}
      TO ${table(ctx, 'sales_hourly')} AS
      SELECT merchant_id, toStartOfHour(created_at) AS hour, order_id, created_at, status, payment_method,
             currency, total_minor, customer_id, customer_city, version, is_deleted
      FROM ${table(ctx, 'orders')}`,
    ],
  },
  {
    version: 5,
    name: 'abandoned_carts_recovery_fields',
    // What a cart recovery email needs: where to send it, in which language, what was in the
    // cart and Salla's link back to its checkout. Items are kept as JSON text ([{name, quantity, total_minor}]).
    statements: (ctx) => [
      `ALTER TABLE ${table(ctx, 'abandoned_carts')}${onCluster(ctx)}
        ADD COLUMN IF NOT EXISTS checkout_url String DEFAULT '',
        ADD COLUMN IF NOT EXISTS customer_email String DEFAULT '',
        ADD COLUMN IF NOT EXISTS customer_name String DEFAULT '',
        ADD COLUMN IF NOT EXISTS customer_language LowCardinality(String) DEFAULT '',
        ADD COLUMN IF NOT EXISTS items_json String DEFAULT '[]'`,
    ],
  },
];
