import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations, runMigrations } from '../src/index.js';
import { startTestClickHouse, type TestClickHouse } from './support/clickhouse.js';

let ch: TestClickHouse;
beforeAll(async () => {
  ch = await startTestClickHouse('migrations_test');
});
afterAll(async () => ch?.close());

describe('ClickHouse migrations', () => {
  it('records every migration once and a second run is a no-op', async () => {
    const second = await runMigrations(ch.admin, { database: ch.database });
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBe(migrations.length);
    const rows = await ch.client.query({ query: 'SELECT count() AS n FROM schema_migrations', format: 'JSONEachRow' });
    expect((await rows.json<{ n: number | string }>()).map((r) => Number(r.n))).toEqual([migrations.length]);
  });

  it('applies to an empty database and reports what it applied', async () => {
    const result = await runMigrations(ch.admin, { database: 'migrations_fresh' });
    expect(result.applied.map((m) => m.version)).toEqual(migrations.map((m) => m.version));
    expect(result.alreadyApplied).toBe(0);
  });

  it('puts merchant_id first in the ordering key of every analytical table', async () => {
    const rows = await ch.client.query({
      query: `SELECT name, engine, sorting_key, partition_key FROM system.tables
              WHERE database = {db:String} AND engine LIKE '%MergeTree' AND name != 'schema_migrations' ORDER BY name`,
      query_params: { db: ch.database },
      format: 'JSONEachRow',
    });
    const tables = (await rows.json()) as Array<{ name: string; engine: string; sorting_key: string }>;
    expect(tables.map((t) => t.name)).toEqual([
      'abandoned_carts',
      'customers',
      'order_items',
      'order_status_history',
      'orders',
      'products',
      'sales_hourly',
    ]);
    for (const t of tables) {
      expect(t.engine).toBe('ReplacingMergeTree');
      expect(t.sorting_key.startsWith('merchant_id,')).toBe(true);
    }
  });

  it('refuses to run when an applied migration was edited', async () => {
    const edited = migrations.map((m) =>
      m.version === 1 ? { ...m, statements: () => ['SELECT 1 /* edited */'] } : m,
    );
    await expect(runMigrations(ch.admin, { database: ch.database }, edited)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('writes ON CLUSTER DDL with Replicated engines when a cluster is configured', () => {
    const sql = migrations[0]!.statements({ database: 'db', cluster: 'prod' }).join('\n');
    expect(sql).toContain("ON CLUSTER 'prod'");
    expect(sql).toContain("ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', version, is_deleted)");
  });
});
