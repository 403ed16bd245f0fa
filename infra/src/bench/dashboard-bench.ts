import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { comparisonPeriod, generateStore, localDateRangeToPeriod } from '@salla-analytics/core-library';
import {
  BatchWriter,
  ClickHouseAnalyticsRepository,
  createAnalyticsClient,
  orderToRows,
  runMigrations,
  startEmbeddedClickHouse,
} from '@salla-analytics/olap-repository';
import { timeRuns } from './percentiles.js';

export interface BenchOptions {
  /** Orders per month for the small, median and large merchants (12 months each). */
  sizes: { small: number; median: number; large: number };
  runs: number;
  log: (line: string) => void;
}

export interface QueryResult {
  merchant: string;
  orders: number;
  query: string;
  p50: number;
  p95: number;
  runs: number;
}

export interface BenchReport {
  date: string;
  machine: string;
  ingest: { rows: number; seconds: number; rowsPerSecond: number };
  queries: QueryResult[];
}

const END = new Date('2026-06-30T20:59:59Z');

/** Dashboard queries on the embedded ClickHouse for a small, a median and a large merchant. */
export async function runDashboardBench(options: BenchOptions): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const server = await startEmbeddedClickHouse({ dataPath: dir, port: 0 });
  try {
    const admin = createAnalyticsClient({ url: server.url });
    await runMigrations(admin, { database: 'bench' });
    await admin.close();
    const client = createAnalyticsClient({ url: server.url, database: 'bench', requestTimeoutMs: 300_000 });
    const writer = new BatchWriter({ client, database: 'bench', maxRows: 50_000, maxDelayMs: 500 });
    const merchants = [
      { name: 'small', id: 1001, perMonth: options.sizes.small },
      { name: 'median', id: 1002, perMonth: options.sizes.median },
      { name: 'large', id: 1003, perMonth: options.sizes.large },
    ];
    let rows = 0;
    let ingestMs = 0;
    const orderCounts = new Map<string, number>();
    for (const merchant of merchants) {
      options.log(`generating ${merchant.name} merchant (${merchant.perMonth} orders/month × 12)…`);
      const store = generateStore({ seed: merchant.id, merchantId: merchant.id, months: 12, endDate: END, ordersPerMonth: merchant.perMonth });
      orderCounts.set(merchant.name, store.orders.length);
      const orderRows = store.orders.map((order) => orderToRows(merchant.id, order, 1));
      const started = performance.now();
      await Promise.all([
        writer.write('orders', orderRows.map((r) => r.order)),
        writer.write('order_items', orderRows.flatMap((r) => r.items)),
      ]);
      await writer.flush();
      ingestMs += performance.now() - started;
      rows += orderRows.reduce((sum, r) => sum + 1 + r.items.length, 0);
    }
    await writer.close();

    const repo = new ClickHouseAnalyticsRepository(client);
    const last30 = localDateRangeToPeriod('2026-06-01', '2026-06-30', 'Asia/Riyadh');
    const year = localDateRangeToPeriod('2025-07-01', '2026-06-30', 'Asia/Riyadh');
    const queries: QueryResult[] = [];
    for (const merchant of merchants) {
      const cases: Array<[string, () => Promise<unknown>]> = [
        ['overview, 30 days vs previous', () => repo.getRevenueOverview({ merchantId: merchant.id, period: last30, comparison: comparisonPeriod(last30, 'previous_period') })],
        ['overview, 12 months vs previous', () => repo.getRevenueOverview({ merchantId: merchant.id, period: year, comparison: comparisonPeriod(year, 'previous_period') })],
        ['daily trend, 30 days', () => repo.getSalesTrend({ merchantId: merchant.id, period: last30, granularity: 'day' })],
        ['weekly trend, 12 months', () => repo.getSalesTrend({ merchantId: merchant.id, period: year, granularity: 'week' })],
        ['top 10 products, 30 days', () => repo.getTopProducts({ merchantId: merchant.id, period: last30, limit: 10 })],
        ['top 10 products, 12 months', () => repo.getTopProducts({ merchantId: merchant.id, period: year, limit: 10 })],
      ];
      for (const [query, fn] of cases) {
        const timing = await timeRuns(options.runs, fn);
        queries.push({ merchant: merchant.name, orders: orderCounts.get(merchant.name) ?? 0, query, ...timing });
        options.log(`${merchant.name.padEnd(6)} ${query.padEnd(32)} p50 ${timing.p50.toFixed(1)} ms  p95 ${timing.p95.toFixed(1)} ms`);
      }
    }
    await client.close();
    const cpu = cpus();
    return {
      date: new Date().toISOString(),
      machine: `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}`,
      ingest: { rows, seconds: ingestMs / 1000, rowsPerSecond: Math.round(rows / (ingestMs / 1000)) },
      queries,
    };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function renderBenchmarks(report: BenchReport): string {
  const lines = [
    '# Benchmarks',
    '',
    'Written by `pnpm bench` (infra/src/bench). Dashboard queries through `IAnalyticsRepository`',
    'on the embedded ClickHouse engine (chdb behind its HTTP interface), one warm-up run, then',
    'timed runs; p50/p95 are nearest-rank percentiles of the whole round trip (HTTP + query + JSON).',
    '',
    `- Date: ${report.date}`,
    `- Machine: ${report.machine}`,
    `- Batch insert: ${report.ingest.rows.toLocaleString('en')} rows (orders + items) in ${report.ingest.seconds.toFixed(1)} s = ${report.ingest.rowsPerSecond.toLocaleString('en')} rows/s`,
    '',
    '| merchant | orders (12 months) | query | p50 ms | p95 ms | runs |',
    '|---|---:|---|---:|---:|---:|',
    ...report.queries.map(
      (q) => `| ${q.merchant} | ${q.orders.toLocaleString('en')} | ${q.query} | ${q.p50.toFixed(1)} | ${q.p95.toFixed(1)} | ${q.runs} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
