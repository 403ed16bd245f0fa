import { localDateRangeToPeriod } from '@salla-analytics/core-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareResults } from '../src/bench/scale/compare-results.js';
import { DASHBOARD_CASES, type ScaleEngines, startScaleEngines } from '../src/bench/scale/scale-bench.js';
import {
  clickhouseDialect,
  hash,
  hashSql,
  orderColumns,
  planDataset,
  postgresDialect,
} from '../src/bench/scale/scale-dataset.js';

// The performance suite's generator and engine-equality check at a tiny scale (pnpm bench runs it
// at full scale): 1,000 merchants and 10,000 orders built in both engines from the same rules.
const SCALE = 0.001;

describe('scale dataset plan', () => {
  it('gives one large merchant 30% of the orders and a long tail of small ones', () => {
    const plan = planDataset(1);
    expect(plan.merchants).toHaveLength(1000);
    expect(plan.totalOrders).toBe(10_000_000);
    expect(plan.expectedLines).toBe(20_000_000);
    expect(plan.large).toMatchObject({ merchantId: 1, orders: 3_000_000 });
    expect(plan.median.orders).toBeGreaterThan(500);
    expect(plan.median.orders).toBeLessThan(5_000);
    expect(plan.small.orders).toBeLessThan(plan.median.orders);
    // most merchants are small: 80% of them hold well under a tenth of all orders
    const sorted = plan.merchants.map((m) => m.orders).sort((a, b) => a - b);
    expect(sorted.slice(0, 800).reduce((a, b) => a + b, 0)).toBeLessThan(plan.totalOrders * 0.1);
    expect(planDataset(1)).toEqual(plan);
  });

  it('refuses a scale outside (0, 1]', () => {
    expect(() => planDataset(0)).toThrow(/BENCH_SCALE/);
    expect(() => planDataset(2)).toThrow(/BENCH_SCALE/);
  });
});

describe('scale dataset in ClickHouse and PostgreSQL', () => {
  let engines: ScaleEngines;
  beforeAll(async () => {
    engines = await startScaleEngines({ scale: SCALE, log: () => undefined });
  }, 300_000);
  afterAll(async () => {
    await engines?.close();
  });

  it('computes the same hash in both engines as in TypeScript', async () => {
    const keys = [0n, 1n, 4194303n, 4194304n * 1000n + 2999999n, 17_179_869_183n];
    const expected = keys.map((k) => String(hash(k, 'status')));
    const ch = await engines.clickhouseClient.query({
      query: `SELECT toString(${hashSql('k', 'status')}) AS h FROM (SELECT arrayJoin([${keys.join(',')}]::Array(UInt64)) AS k)`,
      format: 'JSONEachRow',
    });
    expect(((await ch.json()) as Array<{ h: string }>).map((r) => r.h)).toEqual(expected);
    const pgRows = await engines.pgPool.query<{ h: string }>(
      `SELECT (${hashSql('k', 'status')})::text AS h FROM unnest(ARRAY[${keys.join(',')}]::bigint[]) WITH ORDINALITY AS t(k, n) ORDER BY n`,
    );
    expect(pgRows.rows.map((r) => r.h)).toEqual(expected);
    expect(new Set(expected).size).toBe(keys.length);
    // the dialects differ only in spelling
    expect(orderColumns(clickhouseDialect).status).not.toBe(orderColumns(postgresDialect).status);
  });

  it('builds the planned dataset, with the same totals in both engines', async () => {
    const { plan } = engines;
    expect(engines.clickhouseLoad.orders).toBe(plan.totalOrders);
    expect(engines.postgresLoad.orders).toBe(plan.totalOrders);
    expect(engines.clickhouseLoad.lines).toBe(engines.postgresLoad.lines);
    // 1–3 lines per order, two on average
    expect(engines.clickhouseLoad.lines / plan.totalOrders).toBeGreaterThan(1.9);
    expect(engines.clickhouseLoad.lines / plan.totalOrders).toBeLessThan(2.1);
    const totals = await engines.totals([plan.large.merchantId, plan.median.merchantId, plan.small.merchantId, 500]);
    expect(totals.map((t) => t.equal)).toEqual([true, true, true, true]);
    expect(totals[0]?.clickhouse).toMatch(new RegExp(`^${plan.large.orders} orders`));
  });

  it('has realistic shares: statuses, cities, guests', async () => {
    const result = await engines.clickhouseClient.query({
      query: `SELECT countIf(status = 'canceled') / count() AS canceled, countIf(status IN ('refunded', 'restored')) / count() AS refunded,
                     countIf(customer_city = 'الرياض') / count() AS riyadh, countIf(customer_id = 0) / count() AS guests,
                     dateDiff('day', min(created_at), max(created_at)) AS days
              FROM orders FINAL WHERE merchant_id = 1`,
      format: 'JSONEachRow',
    });
    const [row] = (await result.json()) as Array<Record<string, number>>;
    expect(row?.canceled).toBeGreaterThan(0.05);
    expect(row?.canceled).toBeLessThan(0.11);
    expect(row?.refunded).toBeGreaterThan(0.03);
    expect(row?.riyadh).toBeGreaterThan(0.2);
    expect(row?.guests).toBeGreaterThan(0.04);
    expect(row?.days).toBeGreaterThan(700);
  });

  it('answers every dashboard query with the same numbers in both engines', async () => {
    const { large, median } = engines.plan;
    for (const merchant of [large, median]) {
      for (const [name, fn] of DASHBOARD_CASES) {
        const [ch, pg] = [await fn(engines.clickhouse, merchant.merchantId), await fn(engines.postgres, merchant.merchantId)];
        expect(compareResults(ch, pg), `${name} for merchant ${merchant.merchantId}`).toEqual([]);
      }
    }
    // not vacuous: the large merchant has sales, customers and carts in the compared answers
    const twoYears = localDateRangeToPeriod('2024-07-01', '2026-06-30', 'Asia/Riyadh');
    const overview = await engines.postgres.getRevenueOverview({ merchantId: large.merchantId, period: twoYears });
    expect(overview.metrics.orders.value).toBe(large.orders);
  });

  it('reports a difference when the answers differ', () => {
    expect(compareResults({ a: [1, 2], b: 'x' }, { a: [1, 3], b: 'x' })).toEqual(['a[1]: 2 ≠ 3']);
    expect(compareResults({ avgLtv: 10 }, { avgLtv: 11 })).toEqual([]);
    expect(compareResults([1], [1, 2])).toEqual(['.: 1 items ≠ 2 items']);
  });
});
